//! A flow graph to diagrams: one flowchart for the whole flow, or, above GitHub's limits
//! (500 edges, about 50,000 characters of Mermaid), one per container with jump nodes that
//! link to the other containers' sections.

use std::collections::{HashMap, HashSet};

use super::anchors::Anchors;
use crate::diagram::{Edge, Graph, Group, Node, Shape};
use crate::flow::{ActionKind, ContainerKind, FlowGraph, Target};

/// Mermaid's default `maxEdges`, which GitHub keeps.
pub const MAX_EDGES: usize = 500;
/// Mermaid's default `maxTextSize`, which GitHub keeps.
pub const MAX_CHARS: usize = 50_000;

/// The diagrams of one flow.
#[derive(Debug, Clone, PartialEq)]
pub enum Diagrams {
    /// One diagram of the whole flow.
    Whole(Graph),
    /// One diagram per container, in container order; `None` for a container too large to
    /// draw even on its own.
    PerContainer(Vec<Option<Graph>>),
}

/// Resolves a target that leaves the flow to a link to another page.
pub type FlowLink<'a> = &'a dyn Fn(Option<&str>, &str) -> Option<String>;

/// Builds the diagrams of a flow.
pub fn build(graph: &FlowGraph, anchors: &Anchors, flow_link: FlowLink<'_>) -> Diagrams {
    let whole = Builder::new(graph, anchors, flow_link, None).run();
    if fits(&whole) {
        return Diagrams::Whole(whole);
    }
    let parts = (0..graph.containers.len())
        .map(|c| {
            let part = Builder::new(graph, anchors, flow_link, Some(c)).run();
            fits(&part).then_some(part)
        })
        .collect();
    Diagrams::PerContainer(parts)
}

/// Mermaid measures text in UTF-16 code units (JavaScript string length), so an emoji
/// counts twice.
fn fits(graph: &Graph) -> bool {
    graph.edges.len() <= MAX_EDGES && graph.to_mermaid().encode_utf16().count() <= MAX_CHARS
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Start,
    Entry(usize),
    Action(usize, usize),
    Jump(usize),
    Flow(Option<String>, String),
    End,
    Return,
    Missing(String),
}

struct Builder<'a> {
    graph: &'a FlowGraph,
    anchors: &'a Anchors,
    flow_link: FlowLink<'a>,
    only: Option<usize>,
    actions: HashMap<&'a str, (usize, usize)>,
    containers: HashMap<&'a str, usize>,
    ids: HashMap<Key, String>,
    seen: HashSet<(String, String)>,
    out: Graph,
}

