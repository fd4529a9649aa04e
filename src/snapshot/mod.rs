//! Raw API responses on disk: the seam between the API and the documentation.
//!
//! A [`Snapshot`] is the organization as the API returned it, list pages merged, one JSON
//! file per endpoint (layout in docs/internals.md, section 1). It is written atomically:
//! the new folder is staged beside the old one and swapped in, so a failed or killed run
//! leaves the previous snapshot whole. Loading never fails on one bad file: the file is
//! recorded as a [`Gap`] and the rest is read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::fsx;
use crate::kind::ObjectKind;

/// Version of the snapshot folder layout.
pub const FORMAT: u32 = 1;

/// Where a snapshot's data came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Read from a live organization over the Platform API.
    #[default]
    Live,
    /// Made from a folder of Architect export files.
    Export,
    /// The bundled fictional sample org.
    Sample,
}

/// Which version of each flow the documents are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FlowVersion {
    /// The published version (the default).
    #[default]
    Published,
    /// The latest saved (checked-in) version.
    Latest,
}

/// The `snapshot.json` file: what the snapshot is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Meta {
    /// Layout version, [`FORMAT`].
    pub format: u32,
    /// When the data was read (RFC 3339, UTC); `None` for exports.
    pub captured_at: Option<String>,
    /// Where the data came from.
    pub source: Source,
    /// The region the data was read from, as the user gave it.
    pub region: Option<String>,
    /// Which flow versions the documents are.
    pub flow_version: FlowVersion,
}

/// Something that could not be read and is therefore not documented.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Gap {
    /// The kind of object that is missing.
    pub kind: ObjectKind,
    /// The one object that is missing, or `None` when a whole endpoint is.
    pub id: Option<String>,
    /// The endpoint (or file) that failed.
    pub endpoint: String,
    /// The HTTP status, when there was one.
    pub status: Option<u16>,
    /// The permission the error named, when it named one.
    pub permission: Option<String>,
    /// What went wrong, in one line (never contains a secret).
    pub message: String,
}

/// The list endpoints a snapshot holds, one file each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum List {
    /// `GET /api/v2/flows`
    Flows,
    /// `GET /api/v2/routing/queues`
    Queues,
    /// `GET /api/v2/routing/skills`
    Skills,
    /// `GET /api/v2/routing/languages`
    Languages,
    /// `GET /api/v2/routing/wrapupcodes`
    WrapupCodes,
    /// `GET /api/v2/telephony/providers/edges/trunks`
    Trunks,
    /// `GET /api/v2/telephony/providers/edges/trunkbasesettings`
    TrunkBaseSettings,
    /// `GET /api/v2/telephony/providers/edges/sites`
    Sites,
    /// `GET /api/v2/architect/ivrs`
    Ivrs,
    /// `GET /api/v2/architect/schedules`
    Schedules,
    /// `GET /api/v2/architect/schedulegroups`
    ScheduleGroups,
    /// `GET /api/v2/architect/emergencygroups`
    EmergencyGroups,
    /// `GET /api/v2/architect/prompts`
    Prompts,
    /// `GET /api/v2/flows/datatables`
    DataTables,
    /// `GET /api/v2/integrations/actions`
    DataActions,
}

impl List {
    /// Every list, in file order.
    pub const ALL: [List; 15] = [
        List::Flows,
        List::Queues,
        List::Skills,
        List::Languages,
        List::WrapupCodes,
        List::Trunks,
        List::TrunkBaseSettings,
        List::Sites,
        List::Ivrs,
        List::Schedules,
        List::ScheduleGroups,
        List::EmergencyGroups,
        List::Prompts,
        List::DataTables,
        List::DataActions,
    ];

