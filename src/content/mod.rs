//! The organization model to a content tree of Markdown pages with YAML front matter and
//! Mermaid diagrams. Deterministic; tracks which files it owns.
//!
//! [`render`] computes every page in memory; [`write_tree`] then writes the changed ones,
//! removes stale generated pages and records what it owns (`content/.gcdocs-owned`).

mod anchors;
mod flow_diagram;
mod flow_page;
mod flow_sections;
mod index_pages;
pub mod markdown;
mod object_page;
mod paths;
mod settings;
pub mod slug;
#[cfg(test)]
mod tests;
mod tree;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::kind::{DOCUMENTED, ObjectKind};
use crate::org::Org;

pub use paths::Paths;
pub use tree::{MANIFEST, RUN_FILE};

/// How the content tree is written.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The capture time (the snapshot's `capturedAt`) for the run-metadata file.
    pub captured_at: Option<String>,
}

/// What writing the tree did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Pages written per kind word (`flow`, `queue`, ...), index pages excluded.
    pub pages: BTreeMap<String, usize>,
    /// Files whose bytes changed.
    pub changed: usize,
    /// Generated files removed because their object no longer exists.
    pub removed: usize,
    /// Generated pages not written because a file gcdocs did not write is in their place.
    pub conflicts: Vec<String>,
}

/// One page of the tree, in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Path inside the content tree, `/`-separated (`queues/claims-fr.md`).
    pub path: String,
    /// The kind of object the page describes; `None` for index pages and metadata.
    pub kind: Option<ObjectKind>,
    /// The whole file.
    pub text: String,
}

/// Every page of the tree for `org`, sorted by path. Pure: no I/O.
pub fn render(org: &Org, options: &Options) -> Vec<Page> {
    let paths = Paths::new(org);
    let resolver = crate::org::Resolver::new(org);
    let mut pages: Vec<Page> = org
        .flows
        .par_iter()
        .map(|flow| flow_page::render(org, &paths, &resolver, flow))
        .collect();
    let objects: Vec<&crate::org::Object> = DOCUMENTED
        .iter()
        .filter(|k| **k != ObjectKind::Flow)
        .flat_map(|kind| org.objects_of(kind))
        .collect();
    pages.par_extend(
        objects
            .par_iter()
            .map(|object| object_page::render(org, &paths, object)),
    );
    pages.extend(index_pages::render(org, &paths));
    pages.push(tree::run_file(org, options, &pages));
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    pages
}

/// Writes the content tree for `org` into `dir`, replacing generated pages and keeping
/// hand-written ones.
pub fn write_tree(org: &Org, dir: &Path, options: &Options) -> anyhow::Result<Report> {
    let pages = render(org, options);
    tree::write(dir, &pages)
}
