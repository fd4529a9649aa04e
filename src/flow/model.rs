//! The flow graph: what one Architect flow document says, as plain data.
//!
//! Built by [`crate::flow::parse_document`]; read by `org/` (reverse index) and `content/`
//! (pages and diagrams). Fields are only ever added to these types, never renamed.

use crate::kind::ObjectKind;

/// One flow, parsed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FlowGraph {
    /// The flow's name as in the document.
    pub name: String,
    /// The document's lower-case type (`inboundcall`, `inqueuecall`, `workflow`, `bot`, ...).
    pub flow_type: String,
    /// The flow's description, if any.
    pub description: Option<String>,
    /// The default language tag (`fr-fr`), if any.
    pub default_language: Option<String>,
    /// All supported language tags, sorted.
    pub supported_languages: Vec<String>,
    /// Id of the container the flow starts in (`initialSequence`).
    pub start_container: Option<String>,
    /// Containers in document order.
    pub containers: Vec<Container>,
    /// Every edge of the graph, in a stable order (by container, then action order).
    pub edges: Vec<Edge>,
    /// Every referenced object, sorted by kind, name, id.
    pub references: Vec<Reference>,
    /// Flow-level settings worth showing (error handling, hold music, ...), as typed.
    pub settings: Vec<Setting>,
    /// Problems found while reading the document (an edge to an unknown id, ...).
    pub warnings: Vec<String>,
}

/// What sort of container a [`Container`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContainerKind {
    /// A task (call flows) or reusable task.
    Task,
    /// A menu with choices.
    Menu,
    /// A state (chat, message, email, workflow, workitem flows).
    State,
    /// The in-queue main loop task.
    LoopTask,
    /// A bot state.
    BotState,
    /// A common-module task.
    CommonModuleTask,
    /// A container type gcdocs does not know; its raw `__type` is in `type_name`.
    Other,
}

/// A task, menu, state or other container.
#[derive(Debug, Clone, PartialEq)]
pub struct Container {
    /// The container's id (GUID) from the document.
    pub id: String,
    /// What sort of container it is.
    pub kind: ContainerKind,
    /// The raw `__type` from the document.
    pub type_name: String,
    /// The container's name.
    pub name: String,
    /// Id of the action the container starts with.
    pub start_action: Option<String>,
    /// Actions in reading order: depth-first, branches nested under their action.
    pub actions: Vec<Action>,
    /// The menu, when this container is one.
    pub menu: Option<Menu>,
}

/// What an action does, as far as drawing and indexing care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    /// Transfers out of the flow (ACD, number, user, group, voicemail, flow).
    Transfer,
    /// Decision (yes / no).
    Decision,
    /// Switch (cases + default).
    Switch,
    /// Loop (body + exit), and loop next / loop exit.
    Loop,
    /// Data action call.
    DataAction,
    /// Data table lookup.
    DataTableLookup,
    /// Schedule or schedule-group evaluation.
    Schedule,
    /// Jump to another container (task, menu, state, call task).
    Jump,
    /// Ends the interaction or the flow (disconnect, end task, end workflow, exit bot flow, ...).
    Terminal,
    /// Calls another flow and comes back (common module, bot flow).
    CallFlow,
    /// Anything else: play audio, set data, collect input, ...
    Step,
}

/// One action.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    /// The action's id (GUID) from the document.
    pub id: String,
    /// Architect's tracking id (the number shown in the UI), if any.
    pub tracking_id: Option<String>,
    /// The raw `__type` from the document (`TransferPureMatchAction`).
    pub type_name: String,
    /// What the action does.
    pub kind: ActionKind,
    /// The action's name (may be empty).
    pub name: String,
    /// Nesting depth inside the container: 0 for the top level, +1 inside each branch.
    pub depth: usize,
    /// Key settings, each as the expression text the author typed.
    pub settings: Vec<Setting>,
    /// Each output path and where it goes.
    pub outputs: Vec<Output>,
}

/// A named setting with its text, as the author typed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// The setting's name (`Queue`, `Condition`, `Loop count`).
    pub name: String,
    /// The value as typed (`Task.Queue`, `"Claims FR"`, `5`).
    pub text: String,
}

/// One output path of an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// The path's label (`Yes`, `Failure`, a switch case's label); `None` for the plain next.
    pub label: Option<String>,
    /// Architect's output id (`__YES__`, a GUID for switch cases), when there is one.
    pub output_id: Option<String>,
    /// Where it goes.
    pub target: Target,
}

/// Where an edge or output leads.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// Another action in the same flow, by id.
    Action(String),
    /// The start of a container (task, menu, state), by id.
    Container(String),
    /// Out of this flow to another flow.
    Flow {
        /// The target flow's id, when known.
        id: Option<String>,
        /// The target flow's name.
        name: String,
    },
    /// The interaction or flow ends here.
    End,
    /// Control returns to whatever called this container (end of a called task).
    Return,
    /// The document points at an id that does not exist.
    Missing(String),
}

/// One edge of the flow graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Id of the action (or, for a container's entry edge, the container) it leaves.
    pub from: String,
    /// Where it goes.
    pub to: Target,
    /// The output label, if any.
    pub label: Option<String>,
}

/// A menu's choices.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Menu {
    /// Choices in document order.
    pub choices: Vec<MenuChoice>,
}

/// One menu choice.
#[derive(Debug, Clone, PartialEq)]
pub struct MenuChoice {
    /// The choice's id, when the document gives one.
    pub id: Option<String>,
    /// The key: `0`–`9`, `*`, `#`; `None` for speech-only choices.
    pub digit: Option<String>,
    /// The choice's name.
    pub name: String,
    /// Speech recognition terms, per language, flattened and sorted.
    pub speech_terms: Vec<String>,
    /// What the choice does (`Transfer to ACD`, `Jump to task`), as Architect names it.
    pub action_type: String,
    /// Id of the action behind the choice, when it is an action of the document.
    pub action: Option<String>,
    /// Where the choice leads.
    pub target: Target,
    /// This is the menu's default choice (taken on no input / no match).
    pub is_default: bool,
}

/// One object the flow uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The object's kind.
    pub kind: ObjectKind,
    /// The object's id, when the document gives it.
    pub id: Option<String>,
    /// The object's name, or for a dynamic reference the expression text.
    pub name: String,
    /// The object is chosen at run time (an expression or variable).
    pub dynamic: bool,
    /// Ids of the actions (or containers, for menu choices and flow settings) that use it,
    /// sorted, no duplicates. Empty when only the manifest names it.
    pub used_by: Vec<String>,
}