    /// The file name inside the snapshot folder.
    pub fn file_name(self) -> &'static str {
        match self {
            List::Flows => "flows.json",
            List::Queues => "queues.json",
            List::Skills => "skills.json",
            List::Languages => "languages.json",
            List::WrapupCodes => "wrapupcodes.json",
            List::Trunks => "trunks.json",
            List::TrunkBaseSettings => "trunkbasesettings.json",
            List::Sites => "sites.json",
            List::Ivrs => "ivrs.json",
            List::Schedules => "schedules.json",
            List::ScheduleGroups => "schedulegroups.json",
            List::EmergencyGroups => "emergencygroups.json",
            List::Prompts => "prompts.json",
            List::DataTables => "datatables.json",
            List::DataActions => "dataactions.json",
        }
    }

    /// The API path of the list endpoint.
    pub fn api_path(self) -> &'static str {
        match self {
            List::Flows => "/api/v2/flows",
            List::Queues => "/api/v2/routing/queues",
            List::Skills => "/api/v2/routing/skills",
            List::Languages => "/api/v2/routing/languages",
            List::WrapupCodes => "/api/v2/routing/wrapupcodes",
            List::Trunks => "/api/v2/telephony/providers/edges/trunks",
            List::TrunkBaseSettings => "/api/v2/telephony/providers/edges/trunkbasesettings",
            List::Sites => "/api/v2/telephony/providers/edges/sites",
            List::Ivrs => "/api/v2/architect/ivrs",
            List::Schedules => "/api/v2/architect/schedules",
            List::ScheduleGroups => "/api/v2/architect/schedulegroups",
            List::EmergencyGroups => "/api/v2/architect/emergencygroups",
            List::Prompts => "/api/v2/architect/prompts",
            List::DataTables => "/api/v2/flows/datatables",
            List::DataActions => "/api/v2/integrations/actions",
        }
    }

    /// The kind of object the list holds.
    pub fn kind(self) -> ObjectKind {
        match self {
            List::Flows => ObjectKind::Flow,
            List::Queues => ObjectKind::Queue,
            List::Skills => ObjectKind::Skill,
            List::Languages => ObjectKind::Language,
            List::WrapupCodes => ObjectKind::WrapupCode,
            List::Trunks => ObjectKind::Trunk,
            List::TrunkBaseSettings => ObjectKind::TrunkBase,
            List::Sites => ObjectKind::Site,
            List::Ivrs => ObjectKind::Ivr,
            List::Schedules => ObjectKind::Schedule,
            List::ScheduleGroups => ObjectKind::ScheduleGroup,
            List::EmergencyGroups => ObjectKind::EmergencyGroup,
            List::Prompts => ObjectKind::Prompt,
            List::DataTables => ObjectKind::DataTable,
            List::DataActions => ObjectKind::DataAction,
        }
    }
}

/// One organization's raw configuration.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    /// What the snapshot is (`snapshot.json`).
    pub meta: Meta,
    /// `GET /api/v2/organizations/me`, when read.
    pub organization: Option<Value>,
    /// Each list that was read, its entities in the order the API returned them.
    pub lists: BTreeMap<List, Vec<Value>>,
    /// Each queue's wrap-up codes, by queue id.
    pub queue_wrapup_codes: BTreeMap<String, Vec<Value>>,
    /// Flow documents by (flow id, version).
    pub flow_documents: BTreeMap<(String, String), Value>,
    /// What could not be read.
    pub gaps: Vec<Gap>,
}

