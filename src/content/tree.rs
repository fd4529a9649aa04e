//! Writing the content tree: changed files only, each atomically; stale generated pages
//! removed; files gcdocs did not write left alone; the ownership manifest written last.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::Context as _;
use rayon::prelude::*;

use super::index_pages::count;
use super::{Options, Page, Report};
use crate::fsx;
use crate::kind::DOCUMENTED;
use crate::org::Org;

/// The ownership manifest: the files gcdocs generated, one relative path a line, sorted.
pub const MANIFEST: &str = ".gcdocs-owned";
/// The run-metadata file: capture time, counts, gcdocs version.
pub const RUN_FILE: &str = "gcdocs-run.json";

/// The run-metadata page. It depends only on the model and the capture time, so a re-run on
/// the same snapshot writes the same bytes.
pub fn run_file(org: &Org, options: &Options, pages: &[Page]) -> Page {
    let counts: serde_json::Map<String, serde_json::Value> = DOCUMENTED
        .iter()
        .map(|k| (k.as_str().to_string(), count(org, k).into()))
        .collect();
    let value = serde_json::json!({
        "capturedAt": options.captured_at,
        "gcdocsVersion": env!("CARGO_PKG_VERSION"),
        "organization": org.name,
        "counts": counts,
        "pages": pages.len() + 1,
        "gaps": org.gaps.len(),
    });
    let mut text = serde_json::to_string_pretty(&value).expect("JSON values always serialize");
    text.push('\n');
    Page {
        path: RUN_FILE.to_string(),
        kind: None,
        text,
    }
}

/// Reads the manifest of a previous run (empty when there is none).
fn owned(dir: &Path) -> anyhow::Result<BTreeSet<String>> {
    let path = dir.join(MANIFEST);
    if !path.is_file() {
        return Ok(BTreeSet::new());
    }
    let text = fsx::read_to_string(&path)?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && safe_relative(l))
        .map(str::to_string)
        .collect())
}

/// A manifest line must stay inside the tree, whatever the file holds.
fn safe_relative(path: &str) -> bool {
    !path.starts_with('/')
        && !path.contains('\\')
        && path
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..")
}

/// What happened to one page.
enum Written {
    Unchanged,
    Changed,
    Conflict,
}

/// Writes one page unless its bytes are already there or a file gcdocs did not write is.
fn write_page(
    dir: &Path,
    page: &Page,
    previous: &BTreeSet<String>,
) -> Result<Written, fsx::FsError> {
    let path = dir.join(&page.path);
    let existing = if path.is_file() {
        Some(fsx::read(&path)?)
    } else {
        None
    };
    match existing {
        Some(bytes) if bytes == page.text.as_bytes() => Ok(Written::Unchanged),
        Some(_) if !previous.contains(&page.path) => Ok(Written::Conflict),
        _ => {
            fsx::write_atomic(&path, page.text.as_bytes())?;
            Ok(Written::Changed)
        }
    }
}

/// Writes the pages into `dir`: changed pages (in parallel, each atomically), then the
/// removal of stale generated pages, then the manifest.
pub fn write(dir: &Path, pages: &[Page]) -> anyhow::Result<Report> {
    let previous =
        owned(dir).with_context(|| format!("cannot read the content tree {}", dir.display()))?;
    let outcomes: Vec<Result<Written, fsx::FsError>> = pages
        .par_iter()
        .map(|page| write_page(dir, page, &previous))
        .collect();
    let mut report = Report::default();
    let mut now_owned = BTreeSet::new();
    for (page, outcome) in pages.iter().zip(outcomes) {
        match outcome? {
            Written::Conflict => {
                report.conflicts.push(page.path.clone());
                continue;
            }
            Written::Changed => report.changed += 1,
            Written::Unchanged => {}
        }
        now_owned.insert(page.path.clone());
        if let Some(kind) = &page.kind {
            *report.pages.entry(kind.as_str().to_string()).or_insert(0) += 1;
        }
    }
    let generated: BTreeSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    for stale in previous.difference(&now_owned) {
        if generated.contains(stale.as_str()) {
            continue;
        }
        let path = dir.join(stale);
        if path.is_file() {
            fsx::remove_file(&path)?;
            report.removed += 1;
            remove_empty_parents(dir, &path);
        }
    }
    write_manifest(dir, &now_owned)?;
    Ok(report)
}

fn write_manifest(dir: &Path, owned: &BTreeSet<String>) -> Result<(), fsx::FsError> {
    let mut manifest: String = owned.iter().map(|p| format!("{p}\n")).collect();
    if manifest.is_empty() {
        manifest.push('\n');
    }
    let path = dir.join(MANIFEST);
    let unchanged = fsx::read(&path)
        .ok()
        .is_some_and(|b| b == manifest.as_bytes());
    if unchanged {
        return Ok(());
    }
    fsx::write_atomic(&path, manifest.as_bytes())
}

/// Removes folders left empty by a removal, up to (not including) the tree's root.
fn remove_empty_parents(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir.filter(|d| *d != root && d.starts_with(root)) {
        if std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}
