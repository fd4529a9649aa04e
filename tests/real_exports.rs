//! The main job on real, public Architect exports: `gcdocs extract --from-export` on
//! ../shared/real-flows, then `gcdocs build`; every exported flow gets a page and an HTML page.
//! Skips with a printed reason when the folder is absent.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn real_flows() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-flows");
    if dir.join("export").is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

fn markdown_pages(dir: &Path) -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter(|p| p.file_name().is_some_and(|n| n != "_index.md"))
        .collect();
    pages.sort();
    pages
}

#[test]
fn every_exported_flow_gets_a_page_and_the_site_builds() {
    let Some(real) = real_flows() else { return };
    let exports = std::fs::read_dir(real.join("export"))
        .expect("list exports")
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x.to_string_lossy().starts_with("i3"))
        })
        .count();
    let root = tempfile::tempdir().expect("temp dir");
    let extract = Command::cargo_bin("gcdocs")
        .expect("binary")
        .current_dir(root.path())
        .arg("extract")
        .arg("--from-export")
        .arg(&real)
        .output()
        .expect("extract runs");
    assert_eq!(
        extract.status.code(),
        Some(0),
        "extract: {}",
        String::from_utf8_lossy(&extract.stderr)
    );
    let pages = markdown_pages(&root.path().join("content/flows"));
    assert_eq!(pages.len(), exports, "one page per exported flow");

    let build = Command::cargo_bin("gcdocs")
        .expect("binary")
        .args(["build", "--root"])
        .arg(root.path())
        .output()
        .expect("build runs");
    assert_eq!(
        build.status.code(),
        Some(0),
        "build: {}",
        String::from_utf8_lossy(&build.stderr)
    );
    let content = root.path().join("content");
    for page in pages {
        let html = root
            .path()
            .join("public")
            .join(page.strip_prefix(&content).expect("inside"));
        let html = html.with_extension("html");
        assert!(html.is_file(), "{} was not built", html.display());
    }
}
