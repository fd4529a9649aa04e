//! Test fixtures: a small fictional org as a snapshot plus hand-built flow graphs (the flow
//! parser is developed separately, so the graphs are written here as values).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::Org;
use crate::flow::{
    Action, ActionKind, Container, ContainerKind, FlowError, FlowGraph, Menu, MenuChoice, Output,
    Reference, Setting, Target,
};
use crate::kind::ObjectKind;
use crate::snapshot::{List, Meta, Snapshot};

/// Parsed graphs keyed by flow id, as `Org::assemble` takes them.
pub type Graphs = BTreeMap<String, Result<FlowGraph, FlowError>>;

/// An action with the given outputs.
pub fn action(
    id: &str,
    kind: ActionKind,
    type_name: &str,
    name: &str,
    outputs: Vec<Output>,
) -> Action {
    Action {
        id: id.into(),
        tracking_id: None,
        type_name: type_name.into(),
        kind,
        name: name.into(),
        depth: 0,
        settings: Vec::new(),
        outputs,
    }
}

/// An output with an optional label.
pub fn out(label: Option<&str>, target: Target) -> Output {
    Output {
        label: label.map(str::to_string),
        output_id: None,
        target,
    }
}

/// A setting.
pub fn setting(name: &str, text: &str) -> Setting {
    Setting {
        name: name.into(),
        text: text.into(),
    }
}

/// A container of actions.
pub fn container(id: &str, kind: ContainerKind, name: &str, actions: Vec<Action>) -> Container {
    Container {
        id: id.into(),
        type_name: format!("{kind:?}"),
        kind,
        name: name.into(),
        start_action: actions.first().map(|a| a.id.clone()),
        actions,
        menu: None,
    }
}

/// A reference.
pub fn reference(kind: ObjectKind, id: Option<&str>, name: &str, used_by: &[&str]) -> Reference {
    Reference {
        kind,
        id: id.map(str::to_string),
        name: name.into(),
        dynamic: false,
        used_by: used_by.iter().map(|s| s.to_string()).collect(),
    }
}

/// A menu choice.
pub fn choice(
    id: &str,
    digit: Option<&str>,
    name: &str,
    action_type: &str,
    target: Target,
) -> MenuChoice {
    MenuChoice {
        id: Some(id.into()),
        digit: digit.map(str::to_string),
        name: name.into(),
        speech_terms: Vec::new(),
        action_type: action_type.into(),
        action: None,
        target,
        is_default: false,
    }
}

fn to(id: &str) -> Target {
    Target::Action(id.into())
}

