//! `--from-export`: a folder of export files becomes a snapshot; bad files become gaps that
//! name the file (and the container or action), and every other file is still read.

use std::path::Path;

use base64::Engine as _;
use gcdocs::cmd::export_dir;
use gcdocs::snapshot::{List, Source};
use pretty_assertions::assert_eq;

fn fixture_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/flows")
        .join(name);
    std::fs::read_to_string(path).expect("fixture is readable")
}

fn i3(json: &str) -> String {
    let encoded =
        percent_encoding::utf8_percent_encode(json, percent_encoding::NON_ALPHANUMERIC).to_string();
    base64::engine::general_purpose::STANDARD.encode(encoded)
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
    std::fs::write(path, text).expect("write");
}

fn bad_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(d, "MANIFEST.md", "# not a flow\n");
    write(d, "a/x.json", &fixture_text("rejoin.json"));
    write(d, "a-x.json", &fixture_text("rejoin.json"));
    write(d, "bad.i3InboundFlow", "%%% this is not base64 %%%");
    write(d, "broken.json", "{\"name\": \"Broken\", ");
    write(d, "dangling.json", &fixture_text("dangling.json"));
    write(d, "flow.yaml", "inboundCall:\n  name: Later\n");
    write(d, "list.json", "{\"entities\": []}");
    write(d, "menu.i3InboundFlow", &i3(&fixture_text("menu.json")));
    write(d, "nostart.json", &fixture_text("no_start.json"));
    write(d, "other.yml", "workflow: {}\n");
    dir
}

#[test]
fn good_files_become_flows_with_documents() {
    let dir = bad_folder();
    let snapshot = export_dir::load(dir.path()).expect("folder loads");
    assert_eq!(snapshot.meta.source, Source::Export);
    let flows: Vec<(String, String, String)> = snapshot
        .list(List::Flows)
        .iter()
        .map(|f| {
            let text = |k: &str| f[k].as_str().expect("string").to_string();
            (text("id"), text("name"), text("type"))
        })
        .collect();
    assert_eq!(
        flows,
        [
            ("a-x".into(), "Claims line".into(), "INBOUNDCALL".into()),
            ("a-x-2".into(), "Claims line".into(), "INBOUNDCALL".into()),
            (
                "dangling".into(),
                "Broken links".into(),
                "INBOUNDCALL".into()
            ),
            ("menu".into(), "Main IVR".into(), "INBOUNDCALL".into()),
        ]
    );
    for flow in snapshot.list(List::Flows) {
        let doc = snapshot
            .document_for(flow)
            .expect("each flow has its document");
        assert_eq!(doc["name"], flow["name"]);
    }
}

#[test]
fn bad_files_become_gaps_naming_the_file_and_id() {
    let dir = bad_folder();
    let snapshot = export_dir::load(dir.path()).expect("folder loads");
    let gaps: Vec<(Option<String>, String, String)> = snapshot
        .gaps
        .iter()
        .map(|g| (g.id.clone(), g.endpoint.clone(), g.message.clone()))
        .collect();
    let dangling = |m: &str| {
        (
            Some("dangling".to_string()),
            "dangling.json".to_string(),
            format!("dangling.json: flow \"Broken links\": container \"Main\" (t-main): {m}"),
        )
    };
    assert_eq!(
        gaps,
        [
            (
                None,
                "bad.i3InboundFlow".into(),
                "bad.i3InboundFlow: cannot decode export file: not JSON and not valid base64: \
                 Invalid symbol 37, offset 20."
                    .into()
            ),
            (
                None,
                "broken.json".into(),
                "broken.json: cannot decode export file: JSON is malformed: \
                 EOF while parsing a value at line 1 column 19"
                    .into()
            ),
            dangling("action d-check: path \"Yes\" points to unknown id nowhere"),
            dangling("action d-orphan: taskReference points to unknown container no-such-task"),
            dangling("action d-play: nextAction points to unknown id does-not-exist"),
            (
                Some("list".into()),
                "list.json".into(),
                "list.json: not a flow document: no `flowSequenceItemList` array".into()
            ),
            (
                Some("nostart".into()),
                "nostart.json".into(),
                "nostart.json: not a usable flow document: no initialSequence".into()
            ),
        ]
    );
}

#[test]
fn a_missing_folder_is_an_error_naming_it() {
    let err = export_dir::load(Path::new("/nonexistent/gcdocs-exports")).expect_err("missing");
    assert_eq!(
        err.to_string(),
        "export folder /nonexistent/gcdocs-exports does not exist"
    );
}

#[test]
fn extract_from_export_exits_3_when_files_have_gaps() {
    let dir = bad_folder();
    let out = tempfile::tempdir().expect("temp dir");
    let assert = assert_cmd::Command::cargo_bin("gcdocs")
        .expect("binary")
        .args(["extract", "--from-export"])
        .arg(dir.path())
        .arg("--out")
        .arg(out.path().join("content"))
        .env_remove("RUST_LOG")
        .assert();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert.code(3);
    assert!(
        stderr.contains("skipped 2 Archy YAML file(s): YAML is not read yet"),
        "{stderr}"
    );
    assert!(
        stderr.contains("dangling.json: flow \"Broken links\": container \"Main\" (t-main): action d-play: nextAction points to unknown id does-not-exist"),
        "{stderr}"
    );
}

#[test]
fn an_export_snapshot_survives_save_and_load() {
    let dir = bad_folder();
    let snapshot = export_dir::load(dir.path()).expect("folder loads");
    let saved = tempfile::tempdir().expect("temp dir");
    let path = saved.path().join("snapshot");
    snapshot.save(&path).expect("saves");
    let loaded = gcdocs::snapshot::Snapshot::load(&path).expect("loads");
    assert_eq!(loaded, snapshot);
    assert_eq!(loaded.flow_documents.len(), 4);
}
