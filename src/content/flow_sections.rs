//! The sections of a flow page that follow its graph: one per container, with the menu's
//! choices as a table and each action with its settings and where each output goes.

use std::fmt::Write as _;

use super::anchors::Anchors;
use super::flow_diagram::Diagrams;
use super::flow_page::{Ctx, action_kind, container_title, mermaid};
use super::markdown as md;
use crate::flow::{Action, FlowGraph, Menu};

/// A section per container, in document order.
pub(super) fn containers(
    ctx: &Ctx<'_>,
    graph: &FlowGraph,
    anchors: &Anchors,
    diagrams: &Diagrams,
) -> String {
    let mut out = String::new();
    for (c, container) in graph.containers.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}\n## {}: {}\n",
            md::anchor(anchors.container(c)),
            container_title(container),
            md::text(&container.name)
        );
        if graph.start_container.as_deref() == Some(container.id.as_str()) {
            out.push_str("The flow starts here.\n\n");
        }
        if let Diagrams::PerContainer(parts) = diagrams {
            match &parts[c] {
                Some(part) => out.push_str(&mermaid(part)),
                None => out.push_str(
                    "This container is too large to draw (over 500 edges or 50,000 characters of Mermaid); its actions are listed below.\n\n",
                ),
            }
        }
        if let Some(menu) = &container.menu {
            out.push_str(&menu_table(ctx, graph, anchors, c, menu));
        }
        for (a, action) in container.actions.iter().enumerate() {
            out.push_str(&action_section(ctx, graph, anchors, (c, a), action));
        }
        if container.actions.is_empty() && container.menu.is_none() {
            out.push_str("This container has no actions.\n\n");
        }
    }
    out
}

fn menu_table(
    ctx: &Ctx<'_>,
    graph: &FlowGraph,
    anchors: &Anchors,
    c: usize,
    menu: &Menu,
) -> String {
    let mut out = md::header(&["Key", "Choice", "Speech terms", "Does", "Goes to"]);
    for (i, choice) in menu.choices.iter().enumerate() {
        let mut key = md::anchor(anchors.choice(c, i));
        key.push_str(
            &choice
                .digit
                .as_deref()
                .map_or("—".to_string(), md::cell_code),
        );
        if choice.is_default {
            key.push_str(" (default)");
        }
        let terms = if choice.speech_terms.is_empty() {
            "—".to_string()
        } else {
            choice
                .speech_terms
                .iter()
                .map(|t| md::cell_code(t))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&md::row(&[
            key,
            md::text(&choice.name),
            terms,
            md::text(&choice.action_type),
            ctx.target(&choice.target, graph, anchors),
        ]));
    }
    out.push('\n');
    out
}

fn action_section(
    ctx: &Ctx<'_>,
    graph: &FlowGraph,
    anchors: &Anchors,
    (c, a): (usize, usize),
    action: &Action,
) -> String {
    let name = if action.name.is_empty() {
        md::text(&action.type_name)
    } else {
        md::text(&action.name)
    };
    let mut out = format!(
        "{}\n### {}. {name}\n\n",
        md::anchor(anchors.action(c, a)),
        a + 1
    );
    let mut kind = format!(
        "- **{}** {}",
        action_kind(action.kind),
        md::code(&action.type_name)
    );
    if let Some(tracking) = &action.tracking_id {
        let _ = write!(kind, ", tracking id {}", md::code(tracking));
    }
    if action.depth > 0 {
        let _ = write!(kind, ", branch level {}", action.depth);
    }
    out.push_str(&kind);
    out.push('\n');
    for setting in &action.settings {
        out.push_str(&setting_line(&setting.name, &setting.text));
    }
    for output in &action.outputs {
        let label = output.label.as_deref().unwrap_or("Next");
        let _ = writeln!(
            out,
            "- {} → {}",
            md::text(label),
            ctx.target(&output.target, graph, anchors)
        );
    }
    out.push('\n');
    out
}

fn setting_line(name: &str, text: &str) -> String {
    if text.contains('\n') {
        let block = md::code_block(text);
        let indented: String = block.lines().map(|l| format!("  {l}\n")).collect();
        format!("- {}:\n\n{indented}\n", md::text(name))
    } else {
        format!("- {}: {}\n", md::text(name), md::code(text))
    }
}