/// The main IVR: a menu, a task with a decision, a transfer, a data action and a disconnect.
pub fn main_graph() -> FlowGraph {
    let mut menu = container("c-menu", ContainerKind::Menu, "Main menu", Vec::new());
    let mut claims = choice(
        "ch-1",
        Some("1"),
        "Claims",
        "Jump to task",
        Target::Container("c-claims".into()),
    );
    claims.speech_terms = vec!["claim".into(), "claims".into()];
    let billing = choice(
        "ch-2",
        Some("2"),
        "Billing | FR",
        "Transfer to flow",
        Target::Flow {
            id: Some("f-billing".into()),
            name: "Billing | FR".into(),
        },
    );
    let mut operator = choice("ch-3", None, "Operator [*]", "Disconnect", Target::End);
    operator.is_default = true;
    menu.menu = Some(Menu {
        choices: vec![claims, billing, operator],
    });
    let mut greeting = action(
        "a-1",
        ActionKind::Step,
        "PlayAudioAction",
        "Greeting",
        vec![out(None, to("a-2"))],
    );
    greeting.settings = vec![setting("Audio", "ToAudioTTS(\"Welcome | bienvenue\")")];
    greeting.tracking_id = Some("1".into());
    let mut lookup = action(
        "a-2",
        ActionKind::DataAction,
        "DataAction",
        "Lookup customer",
        vec![out(None, to("a-3")), out(Some("Failure"), to("a-5"))],
    );
    lookup.settings = vec![setting("Input ani", "Call.Ani")];
    let mut vip = action(
        "a-3",
        ActionKind::Decision,
        "DecisionAction",
        "Is VIP?",
        vec![out(Some("Yes"), to("a-4")), out(Some("No"), to("a-5"))],
    );
    vip.settings = vec![setting("Condition", "Flow.IsVip == true\nand `x` | y")];
    let mut transfer = action(
        "a-4",
        ActionKind::Transfer,
        "TransferPureMatchAction",
        "Transfer to Claims",
        vec![out(Some("Failure"), to("a-5"))],
    );
    transfer.depth = 1;
    transfer.settings = vec![setting("Queue", "\"Claims FR\"")];
    let disconnect = action(
        "a-5",
        ActionKind::Terminal,
        "DisconnectAction",
        "",
        vec![out(None, Target::End)],
    );
    let task = container(
        "c-claims",
        ContainerKind::Task,
        "Claims task",
        vec![greeting, lookup, vip, transfer, disconnect],
    );
    let mut dynamic = reference(ObjectKind::Queue, None, "Task.Queue", &["a-4"]);
    dynamic.dynamic = true;
    FlowGraph {
        name: "Main IVR".into(),
        flow_type: "inboundcall".into(),
        default_language: Some("fr-be".into()),
        supported_languages: vec!["fr-be".into(), "nl-be".into()],
        start_container: Some("c-menu".into()),
        containers: vec![menu, task],
        settings: vec![setting("Error handling", "Transfer to \"Claims FR\"")],
        references: vec![
            reference(
                ObjectKind::Flow,
                Some("f-billing"),
                "Billing | FR",
                &["ch-2"],
            ),
            reference(ObjectKind::Queue, Some("q-claims"), "Claims FR", &["a-4"]),
            dynamic,
            reference(ObjectKind::Skill, None, "french", &["a-4"]),
            reference(ObjectKind::Prompt, None, "Old greeting", &["a-1"]),
            reference(
                ObjectKind::DataAction,
                Some("da-1"),
                "Get customer",
                &["a-2"],
            ),
            reference(
                ObjectKind::ScheduleGroup,
                Some("sg-1"),
                "Belgium hours",
                &[],
            ),
        ],
        ..FlowGraph::default()
    }
}

fn small_graph(name: &str, flow_type: &str, kind: ContainerKind) -> FlowGraph {
    let end = action(
        "e-1",
        ActionKind::Terminal,
        "DisconnectAction",
        "Bye",
        vec![out(None, Target::End)],
    );
    FlowGraph {
        name: name.into(),
        flow_type: flow_type.into(),
        start_container: Some("c-1".into()),
        containers: vec![container("c-1", kind, "Only task", vec![end])],
        ..FlowGraph::default()
    }
}

fn list(snapshot: &mut Snapshot, list: List, entities: Vec<Value>) {
    snapshot.lists.insert(list, entities);
}

