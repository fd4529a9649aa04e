//! One flow's page: front matter, summary, entry points, diagram, a section per container
//! with its actions and menu choices, and the objects the flow uses.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::anchors::{self, Anchors};
use super::flow_diagram::{self, Diagrams};
use super::flow_sections;
use super::markdown as md;
use super::yaml::{FlowKeys, FrontMatter, Use};
use super::{Page, Paths};
use crate::diagram::Graph;
use crate::flow::{Action, ActionKind, Container, ContainerKind, FlowGraph, Target};
use crate::kind::ObjectKind;
use crate::org::{EntryPoint, Flow, Org, Resolution, Resolver};

/// Everything a flow page needs while it is written.
pub(super) struct Ctx<'a> {
    org: &'a Org,
    paths: &'a Paths,
    resolver: &'a Resolver,
    flow: &'a Flow,
    path: String,
}

/// Renders the page of one flow.
pub fn render(org: &Org, paths: &Paths, resolver: &Resolver, flow: &Flow) -> Page {
    let path = paths
        .page(&ObjectKind::Flow, &flow.id)
        .expect("every flow has a page path")
        .to_string();
    let ctx = Ctx {
        org,
        paths,
        resolver,
        flow,
        path,
    };
    let mut out = front_matter(org, flow).render();
    let _ = writeln!(out, "\n# {}\n", md::text(&title(flow)));
    out.push_str(&summary(flow));
    out.push_str(&entry_points(&ctx));
    if let (Some(graph), Some(anchors)) = (&flow.graph, paths.anchors(&flow.id)) {
        let link = |id: Option<&str>, name: &str| ctx.flow_target_link(id, name);
        let diagrams = flow_diagram::build(graph, anchors, &link);
        if graph.containers.is_empty() {
            out.push_str("The flow document holds no tasks, menus or states.\n\n");
        } else if let Diagrams::Whole(diagram) = &diagrams {
            out.push_str("## Diagram\n\n");
            out.push_str(&mermaid(diagram));
        }
        out.push_str(&flow_sections::containers(&ctx, graph, anchors, &diagrams));
        out.push_str(&references(&ctx, graph, anchors));
        out.push_str(&warnings(graph));
    }
    Page {
        path: ctx.path,
        kind: Some(ObjectKind::Flow),
        text: out,
    }
}

fn title(flow: &Flow) -> String {
    if flow.name.is_empty() {
        format!("Flow {}", flow.id)
    } else {
        flow.name.clone()
    }
}

/// The front matter of a flow page, straight from the model.
pub fn front_matter(org: &Org, flow: &Flow) -> FrontMatter {
    FrontMatter {
        title: title(flow),
        kind: ObjectKind::Flow.as_str().to_string(),
        id: Some(flow.id.clone()),
        flow: Some(FlowKeys {
            flow_type: flow.flow_type.clone(),
            division: flow.division.clone(),
            published_version: flow.published_version.clone(),
            latest_version: flow.latest_version.clone(),
        }),
        description: flow.description.clone(),
        uses: uses(org, flow),
        gaps: flow_gaps(org, flow),
    }
}

/// The flow's references by kind: resolved ones with the org's id and name, others as given.
fn uses(org: &Org, flow: &Flow) -> Vec<(ObjectKind, Vec<Use>)> {
    let mut by_kind: BTreeMap<ObjectKind, Vec<Use>> = BTreeMap::new();
    for r in &flow.references {
        let target = &r.target;
        let entry = match &target.resolution {
            Resolution::Found(id) => Use {
                id: Some(id.clone()),
                name: org
                    .name_of(&target.kind, id)
                    .unwrap_or(&target.name)
                    .to_string(),
                dynamic: false,
            },
            Resolution::Dynamic => Use {
                id: None,
                name: target.name.clone(),
                dynamic: true,
            },
            Resolution::Unresolved => Use {
                id: target.id.clone(),
                name: target.name.clone(),
                dynamic: false,
            },
        };
        by_kind.entry(target.kind.clone()).or_default().push(entry);
    }
    by_kind
        .into_iter()
        .map(|(kind, mut list)| {
            list.sort_by(|a, b| (&a.name, &a.id, a.dynamic).cmp(&(&b.name, &b.id, b.dynamic)));
            list.dedup();
            (kind, list)
        })
        .collect()
}

fn flow_gaps(org: &Org, flow: &Flow) -> Vec<String> {
    let mut gaps: Vec<String> = flow.no_graph.iter().cloned().collect();
    for gap in &org.gaps {
        let mine = gap.kind == ObjectKind::Flow && gap.id.as_deref() == Some(flow.id.as_str());
        if mine && !gaps.iter().any(|g| gap.message.contains(g.as_str())) {
            gaps.push(gap.message.clone());
        }
    }
    gaps
}

