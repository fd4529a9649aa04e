//! A stand-in content tree written straight from a snapshot, in the layout of
//! docs/internals.md, section 2: one page per flow (front matter, references, one Mermaid
//! diagram, the containers' actions) and per object (properties, "Used by").
//!
//! It exists so the side-by-side builds (gcdocs, Hugo, mdBook) have realistic Markdown to
//! work on while the real content writer is not merged, and stays as a fallback the
//! benchmark names in its table whenever `gcdocs extract` writes no flow pages. It is not
//! the product's content writer and makes no claim to match its text.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Map, Value, json};

use gcdocs::diagram::{Edge, Graph, Group, Node, Shape};
use gcdocs::fsx;
use gcdocs::snapshot::{List, Snapshot};

/// One page's place in the tree.
struct Page {
    kind_dir: String,
    slug: String,
    title: String,
}

/// Writes the stand-in tree into `dir` (which must not hold another tree); returns the
/// number of pages written, index pages included.
pub fn write_tree(snapshot: &Snapshot, dir: &Path) -> Result<usize, fsx::FsError> {
    let pages = place_pages(snapshot);
    let used_by = used_by(snapshot);
    let mut written = 0;
    let mut home = String::from("---\ntitle: Organization\nkind: index\n---\n\n# Organization\n\n");
    for list in List::ALL {
        let entities = snapshot.list(list);
        let kind = list.kind();
        let _ = writeln!(
            home,
            "- [{}]({}/_index.md): {}",
            kind.plural_title(),
            kind.dir(),
            entities.len()
        );
        let mut index = format!("---\ntitle: {}\nkind: index\n---\n\n", kind.plural_title());
        let mut rows: Vec<&Page> = entities
            .iter()
            .filter_map(|e| pages.get(id_of(e)))
            .collect();
        rows.sort_by(|a, b| a.title.cmp(&b.title).then(a.slug.cmp(&b.slug)));
        for page in rows {
            let rel = page
                .kind_dir
                .strip_prefix(&kind.dir())
                .unwrap_or(&page.kind_dir);
            let rel = rel.trim_start_matches('/');
            let link = if rel.is_empty() {
                format!("{}.md", page.slug)
            } else {
                format!("{rel}/{}.md", page.slug)
            };
            let _ = writeln!(index, "- [{}]({link})", md_text(&page.title));
        }
        fsx::write(&dir.join(kind.dir()).join("_index.md"), index.as_bytes())?;
        written += 1;
        for entity in entities {
            let Some(page) = pages.get(id_of(entity)) else {
                continue;
            };
            let text = if list == List::Flows {
                flow_page(snapshot, entity, page, &pages)
            } else {
                object_page(
                    entity,
                    page,
                    kind.as_str(),
                    used_by.get(id_of(entity)),
                    &pages,
                )
            };
            fsx::write(
                &dir.join(&page.kind_dir).join(format!("{}.md", page.slug)),
                text.as_bytes(),
            )?;
            written += 1;
        }
    }
    fsx::write(&dir.join("_index.md"), home.as_bytes())?;
    Ok(written + 1)
}

fn id_of(entity: &Value) -> &str {
    entity.get("id").and_then(Value::as_str).unwrap_or_default()
}

fn name_of(entity: &Value) -> &str {
    entity
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// Every object's folder and unique slug, by id.
fn place_pages(snapshot: &Snapshot) -> HashMap<String, Page> {
    let mut pages = HashMap::new();
    let mut taken: HashMap<String, usize> = HashMap::new();
    for list in List::ALL {
        for entity in snapshot.list(list) {
            let kind_dir = if list == List::Flows {
                let ty = entity.get("type").and_then(Value::as_str).unwrap_or("flow");
                format!("flows/{}", ty.to_lowercase())
            } else {
                list.kind().dir()
            };
            let base = slug(name_of(entity));
            let n = taken.entry(format!("{kind_dir}/{base}")).or_insert(0);
            *n += 1;
            let slug = if *n == 1 { base } else { format!("{base}-{n}") };
            let title = name_of(entity).to_string();
            pages.insert(
                id_of(entity).to_string(),
                Page {
                    kind_dir,
                    slug,
                    title,
                },
            );
        }
    }
    pages
}

fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "page".into() } else { out }
}

/// Escapes the characters Markdown would read as markup in link text and table cells.
fn md_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '[' | ']' | '|' | '*' | '_' | '<' | '>' | '#' | '`'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Flows that use each resource id, from the flow documents' manifests.
fn used_by(snapshot: &Snapshot) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for flow in snapshot.list(List::Flows) {
        let Some(manifest) = snapshot.document_for(flow).and_then(|d| d.get("manifest")) else {
            continue;
        };
        for used in manifest.as_object().into_iter().flat_map(|m| m.values()) {
            for r in used.as_array().into_iter().flatten() {
                if let Some(id) = r.get("id").and_then(Value::as_str) {
                    out.entry(id.to_string())
                        .or_default()
                        .push(id_of(flow).to_string());
                }
            }
        }
    }
    out
}

