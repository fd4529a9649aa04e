//! Where every page lives in the content tree, and relative links between pages.

use std::collections::BTreeMap;

use super::slug;
use crate::kind::{DOCUMENTED, ObjectKind};
use crate::org::{ObjectKey, Org};

/// The page path of every object and flow, `/`-separated inside the content tree.
#[derive(Debug, Clone, Default)]
pub struct Paths {
    pages: BTreeMap<ObjectKey, String>,
}

impl Paths {
    /// Assigns a slug to every object, folder by folder.
    pub fn new(org: &Org) -> Paths {
        let mut pages = BTreeMap::new();
        let mut by_type: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for flow in &org.flows {
            by_type
                .entry(flow_dir(&flow.flow_type))
                .or_default()
                .push((flow.id.clone(), flow.name.clone()));
        }
        for (dir, items) in by_type {
            for (id, slug) in slug::assign(&items) {
                pages.insert((ObjectKind::Flow, id), format!("flows/{dir}/{slug}.md"));
            }
        }
        for kind in DOCUMENTED.iter().filter(|k| **k != ObjectKind::Flow) {
            let items: Vec<(String, String)> = org
                .objects_of(kind)
                .iter()
                .map(|o| (o.id.clone(), o.name.clone()))
                .collect();
            for (id, slug) in slug::assign(&items) {
                pages.insert((kind.clone(), id), format!("{}/{slug}.md", kind.dir()));
            }
        }
        Paths { pages }
    }

    /// The page of an object, when it has one.
    pub fn page(&self, kind: &ObjectKind, id: &str) -> Option<&str> {
        self.pages
            .get(&(kind.clone(), id.to_string()))
            .map(String::as_str)
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
