//! Architect flow documents (and `.i3*` export files) to a [`FlowGraph`]. No I/O.
//!
//! A flow document (`/api/v2/flows/{id}/versions/{v}/configuration`, or a decoded `.i3*`
//! export) holds flat lists of actions per container, linked by ids. This module turns it
//! into containers with actions in reading order, labelled edges, menus and references.
//!
//! # What counts as an edge
//!
//! Tests count edges, so the rules are exact. `FlowGraph::edges` holds, per container in
//! document order:
//!
//! 1. **Entry**: one edge from the container id to its `startAction` (menus have none).
//! 2. **Menu choices**: one edge from the menu id to each choice's action, labelled with
//!    the choice's digit (`1`, `*`, `#`), or its name when it has no digit.
//! 3. **Action outputs**: every [`Output`] of every action, in reading order. An action's
//!    outputs are:
//!    - jumps (`TransferTaskAction`, `TransferMenuAction`, `ChangeStateAction`, the menu
//!      choice `TaskAction`): one unlabelled output to [`Target::Container`];
//!    - `CallTaskAction`: one unlabelled output to the called task, then its paths;
//!    - transfers out (`Transfer*` except the jumps): one unlabelled output to
//!      [`Target::Flow`] (`TransferFlow*`, with `flowId`/`flowName`) or [`Target::End`],
//!      then its paths; with no paths but a `nextAction`, also one plain continuation;
//!    - terminal actions without paths (disconnect, end workflow, exit bot flow, ...): one
//!      output to [`Target::End`]; `EndTaskAction` goes to [`Target::Return`], labelled
//!      with its `pathName`;
//!    - `LoopAction`: the `Loop` path (to its `nextActionId`, or to the loop itself when the
//!      body is empty), then an `Exit` output to the loop's continuation;
//!    - `ExitLoopAction`: one output to the enclosing loop's continuation;
//!      `NextLoopAction`: one output back to the enclosing loop;
//!    - any other action (decisions, switches, data actions, unknown types, ...): one output
//!      per path, labelled with the path's `label`; with no paths, one unlabelled output to
//!      its continuation.
//!
//! Paths marked `disabled` or `outOfService` are not outputs. A path's target is its
//! `nextActionId`; without one it is the owning action's **continuation**: the action's
//! `nextAction`, or, when it has none, the continuation of the branching action whose
//! branch it ends (implicit rejoin), or, at the end of a loop body, the loop action itself
//! (the back edge). The end of a container's top level is [`Target::Return`], except for
//! the in-queue `LoopTask`, whose end goes back to the container itself. An id that names no
//! action of the document gives [`Target::Missing`] and a warning.
//!
//! Reading order is depth-first from `startAction`: an action, then each of its branches
//! in path order, then its `nextAction`. Actions not reached from the start follow, in
//! document order, each starting a walk at depth 0 (with a warning). The walk and the
//! continuation lookup use explicit stacks and memo tables, so a long chain cannot
//! overflow the stack.

mod actions;
mod containers;
mod decode;
mod entity;
mod menus;
pub mod model;
mod references;
mod values;

pub use decode::decode_export;
pub use entity::{EXPORT_VERSION, flow_entity_from_document};
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
///
/// Only a value that is not a flow document at all is an error; every problem inside one
/// (unknown types, dangling ids, a missing `initialSequence`) becomes a warning.
pub fn parse_document(doc: &Value) -> Result<FlowGraph, FlowError> {
    let obj = doc
        .as_object()
        .ok_or_else(|| FlowError::NotAFlowDocument("not a JSON object".into()))?;
    let items = obj
        .get("flowSequenceItemList")
        .and_then(Value::as_array)
        .ok_or_else(|| FlowError::NotAFlowDocument("no `flowSequenceItemList` array".into()))?;
    let text = |key: &str| obj.get(key).and_then(Value::as_str).map(str::to_string);
    let mut graph = FlowGraph {
        name: text("name").unwrap_or_default(),
        flow_type: text("type").unwrap_or_default().to_lowercase(),
        description: text("description").filter(|d| !d.is_empty()),
        default_language: text("defaultLanguage"),
        supported_languages: supported_languages(doc),
        start_container: text("initialSequence"),
        ..FlowGraph::default()
    };
    let parsed = containers::parse_all(items, &mut graph.warnings);
    check_start(&mut graph, &parsed.containers);
    graph.edges = parsed.edges;
    graph.references = references::collect(doc, &parsed.containers);
    graph.settings = values::flow_settings(obj);
    graph.containers = parsed.containers;
    Ok(graph)
}

fn supported_languages(doc: &Value) -> Vec<String> {
    let mut langs: Vec<String> = doc
        .get("supportedLanguages")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    langs.sort();
    langs.dedup();
    langs
}

fn check_start(graph: &mut FlowGraph, containers: &[Container]) {
    match &graph.start_container {
        None => graph
            .warnings
            .push("the flow has no initialSequence (start container)".into()),
        Some(id) if !containers.iter().any(|c| &c.id == id) => graph
            .warnings
            .push(format!("initialSequence points to unknown container {id}")),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests;
