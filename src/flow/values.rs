//! Architect values and settings: a value is `{config, text, type, ...}` where `config` is a
//! parse tree and `text` the expression as the author typed it. gcdocs only ever shows the
//! `text`. This file also turns an action's (or the flow's) properties into [`Setting`]s.

use serde_json::{Map, Value};

use super::model::Setting;

/// Keys that are structure or bookkeeping, never a setting.
const STRUCTURAL: &[&str] = &[
    "__type",
    "id",
    "name",
    "trackingId",
    "nextAction",
    "paths",
    "path",
    "uiMetaData",
    "metaData",
    "errorBindings",
    "version",
    "bargeInExpression",
    "flushExpression",
];

/// Is this object an Architect value (`{config, text, ...}` or `{text, type, version}`)?
pub fn is_value(v: &Value) -> bool {
    v.as_object().is_some_and(|o| {
        o.contains_key("text") && (o.contains_key("config") || o.contains_key("type"))
    })
}

/// The text of a value, when it is a value with non-empty text that is in service.
pub fn value_text(v: &Value) -> Option<&str> {
    if !is_value(v) || v.get("outOfService").and_then(Value::as_bool) == Some(true) {
        return None;
    }
    v.get("text")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
}

/// A string property of an object.
pub fn str_field<'a>(obj: &'a Value, key: &str) -> Option<&'a str> {
    obj.get(key).and_then(Value::as_str)
}

/// `loopCount` to `Loop count`, `preTransferAudio` to `Pre transfer audio`; an action's
/// `prompts` (what it plays) read `Audio`.
pub fn humanize(key: &str) -> String {
    if key == "prompts" {
        return "Audio".into();
    }
    let mut out = String::with_capacity(key.len() + 4);
    for (i, c) in key.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push(' ');
            }
            out.push(c.to_ascii_lowercase());
        } else if c == '_' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    let mut chars = out.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The key settings of an action, in document order, each as the text the author typed.
pub fn action_settings(action: &Value) -> Vec<Setting> {
    let mut out = Vec::new();
    if let Some(obj) = action.as_object() {
        for (key, v) in obj {
            if !STRUCTURAL.contains(&key.as_str()) {
                push_setting(&mut out, key, v);
            }
        }
    }
    out
}

/// Flow-level settings worth showing (error handling, hold music, contact list, ...).
pub fn flow_settings(doc: &Map<String, Value>) -> Vec<Setting> {
    const SKIP: &[&str] = &[
        "flowSequenceItemList",
        "manifest",
        "variables",
        "supportedLanguages",
        "supportedLanguageOptions",
        "flowMetaData",
        "debugSettings",
        "defaultSettings",
        "nextTrackingNumber",
        "initialSequence",
        "defaultLanguage",
        "description",
        "type",
    ];
    let mut out = Vec::new();
    for (key, v) in doc {
        if SKIP.contains(&key.as_str()) || STRUCTURAL.contains(&key.as_str()) {
            continue;
        }
        if v.is_object() && !is_value(v) {
            nested_settings(&mut out, &humanize(key), v, 2);
        } else if is_value(v) {
            push_setting(&mut out, key, v);
        }
    }
    out
}

fn nested_settings(out: &mut Vec<Setting>, prefix: &str, obj: &Value, levels: usize) {
    let Some(map) = obj.as_object() else { return };
    for (key, v) in map {
        if STRUCTURAL.contains(&key.as_str()) {
            continue;
        }
        let name = if key == "defaultAudio" {
            prefix.to_string()
        } else {
            format!("{prefix}: {}", humanize(key).to_lowercase())
        };
        if let Some(text) = value_text(v) {
            out.push(setting(&name, text));
        } else if levels > 1 && v.is_object() {
            nested_settings(out, &name, v, levels - 1);
        }
    }
}

fn push_setting(out: &mut Vec<Setting>, key: &str, v: &Value) {
    match v {
        Value::String(s) if !s.is_empty() => push_string(out, key, s),
        Value::Array(items) => push_list(out, key, items),
        Value::Object(map) if !is_value(v) => match map.get("name").and_then(Value::as_str) {
            Some(name) if !name.is_empty() => out.push(setting(&humanize(key), name)),
            _ => nested_settings(out, &humanize(key), v, 1),
        },
        _ => {
            if let Some(text) = value_text(v) {
                out.push(setting(&humanize(key), text));
            }
        }
    }
}

fn push_string(out: &mut Vec<Setting>, key: &str, s: &str) {
    if key.ends_with("Id") || key.ends_with("Reference") {
        return;
    }
    let label = key
        .strip_suffix("Name")
        .filter(|p| !p.is_empty())
        .unwrap_or(key);
    out.push(setting(&humanize(label), s));
}

fn push_list(out: &mut Vec<Setting>, key: &str, items: &[Value]) {
    let singular = humanize(singular(key));
    for item in items {
        if let Some(text) = value_text(item) {
            out.push(setting(&singular, text));
            continue;
        }
        if let Some(assigned) = item.get("variable").and_then(value_text) {
            let value = item.get("expression").and_then(value_text).unwrap_or("");
            out.push(setting(assigned, value));
            continue;
        }
        let name = str_field(item, "name").unwrap_or("");
        if let Some(text) = item.get("value").and_then(value_text) {
            let label = if key == "cases" {
                name.to_string()
            } else {
                format!("{singular} {name}")
            };
            out.push(setting(&label, text));
        }
    }
}

/// `inputs` to `input`, `noMatches` to `noMatch`.
fn singular(key: &str) -> &str {
    let es = ["ches", "shes", "xes", "sses"];
    if es.iter().any(|e| key.ends_with(e)) {
        &key[..key.len() - 2]
    } else {
        key.strip_suffix('s').unwrap_or(key)
    }
}

fn setting(name: &str, text: &str) -> Setting {
    Setting {
        name: name.to_string(),
        text: text.to_string(),
    }
}
