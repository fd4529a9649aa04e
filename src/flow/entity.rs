//! A `/api/v2/flows` list entity made up from a flow document, so that export files become
//! a snapshot like any other.

use serde_json::{Value, json};

/// The version id given to flows read from export files, whose documents carry none.
pub const EXPORT_VERSION: &str = "export";

/// Synthesizes the `/api/v2/flows` entity of a flow document: `id` (the document's own, or
/// `fallback_id`), `name`, `type` in the API's upper-case form (`INBOUNDCALL`),
/// `description`, and `publishedVersion.id` ([`EXPORT_VERSION`] unless the document says).
pub fn flow_entity_from_document(doc: &Value, fallback_id: &str) -> Value {
    let text = |key: &str| {
        doc.get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    let id = text("id").unwrap_or(fallback_id);
    let version = match doc.get("version") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => EXPORT_VERSION.to_string(),
    };
    let mut entity = json!({
        "id": id,
        "name": text("name").unwrap_or(id),
        "type": text("type").unwrap_or_default().to_uppercase(),
    });
    if let Some(description) = text("description") {
        entity["description"] = json!(description);
    }
    entity["publishedVersion"] = json!({ "id": version });
    entity
}
