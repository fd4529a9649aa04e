//! One action: its kind (from the `__type`), its branches, and its outputs by the edge
//! rules in the `flow` module header.

use serde_json::Value;

use super::containers::{Ids, Placed};
use super::model::{Action, ActionKind, Output, Target};
use super::values::{action_settings, str_field};

/// What the output rules need to know about the container being parsed.
pub struct Ctx<'a> {
    /// Every id of the document.
    pub ids: &'a Ids,
    /// The container, described for warnings (`container "Main" (id)`).
    pub container: String,
    /// Where warnings go.
    pub warnings: &'a mut Vec<String>,
}

impl Ctx<'_> {
    /// Resolves an action id, warning when it names nothing.
    pub fn resolve_action(&mut self, id: &str, from: &str, what: &str) -> Target {
        let target = self.ids.action(id);
        if matches!(target, Target::Missing(_)) {
            self.warnings.push(format!(
                "{}: action {from}: {what} points to unknown id {id}",
                self.container
            ));
        }
        target
    }

    fn resolve_container(&mut self, id: &str, from: &str, what: &str) -> Target {
        let target = self.ids.container(id);
        if matches!(target, Target::Missing(_)) {
            self.warnings.push(format!(
                "{}: action {from}: {what} points to unknown container {id}",
                self.container
            ));
        }
        target
    }
}

/// The loop whose body holds an action.
pub struct LoopInfo<'a> {
    /// The loop action's id.
    pub id: &'a str,
    /// Where the loop goes when it is done.
    pub exit: &'a Target,
}

const TERMINALS: &[&str] = &[
    "DisconnectAction",
    "EndTaskAction",
    "EndWorkflowAction",
    "ExitBotFlowAction",
    "ExitWorkitemFlowAction",
    "ExitCommonModuleAction",
    "EndStateAction",
    "CompleteSurveyInviteAction",
    "AbortSurveyInviteAction",
];

/// The jump actions and the property naming the container they jump to.
const JUMPS: &[(&str, &str)] = &[
    ("TransferTaskAction", "taskReference"),
    ("TransferMenuAction", "menuReference"),
    ("ChangeStateAction", "stateReference"),
    ("TaskAction", "taskReference"),
];

/// What an action `__type` does.
pub fn action_kind(type_name: &str) -> ActionKind {
    match type_name {
        "DecisionAction" => ActionKind::Decision,
        "SwitchAction" => ActionKind::Switch,
        "LoopAction" | "ExitLoopAction" | "NextLoopAction" => ActionKind::Loop,
        "DataAction" => ActionKind::DataAction,
        "DataTableLookupAction" => ActionKind::DataTableLookup,
        "CallTaskAction" => ActionKind::Jump,
        t if JUMPS.iter().any(|(j, _)| *j == t) => ActionKind::Jump,
        t if TERMINALS.contains(&t) => ActionKind::Terminal,
        t if t.starts_with("Transfer") => ActionKind::Transfer,
        t if t.contains("Schedule") && t.starts_with("Evaluate") => ActionKind::Schedule,
        t if t.starts_with("Call") && (t.contains("Flow") || t.contains("CommonModule")) => {
            ActionKind::CallFlow
        }
        _ => ActionKind::Step,
    }
}

/// The output paths of an action that are in service, in document order.
fn live_paths(action: &Value) -> Vec<&Value> {
    let flag = |p: &Value, key: &str| p.get(key).and_then(Value::as_bool) == Some(true);
    action
        .get("paths")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .chain(action.get("path"))
        .filter(|p| p.is_object() && !flag(p, "disabled") && !flag(p, "outOfService"))
        .collect()
}

/// The first action of each branch of an action (every path with a `nextActionId`, in or
/// out of service), and whether the branch is a loop body.
pub fn branch_starts(action: &Value) -> Vec<(&str, bool)> {
    let paths = action.get("paths").and_then(Value::as_array);
    let mut out: Vec<(&str, bool)> = paths
        .into_iter()
        .flatten()
        .filter_map(|p| str_field(p, "nextActionId"))
        .map(|id| (id, false))
        .collect();
    if let Some(id) = action
        .get("path")
        .and_then(|p| str_field(p, "nextActionId"))
    {
        out.push((id, str_field(action, "__type") == Some("LoopAction")));
    }
    out
}

