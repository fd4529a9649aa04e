//! The settings of each kind of object, in readable units (`80 % in 20 s`, `8 s`,
//! `Mandatory timeout`), read from the entity as the API returned it.

use serde_json::Value;

use super::markdown as md;
use crate::kind::ObjectKind;
use crate::org::Object;

/// One row of a settings table: the label and the value, already Markdown.
pub type Row = (String, String);

/// The settings rows of an object; empty when the kind has none beyond its links.
pub fn rows(object: &Object) -> Vec<Row> {
    let raw = &object.raw;
    let mut rows = Vec::new();
    if let Some(division) = &object.division {
        rows.push(("Division".to_string(), md::text(division)));
    }
    match object.kind {
        ObjectKind::Queue => queue(raw, &mut rows),
        ObjectKind::Skill | ObjectKind::Language => {
            plain(
                raw,
                &mut rows,
                &[("State", "state"), ("Version", "version")],
            );
        }
        ObjectKind::Trunk => trunk(raw, &mut rows),
        ObjectKind::TrunkBase => trunk_base(raw, &mut rows),
        ObjectKind::Site => site(raw, &mut rows),
        ObjectKind::Ivr => ivr(raw, &mut rows),
        ObjectKind::Schedule => schedule(raw, &mut rows),
        ObjectKind::ScheduleGroup => {
            plain(
                raw,
                &mut rows,
                &[("State", "state"), ("Time zone", "timeZone")],
            );
        }
        ObjectKind::EmergencyGroup => {
            plain(raw, &mut rows, &[("State", "state")]);
            flag(raw, &mut rows, "Emergency active", "enabled");
        }
        ObjectKind::Prompt => prompt(raw, &mut rows),
        ObjectKind::DataTable => data_table(raw, &mut rows),
        ObjectKind::DataAction => data_action(raw, &mut rows),
        _ => {}
    }
    rows.push(("Id".to_string(), md::cell_code(&object.id)));
    rows
}

fn at<'a>(raw: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(raw, |v, key| v.get(key))
}

/// A scalar as display text.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "yes" } else { "no" }.to_string()),
        _ => None,
    }
}

fn plain(raw: &Value, rows: &mut Vec<Row>, keys: &[(&str, &str)]) {
    for (label, key) in keys {
        if let Some(text) = raw.get(*key).and_then(scalar) {
            let value = if *key == "state" {
                humanize(&text)
            } else {
                text
            };
            rows.push((label.to_string(), md::text(&value)));
        }
    }
}

fn flag(raw: &Value, rows: &mut Vec<Row>, label: &str, key: &str) {
    if let Some(b) = raw.get(key).and_then(Value::as_bool) {
        rows.push((label.to_string(), if b { "yes" } else { "no" }.to_string()));
    }
}

/// `MANDATORY_TIMEOUT` → `Mandatory timeout`, `TimestampAndPriority` → `Timestamp and priority`.
pub fn humanize(word: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = word.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let boundary = c.is_uppercase()
            && i > 0
            && (chars[i - 1].is_lowercase()
                || chars.get(i + 1).is_some_and(|n| n.is_lowercase())
                    && chars[i - 1].is_uppercase());
        if c == '_' || c == ' ' || c == '-' || boundary {
            if !current.is_empty() {
                parts.push(std::mem::take(&mut current));
            }
            if c == '_' || c == ' ' || c == '-' {
                continue;
            }
        }
        current.push(c);
    }
    if !current.is_empty() {
        parts.push(current);
    }
    let text = parts
        .iter()
        .map(|p| p.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => text,
    }
}

/// A number without a needless fraction (`20`, `1.5`).
fn number(n: f64) -> String {
    let rounded = (n * 1000.0).round() / 1000.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

/// Seconds as `20 s`, `1 min 30 s`, `2 h`.
pub fn seconds(s: f64) -> String {
    if s < 60.0 || s.fract() != 0.0 {
        return format!("{} s", number(s));
    }
    let total = s as u64;
    let (h, m, sec) = (total / 3600, total % 3600 / 60, total % 60);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{h} h"));
    }
    if m > 0 {
        parts.push(format!("{m} min"));
    }
    if sec > 0 {
        parts.push(format!("{sec} s"));
    }
    parts.join(" ")
}

/// A 0..1 fraction as `80 %`.
pub fn percent(fraction: f64) -> String {
    format!("{} %", number(fraction * 100.0))
}

