//! Where every page lives in the content tree, and relative links between pages.

use std::collections::{BTreeMap, HashMap};

use super::anchors::Anchors;
use super::slug;
use crate::kind::{DOCUMENTED, ObjectKind};
use crate::org::Org;

/// The page path of every object and flow, `/`-separated inside the content tree, and the
/// section anchors of every flow page.
#[derive(Debug, Default)]
pub struct Paths {
    pages: HashMap<ObjectKind, HashMap<String, String>>,
    anchors: HashMap<String, Anchors>,
}

impl Paths {
    /// Assigns a slug to every object, folder by folder.
    pub fn new(org: &Org) -> Paths {
        let mut pages: HashMap<ObjectKind, HashMap<String, String>> = HashMap::new();
        let mut by_type: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for flow in &org.flows {
            by_type
                .entry(flow_dir(&flow.flow_type))
                .or_default()
                .push((flow.id.clone(), flow.name.clone()));
        }
        for (dir, items) in by_type {
            let flows = pages.entry(ObjectKind::Flow).or_default();
            for (id, slug) in slug::assign(&items) {
                flows.insert(id, format!("flows/{dir}/{slug}.md"));
            }
        }
        for kind in DOCUMENTED.iter().filter(|k| **k != ObjectKind::Flow) {
            let items: Vec<(String, String)> = org
                .objects_of(kind)
                .iter()
                .map(|o| (o.id.clone(), o.name.clone()))
                .collect();
            let objects = pages.entry(kind.clone()).or_default();
            for (id, slug) in slug::assign(&items) {
                objects.insert(id, format!("{}/{slug}.md", kind.dir()));
            }
        }
        let anchors = org
            .flows
            .iter()
            .filter_map(|f| Some((f.id.clone(), Anchors::new(f.graph.as_ref()?))))
            .collect();
        Paths { pages, anchors }
    }

    /// The section anchors of a flow page, when the flow has a graph.
    pub fn anchors(&self, flow_id: &str) -> Option<&Anchors> {
        self.anchors.get(flow_id)
    }

    /// The page of an object, when it has one.
    pub fn page(&self, kind: &ObjectKind, id: &str) -> Option<&str> {
        self.pages.get(kind)?.get(id).map(String::as_str)
    }

    /// A relative link from the page `from` to the page of an object, with an optional
    /// anchor.
    pub fn link(
        &self,
        from: &str,
        kind: &ObjectKind,
        id: &str,
        anchor: Option<&str>,
    ) -> Option<String> {
        let to = self.page(kind, id)?;
        Some(relative(from, to, anchor))
    }
}

/// The folder of one flow type under `flows/`.
pub fn flow_dir(flow_type: &str) -> String {
    let dir = slug::base(flow_type);
    if dir == "unnamed" {
        "unknown".to_string()
    } else {
        dir
    }
}

/// The relative path from page `from` to page `to` (both tree-relative), with an anchor.
pub fn relative(from: &str, to: &str, anchor: Option<&str>) -> String {
    let from_dir: Vec<&str> = from.split('/').collect::<Vec<_>>();
    let from_dir = &from_dir[..from_dir.len().saturating_sub(1)];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let common = common.min(to_parts.len().saturating_sub(1));
    let mut out = "../".repeat(from_dir.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    if let Some(anchor) = anchor {
        out.push('#');
        out.push_str(anchor);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_climb_only_what_they_must() {
        assert_eq!(
            relative("flows/inboundcall/a.md", "queues/q.md", None),
            "../../queues/q.md"
        );
        assert_eq!(
            relative("queues/q.md", "flows/inboundcall/a.md", Some("a-1")),
            "../flows/inboundcall/a.md#a-1"
        );
        assert_eq!(relative("queues/q.md", "queues/r.md", None), "r.md");
        assert_eq!(
            relative("_index.md", "queues/_index.md", None),
            "queues/_index.md"
        );
        assert_eq!(
            relative("flows/_index.md", "flows/bot/b.md", None),
            "bot/b.md"
        );
    }
}
