//! Tests of the org model: objects read, references resolved, reverse index, gaps.

use super::fixture::{self, sample_org};
use super::*;
use crate::kind::ObjectKind;

fn key(kind: ObjectKind, id: &str) -> ObjectKey {
    (kind, id.to_string())
}

#[test]
fn every_object_of_every_kind_is_read_and_sorted_by_name() {
    let org = sample_org();
    assert_eq!(org.name.as_deref(), Some("Assurances Étoile"));
    let names = |kind: ObjectKind| -> Vec<String> {
        org.objects_of(&kind)
            .iter()
            .map(|o| o.name.clone())
            .collect()
    };
    assert_eq!(names(ObjectKind::Queue), ["Claims FR", "NO"]);
    assert_eq!(names(ObjectKind::WrapupCode), ["Done", "yes"]);
    assert_eq!(names(ObjectKind::Trunk), ["SIP Proximus"]);
    let flows: Vec<(&str, &str)> = org
        .flows
        .iter()
        .map(|f| (f.flow_type.as_str(), f.name.as_str()))
        .collect();
    assert_eq!(
        flows,
        [
            ("inboundcall", "Billing | FR"),
            ("inboundcall", "Broken"),
            ("inboundcall", "Draft"),
            ("inboundcall", "Main IVR"),
            ("inboundcall", "Missing doc"),
            ("inqueuecall", "Default in-queue"),
        ]
    );
    assert_eq!(org.read.len(), 15);
}

#[test]
fn flows_without_a_graph_say_why_and_real_losses_are_gaps() {
    let org = sample_org();
    let reason = |id: &str| org.flow(id).and_then(|f| f.no_graph.clone());
    assert_eq!(
        reason("f-draft").as_deref(),
        Some("the flow has no published version")
    );
    assert_eq!(
        reason("f-broken").as_deref(),
        Some(
            "the flow document could not be parsed: not a flow document: no `flowSequenceItemList`"
        )
    );
    assert_eq!(
        reason("f-missing").as_deref(),
        Some("the flow document is missing from the snapshot")
    );
    assert_eq!(reason("f-main"), None);
    let gaps: Vec<(String, Option<String>, String)> = org
        .gaps
        .iter()
        .map(|g| (g.kind.to_string(), g.id.clone(), g.endpoint.clone()))
        .collect();
    assert_eq!(
        gaps,
        [
            (
                "flow".into(),
                Some("f-broken".into()),
                "flow-documents/f-broken/2.0.json".into()
            ),
            (
                "flow".into(),
                Some("f-missing".into()),
                "flow-documents/f-missing/5.0.json".into()
            ),
        ]
    );
    let main = org.flow("f-main").expect("main flow");
    assert_eq!(main.languages, ["fr-be", "nl-be"]);
    assert_eq!(main.published_version.as_deref(), Some("3.0"));
    assert_eq!(main.latest_version.as_deref(), Some("4.0"));
    assert_eq!(main.division.as_deref(), Some("Home"));
}

#[test]
fn references_resolve_by_id_then_name_then_unique_folded_name() {
    let org = sample_org();
    let main = org.flow("f-main").expect("main flow");
    let resolved: Vec<(String, String, Resolution)> = main
        .references
        .iter()
        .map(|r| {
            (
                r.target.kind.to_string(),
                r.target.name.clone(),
                r.target.resolution.clone(),
            )
        })
        .collect();
    assert_eq!(
        resolved,
        [
            (
                "flow".into(),
                "Billing | FR".into(),
                Resolution::Found("f-billing".into())
            ),
            (
                "queue".into(),
                "Claims FR".into(),
                Resolution::Found("q-claims".into())
            ),
            ("queue".into(), "Task.Queue".into(), Resolution::Dynamic),
            (
                "skill".into(),
                "french".into(),
                Resolution::Found("s-fr".into())
            ),
            (
                "prompt".into(),
                "Old greeting".into(),
                Resolution::Unresolved
            ),
            (
                "data-action".into(),
                "Get customer".into(),
                Resolution::Found("da-1".into())
            ),
            (
                "schedule-group".into(),
                "Belgium hours".into(),
                Resolution::Found("sg-1".into())
            ),
        ]
    );
}

