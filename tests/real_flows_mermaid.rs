//! Renders every public real flow in ../shared/real-flows (Architect export files) to a
//! content tree and checks every Mermaid block with the real Mermaid parser.
//!
//! Skips with a printed reason when the folder or `node` is absent. Files the flow parser
//! cannot read yet become gaps on their pages, not failures: this test is about diagrams.

use std::path::{Path, PathBuf};
use std::process::Command;

use gcdocs::snapshot::{List, Meta, Snapshot, Source};

fn real_flows() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-flows/export");
    dir.is_dir().then_some(dir)
}

/// A snapshot holding one flow per export file that decodes.
fn snapshot(dir: &Path) -> (Snapshot, usize) {
    let mut snapshot = Snapshot {
        meta: Meta {
            format: gcdocs::snapshot::FORMAT,
            source: Source::Export,
            ..Meta::default()
        },
        ..Snapshot::default()
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list real flows")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    let mut flows = Vec::new();
    let mut undecoded = 0;
    for (i, path) in entries.iter().enumerate() {
        let text = std::fs::read_to_string(path).expect("read real flow");
        let Ok(doc) = gcdocs::flow::decode_export(&text) else {
            undecoded += 1;
            continue;
        };
        let id = format!("real-{i:02}");
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let flow_type = doc
            .get("type")
            .and_then(|t| t.as_str())
            .unwrap_or("unknown")
            .to_string();
        flows.push(
            serde_json::json!({"id": id, "name": name, "type": flow_type,
            "publishedVersion": {"id": "1.0"}}),
        );
        snapshot.flow_documents.insert((id, "1.0".into()), doc);
    }
    snapshot.lists.insert(List::Flows, flows);
    (snapshot, undecoded)
}

#[test]
fn every_real_flow_diagram_passes_the_mermaid_parser() {
    let Some(dir) = real_flows() else {
        eprintln!("skipped: ../shared/real-flows/export is not present");
        return;
    };
    if Command::new("node").arg("--version").output().is_err() {
        eprintln!("skipped: node is not installed, so the Mermaid parser cannot run");
        return;
    }
    let (snapshot, undecoded) = snapshot(&dir);
    let org = gcdocs::org::Org::build(&snapshot);
    let out = tempfile::tempdir().expect("temp dir");
    gcdocs::content::write_tree(&org, out.path(), &gcdocs::content::Options::default())
        .expect("content tree");
    eprintln!(
        "{} real flows rendered, {undecoded} export files not decoded by the flow parser yet",
        org.flows.len()
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mermaid/run.sh");
    let output = Command::new("sh")
        .arg(script)
        .arg(out.path())
        .output()
        .expect("run the Mermaid check");
    let stdout = String::from_utf8_lossy(&output.stdout);
    eprintln!("{stdout}");
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.trim_end().ends_with(" 0 failed"), "{stdout}");
}
