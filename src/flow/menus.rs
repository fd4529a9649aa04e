//! Menus (`menuChoiceList`): each choice's key, speech terms, the action behind it, where it
//! leads, and which choice is the default.

use serde_json::Value;

use super::model::{Action, Edge, Menu, MenuChoice, Target};
use super::values::{humanize, str_field};

/// A menu's choices before their targets are known, and the choice actions to walk.
pub struct Choices<'a> {
    /// The menu, when the container has a `menuChoiceList`.
    pub menu: Option<Menu>,
    /// Ids of the choice actions, in choice order.
    pub roots: Vec<&'a str>,
}

/// Reads the choices of a container and pushes one edge per choice from the menu id.
pub fn parse_choices<'a>(item: &'a Value, menu_id: &str, edges: &mut Vec<Edge>) -> Choices<'a> {
    let Some(list) = item.get("menuChoiceList").and_then(Value::as_array) else {
        return Choices {
            menu: None,
            roots: Vec::new(),
        };
    };
    let default = str_field(item, "defaultMenuChoice");
    let mut menu = Menu::default();
    let mut roots = Vec::new();
    for choice in list {
        let action = choice.get("action");
        let action_id = action.and_then(|a| str_field(a, "id"));
        let parsed = MenuChoice {
            id: str_field(choice, "id").map(str::to_string),
            digit: choice.get("digit").and_then(digit),
            name: str_field(choice, "name").unwrap_or_default().to_string(),
            speech_terms: speech_terms(choice),
            action_type: action
                .and_then(|a| str_field(a, "__type"))
                .map(action_type_title)
                .unwrap_or_default(),
            action: action_id.map(str::to_string),
            target: Target::End,
            is_default: default.is_some() && str_field(choice, "id") == default,
        };
        if let Some(id) = action_id {
            roots.push(id);
            edges.push(Edge {
                from: menu_id.to_string(),
                to: Target::Action(id.to_string()),
                label: Some(parsed.digit.clone().unwrap_or_else(|| parsed.name.clone())),
            });
        }
        menu.choices.push(parsed);
    }
    Choices {
        menu: Some(menu),
        roots,
    }
}

/// Sets each choice's target to where its action's first output leads.
pub fn resolve_targets(mut menu: Menu, actions: &[Action]) -> Menu {
    for choice in &mut menu.choices {
        let first = choice
            .action
            .as_ref()
            .and_then(|id| actions.iter().find(|a| &a.id == id))
            .and_then(|a| a.outputs.first());
        choice.target = match (first, &choice.action) {
            (Some(output), _) => output.target.clone(),
            (None, Some(id)) => Target::Action(id.clone()),
            (None, None) => Target::End,
        };
    }
    menu
}

/// A choice's key: `0`-`9`, `*` or `#`.
fn digit(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => match s.to_ascii_lowercase().as_str() {
            "" => None,
            "star" | "*" => Some("*".into()),
            "pound" | "hash" | "#" => Some("#".into()),
            _ => Some(s.clone()),
        },
        _ => None,
    }
}

/// Speech terms of every language, flattened, sorted, without duplicates. Both
/// `{"en-US": ["yes"]}` and `{"en-US": {"terms": ["yes"]}}` occur.
fn speech_terms(choice: &Value) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    if let Some(langs) = choice.get("speechRecTerms").and_then(Value::as_object) {
        for v in langs.values() {
            let list = v
                .as_array()
                .or_else(|| v.get("terms").and_then(Value::as_array));
            terms.extend(
                list.into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(str::to_string),
            );
        }
    }
    terms.sort();
    terms.dedup();
    terms
}

/// The name Architect's menu editor gives a choice's action.
fn action_type_title(type_name: &str) -> String {
    match type_name {
        "TaskAction" => "Task".into(),
        "TransferPureMatchAction" => "Transfer to ACD".into(),
        "TransferMenuAction" => "Jump to menu".into(),
        "TransferTaskAction" => "Jump to task".into(),
        "DisconnectAction" => "Disconnect".into(),
        other => humanize(other.strip_suffix("Action").unwrap_or(other)),
    }
}
