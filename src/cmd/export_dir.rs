//! Reads a folder of Architect export files (`.i3*` and flow-document `.json`) into a
//! snapshot, as if the flows had come from the API.
//!
//! The folder is walked recursively in sorted order. Each file is decoded by content (see
//! [`crate::flow::decode_export`]). A file that cannot be decoded, is not a flow document,
//! or has no `initialSequence` becomes a [`Gap`] naming the file; a document that parses
//! with warnings (an edge to an unknown id, ...) is kept and each warning becomes a gap
//! too, so the run reports it. Export documents carry no flow id: the id is made from the
//! file's path inside the folder, so it is stable from run to run.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::flow;
use crate::fsx;
use crate::kind::ObjectKind;
use crate::snapshot::{Gap, List, Meta, Snapshot, Source};

/// Reads every export file under `dir`; files that cannot be read become gaps.
pub fn load(dir: &Path) -> anyhow::Result<Snapshot> {
    if !dir.is_dir() {
        anyhow::bail!("export folder {} does not exist", dir.display());
    }
    let mut snapshot = Snapshot {
        meta: Meta {
            format: crate::snapshot::FORMAT,
            source: Source::Export,
            ..Meta::default()
        },
        ..Snapshot::default()
    };
    let mut loader = Loader::default();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| anyhow::anyhow!("cannot list {}: {e}", dir.display()))?;
        if entry.file_type().is_file() {
            loader.file(dir, entry.path(), &mut snapshot);
        }
    }
    if loader.yaml_files > 0 {
        tracing::warn!(
            "{}: skipped {} Archy YAML file(s): YAML is not read yet",
            dir.display(),
            loader.yaml_files
        );
    }
    snapshot.lists.insert(List::Flows, loader.flows);
    snapshot.gaps.sort();
    snapshot.gaps.dedup();
    Ok(snapshot)
}

#[derive(Default)]
struct Loader {
    flows: Vec<Value>,
    ids: BTreeSet<String>,
    yaml_files: usize,
}

/// What a file is, by its extension.
enum FileType {
    Export,
    Yaml,
    Other,
}

fn file_type(path: &Path) -> FileType {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "json" => FileType::Export,
        "yaml" | "yml" => FileType::Yaml,
        e if e.starts_with("i3") => FileType::Export,
        _ => FileType::Other,
    }
}

impl Loader {
    fn file(&mut self, root: &Path, path: &Path, snapshot: &mut Snapshot) {
        match file_type(path) {
            FileType::Yaml => self.yaml_files += 1,
            FileType::Other => {}
            FileType::Export => {
                let rel = path.strip_prefix(root).unwrap_or(path);
                let rel_text = rel.to_string_lossy().replace('\\', "/");
                match read_document(path, &rel_text) {
                    Ok(doc) => self.document(&rel_text, rel, doc, snapshot),
                    Err(message) => snapshot.gaps.push(file_gap(&rel_text, None, message)),
                }
            }
        }
    }

    fn document(&mut self, rel_text: &str, rel: &Path, doc: Value, snapshot: &mut Snapshot) {
        let id = self.unique_id(rel_text, &doc, rel);
        let graph = match flow::parse_document(&doc) {
            Ok(graph) => graph,
            Err(e) => {
                snapshot
                    .gaps
                    .push(file_gap(rel_text, Some(id), format!("{rel_text}: {e}")));
                return;
            }
        };
        if graph.start_container.is_none() {
            let message = format!("{rel_text}: not a usable flow document: no initialSequence");
            snapshot.gaps.push(file_gap(rel_text, Some(id), message));
            return;
        }
        for warning in &graph.warnings {
            let message = format!("{rel_text}: flow \"{}\": {warning}", graph.name);
            // An edge into nothing means part of the flow is not documented: a gap. Other
            // findings (an action nothing leads to) are shown on the page, and warned about.
            if warning.contains("points to unknown") {
                snapshot
                    .gaps
                    .push(file_gap(rel_text, Some(id.clone()), message));
            } else {
                tracing::warn!("{message}");
            }
        }
        let entity = flow::flow_entity_from_document(&doc, &id);
        let version = entity["publishedVersion"]["id"]
            .as_str()
            .unwrap_or(flow::EXPORT_VERSION)
            .to_string();
        snapshot.flow_documents.insert((id, version), doc);
        self.flows.push(entity);
    }

    /// The document's own id, or one made from its path; a second file with the same id
    /// gets a `-2`, `-3`, ... suffix.
    fn unique_id(&mut self, rel_text: &str, doc: &Value, rel: &Path) -> String {
        let base = doc
            .get("id")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| id_from_path(rel));
        let mut id = base.clone();
        let mut n = 1;
        while self.ids.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        if n > 1 {
            tracing::warn!(
                "{rel_text}: flow id {base} is already used by another file; kept as {id}"
            );
        }
        self.ids.insert(id.clone());
        id
    }
}

fn read_document(path: &Path, rel_text: &str) -> Result<Value, String> {
    let bytes = fsx::read(path).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| format!("{rel_text}: not UTF-8 text: {e}"))?;
    flow::decode_export(&text).map_err(|e| format!("{rel_text}: {e}"))
}

/// `sub/Main IVR.i3InboundFlow` to `sub-main-ivr`.
fn id_from_path(rel: &Path) -> String {
    let stem = rel.with_extension("");
    let mut id = String::new();
    for c in stem.to_string_lossy().chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-').to_string();
    if id.is_empty() { "flow".into() } else { id }
}

fn file_gap(rel_text: &str, id: Option<String>, message: String) -> Gap {
    Gap {
        kind: ObjectKind::Flow,
        id,
        endpoint: rel_text.to_string(),
        status: None,
        permission: None,
        message,
    }
}
