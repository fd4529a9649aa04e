//! Containers (`flowSequenceItemList`): each one's actions placed in reading order with
//! their depth and enclosing branch, then their outputs and the container's edges.
//!
//! The walk and the continuation lookup are iterative (an explicit stack, then one pass
//! over the placed actions in order, parents always before their branches), so the depth of
//! the Rust stack never grows with the number of actions.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::actions::{self, Ctx, LoopInfo};
use super::menus;
use super::model::{Action, Container, ContainerKind, Edge, Output, Target};
use super::values::str_field;

/// The containers of one document and all its edges.
pub struct Parsed {
    /// Containers in document order.
    pub containers: Vec<Container>,
    /// Every edge, by container, then reading order.
    pub edges: Vec<Edge>,
}

/// Every id the document defines: actions (incl. menu-choice actions) and containers.
pub struct Ids {
    /// Action ids.
    pub actions: HashSet<String>,
    /// Container ids.
    pub containers: HashSet<String>,
}

impl Ids {
    fn collect(items: &[Value]) -> Ids {
        let mut ids = Ids {
            actions: HashSet::new(),
            containers: HashSet::new(),
        };
        for item in items {
            if let Some(id) = str_field(item, "id") {
                ids.containers.insert(id.to_string());
            }
            for action in container_actions(item) {
                if let Some(id) = str_field(action, "id") {
                    ids.actions.insert(id.to_string());
                }
            }
        }
        ids
    }

    /// Where an action id leads: the action, or [`Target::Missing`].
    pub fn action(&self, id: &str) -> Target {
        if self.actions.contains(id) {
            Target::Action(id.to_string())
        } else {
            Target::Missing(id.to_string())
        }
    }

    /// Where a container id leads: the container, or [`Target::Missing`].
    pub fn container(&self, id: &str) -> Target {
        if self.containers.contains(id) {
            Target::Container(id.to_string())
        } else {
            Target::Missing(id.to_string())
        }
    }
}

/// An action placed by the walk.
pub struct Placed<'a> {
    /// The action's JSON.
    pub value: &'a Value,
    /// Its id.
    pub id: &'a str,
    /// Nesting depth.
    pub depth: usize,
    /// Index (in the placed list) of the branching action whose branch holds it.
    pub parent: Option<usize>,
    /// The branch is a loop body.
    pub loop_body: bool,
}

/// Parses every container of a document.
pub fn parse_all(items: &[Value], warnings: &mut Vec<String>) -> Parsed {
    let ids = Ids::collect(items);
    let mut parsed = Parsed {
        containers: Vec::with_capacity(items.len()),
        edges: Vec::new(),
    };
    for (i, item) in items.iter().enumerate() {
        let mut ctx = Ctx {
            ids: &ids,
            container: describe(item, i),
            warnings,
        };
        let (container, edges) = parse_container(item, &mut ctx);
        parsed.containers.push(container);
        parsed.edges.extend(edges);
    }
    parsed
}

fn describe(item: &Value, index: usize) -> String {
    match (str_field(item, "name"), str_field(item, "id")) {
        (Some(name), Some(id)) => format!("container \"{name}\" ({id})"),
        (None, Some(id)) => format!("container {id}"),
        _ => format!("container #{}", index + 1),
    }
}

/// The kind of a container `__type`.
pub fn container_kind(type_name: &str) -> ContainerKind {
    match type_name {
        "Task" => ContainerKind::Task,
        "Menu" => ContainerKind::Menu,
        "State" => ContainerKind::State,
        "LoopTask" => ContainerKind::LoopTask,
        "BotState" => ContainerKind::BotState,
        "CommonModuleTask" => ContainerKind::CommonModuleTask,
        _ => ContainerKind::Other,
    }
}

/// The actions a container holds: its `actionList`, then its menu choices' actions.
fn container_actions(item: &Value) -> impl Iterator<Item = &Value> {
    let list = item.get("actionList").and_then(Value::as_array);
    let choices = item.get("menuChoiceList").and_then(Value::as_array);
    list.into_iter().flatten().chain(
        choices
            .into_iter()
            .flatten()
            .filter_map(|c| c.get("action")),
    )
}

