//! References: every object a flow uses, from the `manifest` and from the bodies of its
//! actions, containers and flow settings, each with the actions (or containers) using it.
//!
//! Rules, in the order they are applied:
//! - manifest: each `manifest.<kind>[]` entry is a static reference (`language`, the flow's
//!   own languages, is skipped); its `context[].id`s that name an action or container of
//!   the document become `used_by`.
//! - values (`{config, text, type}`): every `lit` with a `val` in the parse tree whose
//!   `type` is a resource (`que`, `skl`, `lac`, `wrc`, `usr`, `grp`, `pmt`, `cnl`) is a
//!   static reference (id `val`, name `text`; a `pmt` whose id is `__x__` is a system
//!   prompt); a `phn` literal is a phone number; a `ref`/`sysref` node named `Prompt.X` or
//!   `PromptSystem.X` is a user or system prompt `X`; a literal inside `ToAudioTTS(...)` is
//!   a TTS prompt. A value of a resource type whose tree is neither `lit` nor `emp` and that
//!   names no static resource is a **dynamic** reference named by its expression text.
//! - id/name pairs (`flowId` + `flowName`, `datatableId` + `datatableName`, ...) are static
//!   references, the kind taken from the prefix.
//! - output bindings (`variable`, `outputs`, `errorBindings`, `findResult`, `resultData`,
//!   `currentIndex`, `askResult`) are where results are written, never references.
//!
//! References are merged by kind and id (or expression text, for dynamic ones); a static
//! reference without an id joins one of the same kind and name that has an id.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::Value;

use super::model::{Container, Reference};
use super::values::{is_value, str_field};
use crate::kind::ObjectKind;

const OUTPUT_KEYS: &[&str] = &[
    "variable",
    "outputs",
    "errorBindings",
    "findResult",
    "resultData",
    "currentIndex",
    "askResult",
    "uiMetaData",
];

/// Collects the references of a document whose containers are already parsed.
pub fn collect(doc: &Value, containers: &[Container]) -> Vec<Reference> {
    let known: HashSet<&str> = containers
        .iter()
        .flat_map(|c| std::iter::once(c.id.as_str()).chain(c.actions.iter().map(|a| a.id.as_str())))
        .collect();
    let mut refs = Refs::default();
    if let Some(manifest) = doc.get("manifest").and_then(Value::as_object) {
        for (key, entries) in manifest {
            refs.manifest(key, entries, &known);
        }
    }
    let items = doc.get("flowSequenceItemList").and_then(Value::as_array);
    for item in items.into_iter().flatten() {
        refs.container(item);
    }
    if let Some(obj) = doc.as_object() {
        for (key, v) in obj {
            if !matches!(key.as_str(), "flowSequenceItemList" | "manifest") {
                refs.scan(key, v, None);
            }
        }
    }
    refs.finish()
}

#[derive(Default)]
struct Refs {
    list: Vec<(Reference, BTreeSet<String>)>,
    by_key: HashMap<(ObjectKind, String), usize>,
}

impl Refs {
    fn add(
        &mut self,
        kind: ObjectKind,
        id: Option<&str>,
        name: &str,
        dynamic: bool,
        user: Option<&str>,
    ) {
        let key = match (dynamic, id) {
            (true, _) => format!("dynamic:{name}"),
            (false, Some(id)) => format!("id:{id}"),
            (false, None) => format!("name:{name}"),
        };
        let index = *self.by_key.entry((kind.clone(), key)).or_insert_with(|| {
            self.list.push((
                Reference {
                    kind,
                    id: id.map(str::to_string),
                    name: name.to_string(),
                    dynamic,
                    used_by: Vec::new(),
                },
                BTreeSet::new(),
            ));
            self.list.len() - 1
        });
        if let Some(user) = user {
            self.list[index].1.insert(user.to_string());
        }
    }

    fn manifest(&mut self, key: &str, entries: &Value, known: &HashSet<&str>) {
        let Some(kind) = manifest_kind(key) else {
            return;
        };
        for entry in entries.as_array().into_iter().flatten() {
            let Some(id) = str_field(entry, "id") else {
                continue;
            };
            let name = str_field(entry, "name").unwrap_or(id);
            self.add(kind.clone(), Some(id), name, false, None);
            let contexts = entry.get("context").and_then(Value::as_array);
            for ctx_id in contexts
                .into_iter()
                .flatten()
                .filter_map(|c| str_field(c, "id"))
            {
                if known.contains(ctx_id) {
                    self.add(kind.clone(), Some(id), name, false, Some(ctx_id));
                }
            }
        }
    }

