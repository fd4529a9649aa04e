//! Builds the fixture content trees under tests/fixtures/site/ and checks what a reader sees:
//! the main content of a few pages (snapshots), the report, escaping, the extra files, the
//! golden search index, determinism, overrides and the errors of `gcdocs build`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use gcdocs::site::{BuildOptions, BuildReport, build};
use pretty_assertions::assert_eq;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/site")
        .join(name)
}

fn options(root: &Path, out: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        content: root.join("content"),
        out: out.to_path_buf(),
    }
}

fn build_fixture(name: &str) -> (tempfile::TempDir, BuildReport) {
    let dir = tempfile::tempdir().expect("temp dir");
    let report =
        build(&options(&fixture(name), &dir.path().join("public"))).expect("build succeeds");
    (dir, report)
}

fn read(dir: &tempfile::TempDir, page: &str) -> String {
    std::fs::read_to_string(dir.path().join("public").join(page)).expect("page written")
}

/// The `<article>` of a page: what the Markdown and the page template produced.
fn main_content(html: &str) -> String {
    let start = html
        .find("<article class=\"content\">")
        .expect("an article");
    let end = html.find("</article>").expect("an article end");
    html[start..end]
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every file of a folder with its bytes, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    gcdocs::fsx::read_tree(dir).expect("tree is readable")
}

#[test]
fn main_content_of_pages() {
    let (dir, _) = build_fixture("basic");
    for page in [
        "flows/inboundcall/main-ivr.html",
        "flows/inboundcall/xss.html",
        "queues/claims-fr.html",
        "guides/welcome.html",
        "xref/users/u-1.html",
        "xref/queues/index.html",
        "index.html",
    ] {
        let name = page.replace('/', "__");
        insta::assert_snapshot!(name, main_content(&read(&dir, page)));
    }
}

#[test]
fn report_lists_every_problem_once() {
    let (_dir, report) = build_fixture("basic");
    let root = fixture("basic").join("content").display().to_string();
    let warnings: Vec<String> = report
        .warnings
        .iter()
        .map(|w| w.replace(&root, "<content>"))
        .collect();
    assert_eq!(
        warnings,
        vec![
            "<content>/guides/bad-front.md: line 3: bad front matter: uses: invalid type: sequence, expected a map",
            "<content>/guides/welcome.md: line 24: diagram shown as text: cannot read the diagram (line 2: cannot read node `thisis not a diagram`)",
            "2 internal links point nowhere:",
            "  <content>/guides/welcome.md: ../queues/nope.md",
            "  <content>/guides/welcome.md: missing/",
        ]
    );
    assert_eq!(
        (report.pages, report.diagrams, report.broken_links),
        (21, 2, 2)
    );
    assert!(report.search_index_bytes.0 > report.search_index_bytes.1);
}

#[test]
fn names_from_the_org_never_become_markup() {
    let (dir, _) = build_fixture("basic");
    for page in [
        "flows/inboundcall/xss.html",
        "flows/inboundcall/main-ivr.html",
        "xref/users/u-1.html",
        "index.html",
    ] {
        let html = read(&dir, page);
        assert_eq!(
            html.matches("<script").count(),
            1,
            "only the search script on {page}"
        );
        assert!(!html.contains("<img"), "{page}");
        assert!(!html.contains("href=\"javascript:"), "{page}");
    }
    let nav = read(&dir, "flows/inboundcall/main-ivr.html");
    assert!(nav.contains(
        "<a href=\"../../flows/inboundcall/xss.html\">&lt;script&gt;alert(1)&lt;/script&gt;</a>"
    ));
}

#[test]
fn extra_files_and_odd_file_names() {
    let (dir, _) = build_fixture("basic");
    let out = dir.path().join("public");
    assert_eq!(std::fs::read(out.join(".nojekyll")).expect("written"), b"");
    assert!(out.join("404.html").is_file());
    assert!(out.join("images/logo.svg").is_file());
    assert!(out.join("guides/Schäden & Fälle #1.html").is_file());
    let sitemap = read(&dir, "sitemap.xml");
    assert!(
        sitemap
            .contains("<loc>https://docs.example.org/acme/flows/inboundcall/main-ivr.html</loc>")
    );
    assert!(sitemap.contains("<loc>https://docs.example.org/acme/guides/Sch%C3%A4den%20%26%20F%C3%A4lle%20%231.html</loc>"));
    let guide = read(&dir, "guides/welcome.html");
    assert!(guide.contains("href=\"../guides/Sch%C3%A4den%20%26%20F%C3%A4lle%20%231.html\""));
    assert!(guide.contains(
        "<link rel=\"canonical\" href=\"https://docs.example.org/acme/guides/welcome.html\">"
    ));
}

#[test]
fn golden_search_index() {
    let (dir, report) = build_fixture("search");
    let index = read(&dir, "search-index.js");
    let golden = fixture("search.golden.js");
    if std::env::var_os("GCDOCS_UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &index).expect("update golden");
    }
    let expected =
        std::fs::read_to_string(&golden).expect("golden file (GCDOCS_UPDATE_GOLDEN=1 writes it)");
    assert_eq!(index, expected);
    assert_eq!(report.search_index_bytes.0, expected.len());
    assert!(!index.contains("hidden"), "code blocks are not indexed");
}