impl<'a> Builder<'a> {
    fn new(
        graph: &'a FlowGraph,
        anchors: &'a Anchors,
        flow_link: FlowLink<'a>,
        only: Option<usize>,
    ) -> Builder<'a> {
        let mut actions = HashMap::new();
        let mut containers = HashMap::new();
        for (c, container) in graph.containers.iter().enumerate() {
            containers.entry(container.id.as_str()).or_insert(c);
            for (a, action) in container.actions.iter().enumerate() {
                actions.entry(action.id.as_str()).or_insert((c, a));
            }
        }
        Builder {
            graph,
            anchors,
            flow_link,
            only,
            actions,
            containers,
            ids: HashMap::new(),
            seen: HashSet::new(),
            out: Graph::default(),
        }
    }

    fn included(&self, c: usize) -> bool {
        self.only.is_none_or(|only| only == c)
    }

    fn run(mut self) -> Graph {
        let start = self
            .graph
            .start_container
            .as_deref()
            .and_then(|id| self.containers.get(id).copied());
        if let Some(start) = start.filter(|c| self.included(*c)) {
            let from = self.node(Key::Start);
            let to = self.node(Key::Entry(start));
            self.edge(from, to, None, false);
        }
        for c in 0..self.graph.containers.len() {
            if self.included(c) {
                self.container(c);
            }
        }
        self.extra_edges();
        self.out
    }

    fn container(&mut self, c: usize) {
        let container = &self.graph.containers[c];
        let entry = self.node(Key::Entry(c));
        let mut members = vec![entry.clone()];
        for a in 0..container.actions.len() {
            members.push(self.node(Key::Action(c, a)));
        }
        if self.only.is_none() {
            self.out.groups.push(Group {
                id: format!("g{}", self.out.groups.len() + 1),
                label: container_label(c, self.graph),
                nodes: members,
            });
        }
        let first = container
            .start_action
            .as_deref()
            .and_then(|id| self.actions.get(id).copied())
            .or((!container.actions.is_empty()).then_some((c, 0)));
        if let Some((tc, ta)) = first {
            let id = self.graph.containers[tc].actions[ta].id.clone();
            let (to, dotted) = self.target_node(&Target::Action(id), c);
            self.edge(entry.clone(), to, None, dotted);
        }
        for (a, action) in container.actions.iter().enumerate() {
            let from = self.node(Key::Action(c, a));
            for output in &action.outputs {
                let (to, dotted) = self.target_node(&output.target, c);
                self.edge(from.clone(), to, output.label.clone(), dotted);
            }
        }
        for choice in container.menu.iter().flat_map(|m| m.choices.iter()) {
            let label = match &choice.digit {
                Some(d) => format!("{d}: {}", choice.name),
                None => choice.name.clone(),
            };
            let (to, dotted) = self.target_node(&choice.target, c);
            self.edge(entry.clone(), to, Some(label), dotted);
        }
    }

    /// Edges the graph lists that no output or choice already drew.
    fn extra_edges(&mut self) {
        for edge in &self.graph.edges {
            let from = if let Some(&(c, a)) = self.actions.get(edge.from.as_str()) {
                (c, Key::Action(c, a))
            } else if let Some(&c) = self.containers.get(edge.from.as_str()) {
                (c, Key::Entry(c))
            } else {
                continue;
            };
            if !self.included(from.0) {
                continue;
            }
            let from_id = self.node(from.1);
            let (to, dotted) = self.target_node(&edge.to, from.0);
            if !self.seen.contains(&(from_id.clone(), to.clone())) {
                self.edge(from_id, to, edge.label.clone(), dotted);
            }
        }
    }

    /// The node a target leads to, and whether the edge is drawn dotted (it leaves the
    /// container or the flow).
    fn target_node(&mut self, target: &Target, from: usize) -> (String, bool) {
        let key = match target {
            Target::Action(id) => match self.actions.get(id.as_str()) {
                Some(&(c, a)) => Key::Action(c, a),
                None => Key::Missing(id.clone()),
            },
            Target::Container(id) => match self.containers.get(id.as_str()) {
                Some(&c) => Key::Entry(c),
                None => Key::Missing(id.clone()),
            },
            Target::Flow { id, name } => Key::Flow(id.clone(), name.clone()),
            Target::End => Key::End,
            Target::Return => Key::Return,
            Target::Missing(id) => Key::Missing(id.clone()),
        };
        let key = match key {
            Key::Action(c, _) | Key::Entry(c) if !self.included(c) => Key::Jump(c),
            other => other,
        };
        let dotted = match &key {
            Key::Action(c, _) | Key::Entry(c) => *c != from,
            Key::Jump(_) | Key::Flow(..) => true,
            _ => false,
        };
        (self.node(key), dotted)
    }

    fn edge(&mut self, from: String, to: String, label: Option<String>, dotted: bool) {
        if self.seen.insert((from.clone(), to.clone())) || label.is_some() {
            self.out.edges.push(Edge {
                from,
                to,
                label,
                dotted,
            });
        }
    }

    fn node(&mut self, key: Key) -> String {
        if let Some(id) = self.ids.get(&key) {
            return id.clone();
        }
        let id = format!("n{}", self.ids.len() + 1);
        let (label, shape, link) = self.describe(&key);
        self.out.nodes.push(Node {
            id: id.clone(),
            label,
            shape,
            link,
        });
        self.ids.insert(key, id.clone());
        id
    }

    fn describe(&self, key: &Key) -> (String, Shape, Option<String>) {
        let anchor = |a: &str| Some(format!("#{a}"));
        match key {
            Key::Start => ("Start".into(), Shape::Start, None),
            Key::Entry(c) => {
                let container = &self.graph.containers[*c];
                let shape = if container.kind == ContainerKind::Menu {
                    Shape::Menu
                } else {
                    Shape::Start
                };
                (
                    container_label(*c, self.graph),
                    shape,
                    anchor(self.anchors.container(*c)),
                )
            }
            Key::Action(c, a) => {
                let action = &self.graph.containers[*c].actions[*a];
                let label = if action.name.is_empty() {
                    action.type_name.clone()
                } else {
                    action.name.clone()
                };
                (
                    label,
                    shape(action.kind),
                    anchor(self.anchors.action(*c, *a)),
                )
            }
            Key::Jump(c) => (
                format!("Go to {}", container_label(*c, self.graph)),
                Shape::Jump,
                anchor(self.anchors.container(*c)),
            ),
            Key::Flow(id, name) => (
                format!("Flow: {name}"),
                Shape::Transfer,
                (self.flow_link)(id.as_deref(), name),
            ),
            Key::End => ("End".into(), Shape::Terminal, None),
            Key::Return => ("Return".into(), Shape::Terminal, None),
            Key::Missing(id) => (format!("Missing node {id}"), Shape::Step, None),
        }
    }
}

fn container_label(c: usize, graph: &FlowGraph) -> String {
    let container = &graph.containers[c];
    format!(
        "{}: {}",
        super::flow_page::container_title(container),
        container.name
    )
}

/// The shape of an action in diagrams.
pub fn shape(kind: ActionKind) -> Shape {
    match kind {
        ActionKind::Transfer => Shape::Transfer,
        ActionKind::Decision | ActionKind::Switch | ActionKind::Loop | ActionKind::Schedule => {
            Shape::Decision
        }
        ActionKind::DataAction | ActionKind::DataTableLookup => Shape::DataAction,
        ActionKind::Jump | ActionKind::CallFlow => Shape::Jump,
        ActionKind::Terminal => Shape::Terminal,
        ActionKind::Step => Shape::Step,
    }
}