    fn container(&mut self, item: &Value) {
        let id = str_field(item, "id");
        let Some(obj) = item.as_object() else { return };
        for (key, v) in obj {
            if !matches!(key.as_str(), "actionList" | "menuChoiceList") {
                self.scan(key, v, id);
            }
        }
        let list = item.get("actionList").and_then(Value::as_array);
        let choices = item.get("menuChoiceList").and_then(Value::as_array);
        let choice_actions = choices
            .into_iter()
            .flatten()
            .filter_map(|c| c.get("action"));
        for action in list.into_iter().flatten().chain(choice_actions) {
            self.scan("", action, str_field(action, "id"));
        }
    }

    /// Scans any JSON under `key` for references used by `user`.
    fn scan(&mut self, key: &str, v: &Value, user: Option<&str>) {
        if OUTPUT_KEYS.contains(&key) {
            return;
        }
        if is_value(v) {
            self.value(v, user);
            return;
        }
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    if let Some(prefix) = k.strip_suffix("Id").filter(|p| !p.is_empty()) {
                        self.pair(map, prefix, child, user);
                    }
                    self.scan(k, child, user);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| self.scan(key, i, user)),
            _ => {}
        }
    }

    fn pair(
        &mut self,
        map: &serde_json::Map<String, Value>,
        prefix: &str,
        id: &Value,
        user: Option<&str>,
    ) {
        let (Some(id), Some(name)) = (
            id.as_str().filter(|s| !s.is_empty()),
            map.get(&format!("{prefix}Name")).and_then(Value::as_str),
        ) else {
            return;
        };
        self.add(pair_kind(prefix), Some(id), name, false, user);
    }

    fn value(&mut self, v: &Value, user: Option<&str>) {
        let Some(config) = v.get("config") else {
            return;
        };
        let mut found = false;
        // Each node carries the name of the function whose operands it is in.
        let mut stack = vec![(None::<&str>, config)];
        while let Some((func, node)) = stack.pop() {
            match node {
                Value::Object(map) => {
                    for (k, child) in map {
                        match k.as_str() {
                            "lit" | "ref" | "sysref" => {
                                found |= self.tree_node(k, child, func, user)
                            }
                            "operands" => stack.push((func, child)),
                            _ => stack.push((Some(k.as_str()), child)),
                        }
                    }
                }
                Value::Array(items) => stack.extend(items.iter().map(|i| (func, i))),
                _ => {}
            }
        }
        let type_code = str_field(v, "type").unwrap_or_default();
        let head = config
            .as_object()
            .and_then(|m| m.keys().next())
            .map(String::as_str);
        let text = str_field(v, "text").unwrap_or_default();
        if let Some(kind) = type_kind(type_code, "")
            && !found
            && !matches!(head, Some("lit") | Some("emp") | None)
            && !text.is_empty()
        {
            self.add(kind, None, text, true, user);
        }
    }

    /// One `lit`/`ref`/`sysref` node of a parse tree; true when it named a resource.
    fn tree_node(
        &mut self,
        key: &str,
        node: &Value,
        parent: Option<&str>,
        user: Option<&str>,
    ) -> bool {
        let text = str_field(node, "text").unwrap_or_default();
        let type_code = str_field(node, "type").unwrap_or_default();
        let val = str_field(node, "val");
        if key == "lit" {
            if parent == Some("ToAudioTTS") && !text.is_empty() {
                self.add(
                    ObjectKind::Other("tts-prompt".into()),
                    None,
                    text,
                    false,
                    user,
                );
                return false;
            }
            if type_code == "phn" && !text.is_empty() {
                self.add(ObjectKind::PhoneNumber, val, text, false, user);
                return true;
            }
            let (Some(val), Some(kind)) = (val, type_kind(type_code, val.unwrap_or_default()))
            else {
                return false;
            };
            self.add(kind, Some(val), text, false, user);
            return true;
        }
        if type_code != "pmt" {
            return false;
        }
        let (kind, name) = if let Some(name) = text.strip_prefix("PromptSystem.") {
            (ObjectKind::SystemPrompt, name)
        } else if let Some(name) = text.strip_prefix("Prompt.") {
            (ObjectKind::Prompt, name)
        } else {
            return false;
        };
        self.add(kind, val, name, false, user);
        true
    }

    fn finish(self) -> Vec<Reference> {
        let mut merged: Vec<(Reference, BTreeSet<String>)> = Vec::new();
        let mut nameless: Vec<(Reference, BTreeSet<String>)> = Vec::new();
        for (r, users) in self.list {
            if r.id.is_none() && !r.dynamic {
                nameless.push((r, users));
            } else {
                merged.push((r, users));
            }
        }
        for (r, users) in nameless {
            match merged
                .iter_mut()
                .find(|(m, _)| m.kind == r.kind && !m.dynamic && m.name == r.name)
            {
                Some((_, into)) => into.extend(users),
                None => merged.push((r, users)),
            }
        }
        let mut out: Vec<Reference> = merged
            .into_iter()
            .map(|(mut r, users)| {
                r.used_by = users.into_iter().collect();
                r
            })
            .collect();
        out.sort_by(|a, b| {
            (&a.kind, &a.name, &a.id, a.dynamic).cmp(&(&b.kind, &b.name, &b.id, b.dynamic))
        });
        out
    }
}

