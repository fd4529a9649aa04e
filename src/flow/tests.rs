//! Unit tests of the small pieces of the flow parser; the edge rules are pinned on
//! fixtures in tests/flow_fixtures.rs.

use serde_json::json;

use super::actions::action_kind;
use super::containers::container_kind;
use super::values::{action_settings, humanize};
use super::*;

#[test]
fn keys_read_as_words() {
    assert_eq!(humanize("loopCount"), "Loop count");
    assert_eq!(humanize("preTransferAudio"), "Pre transfer audio");
    assert_eq!(humanize("queues"), "Queues");
    assert_eq!(humanize(""), "");
}

#[test]
fn action_and_container_kinds_by_type_name() {
    let kinds: Vec<ActionKind> = [
        "TransferPureMatchAction",
        "TransferTaskAction",
        "CallTaskAction",
        "DisconnectAction",
        "CallBotFlowAction",
        "EvaluateScheduleGroupAction",
        "NextLoopAction",
        "SomethingNewAction",
    ]
    .into_iter()
    .map(action_kind)
    .collect();
    assert_eq!(
        kinds,
        [
            ActionKind::Transfer,
            ActionKind::Jump,
            ActionKind::Jump,
            ActionKind::Terminal,
            ActionKind::CallFlow,
            ActionKind::Schedule,
            ActionKind::Loop,
            ActionKind::Step,
        ]
    );
    assert_eq!(
        container_kind("CommonModuleTask"),
        ContainerKind::CommonModuleTask
    );
    assert_eq!(container_kind("Portal"), ContainerKind::Other);
}

#[test]
fn settings_show_inputs_names_and_skip_ids_and_empty_values() {
    let action = json!({
        "__type": "DataAction", "id": "x", "name": "Call", "actionId": "custom_-_1",
        "actionName": "Get Policy",
        "inputs": [{"name": "ani", "value": {"config": {"ref": {}}, "text": "Call.Ani", "type": "str"}}],
        "timeout": {"config": {"emp": {}}, "text": "", "type": "dur"},
        "category": {"id": "Web", "name": "Web Services"}
    });
    let settings: Vec<(String, String)> = action_settings(&action)
        .into_iter()
        .map(|s| (s.name, s.text))
        .collect();
    assert_eq!(
        settings,
        [
            ("Action".to_string(), "Get Policy".to_string()),
            ("Input ani".to_string(), "Call.Ani".to_string()),
            ("Category".to_string(), "Web Services".to_string()),
        ]
    );
}

#[test]
fn not_a_flow_document_is_an_error() {
    assert_eq!(
        parse_document(&json!([1, 2])),
        Err(FlowError::NotAFlowDocument("not a JSON object".into()))
    );
    assert_eq!(
        parse_document(&json!({"name": "x"})),
        Err(FlowError::NotAFlowDocument(
            "no `flowSequenceItemList` array".into()
        ))
    );
}

#[test]
fn star_and_pound_choices_and_speech_only_choices() {
    let doc = json!({
        "name": "M", "type": "inboundcall", "initialSequence": "m",
        "flowSequenceItemList": [{"__type": "Menu", "id": "m", "name": "M", "menuChoiceList": [
            {"id": "a", "name": "Star", "digit": "star", "action": {"__type": "DisconnectAction", "id": "x1"}},
            {"id": "b", "name": "Pound", "digit": "#", "action": {"__type": "DisconnectAction", "id": "x2"}},
            {"id": "c", "name": "Speech", "speechRecTerms": {"en-US": ["help"]},
             "action": {"__type": "DisconnectAction", "id": "x3"}}
        ]}]
    });
    let g = parse_document(&doc).expect("parses");
    let menu = g.containers[0].menu.as_ref().expect("menu");
    let digits: Vec<Option<&str>> = menu.choices.iter().map(|c| c.digit.as_deref()).collect();
    assert_eq!(digits, [Some("*"), Some("#"), None]);
    let labels: Vec<Option<&str>> = g.edges.iter().take(3).map(|e| e.label.as_deref()).collect();
    assert_eq!(labels, [Some("*"), Some("#"), Some("Speech")]);
    assert_eq!(menu.choices[2].speech_terms, ["help"]);
}