fn parse_container(item: &Value, ctx: &mut Ctx) -> (Container, Vec<Edge>) {
    let id = str_field(item, "id").unwrap_or_default().to_string();
    let type_name = str_field(item, "__type").unwrap_or_default().to_string();
    let kind = container_kind(&type_name);
    let start_action = str_field(item, "startAction").map(str::to_string);
    let end = match kind {
        ContainerKind::LoopTask => Target::Container(id.clone()),
        _ => Target::Return,
    };
    let mut edges = Vec::new();
    if let Some(start) = &start_action {
        let to = ctx.ids.action(start);
        if matches!(to, Target::Missing(_)) {
            let msg = format!(
                "{}: startAction points to unknown id {start}",
                ctx.container
            );
            ctx.warnings.push(msg);
        }
        edges.push(edge(&id, to, None));
    } else if item
        .get("actionList")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty())
    {
        let msg = format!("{}: has actions but no startAction", ctx.container);
        ctx.warnings.push(msg);
    }
    let choices = menus::parse_choices(item, &id, &mut edges);
    let placed = place(item, start_action.as_deref(), &choices.roots, ctx);
    let actions = build_actions(&placed, &end, ctx);
    for action in &actions {
        for output in &action.outputs {
            edges.push(edge(
                &action.id,
                output.target.clone(),
                output.label.clone(),
            ));
        }
    }
    let menu = choices.menu.map(|m| menus::resolve_targets(m, &actions));
    let container = Container {
        name: str_field(item, "name").unwrap_or_default().to_string(),
        id,
        kind,
        type_name,
        start_action,
        actions,
        menu,
    };
    (container, edges)
}

fn edge(from: &str, to: Target, label: Option<String>) -> Edge {
    Edge {
        from: from.to_string(),
        to,
        label,
    }
}

/// Places the container's actions in reading order (see the module header of `flow`).
fn place<'a>(
    item: &'a Value,
    start: Option<&'a str>,
    choice_roots: &[&'a str],
    ctx: &mut Ctx,
) -> Vec<Placed<'a>> {
    let index: HashMap<&str, &Value> = container_actions(item)
        .filter_map(|a| str_field(a, "id").map(|id| (id, a)))
        .collect();
    let listed: Vec<&str> = container_actions(item)
        .filter_map(|a| str_field(a, "id"))
        .collect();
    let mut visited: HashSet<&str> = HashSet::new();
    let mut placed = Vec::with_capacity(index.len());
    let expected: Vec<&str> = start
        .into_iter()
        .chain(choice_roots.iter().copied())
        .collect();
    for root in expected.iter().copied() {
        walk(root, &index, &mut visited, &mut placed);
    }
    for root in listed {
        if !visited.contains(root) {
            let msg = format!(
                "{}: action {root} is not reachable from the container's start",
                ctx.container
            );
            ctx.warnings.push(msg);
            walk(root, &index, &mut visited, &mut placed);
        }
    }
    placed
}

struct Pending<'a> {
    id: &'a str,
    depth: usize,
    parent: Option<usize>,
    loop_body: bool,
}

fn walk<'a>(
    root: &'a str,
    index: &HashMap<&'a str, &'a Value>,
    visited: &mut HashSet<&'a str>,
    placed: &mut Vec<Placed<'a>>,
) {
    let mut stack = vec![Pending {
        id: root,
        depth: 0,
        parent: None,
        loop_body: false,
    }];
    while let Some(p) = stack.pop() {
        let Some(&value) = index.get(p.id) else {
            continue;
        };
        let Some(id) = str_field(value, "id") else {
            continue;
        };
        if !visited.insert(id) {
            continue;
        }
        let me = placed.len();
        placed.push(Placed {
            value,
            id,
            depth: p.depth,
            parent: p.parent,
            loop_body: p.loop_body,
        });
        if let Some(next) = str_field(value, "nextAction") {
            stack.push(Pending { id: next, ..p });
        }
        let branches = actions::branch_starts(value);
        for (next, is_loop) in branches.into_iter().rev() {
            stack.push(Pending {
                id: next,
                depth: p.depth + 1,
                parent: Some(me),
                loop_body: is_loop,
            });
        }
    }
}

/// Turns placed actions into [`Action`]s with their outputs.
fn build_actions(placed: &[Placed], end: &Target, ctx: &mut Ctx) -> Vec<Action> {
    let mut conts: Vec<Target> = Vec::with_capacity(placed.len());
    let mut loops: Vec<Option<usize>> = Vec::with_capacity(placed.len());
    for p in placed {
        let cont = match (str_field(p.value, "nextAction"), p.parent) {
            (Some(next), _) => ctx.resolve_action(next, p.id, "nextAction"),
            (None, None) => end.clone(),
            (None, Some(parent)) if p.loop_body => Target::Action(placed[parent].id.to_string()),
            (None, Some(parent)) => conts[parent].clone(),
        };
        conts.push(cont);
        loops.push(match p.parent {
            None => None,
            Some(parent) if p.loop_body => Some(parent),
            Some(parent) => loops[parent],
        });
    }
    let mut out = Vec::with_capacity(placed.len());
    for (i, p) in placed.iter().enumerate() {
        let enclosing = loops[i].map(|l| LoopInfo {
            id: placed[l].id,
            exit: &conts[l],
        });
        let outputs: Vec<Output> = actions::outputs(p, &conts[i], enclosing, ctx);
        out.push(actions::build(p, outputs));
    }
    out
}