fn summary(flow: &Flow) -> String {
    let mut out = format!("{}\n## Summary\n\n", md::anchor("summary"));
    let mut item = |label: &str, value: String| {
        let _ = writeln!(out, "- **{label}:** {value}");
    };
    item("Type", md::code(&flow.flow_type));
    if let Some(division) = &flow.division {
        item("Division", md::text(division));
    }
    let languages = if flow.languages.is_empty() {
        "none listed".to_string()
    } else {
        flow.languages
            .iter()
            .map(|l| md::code(l))
            .collect::<Vec<_>>()
            .join(", ")
    };
    item("Languages", languages);
    let graph = flow.graph.as_ref();
    if let Some(default) = graph.and_then(|g| g.default_language.as_deref()) {
        item("Default language", md::code(default));
    }
    let version = |v: &Option<String>| v.as_deref().map_or("none".to_string(), md::code);
    item("Published version", version(&flow.published_version));
    item("Latest version", version(&flow.latest_version));
    item("Id", md::code(&flow.id));
    for setting in graph.map_or(&[][..], |g| g.settings.as_slice()) {
        let _ = writeln!(
            out,
            "- **{}:** {}",
            md::text(&setting.name),
            md::code(&setting.text)
        );
    }
    out.push('\n');
    if let Some(description) = &flow.description {
        out.push_str(&md::paragraphs(description));
        out.push('\n');
    }
    if let Some(reason) = &flow.no_graph {
        let _ = writeln!(
            out,
            "> **Not documented in detail:** {}.\n",
            md::text(reason)
        );
    }
    out
}

fn entry_points(ctx: &Ctx<'_>) -> String {
    let mut out = format!("{}\n## Entry points\n\n", md::anchor("entry-points"));
    let points = ctx.org.entry_points(&ctx.flow.id);
    if points.is_empty() {
        out.push_str("No IVR route, queue, emergency group or flow leads to this flow.\n\n");
        return out;
    }
    for point in points {
        let line = match point {
            EntryPoint::Object(r) => ctx.object_entry(&r.from.0, &r.from.1, &r.role),
            EntryPoint::Flow(usage) => {
                let Some(from) = ctx.org.flow(&usage.flow) else {
                    continue;
                };
                let anchor = ctx.paths.anchors(&from.id).map(|a| a.place(usage.place));
                let link = ctx
                    .paths
                    .link(&ctx.path, &ObjectKind::Flow, &from.id, anchor)
                    .expect("every flow has a page");
                format!(
                    "Flow {} — {}",
                    md::link(&title(from), &link),
                    md::text(&anchors::describe(from, usage.place))
                )
            }
        };
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
    out
}

impl Ctx<'_> {
    fn object_entry(&self, kind: &ObjectKind, id: &str, role: &str) -> String {
        let name = self.org.name_of(kind, id).unwrap_or(id);
        let link = self
            .paths
            .link(&self.path, kind, id, None)
            .expect("every object has a page");
        let mut line = format!(
            "{} {} — {}",
            kind.title(),
            md::link(name, &link),
            md::text(&role.to_lowercase())
        );
        if *kind == ObjectKind::Ivr {
            let dids = self
                .org
                .object(kind, id)
                .and_then(|o| o.raw.get("dnis"))
                .and_then(|d| d.as_array())
                .map(|d| {
                    d.iter()
                        .filter_map(|n| n.as_str())
                        .map(md::code)
                        .collect::<Vec<_>>()
                });
            if let Some(dids) = dids.filter(|d| !d.is_empty()) {
                let _ = write!(line, "; DIDs {}", dids.join(", "));
            }
        }
        line
    }

    /// A link to the page of the flow a target names, when it resolves.
    fn flow_target_link(&self, id: Option<&str>, name: &str) -> Option<String> {
        match self.resolver.resolve(&ObjectKind::Flow, id, name) {
            Resolution::Found(id) => self.paths.link(&self.path, &ObjectKind::Flow, &id, None),
            _ => None,
        }
    }

    /// Where a target leads, as Markdown.
    pub(super) fn target(&self, target: &Target, graph: &FlowGraph, anchors: &Anchors) -> String {
        match target {
            Target::Action(id) | Target::Container(id) => match anchors.target(target) {
                Some(anchor) => md::link(&node_name(graph, id), &format!("#{anchor}")),
                None => format!("missing node {}", md::code(id)),
            },
            Target::Flow { id, name } => match self.flow_target_link(id.as_deref(), name) {
                Some(link) => format!("flow {}", md::link(name, &link)),
                None => format!("flow {} (not found in the org)", md::text(name)),
            },
            Target::End => "end".to_string(),
            Target::Return => "return to the caller".to_string(),
            Target::Missing(id) => format!("missing node {}", md::code(id)),
        }
    }
}