#[test]
fn same_tree_gives_the_same_bytes() {
    let (a, _) = build_fixture("basic");
    let (b, _) = build_fixture("basic");
    let (fa, fb) = (
        files(&a.path().join("public")),
        files(&b.path().join("public")),
    );
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (name, bytes) in &fa {
        assert!(bytes == &fb[name], "{name} differs between two builds");
    }
}

#[test]
fn a_rebuild_replaces_the_old_site() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    std::fs::create_dir_all(&out).expect("old site");
    std::fs::write(out.join("stale.html"), "old").expect("stale file");
    build(&options(&fixture("search"), &out)).expect("build");
    assert!(!out.join("stale.html").exists());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["public"]);
}

#[test]
fn templates_and_static_files_are_overridden_file_by_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("project");
    copy_tree(&fixture("search"), &root);
    std::fs::write(root.join("book.toml"), "[site]\ntheme = \"acme\"\n").expect("book");
    write(&root.join("acme/static/style.css"), "/* acme */");
    write(
        &root.join("acme/templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}THEME {{ page.title }}{% endblock content %}",
    );
    write(
        &root.join("templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}ROOT {{ page.title }}{% endblock content %}",
    );
    let out = dir.path().join("public");
    build(&options(&root, &out)).expect("build");
    assert_eq!(
        std::fs::read_to_string(out.join("style.css")).expect("css"),
        "/* acme */"
    );
    let page = std::fs::read_to_string(out.join("flows/sales.html")).expect("page");
    assert!(page.contains("ROOT Sales"), "{page}");
    assert!(
        page.contains("<nav class=\"sidebar\""),
        "base.html still from the default theme"
    );
}

#[test]
fn broken_links_as_errors_fail_after_writing_the_site() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("project");
    copy_tree(&fixture("basic"), &root);
    std::fs::write(
        root.join("book.toml"),
        "[build]\nbroken_links = \"error\"\n",
    )
    .expect("book");
    let out = dir.path().join("public");
    let err = build(&options(&root, &out)).expect_err("broken links fail");
    let content = root.join("content").display().to_string();
    assert_eq!(
        err.to_string().replace(&content, "<content>"),
        "2 broken links (broken_links = \"error\" in book.toml):\n2 internal links point nowhere:\n  <content>/guides/welcome.md: ../queues/nope.md\n  <content>/guides/welcome.md: missing/"
    );
    assert!(out.join("flows/inboundcall/main-ivr.html").is_file());
}

#[test]
fn build_without_content_tree_exits_1_naming_the_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let assert = Command::cargo_bin("gcdocs")
        .expect("binary")
        .args(["build", "--root"])
        .arg(dir.path())
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert_eq!(
        stderr,
        format!(
            "error: no content tree at {}\n",
            dir.path().join("content").display()
        )
    );
}

#[test]
fn unknown_book_toml_key_exits_1_naming_file_line_and_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(&dir.path().join("content/_index.md"), "# Home\n");
    write(
        &dir.path().join("book.toml"),
        "[site]\ntitle = \"x\"\ncolour = \"blue\"\n",
    );
    let assert = Command::cargo_bin("gcdocs")
        .expect("binary")
        .args(["build", "--root"])
        .arg(dir.path())
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let book = dir.path().join("book.toml").display().to_string();
    insta::assert_snapshot!(stderr.replace(&book, "<root>/book.toml"));
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
    std::fs::write(path, text).expect("write");
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("entry");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[test]
fn a_page_with_its_own_used_by_lists_only_the_pages_it_does_not_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    let write = |path: &str, text: &str| gcdocs::fsx::write(&content.join(path), text.as_bytes());
    write(
        "queues/claims.md",
        "---\ntitle: Claims\nkind: queue\nid: q1\n---\n\n## Used by\n\n- [Main](../flows/main.md)\n",
    )
    .expect("queue page");
    let uses = "uses:\n  queue:\n    - id: q1\n      name: Claims\n";
    write(
        "flows/main.md",
        &format!("---\ntitle: Main\nkind: flow\n{uses}---\nBody.\n"),
    )
    .expect("flow page");
    write(
        "guides/notes.md",
        &format!("---\ntitle: Notes\n{uses}---\nBody.\n"),
    )
    .expect("hand page");
    let options = gcdocs::site::BuildOptions {
        root: dir.path().to_path_buf(),
        content: content.clone(),
        out: dir.path().join("public"),
    };
    gcdocs::site::build(&options).expect("build");
    let html = read(&dir, "queues/claims.html");
    assert_eq!(html.matches(">Used by</h2>").count(), 2, "{html}");
    assert_eq!(html.matches("id=\"used-by\"").count(), 1, "{html}");
    let xref = &html[html.find("id=\"xref-used-by\"").expect("xref section")..];
    assert!(
        xref.contains(">Notes</a>") && !xref.contains(">Main</a>"),
        "{xref}"
    );

    // With every user already linked, the site adds no second section.
    std::fs::remove_file(content.join("guides/notes.md")).expect("remove");
    gcdocs::site::build(&options).expect("build");
    let html = read(&dir, "queues/claims.html");
    assert_eq!(html.matches(">Used by</h2>").count(), 1, "{html}");
}
