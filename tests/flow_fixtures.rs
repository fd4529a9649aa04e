//! The edge, menu and reference rules of the flow parser, pinned on small fixtures
//! written for gcdocs (tests/fixtures/flows/), with the exact edges and labels expected.

use std::path::Path;

use gcdocs::flow::{self, ActionKind, ContainerKind, FlowGraph, Target};
use gcdocs::kind::ObjectKind;
use pretty_assertions::assert_eq;
use serde_json::Value;

fn fixture(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/flows")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("fixture is readable");
    flow::decode_export(&text).expect("fixture decodes")
}

fn parse(name: &str) -> FlowGraph {
    flow::parse_document(&fixture(name)).expect("fixture parses")
}

fn target(t: &Target) -> String {
    match t {
        Target::Action(id) => id.clone(),
        Target::Container(id) => format!("[{id}]"),
        Target::Flow { name, .. } => format!("flow {name}"),
        Target::End => "END".into(),
        Target::Return => "RETURN".into(),
        Target::Missing(id) => format!("MISSING {id}"),
    }
}

/// Edges as `from -> to (label)` lines, in the graph's order.
fn edges(g: &FlowGraph) -> Vec<String> {
    g.edges
        .iter()
        .map(|e| match &e.label {
            Some(l) => format!("{} -> {} ({l})", e.from, target(&e.to)),
            None => format!("{} -> {}", e.from, target(&e.to)),
        })
        .collect()
}

/// Actions as `depth id`, in reading order.
fn reading_order(g: &FlowGraph) -> Vec<String> {
    g.containers
        .iter()
        .flat_map(|c| c.actions.iter().map(|a| format!("{} {}", a.depth, a.id)))
        .collect()
}

#[test]
fn implicit_rejoin_and_transfer_failure() {
    let g = parse("rejoin.json");
    assert_eq!(
        edges(&g),
        [
            "task-main -> a-decide",
            "a-decide -> a-vip (Yes)",
            "a-decide -> a-after (No)",
            "a-vip -> a-after",
            "a-after -> END",
            "a-after -> a-sorry (Failure)",
            "a-sorry -> a-bye",
            "a-bye -> END",
        ]
    );
    assert_eq!(
        reading_order(&g),
        ["0 a-decide", "1 a-vip", "0 a-after", "1 a-sorry", "1 a-bye"]
    );
    assert_eq!(g.warnings, Vec::<String>::new());
    assert_eq!(g.supported_languages, ["en-us", "fr-fr"]);
    assert_eq!(g.start_container.as_deref(), Some("task-main"));
}

#[test]
fn settings_are_the_typed_text_and_skip_out_of_service_values() {
    let g = parse("rejoin.json");
    let actions = &g.containers[0].actions;
    let settings = |id: &str| -> Vec<(String, String)> {
        let action = actions.iter().find(|a| a.id == id).expect("action exists");
        action
            .settings
            .iter()
            .map(|s| (s.name.clone(), s.text.clone()))
            .collect()
    };
    assert_eq!(
        settings("a-decide"),
        [(
            "Condition".to_string(),
            "Call.Ani == \"+33100000000\"".to_string()
        )]
    );
    assert_eq!(
        settings("a-after"),
        [
            ("Queue".to_string(), "Claims FR".to_string()),
            ("Priority".to_string(), "0".to_string())
        ]
    );
    assert_eq!(
        settings("a-vip"),
        [(
            "Audio".to_string(),
            "ToAudioTTS(\"Bonjour, client privilégié\")".to_string()
        )]
    );
    let decide = &actions[0];
    assert_eq!(decide.tracking_id.as_deref(), Some("3"));
    assert_eq!(decide.kind, ActionKind::Decision);
    assert_eq!(actions[2].kind, ActionKind::Transfer);
}