/// The sample org's snapshot and graphs.
pub fn sample() -> (Snapshot, Graphs) {
    let mut s = Snapshot {
        meta: Meta {
            format: crate::snapshot::FORMAT,
            captured_at: Some("2026-11-30T02:00:00Z".into()),
            ..Meta::default()
        },
        organization: Some(json!({"id": "org-1", "name": "Assurances Étoile"})),
        ..Snapshot::default()
    };
    let home = json!({"id": "d-1", "name": "Home"});
    list(
        &mut s,
        List::Flows,
        vec![
            json!({"id": "f-main", "name": "Main IVR", "type": "INBOUNDCALL", "division": home,
               "description": "Front door of the contact centre.\nSecond line.",
               "publishedVersion": {"id": "3.0"}, "checkedInVersion": {"id": "4.0"}}),
            json!({"id": "f-billing", "name": "Billing | FR", "type": "INBOUNDCALL", "publishedVersion": {"id": "1.0"}}),
            json!({"id": "f-inqueue", "name": "Default in-queue", "type": "INQUEUECALL", "publishedVersion": {"id": "2.0"}}),
            json!({"id": "f-draft", "name": "Draft", "type": "INBOUNDCALL", "savedVersion": {"id": "0.1"}}),
            json!({"id": "f-broken", "name": "Broken", "type": "INBOUNDCALL", "publishedVersion": {"id": "2.0"}}),
            json!({"id": "f-missing", "name": "Missing doc", "type": "INBOUNDCALL", "publishedVersion": {"id": "5.0"}}),
        ],
    );
    list(
        &mut s,
        List::Queues,
        vec![
            json!({"id": "q-claims", "name": "Claims FR", "division": home, "memberCount": 12,
               "mediaSettings": {"call": {"alertingTimeoutSeconds": 8,
                   "serviceLevel": {"percentage": 0.8, "durationMs": 20000}}},
               "acwSettings": {"wrapupPrompt": "MANDATORY_TIMEOUT", "timeoutMs": 30000},
               "skillEvaluationMethod": "BEST", "queueFlow": {"id": "f-inqueue", "name": "Default in-queue"}}),
            json!({"id": "q-no", "name": "NO"}),
        ],
    );
    s.queue_wrapup_codes.insert(
        "q-claims".into(),
        vec![json!({"id": "w-done", "name": "Done"})],
    );
    list(
        &mut s,
        List::Skills,
        vec![json!({"id": "s-fr", "name": "French", "state": "active"})],
    );
    list(
        &mut s,
        List::Languages,
        vec![json!({"id": "l-fr", "name": "Français", "state": "active"})],
    );
    list(
        &mut s,
        List::WrapupCodes,
        vec![
            json!({"id": "w-done", "name": "Done"}),
            json!({"id": "w-yes", "name": "yes"}),
        ],
    );
    list(
        &mut s,
        List::Trunks,
        vec![
            json!({"id": "t-1", "name": "SIP Proximus", "trunkType": "EXTERNAL",
        "state": "active", "inService": true, "enabled": true,
        "trunkBase": {"id": "tb-1", "name": "Proximus base"}, "connectedStatus": {"connected": true}}),
        ],
    );
    list(
        &mut s,
        List::TrunkBaseSettings,
        vec![json!({"id": "tb-1", "name": "Proximus base",
        "trunkType": "EXTERNAL", "state": "active", "site": {"id": "site-1", "name": "Brussels"}})],
    );
    list(
        &mut s,
        List::Sites,
        vec![json!({"id": "site-1", "name": "Brussels", "state": "active", "mediaModel": "Cloud"})],
    );
    list(
        &mut s,
        List::Ivrs,
        vec![
            json!({"id": "ivr-1", "name": "Main line", "dnis": ["+3223456789", "+3223456790"],
        "openHoursFlow": {"id": "f-main", "name": "Main IVR"},
        "closedHoursFlow": {"id": "f-billing", "name": "Billing | FR"},
        "scheduleGroup": {"id": "sg-1", "name": "Belgium hours"}}),
        ],
    );
    list(
        &mut s,
        List::Schedules,
        vec![json!({"id": "sch-1", "name": "Office hours",
        "start": "2026-01-05T08:00:00.000", "end": "2026-01-05T18:00:00.000", "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"})],
    );
    list(
        &mut s,
        List::ScheduleGroups,
        vec![
            json!({"id": "sg-1", "name": "Belgium hours", "timeZone": "Europe/Brussels",
        "openSchedules": [{"id": "sch-1", "name": "Office hours"}]}),
        ],
    );
    list(
        &mut s,
        List::EmergencyGroups,
        vec![json!({"id": "eg-1", "name": "Storm", "enabled": false,
        "emergencyCallFlows": [{"emergencyFlow": {"id": "f-billing"}, "ivrs": [{"id": "ivr-1"}]}]})],
    );
    list(
        &mut s,
        List::Prompts,
        vec![json!({"id": "p-1", "name": "Welcome",
        "resources": [{"language": "fr-be", "ttsString": "Bienvenue", "durationSeconds": 2.5}]})],
    );
    list(
        &mut s,
        List::DataTables,
        vec![json!({"id": "dt-1", "name": "VIP list",
        "schema": {"properties": {"key": {"title": "Phone", "type": "string"}, "tier": {"title": "Tier", "type": "integer"}}}})],
    );
    list(
        &mut s,
        List::DataActions,
        vec![json!({"id": "da-1", "name": "Get customer", "category": "CRM", "secure": false})],
    );
    let mut graphs = Graphs::new();
    graphs.insert("f-main".into(), Ok(main_graph()));
    graphs.insert(
        "f-billing".into(),
        Ok(small_graph(
            "Billing | FR",
            "inboundcall",
            ContainerKind::Task,
        )),
    );
    graphs.insert(
        "f-inqueue".into(),
        Ok(small_graph(
            "Default in-queue",
            "inqueuecall",
            ContainerKind::LoopTask,
        )),
    );
    graphs.insert(
        "f-broken".into(),
        Err(FlowError::NotAFlowDocument(
            "no `flowSequenceItemList`".into(),
        )),
    );
    (s, graphs)
}