fn link(from: &Page, to: &Page) -> String {
    let depth = from.kind_dir.split('/').count();
    format!("{}{}/{}.md", "../".repeat(depth), to.kind_dir, to.slug)
}

fn front_matter(fields: Map<String, Value>) -> String {
    let yaml = serde_yaml_ng::to_string(&Value::Object(fields))
        .expect("JSON values always serialize to YAML");
    format!("---\n{yaml}---\n\n")
}

fn object_page(
    entity: &Value,
    page: &Page,
    kind: &str,
    users: Option<&Vec<String>>,
    pages: &HashMap<String, Page>,
) -> String {
    let mut fields = Map::new();
    fields.insert("title".into(), json!(page.title));
    fields.insert("kind".into(), json!(kind));
    fields.insert("id".into(), json!(id_of(entity)));
    if let Some(d) = entity
        .get("description")
        .and_then(Value::as_str)
        .filter(|d| !d.is_empty())
    {
        fields.insert("description".into(), json!(d));
    }
    let mut out = front_matter(fields);
    let _ = writeln!(
        out,
        "# {}\n\n| property | value |\n| --- | --- |",
        md_text(&page.title)
    );
    for (key, value) in entity.as_object().into_iter().flatten() {
        let shown = match value {
            Value::String(s) => s.clone(),
            Value::Number(_) | Value::Bool(_) => value.to_string(),
            Value::Object(o) => match o.get("name").and_then(Value::as_str) {
                Some(name) => name.to_string(),
                None => continue,
            },
            _ => continue,
        };
        let _ = writeln!(out, "| {key} | {} |", md_text(&shown));
    }
    out.push_str("\n## Used by\n\n");
    let mut flows: Vec<&Page> = users
        .into_iter()
        .flatten()
        .filter_map(|id| pages.get(id))
        .collect();
    flows.sort_by(|a, b| a.title.cmp(&b.title));
    flows.dedup_by(|a, b| a.slug == b.slug && a.kind_dir == b.kind_dir);
    if flows.is_empty() {
        out.push_str("No flow uses it.\n");
    }
    for flow in flows {
        let _ = writeln!(out, "- [{}]({})", md_text(&flow.title), link(page, flow));
    }
    out
}

fn flow_page(
    snapshot: &Snapshot,
    flow: &Value,
    page: &Page,
    pages: &HashMap<String, Page>,
) -> String {
    let doc = snapshot.document_for(flow);
    let uses = doc.map(manifest_uses).unwrap_or_default();
    let mut out = front_matter(flow_fields(flow, page, &uses));
    let _ = writeln!(out, "# {}\n", md_text(&page.title));
    let Some(doc) = doc else {
        out.push_str(
            "This flow has no published version; it is documented from its metadata only.\n",
        );
        return out;
    };
    out.push_str("## References\n\n| kind | name |\n| --- | --- |\n");
    for (kind, refs) in &uses {
        for (id, name) in refs {
            let shown = match pages.get(id) {
                Some(to) => format!("[{}]({})", md_text(name), link(page, to)),
                None => md_text(name),
            };
            let _ = writeln!(out, "| {kind} | {shown} |");
        }
    }
    let mermaid = diagram(doc).to_mermaid();
    let _ = write!(
        out,
        "\n## Diagram\n\n```mermaid\n{mermaid}```\n\n## Containers\n"
    );
    for container in list_at(doc, "flowSequenceItemList") {
        let title = md_text(name_of(container));
        let _ = writeln!(out, "\n### {title}\n\n| step | type |\n| --- | --- |");
        for action in actions_of(container) {
            let ty = str_at(action, "__type").unwrap_or_default();
            let _ = writeln!(out, "| {} | {ty} |", md_text(name_of(action)));
        }
    }
    out
}

/// A flow page's front matter keys (docs/internals.md, section 2).
fn flow_fields(
    flow: &Value,
    page: &Page,
    uses: &BTreeMap<String, Vec<(String, String)>>,
) -> Map<String, Value> {
    let mut fields = Map::new();
    fields.insert("title".into(), json!(page.title));
    fields.insert("kind".into(), json!("flow"));
    fields.insert("id".into(), json!(id_of(flow)));
    let flow_type = str_at(flow, "type").unwrap_or_default().to_lowercase();
    fields.insert("flow_type".into(), json!(flow_type));
    if let Some(d) = flow.pointer("/division/name") {
        fields.insert("division".into(), d.clone());
    }
    if let Some(v) = flow.pointer("/publishedVersion/id") {
        fields.insert("published_version".into(), v.clone());
    }
    if !uses.is_empty() {
        let mut by_kind = Map::new();
        for (kind, refs) in uses {
            let list: Vec<Value> = refs
                .iter()
                .map(|(id, name)| json!({"id": id, "name": name}))
                .collect();
            by_kind.insert(kind.clone(), json!(list));
        }
        fields.insert("uses".into(), Value::Object(by_kind));
    }
    fields
}

