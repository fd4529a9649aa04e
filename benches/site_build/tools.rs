//! The projects each tool builds from the same content tree: a Hugo site with a minimal
//! layout that renders only `.Content` (and a list of child pages on section pages), an
//! mdBook whose `src/` is the tree with front matter removed plus a generated SUMMARY.md,
//! and the one-page gcdocs trees used to time the largest diagram.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use gcdocs::fsx;

/// The Markdown files of a content tree, relative paths, sorted.
pub fn markdown_files(content: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(content).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot list {}", content.display()))?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "md") {
            let rel = entry
                .path()
                .strip_prefix(content)
                .expect("walkdir stays under its root");
            files.push(rel.to_path_buf());
        }
    }
    Ok(files)
}

/// Writes a Hugo project in `dir` that reads `content` and publishes to `public`.
pub fn hugo_project(dir: &Path, content: &Path, public: &Path) -> anyhow::Result<()> {
    let config = format!(
        "baseURL = \"http://127.0.0.1/\"\ntitle = \"gcdocs benchmark\"\n\
         contentDir = {content:?}\npublishDir = {public:?}\nresourceDir = {resources:?}\n\
         disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n",
        content = content.display().to_string(),
        public = public.display().to_string(),
        resources = dir.join("resources").display().to_string(),
    );
    fsx::write(&dir.join("hugo.toml"), config.as_bytes())?;
    let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\
                <body><main>{{ .Content }}</main></body></html>\n";
    let list = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\
                <body><main>{{ .Content }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">\
                {{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n";
    let layouts = dir.join("layouts").join("_default");
    fsx::write(&layouts.join("single.html"), page.as_bytes())?;
    fsx::write(&layouts.join("list.html"), list.as_bytes())?;
    Ok(())
}

/// Writes an mdBook in `dir`: `src/` holds every page without its front matter and a
/// SUMMARY.md nesting each folder's pages under its `_index.md`. `search` turns mdBook's
/// search index on; the print page (every chapter in one file) is always off.
pub fn mdbook_project(dir: &Path, content: &Path, search: bool) -> anyhow::Result<()> {
    let src = dir.join("src");
    if !src.is_dir() {
        let files = markdown_files(content)?;
        for rel in &files {
            let text = fsx::read_to_string(&content.join(rel))?;
            fsx::write(&src.join(rel), strip_front_matter(&text).as_bytes())?;
        }
        let summary = summary(content, &files)?;
        fsx::write(&src.join("SUMMARY.md"), summary.as_bytes())?;
    }
    let config = format!(
        "[book]\ntitle = \"gcdocs benchmark\"\nsrc = \"src\"\n\n[build]\nbuild-dir = \"book\"\n\
         create-missing = false\n\n[output.html.print]\nenable = false\n\n\
         [output.html.search]\nenable = {search}\n"
    );
    fsx::write(&dir.join("book.toml"), config.as_bytes())?;
    Ok(())
}

/// The body of a page: everything after the closing `---` of its front matter.
pub fn strip_front_matter(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text;
    };
    match rest.find("\n---\n") {
        Some(end) => &rest[end + 5..],
        None => text,
    }
}

/// The `title` of a page's front matter, or its file stem.
fn title(content: &Path, rel: &Path) -> anyhow::Result<String> {
    let text = fsx::read_to_string(&content.join(rel))?;
    let front = text
        .strip_prefix("---\n")
        .and_then(|r| r.split("\n---\n").next())
        .unwrap_or("");
    let parsed: Option<serde_yaml_ng::Value> = serde_yaml_ng::from_str(front).ok();
    let from_yaml = parsed
        .as_ref()
        .and_then(|v| v.get("title"))
        .and_then(|t| t.as_str())
        .map(str::to_string);
    Ok(from_yaml.unwrap_or_else(|| {
        rel.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }))
}

fn summary(content: &Path, files: &[PathBuf]) -> anyhow::Result<String> {
    let mut by_dir: BTreeMap<PathBuf, Vec<&PathBuf>> = BTreeMap::new();
    for rel in files {
        by_dir
            .entry(rel.parent().map(Path::to_path_buf).unwrap_or_default())
            .or_default()
            .push(rel);
    }
    let mut out = String::from("# Summary\n\n");
    write_level(&mut out, content, &by_dir, Path::new(""), 0)?;
    Ok(out)
}

fn write_level(
    out: &mut String,
    content: &Path,
    by_dir: &BTreeMap<PathBuf, Vec<&PathBuf>>,
    dir: &Path,
    depth: usize,
) -> anyhow::Result<()> {
    let indent = "  ".repeat(depth);
    for rel in by_dir.get(dir).into_iter().flatten() {
        if rel.file_name().is_some_and(|n| n == "_index.md") && depth > 0 {
            continue;
        }
        let link = rel.display().to_string().replace(' ', "%20");
        let _ = writeln!(
            out,
            "{indent}- [{}](<{link}>)",
            escape_link_text(&title(content, rel)?)
        );
    }
    let children: Vec<&PathBuf> = by_dir
        .keys()
        .filter(|d| d.parent() == Some(dir) && !d.as_os_str().is_empty())
        .collect();
    for child in children {
        let index = child.join("_index.md");
        let name = child
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if by_dir
            .get(child)
            .is_some_and(|files| files.iter().any(|f| **f == index))
        {
            let _ = writeln!(
                out,
                "{indent}- [{}](<{}>)",
                escape_link_text(&name),
                index.display()
            );
        } else {
            let _ = writeln!(out, "{indent}- [{}]()", escape_link_text(&name));
        }
        write_level(out, content, by_dir, child, depth + 1)?;
    }
    Ok(())
}

fn escape_link_text(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let escape = matches!(c, '[' | ']' | '\\' | '*' | '_' | '`' | '<' | '>');
            escape.then_some('\\').into_iter().chain([c])
        })
        .collect()
}

/// Every page's Mermaid diagrams as (page, node count), in page order.
pub fn diagrams(content: &Path) -> anyhow::Result<Vec<(PathBuf, usize)>> {
    let mut out = Vec::new();
    for rel in markdown_files(content)? {
        let text = fsx::read_to_string(&content.join(&rel))?;
        for block in mermaid_blocks(&text) {
            let nodes = match gcdocs::diagram::Graph::parse(block) {
                Ok(graph) => graph.nodes.len(),
                Err(_) => block.lines().count(),
            };
            out.push((rel.clone(), nodes));
        }
    }
    Ok(out)
}

/// The text inside each ```mermaid fence of a page.
fn mermaid_blocks(text: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("```mermaid\n") {
        let body = &rest[start + 11..];
        let Some(end) = body.find("\n```") else { break };
        blocks.push(&body[..=end]);
        rest = &body[end + 4..];
    }
    blocks
}

/// Writes two one-page content trees under `dir`: `with/` holds the page as it is,
/// `without/` the same page with its diagrams removed. Their build times differ by the
/// diagram work.
pub fn one_page_trees(
    content: &Path,
    page: &Path,
    dir: &Path,
) -> anyhow::Result<(PathBuf, PathBuf)> {
    let text = fsx::read_to_string(&content.join(page))?;
    let mut without = text.clone();
    for block in mermaid_blocks(&text) {
        without = without.replacen(&format!("```mermaid\n{block}```"), "", 1);
    }
    let with_dir = dir.join("with");
    let without_dir = dir.join("without");
    fsx::write(&with_dir.join("content").join(page), text.as_bytes())?;
    fsx::write(&without_dir.join("content").join(page), without.as_bytes())?;
    Ok((with_dir, without_dir))
}