#[test]
fn ambiguous_folded_names_stay_unresolved() {
    let (mut snapshot, mut graphs) = fixture::sample();
    let queues = snapshot.lists.get_mut(&List::Queues).expect("queues");
    queues.push(serde_json::json!({"id": "q-a", "name": "Sales"}));
    queues.push(serde_json::json!({"id": "q-b", "name": "SALES"}));
    let Some(Ok(graph)) = graphs.get_mut("f-main") else {
        panic!("main graph")
    };
    graph.references = vec![
        fixture::reference(ObjectKind::Queue, None, "sales", &["a-4"]),
        fixture::reference(ObjectKind::Queue, None, "SALES", &["a-4"]),
        fixture::reference(ObjectKind::Queue, Some("q-gone"), "Claims FR", &["a-4"]),
    ];
    let org = Org::assemble(&snapshot, &graphs);
    let main = org.flow("f-main").expect("main");
    let got: Vec<&Resolution> = main
        .references
        .iter()
        .map(|r| &r.target.resolution)
        .collect();
    assert_eq!(
        got,
        [
            &Resolution::Unresolved,
            &Resolution::Found("q-b".into()),
            // An id the org does not hold is not matched by name.
            &Resolution::Unresolved,
        ]
    );
}

#[test]
fn usages_name_the_exact_action_or_menu_choice() {
    let org = sample_org();
    let usage = |container, action| Usage {
        flow: "f-main".into(),
        place: Place::Action { container, action },
    };
    assert_eq!(org.usages_of(&ObjectKind::Queue, "q-claims"), [usage(1, 3)]);
    assert_eq!(
        org.usages_of(&ObjectKind::DataAction, "da-1"),
        [usage(1, 1)]
    );
    assert_eq!(
        org.usages_of(&ObjectKind::ScheduleGroup, "sg-1"),
        [Usage {
            flow: "f-main".into(),
            place: Place::Flow
        }]
    );
    assert_eq!(
        org.usages_of(&ObjectKind::Flow, "f-billing"),
        [Usage {
            flow: "f-main".into(),
            place: Place::Choice {
                container: 0,
                choice: 1
            }
        }]
    );
    assert!(org.usages_of(&ObjectKind::Queue, "q-no").is_empty());
}

#[test]
fn entry_points_list_ivrs_queues_emergency_groups_and_flows() {
    let org = sample_org();
    let billing = org.entry_points("f-billing");
    assert_eq!(
        billing,
        [
            EntryPoint::Object(Referrer {
                from: key(ObjectKind::Ivr, "ivr-1"),
                role: "Closed hours flow".into()
            }),
            EntryPoint::Object(Referrer {
                from: key(ObjectKind::EmergencyGroup, "eg-1"),
                role: "Emergency flow".into()
            }),
            EntryPoint::Flow(Usage {
                flow: "f-main".into(),
                place: Place::Choice {
                    container: 0,
                    choice: 1
                }
            }),
        ]
    );
    assert_eq!(
        org.entry_points("f-inqueue"),
        [EntryPoint::Object(Referrer {
            from: key(ObjectKind::Queue, "q-claims"),
            role: "In-queue flow (call)".into()
        })]
    );
}

#[test]
fn object_links_resolve_and_trunks_get_their_site() {
    let org = sample_org();
    let trunk = org.object(&ObjectKind::Trunk, "t-1").expect("trunk");
    let links: Vec<(&str, Option<&str>)> = trunk
        .links
        .iter()
        .map(|l| (l.role.as_str(), l.target.found()))
        .collect();
    assert_eq!(
        links,
        [
            ("Trunk base settings", Some("tb-1")),
            ("Site", Some("site-1"))
        ]
    );
    assert_eq!(
        org.referrers_of(&ObjectKind::WrapupCode, "w-done"),
        [Referrer {
            from: key(ObjectKind::Queue, "q-claims"),
            role: "Wrap-up code".into()
        }]
    );
    assert_eq!(
        org.referrers_of(&ObjectKind::Schedule, "sch-1"),
        [Referrer {
            from: key(ObjectKind::ScheduleGroup, "sg-1"),
            role: "Open schedule".into()
        }]
    );
}