const MEDIA: [(&str, &str); 5] = [
    ("call", "calls"),
    ("callback", "callbacks"),
    ("chat", "chats"),
    ("email", "emails"),
    ("message", "messages"),
];

fn queue(raw: &Value, rows: &mut Vec<Row>) {
    for (key, label) in MEDIA {
        let Some(media) = at(raw, &["mediaSettings", key]) else {
            continue;
        };
        let level = media.get("serviceLevel");
        let pct = level
            .and_then(|l| l.get("percentage"))
            .and_then(Value::as_f64);
        let ms = level
            .and_then(|l| l.get("durationMs"))
            .and_then(Value::as_f64);
        if let (Some(pct), Some(ms)) = (pct, ms) {
            let value = format!("{} in {}", percent(pct), seconds(ms / 1000.0));
            rows.push((format!("Service level ({label})"), value));
        }
        if let Some(t) = media.get("alertingTimeoutSeconds").and_then(Value::as_f64) {
            rows.push((format!("Alerting timeout ({label})"), seconds(t)));
        }
        if let Some(b) = media.get("enableAutoAnswer").and_then(Value::as_bool) {
            let value = if b { "yes" } else { "no" };
            rows.push((format!("Auto-answer ({label})"), value.to_string()));
        }
    }
    if let Some(mode) = at(raw, &["acwSettings", "wrapupPrompt"]).and_then(Value::as_str) {
        rows.push(("After-call work".to_string(), md::text(&humanize(mode))));
    }
    if let Some(ms) = at(raw, &["acwSettings", "timeoutMs"]).and_then(Value::as_f64) {
        rows.push(("After-call work timeout".to_string(), seconds(ms / 1000.0)));
    }
    for (label, key) in [
        ("Skill evaluation method", "skillEvaluationMethod"),
        ("Scoring method", "scoringMethod"),
        ("Last agent routing", "lastAgentRoutingMode"),
    ] {
        if let Some(text) = raw.get(key).and_then(Value::as_str) {
            rows.push((label.to_string(), md::text(&humanize(text))));
        }
    }
    plain(
        raw,
        rows,
        &[
            ("Members", "memberCount"),
            ("Calling party name", "callingPartyName"),
            ("Calling party number", "callingPartyNumber"),
        ],
    );
    flag(raw, rows, "Transcription", "enableTranscription");
    flag(raw, rows, "Manual assignment", "enableManualAssignment");
    flag(
        raw,
        rows,
        "Suppress in-queue call recording",
        "suppressInQueueCallRecording",
    );
}

fn trunk(raw: &Value, rows: &mut Vec<Row>) {
    if let Some(t) = raw.get("trunkType").and_then(Value::as_str) {
        rows.push(("Trunk type".to_string(), md::text(&humanize(t))));
    }
    plain(raw, rows, &[("State", "state")]);
    flag(raw, rows, "In service", "inService");
    flag(raw, rows, "Enabled", "enabled");
    if let Some(c) = at(raw, &["connectedStatus", "connected"]).and_then(Value::as_bool) {
        rows.push((
            "Connected".to_string(),
            if c { "yes" } else { "no" }.to_string(),
        ));
    }
    if let Some(edge) = at(raw, &["edge", "name"]).and_then(Value::as_str) {
        rows.push(("Edge".to_string(), md::text(edge)));
    }
    if let Some(meta) = at(raw, &["trunkMetabase", "name"]).and_then(Value::as_str) {
        rows.push(("Trunk metabase".to_string(), md::text(meta)));
    }
}

fn trunk_base(raw: &Value, rows: &mut Vec<Row>) {
    if let Some(t) = raw.get("trunkType").and_then(Value::as_str) {
        rows.push(("Trunk type".to_string(), md::text(&humanize(t))));
    }
    plain(raw, rows, &[("State", "state")]);
    flag(raw, rows, "Managed", "managed");
    if let Some(meta) = at(raw, &["trunkMetabase", "name"]).and_then(Value::as_str) {
        rows.push(("Trunk metabase".to_string(), md::text(meta)));
    }
    if let Some(props) = raw.get("properties").and_then(Value::as_object) {
        for (name, prop) in props {
            let value = prop
                .get("value")
                .and_then(|v| v.get("instance"))
                .and_then(scalar);
            if let Some(value) = value {
                rows.push((md::text(name), md::cell_code(&value)));
            }
        }
    }
}

