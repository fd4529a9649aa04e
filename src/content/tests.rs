//! Tests of the content tree: page snapshots, front matter round trip, determinism, renames,
//! ownership, diagram splitting.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::org::fixture;
use crate::org::{Org, Resolution};

fn options() -> Options {
    Options {
        captured_at: Some("2026-11-30T02:00:00Z".into()),
    }
}

fn pages(org: &Org) -> BTreeMap<String, String> {
    render(org, &options())
        .into_iter()
        .map(|p| (p.path, p.text))
        .collect()
}

fn hostile_org() -> Org {
    let (snapshot, graphs) = fixture::hostile();
    Org::assemble(&snapshot, &graphs)
}

#[test]
fn page_paths_cover_every_object_and_index() {
    let org = fixture::sample_org();
    let paths: Vec<String> = pages(&org).into_keys().collect();
    insta::assert_yaml_snapshot!(paths);
}

#[test]
fn flow_page_with_a_menu() {
    let org = fixture::sample_org();
    insta::assert_snapshot!(pages(&org)["flows/inboundcall/main-ivr.md"]);
}

#[test]
fn queue_page() {
    let org = fixture::sample_org();
    insta::assert_snapshot!(pages(&org)["queues/claims-fr.md"]);
}

#[test]
fn trunk_page() {
    let org = fixture::sample_org();
    insta::assert_snapshot!(pages(&org)["trunks/sip-proximus.md"]);
}

#[test]
fn index_pages() {
    let org = fixture::sample_org();
    let all = pages(&org);
    insta::assert_snapshot!("root_index", all["_index.md"]);
    insta::assert_snapshot!("flows_index", all["flows/_index.md"]);
    insta::assert_snapshot!("unused_queue", all["queues/no.md"]);
    insta::assert_snapshot!("draft_flow", all["flows/inboundcall/draft.md"]);
}

/// The front matter of a page, parsed back with a real YAML reader.
fn front_matter_of(text: &str) -> serde_yaml_ng::Value {
    let body = text
        .strip_prefix("---\n")
        .expect("page starts with front matter");
    let end = body.find("\n---\n").expect("front matter ends");
    serde_yaml_ng::from_str(&body[..end + 1]).expect("front matter parses")
}

/// What the front matter must hold, built from the model without the writer.
fn expected(fm: &yaml::FrontMatter) -> serde_yaml_ng::Value {
    use serde_yaml_ng::{Mapping, Value};
    let s = |v: &str| Value::String(v.to_string());
    let mut map = Mapping::new();
    map.insert(s("title"), s(&fm.title));
    map.insert(s("kind"), s(&fm.kind));
    let opt = |map: &mut Mapping, key: &str, v: &Option<String>| {
        if let Some(v) = v {
            map.insert(s(key), s(v));
        }
    };
    opt(&mut map, "id", &fm.id);
    if let Some(flow) = &fm.flow {
        map.insert(s("flow_type"), s(&flow.flow_type));
        opt(&mut map, "division", &flow.division);
        opt(&mut map, "published_version", &flow.published_version);
        opt(&mut map, "latest_version", &flow.latest_version);
    }
    opt(&mut map, "description", &fm.description);
    if !fm.uses.is_empty() {
        let mut uses = Mapping::new();
        for (kind, list) in &fm.uses {
            let entries = list
                .iter()
                .map(|u| {
                    let mut e = Mapping::new();
                    if let Some(id) = &u.id {
                        e.insert(s("id"), s(id));
                    }
                    e.insert(s("name"), s(&u.name));
                    if u.dynamic {
                        e.insert(s("dynamic"), Value::Bool(true));
                    }
                    Value::Mapping(e)
                })
                .collect();
            uses.insert(s(kind.as_str()), Value::Sequence(entries));
        }
        map.insert(s("uses"), Value::Mapping(uses));
    }
    if !fm.gaps.is_empty() {
        map.insert(
            s("gaps"),
            Value::Sequence(fm.gaps.iter().map(|g| s(g)).collect()),
        );
    }
    Value::Mapping(map)
}