/// The sample org.
pub fn sample_org() -> Org {
    let (snapshot, graphs) = sample();
    Org::assemble(&snapshot, &graphs)
}

/// Names that break naive Markdown, YAML, Mermaid and file names.
pub const HOSTILE: [&str; 22] = [
    "NO",
    "1.10",
    "null",
    "~",
    "yes",
    "a: b",
    "# x",
    "  leading spaces",
    "trailing dot.",
    "CON",
    "a/b\\c",
    "Claims",
    "claims",
    "pipe | and [brackets] (paren) <b> *star* _u_ `tick`",
    "end",
    "Réclamations – Schäden – 請求 🎉",
    "quote \" and 'single'",
    "&amp; #35; entity",
    "multi\nline",
    "emoji 🎉",
    "x: [1, 2]",
    "-dash",
];

/// The sample org plus one queue and one wrap-up code per hostile name, and a flow whose
/// containers and actions carry them.
pub fn hostile() -> (Snapshot, Graphs) {
    let (mut s, mut graphs) = sample();
    let queues = s.lists.get_mut(&List::Queues).expect("sample has queues");
    for (i, name) in HOSTILE.iter().enumerate() {
        queues.push(json!({"id": format!("hq-{i:02}"), "name": name,
            "description": format!("{name}\nsecond line: {name}")}));
    }
    let codes = s
        .lists
        .get_mut(&List::WrapupCodes)
        .expect("sample has codes");
    for (i, name) in HOSTILE.iter().enumerate() {
        codes.push(json!({"id": format!("hw-{i:02}"), "name": name}));
    }
    let flows = s.lists.get_mut(&List::Flows).expect("sample has flows");
    flows.push(
        json!({"id": "f-hostile", "name": "end", "type": "INBOUNDCALL",
        "description": "multi\nline: yes", "publishedVersion": {"id": "1.10"}}),
    );
    let actions: Vec<Action> = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let next = if i + 1 < HOSTILE.len() {
                to(&format!("h-{}", i + 1))
            } else {
                Target::End
            };
            let mut a = action(
                &format!("h-{i}"),
                ActionKind::Transfer,
                "TransferPureMatchAction",
                name,
                vec![out(Some(name), next)],
            );
            a.settings = vec![setting(name, name)];
            a
        })
        .collect();
    let references = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, name)| {
            reference(
                ObjectKind::Queue,
                Some(&format!("hq-{i:02}")),
                name,
                &[&format!("h-{i}")],
            )
        })
        .collect();
    graphs.insert(
        "f-hostile".into(),
        Ok(FlowGraph {
            name: "end".into(),
            flow_type: "inboundcall".into(),
            start_container: Some("c-h".into()),
            containers: vec![container(
                "c-h",
                ContainerKind::Task,
                "subgraph \"end\" [x]",
                actions,
            )],
            references,
            ..FlowGraph::default()
        }),
    );
    (s, graphs)
}
