//! Decoding export files: flow-document JSON as is, or an `.i3*` payload, which is
//! base64 of the percent-encoded JSON of the same document.

use base64::Engine as _;
use serde_json::Value;

use super::FlowError;

/// Decodes the text of an export file: either flow-document JSON or an `.i3*` payload
/// (base64 of the percent-encoded JSON; the percent-encoded JSON alone is accepted too).
/// Detected by content, not by file name.
pub fn decode_export(text: &str) -> Result<Value, FlowError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim_start().starts_with('{') {
        // Parsed untrimmed so that serde's line and column numbers match the file.
        return parse_json(text, "JSON");
    }
    if text
        .trim_start()
        .get(..3)
        .is_some_and(|p| p.eq_ignore_ascii_case("%7b"))
    {
        return percent_json(text.trim());
    }
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .map_err(|e| FlowError::Decode(format!("not JSON and not valid base64: {e}")))?;
    let encoded = String::from_utf8(bytes)
        .map_err(|e| FlowError::Decode(format!("base64 payload is not UTF-8: {e}")))?;
    percent_json(&encoded)
}

/// Percent-decodes an export payload (`%7B%22name%22...`) and parses the JSON.
fn percent_json(encoded: &str) -> Result<Value, FlowError> {
    let json = percent_encoding::percent_decode_str(encoded)
        .decode_utf8()
        .map_err(|e| FlowError::Decode(format!("percent-decoded payload is not UTF-8: {e}")))?;
    parse_json(&json, "decoded payload")
}

fn parse_json(text: &str, what: &str) -> Result<Value, FlowError> {
    serde_json::from_str(text).map_err(|e| FlowError::Decode(format!("{what} is malformed: {e}")))
}