/// The kind of a `manifest` key; `None` for keys that are not objects (`language`).
fn manifest_kind(key: &str) -> Option<ObjectKind> {
    Some(match key {
        "language" => return None,
        "queue" => ObjectKind::Queue,
        "acdSkill" | "skill" => ObjectKind::Skill,
        "languageSkill" => ObjectKind::LanguageSkill,
        "acdWrapupCode" | "wrapupCode" => ObjectKind::WrapupCode,
        "dataAction" => ObjectKind::DataAction,
        "dataTable" => ObjectKind::DataTable,
        "userPrompt" => ObjectKind::Prompt,
        "systemPrompt" => ObjectKind::SystemPrompt,
        "schedule" => ObjectKind::Schedule,
        "scheduleGroup" => ObjectKind::ScheduleGroup,
        "emergencyGroup" => ObjectKind::EmergencyGroup,
        "user" => ObjectKind::User,
        "group" => ObjectKind::Group,
        "composerScript" | "script" => ObjectKind::Script,
        k if k.ends_with("Flow") || k == "commonModule" => ObjectKind::Flow,
        other => ObjectKind::Other(kebab(other)),
    })
}

/// The kind of an `xxxId` + `xxxName` pair by its prefix.
fn pair_kind(prefix: &str) -> ObjectKind {
    match prefix {
        "action" => ObjectKind::DataAction,
        "datatable" | "dataTable" => ObjectKind::DataTable,
        "screenPop" | "script" => ObjectKind::Script,
        "queue" => ObjectKind::Queue,
        "skill" => ObjectKind::Skill,
        "languageSkill" => ObjectKind::LanguageSkill,
        "user" => ObjectKind::User,
        "group" => ObjectKind::Group,
        "schedule" => ObjectKind::Schedule,
        "scheduleGroup" => ObjectKind::ScheduleGroup,
        "emergencyGroup" => ObjectKind::EmergencyGroup,
        "wrapupCode" => ObjectKind::WrapupCode,
        "prompt" => ObjectKind::Prompt,
        p if p.ends_with("Flow") || p == "flow" || p == "commonModule" => ObjectKind::Flow,
        other => ObjectKind::Other(kebab(other)),
    }
}

/// The kind of a value `type` code that names a resource.
fn type_kind(code: &str, val: &str) -> Option<ObjectKind> {
    Some(match code {
        "que" => ObjectKind::Queue,
        "skl" => ObjectKind::Skill,
        "lac" => ObjectKind::LanguageSkill,
        "wrc" => ObjectKind::WrapupCode,
        "usr" => ObjectKind::User,
        "grp" => ObjectKind::Group,
        "phn" => ObjectKind::PhoneNumber,
        "cnl" => ObjectKind::Other("contact-list".into()),
        "pmt" if val.len() > 4 && val.starts_with("__") && val.ends_with("__") => {
            ObjectKind::SystemPrompt
        }
        "pmt" => ObjectKind::Prompt,
        _ => return None,
    })
}

/// `contactList` to `contact-list`.
fn kebab(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
