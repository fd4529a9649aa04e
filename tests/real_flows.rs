//! Parses every public Architect export in ../shared/real-flows/export and checks, per file,
//! the number of containers, actions, edges and distinct referenced queues, and a fingerprint
//! of every edge.
//!
//! The expected table is the output of tests/tools/count_flow_graph.py, an independent
//! Python count of the same files by the rules written in src/flow/mod.rs; it is not derived
//! from the code under test. Skips with a printed reason when the folder is absent.

use std::path::{Path, PathBuf};

use gcdocs::flow;
use gcdocs::kind::ObjectKind;

/// (file, containers, actions, edges, distinct queues, edge fingerprint), printed by
/// count_flow_graph.py. The fingerprint is FNV-1a 64 of the sorted edge lines (see
/// [`edge_fingerprint`]), so it pins every edge's source, target and label.
#[rustfmt::skip]
const EXPECTED: &[(&str, usize, usize, usize, usize, u64)] = &[
    ("ani-blacklist__Blacklist.i3WorkFlow", 1, 7, 15, 0, 0xa8d88b4e1853fab3),
    ("autoclear-non-disconnected__Get Non Disconnected Interactions_v1-0.i3WorkFlow", 1, 12, 32, 0, 0x693136366fd67382),
    ("automated-callback-blueprint__Proactive_callback_v1-0.i3OutboundFlow", 3, 8, 17, 1, 0x8cc10d135ceb511f),
    ("automated-callback-blueprint__Trigger_proactive callback workflow_v1-0.i3InboundFlow", 1, 4, 7, 0, 0x24c7c457ffdba514),
    ("callback-prioritization__Callback-Prioritization.i3WorkFlow", 1, 15, 26, 0, 0xf1107d03546b029c),
    ("design-architect-flow-data-actions-for-resiliency__CacheExample.i3InboundFlow", 1, 18, 33, 2, 0x2788f6bfc3829415),
    ("facebook-ivr-deflection-blueprint__Call Deflection to Facebook Messenger.i3InboundFlow", 5, 15, 29, 2, 0x04c85a41b8f75d8e),
    ("gc-associate-user-setup__Scheduled Workflow.i3OutboundFlow", 1, 1, 2, 0, 0x8e199693ed034bc9),
    ("genesys-cloud-call-park__Call Park - Agent Inbound Flow.i3InboundFlow", 2, 4, 8, 1, 0x4243629ac7c41e35),
    ("genesys-cloud-call-park__Default In-Queue Flow.i3InQueueFlow", 1, 1, 2, 0, 0xc5b535254c6158fb),
    ("genesys-cloud-call-park__InQueue - Orbit Call Park Hold.i3InQueueFlow", 1, 3, 4, 0, 0x62a41627080d632b),
    ("genesys-cloud-voice-survey__voice_survey_invite_v1-0.i3SurveyInviteFlow", 1, 3, 8, 0, 0xfb333ff181a74514),
    ("limitless-flows-blueprint__CSATSurvey_v20-0.i3BotFlow", 1, 23, 40, 0, 0x92bad3759784dea4),
    ("limitless-flows-blueprint__Limitless Chat Flow V2.0.0_v21-0.i3InboundChatFlow", 2, 64, 104, 1, 0x782d544d87e32687),
    ("limitless-flows-blueprint__Limitless Messaging Flow v2.0.0_v26-0.i3InboundMessage", 2, 58, 94, 1, 0x240b64bebbbe74a0),
    ("process-automation-workitem-blueprint__InsuranceClaimWorkitemFlow.i3WorkitemFlow", 8, 24, 51, 2, 0x18ea9da189a4f099),
    ("scheduling-bot-blueprint__SchedulingBotInboundMessageFlow.i3InboundMessage", 1, 2, 3, 0, 0x8a738e7c6c5d5a61),
    ("switch-voice-to-web-messaging__Switch from Voice Channel with Context.i3InboundMessage", 3, 18, 31, 1, 0x6b35aac0c2adcb4c),
    ("switch-voice-to-web-messaging__Switch to Web Messaging via SMS.i3InQueueFlow", 1, 17, 25, 0, 0xc525139856251606),
    ("terminate-voice-calls-with-no-queue__Terminate Outbound Call Missing Queue with PSTN Call Leg Check.i3WorkFlow", 1, 6, 14, 0, 0xb65dc4b41417a72e),
    ("update-zoom-presence-from-inbound-interaction-trigger-blueprint__GC User Set Zoom User to On a Call.i3WorkFlow", 1, 3, 7, 0, 0xa510efd2e475dff4),
    ("web-messaging-chatbot-with-knowledge-base__DevOpsKnowledgeChatBot_v1-0.i3BotFlow", 1, 4, 6, 0, 0x5d895d23b9e0af39),
    ("workautomation-hubspot-ticketing-sample__Case_hold_flow_v9-0.i3WorkFlow", 1, 3, 7, 0, 0x9a77707e3efdbd6a),
    ("workautomation-hubspot-ticketing-sample__Inbound Case_v4-0.i3InboundFlow", 4, 13, 23, 1, 0xa3c8c0e70cb65335),
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

/// FNV-1a 64 of the sorted lines `from<TAB>to<TAB>label`, joined by newlines.
fn edge_fingerprint(graph: &flow::FlowGraph) -> u64 {
    let mut lines: Vec<String> = graph
        .edges
        .iter()
        .map(|e| {
            let to = match &e.to {
                flow::Target::Action(id) => id.clone(),
                flow::Target::Container(id) => format!("[{id}]"),
                flow::Target::Flow { name, .. } => format!("FLOW {name}"),
                flow::Target::End => "END".into(),
                flow::Target::Return => "RETURN".into(),
                flow::Target::Missing(id) => format!("MISSING {id}"),
            };
            format!("{}\t{to}\t{}", e.from, e.label.as_deref().unwrap_or(""))
        })
        .collect();
    lines.sort();
    lines
        .join("\n")
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
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
        let fingerprint = edge_fingerprint(&graph);
        let containers = graph.containers.len();
        actual.push((
            name,
            containers,
            actions,
            graph.edges.len(),
            queues,
            fingerprint,
        ));
    }
    let expected: Vec<(String, usize, usize, usize, usize, u64)> = EXPECTED
        .iter()
        .map(|&(n, c, a, e, q, f)| (n.to_string(), c, a, e, q, f))
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

#[test]
fn extract_from_the_real_folder_finishes_without_gaps() {
    let Some(dir) = export_dir() else { return };
    let out = tempfile::tempdir().expect("temp dir");
    assert_cmd::Command::cargo_bin("gcdocs")
        .expect("binary")
        .args(["extract", "--from-export"])
        .arg(dir.parent().expect("real-flows folder"))
        .arg("--out")
        .arg(out.path().join("content"))
        .assert()
        .code(0);
}