/// The outputs of one placed action; `cont` is its continuation.
pub fn outputs(
    p: &Placed,
    cont: &Target,
    enclosing: Option<LoopInfo>,
    ctx: &mut Ctx,
) -> Vec<Output> {
    let type_name = str_field(p.value, "__type").unwrap_or_default();
    if let Some((_, key)) = JUMPS.iter().find(|(j, _)| *j == type_name) {
        let reference = str_field(p.value, key).unwrap_or_default();
        let target = ctx.resolve_container(reference, p.id, key);
        return vec![plain(target)];
    }
    let paths = live_paths(p.value);
    match type_name {
        "CallTaskAction" => {
            let reference = str_field(p.value, "taskReference").unwrap_or_default();
            let mut out = vec![plain(ctx.resolve_container(
                reference,
                p.id,
                "taskReference",
            ))];
            out.extend(path_outputs(p, &paths, cont, ctx));
            if paths.is_empty() {
                out.push(plain(cont.clone()));
            }
            out
        }
        "EndTaskAction" if paths.is_empty() => vec![Output {
            label: str_field(p.value, "pathName").map(str::to_string),
            output_id: str_field(p.value, "pathReference").map(str::to_string),
            target: Target::Return,
        }],
        t if TERMINALS.contains(&t) && paths.is_empty() => vec![plain(Target::End)],
        "LoopAction" => loop_outputs(p, &paths, cont, ctx),
        "ExitLoopAction" | "NextLoopAction" => loop_control(p, type_name, cont, enclosing, ctx),
        t if action_kind(t) == ActionKind::Transfer => {
            let mut out = vec![plain(transfer_target(p.value))];
            out.extend(path_outputs(p, &paths, cont, ctx));
            if paths.is_empty() && str_field(p.value, "nextAction").is_some() {
                out.push(plain(cont.clone()));
            }
            out
        }
        _ if paths.is_empty() => vec![plain(cont.clone())],
        _ => path_outputs(p, &paths, cont, ctx),
    }
}

fn plain(target: Target) -> Output {
    Output {
        label: None,
        output_id: None,
        target,
    }
}

fn path_outputs(p: &Placed, paths: &[&Value], cont: &Target, ctx: &mut Ctx) -> Vec<Output> {
    paths
        .iter()
        .map(|path| {
            let label = str_field(path, "label").map(str::to_string);
            let target = match str_field(path, "nextActionId") {
                Some(next) => {
                    let what = format!("path \"{}\"", label.as_deref().unwrap_or(""));
                    ctx.resolve_action(next, p.id, &what)
                }
                None => cont.clone(),
            };
            Output {
                label,
                output_id: str_field(path, "outputId").map(str::to_string),
                target,
            }
        })
        .collect()
}

fn loop_outputs(p: &Placed, paths: &[&Value], cont: &Target, ctx: &mut Ctx) -> Vec<Output> {
    let own = Target::Action(p.id.to_string());
    let mut out = path_outputs(p, paths, &own, ctx);
    out.push(Output {
        label: Some("Exit".into()),
        output_id: None,
        target: cont.clone(),
    });
    out
}

fn loop_control(
    p: &Placed,
    type_name: &str,
    cont: &Target,
    enclosing: Option<LoopInfo>,
    ctx: &mut Ctx,
) -> Vec<Output> {
    let Some(lp) = enclosing else {
        ctx.warnings.push(format!(
            "{}: action {}: {type_name} is not inside a loop",
            ctx.container, p.id
        ));
        return vec![plain(cont.clone())];
    };
    let target = if type_name == "ExitLoopAction" {
        lp.exit.clone()
    } else {
        Target::Action(lp.id.to_string())
    };
    vec![plain(target)]
}

fn transfer_target(action: &Value) -> Target {
    let name = str_field(action, "flowName");
    let id = str_field(action, "flowId");
    let type_name = str_field(action, "__type").unwrap_or_default();
    match (
        type_name.starts_with("TransferFlow") || type_name.starts_with("TransferToFlow"),
        name,
        id,
    ) {
        (true, Some(name), id) => Target::Flow {
            id: id.map(str::to_string),
            name: name.to_string(),
        },
        (true, None, Some(id)) => Target::Flow {
            id: Some(id.to_string()),
            name: id.to_string(),
        },
        _ => Target::End,
    }
}

/// The [`Action`] for a placed action and its outputs.
pub fn build(p: &Placed, outputs: Vec<Output>) -> Action {
    let type_name = str_field(p.value, "__type").unwrap_or_default().to_string();
    let tracking_id = match p.value.get("trackingId") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    Action {
        id: p.id.to_string(),
        tracking_id,
        kind: action_kind(&type_name),
        type_name,
        name: str_field(p.value, "name").unwrap_or_default().to_string(),
        depth: p.depth,
        settings: action_settings(p.value),
        outputs,
    }
}
