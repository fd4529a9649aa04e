//! `gcdocs demo`, the main job: deterministic output identical to the committed content/,
//! and a site whose navigation reaches every flow, queue, skill, wrap-up code and trunk page.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run_demo(root: &Path) {
    let output = Command::cargo_bin("gcdocs")
        .expect("binary is built")
        .args(["demo", "--root"])
        .arg(root)
        .arg("--sample")
        .arg(repo().join("examples/sample-org"))
        .output()
        .expect("demo runs");
    assert!(
        output.status.code() == Some(0),
        "demo failed with {:?}: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        stdout.trim(),
        root.join("public/index.html").display().to_string()
    );
}

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    gcdocs::fsx::read_tree(dir).expect("tree is readable")
}

fn assert_same_tree(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>, what: &str) {
    let names_a: BTreeSet<_> = a.keys().collect();
    let names_b: BTreeSet<_> = b.keys().collect();
    assert_eq!(names_a, names_b, "{what}: different files");
    for (name, bytes) in a {
        assert!(bytes == &b[name], "{what}: {name} differs");
    }
}

#[test]
fn demo_is_deterministic_and_matches_the_committed_content() {
    let first = tempfile::tempdir().expect("temp dir");
    let second = tempfile::tempdir().expect("temp dir");
    run_demo(first.path());
    run_demo(second.path());
    let one = tree(&first.path().join("content"));
    let two = tree(&second.path().join("content"));
    assert!(
        one.len() > 100,
        "only {} files in the content tree",
        one.len()
    );
    assert_same_tree(&one, &two, "two runs");
    assert_same_tree(&one, &tree(&repo().join("content")), "committed content/");

    // A second run in the same folder changes nothing either.
    run_demo(first.path());
    assert_same_tree(
        &one,
        &tree(&first.path().join("content")),
        "re-run in place",
    );
}

/// Relative links of one HTML page, resolved against its folder, without anchors.
fn links(page: &Path, html: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for part in html.split("href=\"").skip(1) {
        let Some(end) = part.find('"') else { continue };
        let href = &part[..end];
        if href.starts_with('#') || href.contains("://") || href.starts_with("mailto:") {
            continue;
        }
        let path = href.split(['#', '?']).next().unwrap_or_default();
        if path.is_empty() {
            continue;
        }
        let path = path.replace("&amp;", "&");
        let decoded = percent_decode(&path);
        out.push(normalize(
            &page.parent().expect("page has a folder").join(decoded),
        ));
    }
    out
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn the_home_page_reaches_every_object_page() {
    let root = tempfile::tempdir().expect("temp dir");
    run_demo(root.path());
    let public = root.path().join("public");
    let start = normalize(&public.join("index.html"));
    let mut seen = BTreeSet::from([start.clone()]);
    let mut queue = VecDeque::from([start]);
    while let Some(page) = queue.pop_front() {
        let Ok(html) = std::fs::read_to_string(&page) else {
            continue;
        };
        for link in links(&page, &html) {
            let link = if link.is_dir() {
                link.join("index.html")
            } else {
                link
            };
            if link.extension().is_some_and(|e| e == "html") && seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
    }
    let content = root.path().join("content");
    let mut expected = 0;
    for dir in ["flows", "queues", "skills", "wrapup-codes", "trunks"] {
        for entry in walkdir::WalkDir::new(content.join(dir)) {
            let entry = entry.expect("walk");
            let name = entry.file_name().to_string_lossy();
            if !entry.file_type().is_file() || !name.ends_with(".md") || name == "_index.md" {
                continue;
            }
            let rel = entry.path().strip_prefix(&content).expect("inside");
            let html = normalize(&public.join(rel).with_extension("html"));
            assert!(
                seen.contains(&html),
                "{} is not reachable from index.html",
                html.display()
            );
            expected += 1;
        }
    }
    assert!(
        expected >= 15 + 25 + 15 + 20 + 3,
        "only {expected} object pages"
    );
}