fn site(raw: &Value, rows: &mut Vec<Row>) {
    plain(
        raw,
        rows,
        &[
            ("State", "state"),
            ("Media model", "mediaModel"),
            ("Caller id", "callerId"),
            ("Caller name", "callerName"),
        ],
    );
    flag(raw, rows, "Managed", "managed");
    flag(raw, rows, "Core site", "coreSite");
    if let Some(location) = at(raw, &["location", "name"]).and_then(Value::as_str) {
        rows.push(("Location".to_string(), md::text(location)));
    }
    if let Some(regions) = raw.get("mediaRegions").and_then(Value::as_array) {
        let list: Vec<String> = regions
            .iter()
            .filter_map(Value::as_str)
            .map(md::cell_code)
            .collect();
        if !list.is_empty() {
            rows.push(("Media regions".to_string(), list.join(", ")));
        }
    }
}

fn ivr(raw: &Value, rows: &mut Vec<Row>) {
    plain(raw, rows, &[("State", "state")]);
    let dids: Vec<String> = raw
        .get("dnis")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(Value::as_str)
        .map(md::cell_code)
        .collect();
    let value = if dids.is_empty() {
        "none".to_string()
    } else {
        dids.join(", ")
    };
    rows.push(("DIDs".to_string(), value));
}

fn schedule(raw: &Value, rows: &mut Vec<Row>) {
    plain(raw, rows, &[("State", "state")]);
    for (label, key) in [("Start", "start"), ("End", "end"), ("Recurrence", "rrule")] {
        if let Some(text) = raw.get(key).and_then(Value::as_str) {
            rows.push((label.to_string(), md::cell_code(text)));
        }
    }
}

fn prompt(raw: &Value, rows: &mut Vec<Row>) {
    let resources = raw.get("resources").and_then(Value::as_array);
    for asset in resources.map_or(&[][..], Vec::as_slice) {
        let language = asset.get("language").and_then(Value::as_str).unwrap_or("?");
        let text = asset
            .get("ttsString")
            .or_else(|| asset.get("text"))
            .and_then(Value::as_str);
        let mut value = text.map_or("audio".to_string(), md::cell_code);
        if let Some(d) = asset.get("durationSeconds").and_then(Value::as_f64) {
            value.push_str(&format!(" ({})", seconds(d)));
        }
        rows.push((format!("Resource ({})", md::text(language)), value));
    }
}

fn data_table(raw: &Value, rows: &mut Vec<Row>) {
    let props = at(raw, &["schema", "properties"]).and_then(Value::as_object);
    for (name, schema) in props.into_iter().flatten() {
        let kind = schema.get("type").and_then(scalar).unwrap_or_default();
        let title = schema.get("title").and_then(Value::as_str).unwrap_or(name);
        let label = if name == "key" {
            format!("Column {} (key)", md::text(title))
        } else {
            format!("Column {}", md::text(title))
        };
        rows.push((label, md::cell_code(&kind)));
    }
}

fn data_action(raw: &Value, rows: &mut Vec<Row>) {
    plain(
        raw,
        rows,
        &[
            ("Category", "category"),
            ("Integration id", "integrationId"),
            ("Version", "version"),
        ],
    );
    flag(raw, rows, "Secure", "secure");
    if let Some(t) = at(raw, &["config", "request", "requestType"]).and_then(Value::as_str) {
        rows.push(("Request type".to_string(), md::cell_code(t)));
    }
    if let Some(url) = at(raw, &["config", "request", "requestUrlTemplate"]).and_then(Value::as_str)
    {
        rows.push(("Request URL".to_string(), md::cell_code(url)));
    }
    if let Some(t) = at(raw, &["config", "timeoutSeconds"]).and_then(Value::as_f64) {
        rows.push(("Timeout".to_string(), seconds(t)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_read_like_the_ui() {
        assert_eq!(percent(0.8), "80 %");
        assert_eq!(percent(0.805), "80.5 %");
        assert_eq!(seconds(20.0), "20 s");
        assert_eq!(seconds(90.0), "1 min 30 s");
        assert_eq!(seconds(7200.0), "2 h");
        assert_eq!(seconds(1.5), "1.5 s");
        assert_eq!(humanize("MANDATORY_TIMEOUT"), "Mandatory timeout");
        assert_eq!(humanize("TimestampAndPriority"), "Timestamp and priority");
        assert_eq!(humanize("BEST"), "Best");
        assert_eq!(humanize("QueueMembersOnly"), "Queue members only");
    }
}