/// The manifest as kind word → (id, name), sorted by kind and name.
fn manifest_uses(doc: &Value) -> BTreeMap<String, Vec<(String, String)>> {
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (kind, list) in doc
        .get("manifest")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let word = match kind.as_str() {
            "queue" => "queue",
            "acdSkill" => "skill",
            "dataAction" => "data-action",
            "dataTable" => "data-table",
            "userPrompt" => "prompt",
            "scheduleGroup" => "schedule-group",
            "emergencyGroup" => "emergency-group",
            _ => continue,
        };
        for r in list.as_array().into_iter().flatten() {
            let id = r
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            out.entry(word.into())
                .or_default()
                .push((id, name_of(r).to_string()));
        }
    }
    for refs in out.values_mut() {
        refs.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    }
    out
}

/// A container's actions: its action list, or a menu's choices.
fn actions_of(container: &Value) -> Vec<&Value> {
    if let Some(list) = container.get("actionList").and_then(Value::as_array) {
        return list.iter().collect();
    }
    container
        .get("menuChoiceList")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| c.get("action"))
        .collect()
}

fn shape_of(ty: &str) -> Shape {
    match ty {
        "DecisionAction" | "SwitchAction" | "EvaluateScheduleGroupAction" | "LoopAction" => {
            Shape::Decision
        }
        "TransferPureMatchAction" => Shape::Transfer,
        "DataAction" | "DataTableLookupAction" => Shape::DataAction,
        "DisconnectAction" | "EndTaskAction" | "EndWorkflowAction" => Shape::Terminal,
        "TransferMenuAction" | "TransferTaskAction" | "TaskAction" => Shape::Jump,
        _ => Shape::Step,
    }
}

/// The string at `key`, when there is one.
fn str_at<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

/// The elements of the array at `key` (none when absent).
fn list_at<'a>(value: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    value
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

/// A diagram being built, with the node id given to each action or container id.
#[derive(Default)]
struct DiagramBuilder {
    graph: Graph,
    node_of: HashMap<String, String>,
}

impl DiagramBuilder {
    fn node(&mut self, key: &str, label: &str, shape: Shape) -> String {
        let id = format!("n{}", self.graph.nodes.len() + 1);
        self.graph.nodes.push(Node {
            id: id.clone(),
            label: label.to_string(),
            shape,
            link: None,
        });
        self.node_of.insert(key.to_string(), id.clone());
        id
    }

    fn edge(&mut self, from: &str, to: Option<&str>, label: Option<String>, dotted: bool) {
        let to = to.and_then(|t| self.node_of.get(t));
        if let (Some(from), Some(to)) = (self.node_of.get(from), to) {
            let (from, to) = (from.clone(), to.clone());
            self.graph.edges.push(Edge {
                from,
                to,
                label,
                dotted,
            });
        }
    }

    fn container_nodes(&mut self, n: usize, container: &Value) {
        let ty = str_at(container, "__type").unwrap_or_default();
        let head = if ty == "Menu" {
            Shape::Menu
        } else {
            Shape::Start
        };
        let mut nodes = vec![self.node(id_of(container), name_of(container), head)];
        for action in actions_of(container) {
            let shape = shape_of(str_at(action, "__type").unwrap_or_default());
            nodes.push(self.node(id_of(action), name_of(action), shape));
        }
        let label = format!("{ty}: {}", name_of(container));
        let id = format!("g{n}");
        self.graph.groups.push(Group { id, label, nodes });
    }

    fn container_edges(&mut self, container: &Value) {
        let cid = id_of(container);
        self.edge(cid, str_at(container, "startAction"), None, false);
        for choice in list_at(container, "menuChoiceList") {
            let digit = choice.get("digit").map(Value::to_string);
            let action = choice.pointer("/action/id").and_then(Value::as_str);
            self.edge(cid, action, digit, false);
        }
        for action in actions_of(container) {
            let aid = id_of(action);
            self.edge(aid, str_at(action, "nextAction"), None, false);
            for path in list_at(action, "paths").chain(action.get("path")) {
                let label = str_at(path, "label").map(str::to_string);
                self.edge(aid, str_at(path, "nextActionId"), label, false);
            }
            for key in ["menuReference", "taskReference"] {
                self.edge(aid, str_at(action, key), None, true);
            }
        }
    }
}

/// One diagram for the whole flow: a group per container, an edge per path.
fn diagram(doc: &Value) -> Graph {
    let mut builder = DiagramBuilder::default();
    let containers: Vec<&Value> = list_at(doc, "flowSequenceItemList").collect();
    for (i, container) in containers.iter().enumerate() {
        builder.container_nodes(i + 1, container);
    }
    for container in &containers {
        builder.container_edges(container);
    }
    builder.graph
}