#[test]
fn references_merge_manifest_and_bodies() {
    let g = parse("rejoin.json");
    let refs: Vec<String> = g
        .references
        .iter()
        .map(|r| {
            format!(
                "{} {} {:?} dynamic={} used_by={:?}",
                r.kind, r.name, r.id, r.dynamic, r.used_by
            )
        })
        .collect();
    assert_eq!(
        refs,
        [
            "queue Claims FR Some(\"q-claims\") dynamic=false used_by=[\"a-after\"]",
            "prompt Sorry_Closed Some(\"p-sorry\") dynamic=false used_by=[\"a-sorry\"]",
            "tts-prompt Bonjour, client privilégié None dynamic=false used_by=[\"a-vip\"]",
        ]
    );
}

#[test]
fn nested_branches_inside_a_loop() {
    let g = parse("loops.json");
    assert_eq!(
        edges(&g),
        [
            "lt -> l-loop",
            "l-loop -> l-check (Loop)",
            "l-loop -> l-hold (Exit)",
            "l-check -> l-exit (Yes)",
            "l-check -> l-log (No)",
            "l-exit -> l-hold",
            "l-log -> l-wait",
            "l-wait -> l-loop",
            "l-hold -> [lt]",
        ]
    );
    assert_eq!(
        reading_order(&g),
        [
            "0 l-loop",
            "1 l-check",
            "2 l-exit",
            "2 l-log",
            "1 l-wait",
            "0 l-hold"
        ]
    );
    assert_eq!(g.containers[0].kind, ContainerKind::LoopTask);
    let log = &g.containers[0].actions[3];
    assert_eq!(log.settings[0].name, "Task.count");
    assert_eq!(log.settings[0].text, "Task.count + 1");
    let dynamic: Vec<(ObjectKind, String, bool)> = g
        .references
        .iter()
        .map(|r| (r.kind.clone(), r.name.clone(), r.dynamic))
        .collect();
    assert_eq!(
        dynamic,
        [(ObjectKind::Prompt, "Flow.HoldPrompt".to_string(), true)]
    );
}

#[test]
fn menu_choices_switch_cases_data_action_outputs_and_unknown_types() {
    let g = parse("menu.json");
    assert_eq!(
        edges(&g),
        [
            "m-main -> ch-claims (1)",
            "m-main -> ch-repeat (*)",
            "m-main -> ch-sales (Talk to sales)",
            "ch-claims -> [t-claims]",
            "ch-repeat -> [m-main]",
            "ch-sales -> END",
            "ch-sales -> RETURN (Failure)",
            "t-claims -> t-switch",
            "t-switch -> t-car (Car)",
            "t-switch -> t-data (Default)",
            "t-car -> t-data",
            "t-data -> t-holo (Success)",
            "t-data -> t-end (Failure)",
            "t-data -> t-end (Timeout)",
            "t-holo -> t-end",
            "t-end -> RETURN (Default)",
            "w1 -> w-a",
            "w-a -> END",
        ]
    );
    assert_eq!(g.warnings, Vec::<String>::new());
    let menu = g.containers[0]
        .menu
        .as_ref()
        .expect("the menu container has a menu");
    let choices: Vec<String> = menu
        .choices
        .iter()
        .map(|c| {
            format!(
                "{:?} {} [{}] {} -> {} default={}",
                c.digit,
                c.name,
                c.speech_terms.join(","),
                c.action_type,
                target(&c.target),
                c.is_default
            )
        })
        .collect();
    assert_eq!(
        choices,
        [
            "Some(\"1\") Claims [] Task -> [t-claims] default=true",
            "Some(\"*\") Repeat [] Jump to menu -> [m-main] default=false",
            "None Talk to sales [agent,conseiller,operator] Transfer to ACD -> END default=false",
        ]
    );
    let other = &g.containers[2];
    assert_eq!(
        (other.kind.clone(), other.type_name.as_str()),
        (ContainerKind::Other, "Wormhole")
    );
    let holo = &g.containers[1].actions[3];
    assert_eq!(
        (holo.kind, holo.type_name.as_str()),
        (ActionKind::Step, "HologramAction")
    );
    let switch = &g.containers[1].actions[0];
    assert_eq!(switch.settings[0].name, "Car");
    assert_eq!(switch.settings[0].text, "Flow.Type == \"car\"");
}