#[test]
fn build_parses_documents_from_the_snapshot() {
    let (mut snapshot, _) = fixture::sample();
    snapshot.flow_documents.insert(
        ("f-main".into(), "3.0".into()),
        serde_json::json!({
            "name": "Main IVR",
            "type": "inboundcall",
            "initialSequence": "t1",
            "flowSequenceItemList": [{"__type": "Task", "id": "t1", "name": "Start", "actionList": []}]
        }),
    );
    snapshot.flow_documents.insert(
        ("f-broken".into(), "2.0".into()),
        serde_json::json!(["not", "an", "object"]),
    );
    let org = Org::build(&snapshot);
    assert!(org.flow("f-main").expect("main").graph.is_some());
    assert_eq!(
        org.flow("f-broken").and_then(|f| f.no_graph.as_deref()),
        Some("the flow document could not be parsed: not a flow document: not a JSON object")
    );
    let ids: Vec<_> = org.gaps.iter().filter_map(|g| g.id.as_deref()).collect();
    assert_eq!(ids, ["f-billing", "f-broken", "f-inqueue", "f-missing"]);
}

#[test]
fn transfers_to_flows_by_name_are_entry_points_of_the_target() {
    use crate::flow::{ActionKind, Target};
    let (snapshot, mut graphs) = fixture::sample();
    let Some(Ok(graph)) = graphs.get_mut("f-main") else {
        panic!("main graph")
    };
    graph.references.clear();
    let to_flow = Target::Flow {
        id: None,
        name: "default IN-QUEUE".into(),
    };
    graph.containers[1].actions[4] = fixture::action(
        "a-5",
        ActionKind::Transfer,
        "TransferFlowAction",
        "To in-queue",
        vec![fixture::out(None, to_flow)],
    );
    let menu = graph.containers[0].menu.as_mut().expect("menu");
    menu.choices[0].action = Some("act-behind-choice".into());
    graph.references.push(fixture::reference(
        ObjectKind::Skill,
        Some("s-fr"),
        "French",
        &["act-behind-choice"],
    ));
    let org = Org::assemble(&snapshot, &graphs);
    let entries = org.entry_points("f-inqueue");
    assert_eq!(
        entries[1],
        EntryPoint::Flow(Usage {
            flow: "f-main".into(),
            place: Place::Action {
                container: 1,
                action: 4
            }
        })
    );
    assert_eq!(
        org.usages_of(&ObjectKind::Skill, "s-fr"),
        [Usage {
            flow: "f-main".into(),
            place: Place::Choice {
                container: 0,
                choice: 0
            }
        }]
    );
}

#[test]
fn an_unknown_id_is_not_replaced_by_a_namesake() {
    let mut org = sample_org();
    let queue = org.objects_of(&ObjectKind::Queue)[0].clone();
    let upper = queue.name.to_uppercase();
    let resolver = Resolver::new(&org);
    let lookup =
        |r: &Resolver, id: Option<&str>, name: &str| r.resolve(&ObjectKind::Queue, id, name);
    assert_eq!(
        lookup(&resolver, Some(&queue.id), "renamed"),
        Resolution::Found(queue.id.clone())
    );
    assert_eq!(
        lookup(&resolver, Some("not-in-this-org"), &queue.name),
        Resolution::Unresolved
    );
    assert_eq!(
        lookup(&resolver, Some("not-in-this-org"), &upper),
        Resolution::Unresolved
    );
    assert_eq!(
        lookup(&resolver, None, &queue.name),
        Resolution::Found(queue.id.clone())
    );
    org.names_for_unknown_ids = true;
    let exports = Resolver::new(&org);
    assert_eq!(
        lookup(&exports, Some("not-in-this-org"), &queue.name),
        Resolution::Found(queue.id)
    );
}