#[test]
fn every_front_matter_reads_back_as_the_model() {
    let org = hostile_org();
    let paths = Paths::new(&org);
    let all = pages(&org);
    let mut checked = 0;
    for flow in &org.flows {
        let page = &all[paths.page(&ObjectKind::Flow, &flow.id).expect("flow page")];
        let fm = flow_page::front_matter(&org, flow);
        assert_eq!(front_matter_of(page), expected(&fm), "{}", flow.id);
        assert_eq!(fm.title, flow.name);
        assert_eq!(fm.description, flow.description);
        let names: BTreeSet<(String, &str)> = flow
            .references
            .iter()
            .map(|r| {
                let name = match &r.target.resolution {
                    Resolution::Found(id) => org.name_of(&r.target.kind, id).expect("found"),
                    _ => r.target.name.as_str(),
                };
                (r.target.kind.to_string(), name)
            })
            .collect();
        let written: BTreeSet<(String, &str)> = fm
            .uses
            .iter()
            .flat_map(|(k, l)| l.iter().map(|u| (k.to_string(), u.name.as_str())))
            .collect();
        assert_eq!(names, written);
        checked += 1;
    }
    for object in org.objects.values().flatten() {
        let page = &all[paths.page(&object.kind, &object.id).expect("object page")];
        let fm = object_page::front_matter(&org, object);
        assert_eq!(front_matter_of(page), expected(&fm), "{}", object.id);
        if !object.name.is_empty() {
            assert_eq!(fm.title, object.name);
        }
        assert_eq!(fm.description, object.description);
        checked += 1;
    }
    for (path, text) in all.iter().filter(|(p, _)| p.ends_with(".md")) {
        let fm = front_matter_of(text);
        assert!(fm.get("title").and_then(|t| t.as_str()).is_some(), "{path}");
    }
    assert_eq!(checked, 7 + 16 + 2 * fixture::HOSTILE.len());
}

#[test]
fn hostile_names_keep_their_exact_text_in_titles() {
    let org = hostile_org();
    let paths = Paths::new(&org);
    let all = pages(&org);
    for (i, name) in fixture::HOSTILE.iter().enumerate() {
        let path = paths
            .page(&ObjectKind::Queue, &format!("hq-{i:02}"))
            .expect("queue page");
        let fm = front_matter_of(&all[path]);
        assert_eq!(fm["title"].as_str(), Some(*name), "{path}");
        let file = path.rsplit('/').next().expect("file name");
        assert!(file.len() <= slug::MAX_BYTES + 3, "{file}");
        assert!(!file.contains(['/', '\\', ' ']), "{file}");
    }
    assert_eq!(
        paths.page(&ObjectKind::Queue, "hq-09"),
        Some("queues/con_.md")
    );
    assert_eq!(
        paths.page(&ObjectKind::Queue, "hq-11"),
        Some("queues/claims-hq11.md")
    );
    assert_eq!(
        paths.page(&ObjectKind::Queue, "hq-12"),
        Some("queues/claims-hq12.md")
    );
    assert_eq!(
        paths.page(&ObjectKind::Queue, "hq-08"),
        Some("queues/trailing-dot.md")
    );
}

fn write(org: &Org, dir: &std::path::Path) -> Report {
    write_tree(org, dir, &options()).expect("tree is written")
}

fn read_tree(dir: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    crate::fsx::read_tree(dir).expect("tree is readable")
}

#[test]
fn a_rerun_on_the_same_snapshot_is_byte_identical() {
    let org = hostile_org();
    let dir = tempfile::tempdir().expect("temp dir");
    let first = write(&org, dir.path());
    let before = read_tree(dir.path());
    let second = write(&hostile_org(), dir.path());
    assert_eq!(read_tree(dir.path()), before);
    assert_eq!(
        first.changed,
        before.len() - 1,
        "every file but the manifest counts"
    );
    assert_eq!(second.changed, 0);
    assert_eq!(second.removed, 0);
    assert_eq!(first.pages["queue"], 2 + fixture::HOSTILE.len());
    assert_eq!(first.pages["flow"], 7);
    assert!(before.values().all(|b| !b.contains(&b'\r')));
    let run: serde_json::Value =
        serde_json::from_slice(&before[RUN_FILE]).expect("run file is JSON");
    assert_eq!(run["capturedAt"], "2026-11-30T02:00:00Z");
    assert_eq!(run["counts"]["queue"], 2 + fixture::HOSTILE.len());
}