/// The title of a container's kind.
pub fn container_title(container: &Container) -> String {
    match container.kind {
        ContainerKind::Task => "Task".into(),
        ContainerKind::Menu => "Menu".into(),
        ContainerKind::State => "State".into(),
        ContainerKind::LoopTask => "Loop task".into(),
        ContainerKind::BotState => "Bot state".into(),
        ContainerKind::CommonModuleTask => "Task".into(),
        ContainerKind::Other => container.type_name.clone(),
    }
}

/// What an action is, in words.
pub fn action_kind(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::Transfer => "Transfer",
        ActionKind::Decision => "Decision",
        ActionKind::Switch => "Switch",
        ActionKind::Loop => "Loop",
        ActionKind::DataAction => "Data action",
        ActionKind::DataTableLookup => "Data table lookup",
        ActionKind::Schedule => "Schedule evaluation",
        ActionKind::Jump => "Jump",
        ActionKind::Terminal => "End",
        ActionKind::CallFlow => "Call flow",
        ActionKind::Step => "Step",
    }
}

/// An action's title: its name, or its type when it has none (plain text).
pub fn action_title(action: &Action) -> String {
    if action.name.is_empty() {
        action.type_name.clone()
    } else {
        format!("{} “{}”", action_kind(action.kind), action.name)
    }
}

fn node_name(graph: &FlowGraph, id: &str) -> String {
    for container in &graph.containers {
        if container.id == id {
            return format!("{} “{}”", container_title(container), container.name);
        }
        if let Some(action) = container.actions.iter().find(|a| a.id == id) {
            return action_title(action);
        }
    }
    id.to_string()
}

/// A diagram as a fenced Mermaid block.
pub(super) fn mermaid(graph: &Graph) -> String {
    format!("```mermaid\n{}```\n\n", graph.to_mermaid())
}

fn references(ctx: &Ctx<'_>, graph: &FlowGraph, anchors: &Anchors) -> String {
    let mut out = format!("{}\n## References\n\n", md::anchor("references"));
    if ctx.flow.references.is_empty() {
        out.push_str("This flow uses no other objects.\n\n");
        return out;
    }
    let places = crate::org::places_of(graph);
    let mut refs: Vec<_> = ctx.flow.references.iter().collect();
    refs.sort_by(|a, b| a.target.kind.cmp(&b.target.kind));
    let mut kind: Option<&ObjectKind> = None;
    for r in refs {
        if kind != Some(&r.target.kind) {
            if kind.is_some() {
                out.push('\n');
            }
            kind = Some(&r.target.kind);
            let _ = writeln!(out, "### {}\n", r.target.kind.plural_title());
        }
        let what = match &r.target.resolution {
            Resolution::Found(id) => {
                let name = ctx
                    .org
                    .name_of(&r.target.kind, id)
                    .unwrap_or(&r.target.name);
                match ctx.paths.link(&ctx.path, &r.target.kind, id, None) {
                    Some(link) => md::link(name, &link),
                    None => md::text(name),
                }
            }
            Resolution::Dynamic => format!("{} (chosen at run time)", md::code(&r.target.name)),
            Resolution::Unresolved => {
                let id = r
                    .target
                    .id
                    .as_deref()
                    .map(|i| format!(", id {}", md::code(i)));
                format!(
                    "{} (not found in the org{})",
                    md::text(&r.target.name),
                    id.unwrap_or_default()
                )
            }
        };
        let used: Vec<String> = r
            .reference
            .used_by
            .iter()
            .filter_map(|node| places.get(node.as_str()))
            .map(|place| {
                md::link(
                    &anchors::describe(ctx.flow, *place),
                    &format!("#{}", anchors.place(*place)),
                )
            })
            .collect();
        if used.is_empty() {
            let _ = writeln!(out, "- {what}");
        } else {
            let _ = writeln!(out, "- {what} — used by {}", used.join(", "));
        }
    }
    out.push('\n');
    out
}

fn warnings(graph: &FlowGraph) -> String {
    if graph.warnings.is_empty() {
        return String::new();
    }
    let mut out = format!("{}\n## Warnings\n\n", md::anchor("warnings"));
    for warning in &graph.warnings {
        let _ = writeln!(out, "- {}", md::text(warning));
    }
    out.push('\n');
    out
}
