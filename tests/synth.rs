//! The benchmark's synthetic organization: the same seed gives byte-identical files, the
//! proportions are those BENCHMARKS.md states, and every flow document is a well-formed
//! graph in Architect's shape (every jump and path lands on something that exists).

#[allow(dead_code)]
#[path = "../benches/gen/mod.rs"]
mod synth;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use gcdocs::snapshot::{List, Snapshot};
use serde_json::Value;

fn files_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    gcdocs::fsx::read_tree(dir).expect("tree is readable")
}

fn write(flows: usize, seed: u64, dir: &Path) -> synth::SynthOrg {
    let org = synth::generate(&synth::Options { flows, seed });
    org.snapshot
        .save(&dir.join("snapshot"))
        .expect("save snapshot");
    synth::standin::write_tree(&org.snapshot, &dir.join("content")).expect("write stand-in");
    org
}

#[test]
fn the_same_seed_gives_byte_identical_snapshots_and_pages() {
    let tmp = tempfile::tempdir().expect("temp dir");
    write(15, 7, &tmp.path().join("a"));
    write(15, 7, &tmp.path().join("b"));
    let a = files_of(&tmp.path().join("a"));
    let b = files_of(&tmp.path().join("b"));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    let differing: Vec<&String> = a.keys().filter(|k| a[*k] != b[*k]).collect();
    assert_eq!(differing, Vec::<&String>::new());
    assert_eq!(
        a.keys()
            .filter(|k| k.starts_with("snapshot/flow-documents/"))
            .count(),
        15
    );
}

#[test]
fn another_seed_gives_another_organization() {
    let one = synth::generate(&synth::Options { flows: 15, seed: 1 });
    let two = synth::generate(&synth::Options { flows: 15, seed: 2 });
    assert_ne!(
        one.snapshot.list(List::Flows),
        two.snapshot.list(List::Flows)
    );
    assert_eq!(
        one.snapshot.list(List::Flows).len(),
        two.snapshot.list(List::Flows).len()
    );
}

#[test]
fn the_largest_size_has_the_stated_proportions() {
    let c = synth::Counts::for_flows(2000);
    let got = [
        c.queues,
        c.skills,
        c.languages,
        c.wrapup_codes,
        c.trunks,
        c.trunk_bases,
        c.sites,
        c.ivrs,
        c.schedules,
        c.schedule_groups,
        c.emergency_groups,
        c.prompts,
        c.data_tables,
        c.data_actions,
    ];
    assert_eq!(
        got,
        [
            3000, 800, 18, 1000, 20, 10, 10, 600, 400, 200, 20, 1200, 100, 200
        ]
    );
}

#[test]
fn a_saved_snapshot_loads_back_whole_and_without_gaps() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let org = write(12, 3, tmp.path());
    let back = Snapshot::load(&tmp.path().join("snapshot")).expect("load");
    assert_eq!(back.gaps, Vec::new());
    assert_eq!(back, org.snapshot);
    let flows = back.list(List::Flows);
    let with_document = flows
        .iter()
        .filter(|f| back.document_for(f).is_some())
        .count();
    assert_eq!((flows.len(), with_document), (12, 12));
    assert_eq!(back.list(List::Queues).len(), 18);
    assert_eq!(back.queue_wrapup_codes.len(), 18);
}

/// Every id an action or container points at, checked against what the document holds.
fn dangling_references(doc: &Value) -> Vec<String> {
    let containers = doc["flowSequenceItemList"].as_array().expect("containers");
    let kinds: BTreeMap<&str, &str> = containers
        .iter()
        .map(|c| {
            (
                c["id"].as_str().expect("id"),
                c["__type"].as_str().expect("type"),
            )
        })
        .collect();
    let mut bad = Vec::new();
    if !kinds.contains_key(doc["initialSequence"].as_str().unwrap_or("")) {
        bad.push("initialSequence".to_string());
    }
    for c in containers {
        let actions: Vec<&Value> = match c["actionList"].as_array() {
            Some(list) => list.iter().collect(),
            None => c["menuChoiceList"]
                .as_array()
                .expect("menu")
                .iter()
                .map(|m| &m["action"])
                .collect(),
        };
        let ids: HashSet<&str> = actions.iter().filter_map(|a| a["id"].as_str()).collect();
        let mut targets: Vec<&Value> = vec![&c["startAction"]];
        for a in &actions {
            targets.push(&a["nextAction"]);
            targets.extend(
                a["paths"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| &p["nextActionId"]),
            );
            targets.push(&a["path"]["nextActionId"]);
            for (key, kind) in [("menuReference", "Menu"), ("taskReference", "Task")] {
                if let Some(target) = a[key].as_str() {
                    if kinds.get(target) != Some(&kind) {
                        bad.push(format!("{key} {target}"));
                    }
                }
            }
        }
        for t in targets.into_iter().filter_map(Value::as_str) {
            if !ids.contains(t) {
                bad.push(format!("{} -> {t}", c["name"]));
            }
        }
    }
    bad
}

#[test]
fn every_path_and_jump_lands_on_an_action_or_container_that_exists() {
    let org = synth::generate(&synth::Options {
        flows: 100,
        seed: 1,
    });
    for ((flow, _), doc) in &org.snapshot.flow_documents {
        assert_eq!(
            dangling_references(doc),
            Vec::<String>::new(),
            "flow {flow}"
        );
    }
}

#[test]
fn a_hundred_flows_hold_every_action_kind_and_one_very_large_flow() {
    let org = synth::generate(&synth::Options {
        flows: 100,
        seed: 1,
    });
    let mut types = HashSet::new();
    let mut largest = 0;
    for doc in org.snapshot.flow_documents.values() {
        let text = doc.to_string();
        for ty in [
            "\"Menu\"",
            "\"TaskAction\"",
            "\"TransferMenuAction\"",
            "\"DecisionAction\"",
            "\"SwitchAction\"",
            "\"DataAction\"",
            "\"DataTableLookupAction\"",
            "\"LoopAction\"",
            "\"EvaluateScheduleGroupAction\"",
            "\"TransferPureMatchAction\"",
            "\"LoopTask\"",
        ] {
            if text.contains(ty) {
                types.insert(ty);
            }
        }
        largest = largest.max(text.matches("\"trackingId\"").count());
    }
    assert_eq!(types.len(), 11, "{types:?}");
    assert!(largest > 500, "largest flow has {largest} tracked items");
    let queues: HashSet<&str> = org
        .snapshot
        .flow_documents
        .values()
        .flat_map(|d| d["manifest"]["queue"].as_array().into_iter().flatten())
        .filter_map(|q| q["id"].as_str())
        .collect();
    assert!(
        queues.len() > 100,
        "transfers reach {} queues",
        queues.len()
    );
}
