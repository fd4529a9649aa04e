//! Section anchors of a flow page, derived from the document's ids (never from names), so a
//! rename changes no link and both the flow page and the pages linking into it agree.

use std::collections::{HashMap, HashSet};

use crate::flow::{FlowGraph, Target};
use crate::org::{Flow, Place};

/// The anchors of one flow page.
#[derive(Debug, Default)]
pub struct Anchors {
    containers: Vec<String>,
    actions: Vec<Vec<String>>,
    choices: Vec<Vec<String>>,
    by_id: HashMap<String, String>,
}

fn clean(id: &str) -> String {
    let mut out: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    out.truncate(64);
    out
}

impl Anchors {
    /// Anchors for every container, action and menu choice of the graph.
    pub fn new(graph: &FlowGraph) -> Anchors {
        let mut used = HashSet::new();
        let mut unique = |wanted: String| {
            if !used.contains(&wanted) {
                used.insert(wanted.clone());
                return wanted;
            }
            let mut n = 2;
            loop {
                let candidate = format!("{wanted}-{n}");
                if used.insert(candidate.clone()) {
                    return candidate;
                }
                n += 1;
            }
        };
        let mut anchors = Anchors::default();
        for container in &graph.containers {
            let ca = unique(format!("c-{}", clean(&container.id)));
            anchors
                .by_id
                .entry(container.id.clone())
                .or_insert(ca.clone());
            anchors.containers.push(ca.clone());
            let mut actions = Vec::new();
            for action in &container.actions {
                let aa = unique(format!("a-{}", clean(&action.id)));
                anchors.by_id.entry(action.id.clone()).or_insert(aa.clone());
                actions.push(aa);
            }
            anchors.actions.push(actions);
            let count = container.menu.as_ref().map_or(0, |m| m.choices.len());
            anchors
                .choices
                .push((1..=count).map(|n| unique(format!("{ca}-{n}"))).collect());
        }
        anchors
    }

    /// The anchor of a container.
    pub fn container(&self, index: usize) -> &str {
        &self.containers[index]
    }

    /// The anchor of an action.
    pub fn action(&self, container: usize, action: usize) -> &str {
        &self.actions[container][action]
    }

    /// The anchor of a menu choice.
    pub fn choice(&self, container: usize, choice: usize) -> &str {
        &self.choices[container][choice]
    }

    /// The anchor of a place; flow-level places point at the summary.
    pub fn place(&self, place: Place) -> &str {
        match place {
            Place::Flow => "summary",
            Place::Container { container } => self.container(container),
            Place::Action { container, action } => self.action(container, action),
            Place::Choice { container, choice } => self.choice(container, choice),
        }
    }

    /// The anchor an internal target leads to.
    pub fn target(&self, target: &Target) -> Option<&str> {
        match target {
            Target::Action(id) | Target::Container(id) => self.by_id.get(id).map(String::as_str),
            _ => None,
        }
    }
}

/// A readable name of a place inside a flow (`Task “Main” › Transfer to ACD “Claims”`), plain
/// text (to be escaped by the caller).
pub fn describe(flow: &Flow, place: Place) -> String {
    let Some(graph) = &flow.graph else {
        return "flow settings".to_string();
    };
    let container = |c: usize| {
        let container = &graph.containers[c];
        format!(
            "{} “{}”",
            super::flow_page::container_title(container),
            container.name
        )
    };
    match place {
        Place::Flow => "flow settings or manifest".to_string(),
        Place::Container { container: c } => container(c),
        Place::Action {
            container: c,
            action,
        } => {
            let action = &graph.containers[c].actions[action];
            format!(
                "{} › {}",
                container(c),
                super::flow_page::action_title(action)
            )
        }
        Place::Choice {
            container: c,
            choice,
        } => {
            let menu = graph.containers[c].menu.as_ref();
            let choice = &menu.expect("a choice place is only made for menus").choices[choice];
            let key = choice
                .digit
                .as_deref()
                .map(|d| format!("{d}: "))
                .unwrap_or_default();
            format!("{} › choice {key}“{}”", container(c), choice.name)
        }
    }
}
