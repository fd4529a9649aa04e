//! Parses every public Architect export in ../shared/real-flows/export and checks, per file,
//! the number of containers, actions, edges and distinct referenced queues.
//!
//! The expected table is the output of tests/tools/count_flow_graph.py, an independent
//! Python count of the same files by the rules written in src/flow/mod.rs; it is not derived
//! from the code under test. Skips with a printed reason when the folder is absent.

use std::path::{Path, PathBuf};

use gcdocs::flow;
use gcdocs::kind::ObjectKind;

/// (file, containers, actions, edges, distinct queues), from count_flow_graph.py.
const EXPECTED: &[(&str, usize, usize, usize, usize)] = &[
    ("ani-blacklist__Blacklist.i3WorkFlow", 1, 7, 15, 0),
    (
        "autoclear-non-disconnected__Get Non Disconnected Interactions_v1-0.i3WorkFlow",
        1,
        12,
        32,
        0,
    ),
    (
        "automated-callback-blueprint__Proactive_callback_v1-0.i3OutboundFlow",
        3,
        8,
        17,
        1,
    ),
    (
        "automated-callback-blueprint__Trigger_proactive callback workflow_v1-0.i3InboundFlow",
        1,
        4,
        7,
        0,
    ),
    (
        "callback-prioritization__Callback-Prioritization.i3WorkFlow",
        1,
        15,
        26,
        0,
    ),
    (
        "design-architect-flow-data-actions-for-resiliency__CacheExample.i3InboundFlow",
        1,
        18,
        33,
        2,
    ),
    (
        "facebook-ivr-deflection-blueprint__Call Deflection to Facebook Messenger.i3InboundFlow",
        5,
        15,
        29,
        2,
    ),
    (
        "gc-associate-user-setup__Scheduled Workflow.i3OutboundFlow",
        1,
        1,
        2,
        0,
    ),
    (
        "genesys-cloud-call-park__Call Park - Agent Inbound Flow.i3InboundFlow",
        2,
        4,
        8,
        1,
    ),
    (
        "genesys-cloud-call-park__Default In-Queue Flow.i3InQueueFlow",
        1,
        1,
        2,
        0,
    ),
    (
        "genesys-cloud-call-park__InQueue - Orbit Call Park Hold.i3InQueueFlow",
        1,
        3,
        4,
        0,
    ),
    (
        "genesys-cloud-voice-survey__voice_survey_invite_v1-0.i3SurveyInviteFlow",
        1,
        3,
        8,
        0,
    ),
    (
        "limitless-flows-blueprint__CSATSurvey_v20-0.i3BotFlow",
        1,
        23,
        40,
        0,
    ),
    (
        "limitless-flows-blueprint__Limitless Chat Flow V2.0.0_v21-0.i3InboundChatFlow",
        2,
        64,
        104,
        1,
    ),
    (
        "limitless-flows-blueprint__Limitless Messaging Flow v2.0.0_v26-0.i3InboundMessage",
        2,
        58,
        94,
        1,
    ),
    (
        "process-automation-workitem-blueprint__InsuranceClaimWorkitemFlow.i3WorkitemFlow",
        8,
        24,
        51,
        2,
    ),
    (
        "scheduling-bot-blueprint__SchedulingBotInboundMessageFlow.i3InboundMessage",
        1,
        2,
        3,
        0,
    ),
    (
        "switch-voice-to-web-messaging__Switch from Voice Channel with Context.i3InboundMessage",
        3,
        18,
        31,
        1,
    ),
    (
        "switch-voice-to-web-messaging__Switch to Web Messaging via SMS.i3InQueueFlow",
        1,
        17,
        25,
        0,
    ),
    (
        "terminate-voice-calls-with-no-queue__Terminate Outbound Call Missing Queue with PSTN Call Leg Check.i3WorkFlow",
        1,
        6,
        14,
        0,
    ),
    (
        "update-zoom-presence-from-inbound-interaction-trigger-blueprint__GC User Set Zoom User to On a Call.i3WorkFlow",
        1,
        3,
        7,
        0,
    ),
    (
        "web-messaging-chatbot-with-knowledge-base__DevOpsKnowledgeChatBot_v1-0.i3BotFlow",
        1,
        4,
        6,
        0,
    ),
    (
        "workautomation-hubspot-ticketing-sample__Case_hold_flow_v9-0.i3WorkFlow",
        1,
        3,
        7,
        0,
    ),
    (
        "workautomation-hubspot-ticketing-sample__Inbound Case_v4-0.i3InboundFlow",
        4,
        13,
        23,
        1,
    ),
];

fn export_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-flows/export");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "skipped: {} is absent (public real flows are not part of the repository)",
            dir.display()
        );
        None
    }
}

#[test]
fn every_real_export_parses_to_the_independently_counted_graph() {
    let Some(dir) = export_dir() else { return };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("folder is readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.to_string_lossy().starts_with("i3"))
        })
        .collect();
    files.sort();
    let mut actual = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .expect("file name")
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(path).expect("file is readable");
        let doc = flow::decode_export(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let graph = flow::parse_document(&doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(graph.warnings, Vec::<String>::new(), "{name}");
        let actions = graph
            .containers
            .iter()
            .map(|c| c.actions.len())
            .sum::<usize>();
        let queues = graph
            .references
            .iter()
            .filter(|r| r.kind == ObjectKind::Queue)
            .count();
        actual.push((
            name,
            graph.containers.len(),
            actions,
            graph.edges.len(),
            queues,
        ));
    }
    let expected: Vec<(String, usize, usize, usize, usize)> = EXPECTED
        .iter()
        .map(|&(n, c, a, e, q)| (n.to_string(), c, a, e, q))
        .collect();
    pretty_assertions::assert_eq!(actual, expected);
}

#[test]
fn every_edge_of_the_real_exports_leads_somewhere_known() {
    let Some(dir) = export_dir() else { return };
    let snapshot = gcdocs::cmd::export_dir::load(&dir).expect("folder loads");
    assert_eq!(snapshot.gaps, Vec::new());
    assert_eq!(
        snapshot.list(gcdocs::snapshot::List::Flows).len(),
        EXPECTED.len()
    );
    for flow_entity in snapshot.list(gcdocs::snapshot::List::Flows) {
        let doc = snapshot
            .document_for(flow_entity)
            .expect("each flow has its document");
        let graph = flow::parse_document(doc).expect("parses");
        let missing: Vec<_> = graph
            .edges
            .iter()
            .filter(|e| matches!(e.to, flow::Target::Missing(_)))
            .collect();
        assert!(missing.is_empty(), "{}: {missing:?}", graph.name);
    }
}