/// The error that stops a snapshot from being loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// A file could not be read or written.
    #[error(transparent)]
    Fs(#[from] fsx::FsError),
    /// `snapshot.json` is missing or unreadable: the folder is not a snapshot.
    #[error("{} is not a gcdocs snapshot: {reason}", path.display())]
    NotASnapshot {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

impl Snapshot {
    /// The entities of one list (empty when it was not read).
    pub fn list(&self, list: List) -> &[Value] {
        self.lists.get(&list).map_or(&[], Vec::as_slice)
    }

    /// The version of a flow entity whose document this snapshot should hold.
    pub fn wanted_version(&self, flow: &Value) -> Option<String> {
        let key = match self.meta.flow_version {
            FlowVersion::Published => "publishedVersion",
            FlowVersion::Latest => "checkedInVersion",
        };
        flow.get(key)?.get("id").map(value_to_id)
    }

    /// The flow document for a flow entity, when the snapshot holds it.
    pub fn document_for(&self, flow: &Value) -> Option<&Value> {
        let id = flow.get("id").and_then(Value::as_str)?;
        let version = self.wanted_version(flow)?;
        self.flow_documents.get(&(id.to_string(), version))
    }

    /// Reads a snapshot folder. Unreadable files become gaps; only a missing or bad
    /// `snapshot.json` is an error.
    pub fn load(dir: &Path) -> Result<Snapshot, SnapshotError> {
        let meta_path = dir.join("snapshot.json");
        if !meta_path.is_file() {
            return Err(SnapshotError::NotASnapshot {
                path: dir.to_path_buf(),
                reason: "snapshot.json is missing".into(),
            });
        }
        let meta: Meta = serde_json::from_str(&fsx::read_to_string(&meta_path)?).map_err(|e| {
            SnapshotError::NotASnapshot {
                path: dir.to_path_buf(),
                reason: format!("snapshot.json: {e}"),
            }
        })?;
        if meta.format != FORMAT {
            return Err(SnapshotError::NotASnapshot {
                path: dir.to_path_buf(),
                reason: format!(
                    "format {} is not the supported format {FORMAT}",
                    meta.format
                ),
            });
        }
        let mut snapshot = Snapshot {
            meta,
            ..Snapshot::default()
        };
        let mut reader = Reader {
            dir,
            gaps: Vec::new(),
        };
        if let Some(gaps) =
            reader.json::<Vec<Gap>>("gaps.json", ObjectKind::Other("snapshot".into()))
        {
            reader.gaps.extend(gaps);
        }
        snapshot.organization = reader.json(
            "organization.json",
            ObjectKind::Other("organization".into()),
        );
        for list in List::ALL {
            if let Some(entities) = reader.entities(list.file_name(), list.kind()) {
                snapshot.lists.insert(list, entities);
            }
        }
        snapshot.queue_wrapup_codes = reader.queue_wrapup_codes();
        snapshot.flow_documents = reader.flow_documents();
        reader.gaps.sort();
        reader.gaps.dedup();
        snapshot.gaps = reader.gaps;
        Ok(snapshot)
    }

    /// Writes the snapshot to `dir`, replacing what was there in one step.
    pub fn save(&self, dir: &Path) -> Result<(), SnapshotError> {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let staged = dir.with_file_name(format!(".{name}.gcdocs-new-{}", std::process::id()));
        fsx::remove_dir_all(&staged)?;
        let result = self.write_files(&staged);
        if let Err(e) = result {
            let _ = fsx::remove_dir_all(&staged);
            return Err(e);
        }
        fsx::replace_dir(&staged, dir)?;
        Ok(())
    }

    fn write_files(&self, dir: &Path) -> Result<(), SnapshotError> {
        write_json(&dir.join("snapshot.json"), &self.meta)?;
        let mut gaps = self.gaps.clone();
        gaps.sort();
        gaps.dedup();
        write_json(&dir.join("gaps.json"), &gaps)?;
        if let Some(org) = &self.organization {
            write_json(&dir.join("organization.json"), org)?;
        }
        for (list, entities) in &self.lists {
            write_json(
                &dir.join(list.file_name()),
                &serde_json::json!({ "entities": entities }),
            )?;
        }
        for (queue, codes) in &self.queue_wrapup_codes {
            let path = dir
                .join("queue-wrapupcodes")
                .join(format!("{}.json", safe_file_part(queue)));
            write_json(&path, &serde_json::json!({ "entities": codes }))?;
        }
        for ((flow, version), doc) in &self.flow_documents {
            let path = dir
                .join("flow-documents")
                .join(safe_file_part(flow))
                .join(format!("{}.json", safe_file_part(version)));
            write_json(&path, doc)?;
        }
        Ok(())
    }
}

/// Writes a value as pretty JSON with a trailing newline.
pub fn write_json<T: Serialize + ?Sized>(path: &Path, value: &T) -> Result<(), fsx::FsError> {
    let mut text = serde_json::to_string_pretty(value).expect("JSON values always serialize");
    text.push('\n');
    fsx::write(path, text.as_bytes())
}

/// Ids come from the API; keep them from escaping the snapshot folder.
fn safe_file_part(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect::<String>()
        .trim_start_matches('.')
        .to_string()
}

/// A version id may be a string ("3.0") or a number in some responses.
fn value_to_id(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

struct Reader<'a> {
    dir: &'a Path,
    gaps: Vec<Gap>,
}

impl Reader<'_> {
    fn gap(&mut self, kind: ObjectKind, id: Option<String>, file: &Path, message: String) {
        let endpoint = file
            .strip_prefix(self.dir)
            .unwrap_or(file)
            .display()
            .to_string();
        self.gaps.push(Gap {
            kind,
            id,
            endpoint,
            status: None,
            permission: None,
            message,
        });
    }

    fn parse<T: serde::de::DeserializeOwned>(
        &mut self,
        path: &Path,
        kind: ObjectKind,
        id: Option<String>,
    ) -> Option<T> {
        let text = match fsx::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                self.gap(kind, id, path, e.to_string());
                return None;
            }
        };
        match serde_json::from_str(&text) {
            Ok(value) => Some(value),
            Err(e) => {
                self.gap(kind, id, path, format!("{}: {e}", path.display()));
                None
            }
        }
    }

    fn json<T: serde::de::DeserializeOwned>(&mut self, file: &str, kind: ObjectKind) -> Option<T> {
        let path = self.dir.join(file);
        path.is_file()
            .then(|| self.parse(&path, kind, None))
            .flatten()
    }

    fn entities(&mut self, file: &str, kind: ObjectKind) -> Option<Vec<Value>> {
        let path = self.dir.join(file);
        if !path.is_file() {
            return None;
        }
        let value: Value = self.parse(&path, kind.clone(), None)?;
        match value.get("entities").and_then(Value::as_array) {
            Some(entities) => Some(entities.clone()),
            None => {
                let message = format!("{}: no `entities` array", path.display());
                self.gap(kind, None, &path, message);
                None
            }
        }
    }

    fn queue_wrapup_codes(&mut self) -> BTreeMap<String, Vec<Value>> {
        let mut out = BTreeMap::new();
        for path in json_files(&self.dir.join("queue-wrapupcodes")) {
            let Some(queue) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
                continue;
            };
            let file = path
                .strip_prefix(self.dir)
                .unwrap_or(&path)
                .display()
                .to_string();
            if let Some(codes) = self.entities(&file, ObjectKind::Queue) {
                out.insert(queue, codes);
            }
        }
        out
    }

    fn flow_documents(&mut self) -> BTreeMap<(String, String), Value> {
        let mut out = BTreeMap::new();
        let root = self.dir.join("flow-documents");
        let Ok(flows) = std::fs::read_dir(&root) else {
            return out;
        };
        let mut flow_dirs: Vec<PathBuf> = flows.filter_map(|e| e.ok().map(|e| e.path())).collect();
        flow_dirs.sort();
        for flow_dir in flow_dirs.into_iter().filter(|p| p.is_dir()) {
            let flow = flow_dir
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            for path in json_files(&flow_dir) {
                let version = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if let Some(doc) = self.parse::<Value>(&path, ObjectKind::Flow, Some(flow.clone()))
                {
                    out.insert((flow.clone(), version), doc);
                }
            }
        }
        out
    }
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests;
