//! Reads every object list and every flow of a snapshot into unresolved [`Object`]s and
//! [`Flow`]s, with the links each kind of object makes (resolved later in `resolve`).

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use super::{Flow, Link, Object, Org, Ref, Resolution};
use crate::flow::{FlowError, FlowGraph};
use crate::kind::ObjectKind;
use crate::snapshot::{FlowVersion, Gap, List, Snapshot};

/// Reads the snapshot; links and references are left unresolved.
pub(super) fn read(
    snapshot: &Snapshot,
    graphs: &BTreeMap<String, Result<FlowGraph, FlowError>>,
) -> Org {
    let mut org = Org {
        name: text(snapshot.organization.as_ref(), "name"),
        id: text(snapshot.organization.as_ref(), "id"),
        gaps: snapshot.gaps.clone(),
        ..Org::default()
    };
    for list in List::ALL {
        if snapshot.lists.contains_key(&list) {
            org.read.push(list.kind());
        }
        if list == List::Flows {
            continue;
        }
        // An entity listed twice (list pages shifting while read) is documented once.
        let mut seen = HashSet::new();
        let mut objects: Vec<Object> = snapshot
            .list(list)
            .iter()
            .filter_map(|raw| object(list.kind(), raw, snapshot))
            .filter(|o| seen.insert(o.id.clone()))
            .collect();
        objects.sort_by(|a, b| sort_key(&a.name, &a.id).cmp(&sort_key(&b.name, &b.id)));
        org.objects.insert(list.kind(), objects);
    }
    let mut seen = HashSet::new();
    for raw in snapshot.list(List::Flows) {
        if let Some(flow) = flow(raw, snapshot, graphs, &mut org.gaps) {
            if seen.insert(flow.id.clone()) {
                org.flows.push(flow);
            }
        }
    }
    org.flows.sort_by(|a, b| {
        (a.flow_type.as_str(), sort_key(&a.name, &a.id))
            .cmp(&(b.flow_type.as_str(), sort_key(&b.name, &b.id)))
    });
    org.gaps.sort();
    org.gaps.dedup();
    org
}

/// Names sort case-insensitively first, then exactly, then by id, so the order is total.
fn sort_key<'a>(name: &'a str, id: &'a str) -> (String, &'a str, &'a str) {
    (name.to_lowercase(), name, id)
}

fn text(value: Option<&Value>, key: &str) -> Option<String> {
    value?.get(key).and_then(Value::as_str).map(str::to_string)
}

