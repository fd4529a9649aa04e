//! `gcdocs extract --from-snapshot` on a small snapshot fixture: the content tree it writes,
//! the summary line, and a byte-identical re-run that keeps hand-written pages.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;

const FIXTURE: &str = "tests/fixtures/content-org";

fn extract(out: &Path) -> assert_cmd::assert::Assert {
    Command::cargo_bin("gcdocs")
        .expect("binary")
        .args(["extract", "--from-snapshot", FIXTURE, "--out"])
        .arg(out)
        .assert()
}

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    gcdocs::fsx::read_tree(dir).expect("tree is readable")
}

#[test]
fn extract_writes_the_content_tree_and_reruns_byte_identically() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("content");
    let first = extract(&out).code(0);
    let stderr = String::from_utf8_lossy(&first.get_output().stderr).into_owned();
    assert!(
        stderr.starts_with("Extracted 3 flow, 1 ivr, 2 queue, 1 wrapup-code into "),
        "{stderr}"
    );
    let files = tree(&out);
    let names: Vec<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|p| !p.ends_with("_index.md"))
        .collect();
    assert_eq!(
        names,
        [
            ".gcdocs-owned",
            "flows/inboundcall/draft-no.md",
            "flows/inboundcall/main-ivr.md",
            "flows/inqueuecall/default-in-queue.md",
            "gcdocs-run.json",
            "ivrs/main-line.md",
            "queues/claims-fr.md",
            "queues/con_.md",
            "wrapup-codes/done.md",
        ]
    );
    let queue = String::from_utf8_lossy(&files["queues/claims-fr.md"]).into_owned();
    assert!(
        queue.starts_with("---\ntitle: \"Claims | FR\"\nkind: \"queue\"\nid: \"q-claims\"\n"),
        "{queue}"
    );
    assert!(
        queue.contains("| Service level (calls) | 80 % in 20 s |\n"),
        "{queue}"
    );
    assert!(queue.contains("| In-queue flow (call) | [Default in-queue](../flows/inqueuecall/default-in-queue.md) |\n"), "{queue}");
    let main = String::from_utf8_lossy(&files["flows/inboundcall/main-ivr.md"]).into_owned();
    assert!(
        main.contains("- IVR route [Main line](../../ivrs/main-line.md) — open hours flow; DIDs `+3223456789`\n"),
        "{main}"
    );

    std::fs::write(out.join("queues/notes.md"), "# Notes\n").expect("hand-written page");
    extract(&out).code(0);
    let mut again = tree(&out);
    assert_eq!(
        again.remove("queues/notes.md").as_deref(),
        Some(&b"# Notes\n"[..])
    );
    assert_eq!(again, files);
}