#[test]
fn dynamic_queue_and_unknown_action_references() {
    let g = parse("menu.json");
    let refs: Vec<String> = g
        .references
        .iter()
        .map(|r| {
            format!(
                "{} {} {:?} dynamic={} used_by={:?}",
                r.kind, r.name, r.id, r.dynamic, r.used_by
            )
        })
        .collect();
    assert_eq!(
        refs,
        [
            "queue FindQueue(\"Sales \" + Flow.Region) None dynamic=true used_by=[\"ch-sales\"]",
            "queue Hologram Queue Some(\"q-holo\") dynamic=false used_by=[\"t-holo\"]",
            "data-action Get Policy Some(\"custom_-_da1\") dynamic=false used_by=[\"t-data\"]",
        ]
    );
}

#[test]
fn edges_to_unknown_ids_are_missing_and_warned() {
    let g = parse("dangling.json");
    assert_eq!(
        edges(&g),
        [
            "t-main -> d-check",
            "d-check -> MISSING nowhere (Yes)",
            "d-check -> d-play (No)",
            "d-play -> MISSING does-not-exist",
            "d-orphan -> MISSING no-such-task",
        ]
    );
    assert_eq!(
        g.warnings,
        [
            "container \"Main\" (t-main): action d-orphan is not reachable from the container's start",
            "container \"Main\" (t-main): action d-play: nextAction points to unknown id does-not-exist",
            "container \"Main\" (t-main): action d-check: path \"Yes\" points to unknown id nowhere",
            "container \"Main\" (t-main): action d-orphan: taskReference points to unknown container no-such-task",
        ]
    );
}

#[test]
fn a_document_without_initial_sequence_parses_with_a_warning() {
    let g = parse("no_start.json");
    assert_eq!(g.start_container, None);
    assert_eq!(
        g.warnings,
        ["the flow has no initialSequence (start container)"]
    );
    assert_eq!(edges(&g), ["s1 -> e1", "e1 -> END"]);
}

#[test]
fn a_chain_of_ten_thousand_actions_does_not_overflow() {
    let n = 10_000;
    let actions: Vec<Value> = (0..n)
        .map(|i| {
            let mut a = serde_json::json!({"__type": "UpdateVariableAction", "id": format!("a{i}"), "name": "Step"});
            if i + 1 < n {
                a["nextAction"] = Value::String(format!("a{}", i + 1));
            }
            a
        })
        .collect();
    let doc = serde_json::json!({
        "name": "Long", "type": "workflow", "initialSequence": "s",
        "flowSequenceItemList": [{"__type": "State", "id": "s", "name": "S", "startAction": "a0", "actionList": actions}]
    });
    let g = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || flow::parse_document(&doc).expect("parses"))
        .expect("thread starts")
        .join()
        .expect("no stack overflow");
    assert_eq!(g.containers[0].actions.len(), n);
    assert_eq!(g.edges.len(), n + 1);
    assert_eq!(target(&g.edges[n].to), "RETURN");
    assert!(g.containers[0].actions.iter().all(|a| a.depth == 0));
}

#[test]
fn deep_nesting_does_not_overflow() {
    // Each decision's Yes branch holds the next decision: 5,000 levels deep.
    let n = 5_000;
    let actions: Vec<Value> = (0..n)
        .map(|i| {
            let mut yes = serde_json::json!({"label": "Yes", "outputId": "__YES__"});
            if i + 1 < n {
                yes["nextActionId"] = Value::String(format!("d{}", i + 1));
            }
            serde_json::json!({"__type": "DecisionAction", "id": format!("d{i}"), "paths": [yes, {"label": "No", "outputId": "__NO__"}]})
        })
        .collect();
    let doc = serde_json::json!({
        "name": "Deep", "type": "workflow", "initialSequence": "s",
        "flowSequenceItemList": [{"__type": "State", "id": "s", "startAction": "d0", "actionList": actions}]
    });
    let g = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || flow::parse_document(&doc).expect("parses"))
        .expect("thread starts")
        .join()
        .expect("no stack overflow");
    let last = &g.containers[0].actions[n - 1];
    assert_eq!(last.depth, n - 1);
    assert_eq!(g.edges.len(), 1 + 2 * n);
    assert!(last.outputs.iter().all(|o| o.target == Target::Return));
}