/// A version id may be a string (`"3.0"`) or a number in some responses.
fn version(raw: &Value, key: &str) -> Option<String> {
    match raw.get(key)?.get("id")? {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

fn object(kind: ObjectKind, raw: &Value, snapshot: &Snapshot) -> Option<Object> {
    let id = raw.get("id").and_then(Value::as_str)?.to_string();
    let links = links(&kind, &id, raw, snapshot);
    Some(Object {
        name: text(Some(raw), "name").unwrap_or_default(),
        description: text(Some(raw), "description").filter(|d| !d.is_empty()),
        division: raw.get("division").and_then(|d| text(Some(d), "name")),
        raw: raw.clone(),
        links,
        kind,
        id,
    })
}

/// An unresolved reference from a `{id, name}` entity reference.
fn entity_ref(kind: ObjectKind, value: &Value) -> Option<Ref> {
    let id = text(Some(value), "id");
    let name = text(Some(value), "name").unwrap_or_default();
    if id.is_none() && name.is_empty() {
        return None;
    }
    Some(Ref {
        kind,
        id,
        name,
        resolution: Resolution::Unresolved,
    })
}

fn links(kind: &ObjectKind, id: &str, raw: &Value, snapshot: &Snapshot) -> Vec<Link> {
    let mut out = Vec::new();
    let mut one = |role: &str, target: ObjectKind, path: &[&str]| {
        let value = path.iter().try_fold(raw, |v, key| v.get(key));
        if let Some(target) = value.and_then(|v| entity_ref(target, v)) {
            out.push(Link {
                role: role.to_string(),
                target,
            });
        }
    };
    match kind {
        ObjectKind::Queue => {
            one("In-queue flow (call)", ObjectKind::Flow, &["queueFlow"]);
            one(
                "In-queue flow (email)",
                ObjectKind::Flow,
                &["emailInQueueFlow"],
            );
            one(
                "In-queue flow (message)",
                ObjectKind::Flow,
                &["messageInQueueFlow"],
            );
            let callback = ["mediaSettings", "callback"];
            one(
                "Callback live voice flow",
                ObjectKind::Flow,
                &[callback[0], callback[1], "liveVoiceFlow"],
            );
            one(
                "Callback answering machine flow",
                ObjectKind::Flow,
                &[callback[0], callback[1], "answeringMachineFlow"],
            );
            one("Whisper prompt", ObjectKind::Prompt, &["whisperPrompt"]);
            one("On-hold prompt", ObjectKind::Prompt, &["onHoldPrompt"]);
        }
        ObjectKind::Trunk => one("Trunk base settings", ObjectKind::TrunkBase, &["trunkBase"]),
        ObjectKind::TrunkBase => {
            one("Site", ObjectKind::Site, &["site"]);
            one("Inbound site", ObjectKind::Site, &["inboundSite"]);
        }
        ObjectKind::Ivr => {
            one("Open hours flow", ObjectKind::Flow, &["openHoursFlow"]);
            one("Closed hours flow", ObjectKind::Flow, &["closedHoursFlow"]);
            one(
                "Holiday hours flow",
                ObjectKind::Flow,
                &["holidayHoursFlow"],
            );
            one(
                "Schedule group",
                ObjectKind::ScheduleGroup,
                &["scheduleGroup"],
            );
        }
        _ => {}
    }
    out.extend(list_links(kind, id, raw, snapshot));
    out
}

/// Links held in arrays: wrap-up codes, schedules, sites, emergency call flows.
fn list_links(kind: &ObjectKind, id: &str, raw: &Value, snapshot: &Snapshot) -> Vec<Link> {
    let each = |role: &str, target: ObjectKind, values: &[Value]| -> Vec<Link> {
        values
            .iter()
            .filter_map(|v| entity_ref(target.clone(), v))
            .map(|target| Link {
                role: role.to_string(),
                target,
            })
            .collect()
    };
    let array = |key: &str| raw.get(key).and_then(Value::as_array).cloned();
    let mut out = Vec::new();
    match kind {
        ObjectKind::Queue => {
            if let Some(codes) = snapshot.queue_wrapup_codes.get(id) {
                out.extend(each("Wrap-up code", ObjectKind::WrapupCode, codes));
            }
        }
        ObjectKind::Site => {
            for (role, key) in [
                ("Primary site", "primarySites"),
                ("Secondary site", "secondarySites"),
            ] {
                out.extend(each(
                    role,
                    ObjectKind::Site,
                    &array(key).unwrap_or_default(),
                ));
            }
        }
        ObjectKind::ScheduleGroup => {
            for (role, key) in [
                ("Open schedule", "openSchedules"),
                ("Closed schedule", "closedSchedules"),
                ("Holiday schedule", "holidaySchedules"),
            ] {
                let schedules = array(key).unwrap_or_default();
                out.extend(each(role, ObjectKind::Schedule, &schedules));
            }
        }
        ObjectKind::EmergencyGroup => {
            for entry in array("emergencyCallFlows").unwrap_or_default() {
                if let Some(flow) = entry.get("emergencyFlow") {
                    out.extend(each(
                        "Emergency flow",
                        ObjectKind::Flow,
                        std::slice::from_ref(flow),
                    ));
                }
                let ivrs = entry.get("ivrs").and_then(Value::as_array);
                out.extend(each(
                    "IVR route",
                    ObjectKind::Ivr,
                    ivrs.map_or(&[], Vec::as_slice),
                ));
            }
        }
        _ => {}
    }
    out
}

fn flow(
    raw: &Value,
    snapshot: &Snapshot,
    graphs: &BTreeMap<String, Result<FlowGraph, FlowError>>,
    gaps: &mut Vec<Gap>,
) -> Option<Flow> {
    let id = raw.get("id").and_then(Value::as_str)?.to_string();
    let mut flow = Flow {
        name: text(Some(raw), "name").unwrap_or_default(),
        flow_type: text(Some(raw), "type").unwrap_or_default().to_lowercase(),
        division: raw.get("division").and_then(|d| text(Some(d), "name")),
        description: text(Some(raw), "description").filter(|d| !d.is_empty()),
        published_version: version(raw, "publishedVersion"),
        latest_version: version(raw, "checkedInVersion").or_else(|| version(raw, "savedVersion")),
        languages: languages(raw),
        graph: None,
        no_graph: None,
        references: Vec::new(),
        raw: raw.clone(),
        id,
    };
    match graphs.get(&flow.id) {
        Some(Ok(graph)) => {
            if flow.flow_type.is_empty() {
                flow.flow_type = graph.flow_type.clone();
            }
            if flow.languages.is_empty() {
                flow.languages = graph_languages(graph);
            }
            flow.graph = Some(graph.clone());
        }
        Some(Err(e)) => {
            let reason = format!("the flow document could not be parsed: {e}");
            gaps.push(flow_gap(&flow, snapshot, &reason));
            flow.no_graph = Some(reason);
        }
        None => flow.no_graph = Some(missing_document(&flow, raw, snapshot, gaps)),
    }
    Some(flow)
}

/// Why a flow without a parsed document has none; a document that should be there but is
/// not is a gap, a flow that was never published is not.
fn missing_document(flow: &Flow, raw: &Value, snapshot: &Snapshot, gaps: &mut Vec<Gap>) -> String {
    if snapshot.wanted_version(raw).is_none() {
        return match snapshot.meta.flow_version {
            FlowVersion::Published => "the flow has no published version".to_string(),
            FlowVersion::Latest => "the flow has no checked-in version".to_string(),
        };
    }
    let known = gaps
        .iter()
        .find(|g| g.kind == ObjectKind::Flow && g.id.as_deref() == Some(flow.id.as_str()));
    if let Some(gap) = known {
        return format!("the flow document could not be read: {}", gap.message);
    }
    let reason = "the flow document is missing from the snapshot".to_string();
    gaps.push(flow_gap(flow, snapshot, &reason));
    reason
}

fn flow_gap(flow: &Flow, snapshot: &Snapshot, reason: &str) -> Gap {
    let version = snapshot
        .wanted_version(&flow.raw)
        .unwrap_or_else(|| "none".to_string());
    Gap {
        kind: ObjectKind::Flow,
        id: Some(flow.id.clone()),
        endpoint: format!("flow-documents/{}/{version}.json", flow.id),
        status: None,
        permission: None,
        message: format!("flow {:?} ({}): {reason}", flow.name, flow.id),
    }
}

fn languages(raw: &Value) -> Vec<String> {
    let mut out: Vec<String> = raw
        .get("supportedLanguages")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(|l| text(Some(l), "language"))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn graph_languages(graph: &FlowGraph) -> Vec<String> {
    let mut out = graph.supported_languages.clone();
    out.extend(graph.default_language.clone());
    out.sort();
    out.dedup();
    out
}