#[test]
fn renaming_a_queue_changes_only_its_page_and_the_lines_that_link_to_it() {
    let (snapshot, graphs) = fixture::sample();
    let before = pages(&Org::assemble(&snapshot, &graphs));
    let mut renamed = snapshot.clone();
    let queues = renamed
        .lists
        .get_mut(&crate::snapshot::List::Queues)
        .expect("queues");
    queues[0]["name"] = "Claims Wallonia".into();
    let after = pages(&Org::assemble(&renamed, &graphs));
    let old: BTreeSet<&String> = before.keys().collect();
    let new: BTreeSet<&String> = after.keys().collect();
    let gone: Vec<_> = old.difference(&new).collect();
    let added: Vec<_> = new.difference(&old).collect();
    assert_eq!(gone, [&&"queues/claims-fr.md".to_string()]);
    assert_eq!(added, [&&"queues/claims-wallonia.md".to_string()]);
    let mut changed_files = Vec::new();
    for (path, text) in &after {
        let Some(old_text) = before.get(path) else {
            continue;
        };
        if old_text == text {
            continue;
        }
        changed_files.push(path.as_str());
        let old_lines: BTreeSet<&str> = old_text.lines().collect();
        let new_lines: BTreeSet<&str> = text.lines().collect();
        for line in new_lines.symmetric_difference(&old_lines) {
            assert!(
                line.contains("Claims FR")
                    || line.contains("Claims Wallonia")
                    || line.contains("claims-fr.md")
                    || line.contains("claims-wallonia.md"),
                "{path}: unrelated line changed: {line}"
            );
        }
    }
    assert_eq!(
        changed_files,
        [
            "flows/inboundcall/main-ivr.md",
            "flows/inqueuecall/default-in-queue.md",
            "queues/_index.md",
            "wrapup-codes/done.md",
        ]
    );
}

#[test]
fn hand_written_pages_survive_and_deleted_flows_go() {
    let (snapshot, graphs) = fixture::sample();
    let dir = tempfile::tempdir().expect("temp dir");
    write(&Org::assemble(&snapshot, &graphs), dir.path());
    let notes = dir.path().join("queues/notes.md");
    let overview = dir.path().join("overview.md");
    std::fs::write(&notes, "# Notes\n").expect("hand-written page");
    std::fs::write(&overview, "# Overview\n").expect("hand-written page");
    assert!(
        dir.path()
            .join("flows/inqueuecall/default-in-queue.md")
            .is_file()
    );
    let mut smaller = snapshot.clone();
    let flows = smaller
        .lists
        .get_mut(&crate::snapshot::List::Flows)
        .expect("flows");
    flows.retain(|f| f["id"] != "f-inqueue");
    let report = write(&Org::assemble(&smaller, &graphs), dir.path());
    assert_eq!(report.removed, 1);
    assert!(
        !dir.path().join("flows/inqueuecall").exists(),
        "empty folder removed"
    );
    assert_eq!(std::fs::read_to_string(&notes).expect("kept"), "# Notes\n");
    assert_eq!(
        std::fs::read_to_string(&overview).expect("kept"),
        "# Overview\n"
    );
    let manifest = std::fs::read_to_string(dir.path().join(MANIFEST)).expect("manifest");
    assert!(!manifest.contains("notes.md") && !manifest.contains("overview.md"));
    assert!(!manifest.contains("default-in-queue.md"));
    assert!(manifest.contains("flows/inboundcall/main-ivr.md\n"));
}

#[test]
fn a_file_gcdocs_did_not_write_is_never_overwritten() {
    let org = fixture::sample_org();
    let dir = tempfile::tempdir().expect("temp dir");
    let mine = dir.path().join("queues/claims-fr.md");
    std::fs::create_dir_all(mine.parent().expect("parent")).expect("folder");
    std::fs::write(&mine, "mine\n").expect("hand-written page");
    let report = write(&org, dir.path());
    assert_eq!(report.conflicts, ["queues/claims-fr.md"]);
    assert_eq!(std::fs::read_to_string(&mine).expect("kept"), "mine\n");
}

/// Every Mermaid block of the rendered pages, with the page it came from.
fn mermaid_blocks(all: &BTreeMap<String, String>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (path, text) in all {
        let mut rest = text.as_str();
        while let Some(start) = rest.find("```mermaid\n") {
            let body = &rest[start + 11..];
            let end = body.find("```\n").expect("block is closed");
            out.push((path.clone(), body[..end].to_string()));
            rest = &body[end..];
        }
    }
    out
}