#[test]
fn i3_payloads_decode_to_the_same_document() {
    use base64::Engine as _;
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/flows/rejoin.json"),
    )
    .expect("fixture");
    let encoded: String =
        percent_encoding::utf8_percent_encode(&text, percent_encoding::NON_ALPHANUMERIC)
            .to_string();
    let i3 = base64::engine::general_purpose::STANDARD.encode(encoded);
    assert_eq!(
        flow::decode_export(&i3).expect("decodes"),
        fixture("rejoin.json")
    );
    let err = flow::decode_export("this is not base64!").expect_err("not base64");
    assert!(
        err.to_string()
            .starts_with("cannot decode export file: not JSON and not valid base64"),
        "{err}"
    );
    let err = flow::decode_export("{\"name\": ").expect_err("malformed");
    assert!(
        err.to_string()
            .starts_with("cannot decode export file: JSON is malformed"),
        "{err}"
    );
}

#[test]
fn flow_entities_for_export_files() {
    let entity = flow::flow_entity_from_document(&fixture("rejoin.json"), "claims-line");
    assert_eq!(
        entity,
        serde_json::json!({
            "id": "claims-line",
            "name": "Claims line",
            "type": "INBOUNDCALL",
            "description": "Decision with an implicit rejoin, then a transfer with a failure path",
            "publishedVersion": {"id": "export"}
        })
    );
}

#[test]
fn names_survive_unchanged() {
    let odd = "Réclamations \"VIP\" | #1 <end> 受付 😀 CON.";
    let doc = serde_json::json!({
        "name": odd, "type": "inboundcall", "initialSequence": "m",
        "flowSequenceItemList": [{"__type": "Menu", "id": "m", "name": odd, "menuChoiceList": [{
            "id": "c", "name": odd, "digit": 2,
            "action": {"__type": "TransferPureMatchAction", "id": "t", "name": odd, "queues": [
                {"config": {"lit": {"text": odd, "val": "q1", "type": "que"}}, "text": odd, "type": "que"}
            ]}
        }]}]
    });
    let g = flow::parse_document(&doc).expect("parses");
    assert_eq!(g.name, odd);
    assert_eq!(g.containers[0].name, odd);
    assert_eq!(g.containers[0].actions[0].name, odd);
    assert_eq!(
        g.containers[0].menu.as_ref().expect("menu").choices[0].name,
        odd
    );
    assert_eq!(g.references[0].name, odd);
    assert_eq!(g.containers[0].actions[0].settings[0].text, odd);
}

#[test]
fn call_task_outputs_empty_loops_next_loop_and_transfer_to_flow() {
    let g = parse("calls.json");
    assert_eq!(
        edges(&g),
        [
            "s-main -> c-call",
            "c-call -> [t-expert]",
            "c-call -> c-loop (Default)",
            "c-call -> c-again (Go again)",
            "c-again -> [s-main]",
            "c-loop -> c-loop (Loop)",
            "c-loop -> c-loop2 (Exit)",
            "c-loop2 -> c-next (Loop)",
            "c-loop2 -> c-transfer (Exit)",
            "c-next -> c-loop2",
            "c-transfer -> flow Survey flow",
            "c-transfer -> c-stray (Failure)",
            "c-stray -> RETURN",
            "t-expert -> e-end",
            "e-end -> RETURN (Go again)",
        ]
    );
    assert_eq!(
        g.warnings,
        ["container \"Main state\" (s-main): action c-stray: ExitLoopAction is not inside a loop"]
    );
    let flows: Vec<(Option<&str>, &str, &[String])> = g
        .references
        .iter()
        .filter(|r| r.kind == ObjectKind::Flow)
        .map(|r| (r.id.as_deref(), r.name.as_str(), r.used_by.as_slice()))
        .collect();
    assert_eq!(
        flows,
        [(
            Some("f-survey"),
            "Survey flow",
            &["c-transfer".to_string()][..]
        )]
    );
    let end = &g.containers[1].actions[0].outputs[0];
    assert_eq!(end.output_id.as_deref(), Some("out-again"));
}