/// A flow with `containers` tasks of `actions` actions each, every action with two outputs
/// (one to the next action, one to the next container).
fn big_flow(containers: usize, actions: usize) -> (crate::snapshot::Snapshot, fixture::Graphs) {
    use crate::flow::{ActionKind, ContainerKind, FlowGraph, Target};
    let (mut snapshot, mut graphs) = fixture::sample();
    let flows = snapshot
        .lists
        .get_mut(&crate::snapshot::List::Flows)
        .expect("flows");
    flows.push(
        serde_json::json!({"id": "f-big", "name": "Big", "type": "INBOUNDCALL",
        "publishedVersion": {"id": "1.0"}}),
    );
    let tasks = (0..containers)
        .map(|c| {
            let list = (0..actions)
                .map(|a| {
                    let next = if a + 1 < actions {
                        Target::Action(format!("b-{c}-{}", a + 1))
                    } else {
                        Target::End
                    };
                    let jump = Target::Container(format!("t-{}", (c + 1) % containers));
                    fixture::action(
                        &format!("b-{c}-{a}"),
                        ActionKind::Decision,
                        "DecisionAction",
                        &format!("Check {c}.{a}"),
                        vec![
                            fixture::out(Some("Yes"), next),
                            fixture::out(Some("No"), jump),
                        ],
                    )
                })
                .collect();
            fixture::container(
                &format!("t-{c}"),
                ContainerKind::Task,
                &format!("Task {c}"),
                list,
            )
        })
        .collect();
    graphs.insert(
        "f-big".into(),
        Ok(FlowGraph {
            name: "Big".into(),
            flow_type: "inboundcall".into(),
            start_container: Some("t-0".into()),
            containers: tasks,
            ..FlowGraph::default()
        }),
    );
    (snapshot, graphs)
}

#[test]
fn flows_over_github_limits_get_one_diagram_per_container() {
    let (snapshot, graphs) = big_flow(3, 120);
    let all = pages(&Org::assemble(&snapshot, &graphs));
    let page = &all["flows/inboundcall/big.md"];
    assert!(!page.contains("## Diagram"));
    let blocks: Vec<_> = mermaid_blocks(&all)
        .into_iter()
        .filter(|(p, _)| p == "flows/inboundcall/big.md")
        .collect();
    assert_eq!(blocks.len(), 3);
    for (_, block) in &blocks {
        let graph = crate::diagram::Graph::parse(block).expect("own output parses");
        assert!(graph.edges.len() <= flow_diagram::MAX_EDGES);
        assert!(graph.mermaid_len() <= flow_diagram::MAX_CHARS);
        let jump = graph
            .nodes
            .iter()
            .find(|n| n.shape == crate::diagram::Shape::Jump);
        assert!(jump.is_some_and(|n| n.link.as_deref().is_some_and(|l| l.starts_with("#c-t-"))));
    }
    let (snapshot, graphs) = big_flow(1, 400);
    let all = pages(&Org::assemble(&snapshot, &graphs));
    assert!(all["flows/inboundcall/big.md"].contains("This container is too large to draw"));
}

#[test]
fn every_diagram_reads_back_with_the_same_labels() {
    let all = pages(&hostile_org());
    let blocks = mermaid_blocks(&all);
    assert_eq!(blocks.len(), 4, "one per flow with a graph");
    let hostile = &all["flows/inboundcall/end.md"];
    let graph_text = &mermaid_blocks(&BTreeMap::from([("x".to_string(), hostile.clone())]))[0].1;
    let graph = crate::diagram::Graph::parse(graph_text).expect("parses");
    for name in fixture::HOSTILE {
        assert!(graph.nodes.iter().any(|n| n.label == name), "{name:?}");
    }
}

#[test]
fn every_diagram_passes_the_real_mermaid_parser() {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mermaid/run.sh");
    if std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: node is not installed, so the Mermaid parser cannot run");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (big, big_graphs) = big_flow(3, 120);
    let mut count = 0;
    for (n, org) in [hostile_org(), Org::assemble(&big, &big_graphs)]
        .iter()
        .enumerate()
    {
        for (i, (_, block)) in mermaid_blocks(&pages(org)).iter().enumerate() {
            let file = dir.path().join(format!("{n}-{i:03}.mmd"));
            std::fs::write(file, block).expect("write block");
            count += 1;
        }
    }
    let output = std::process::Command::new("sh")
        .arg(&script)
        .arg(dir.path())
        .output()
        .expect("run the Mermaid check");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        stdout.lines().last(),
        Some(format!("{count} passed, 0 failed").as_str())
    );
}
