//! One object's page: front matter, settings in readable units, the objects it points at, and
//! **Used by**: every flow node and object that uses it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::anchors;
use super::markdown as md;
use super::yaml::{FrontMatter, Use};
use super::{Page, Paths, settings};
use crate::kind::ObjectKind;
use crate::org::{Object, Org, Place, Resolution};

/// Renders the page of one object.
pub fn render(org: &Org, paths: &Paths, object: &Object) -> Page {
    let path = paths
        .page(&object.kind, &object.id)
        .expect("every object has a page path")
        .to_string();
    let mut out = front_matter(org, object).render();
    let _ = writeln!(out, "\n# {}\n", md::text(&title(object)));
    let _ = writeln!(
        out,
        "{} in {}.\n",
        object.kind.title(),
        md::link(&object.kind.plural_title(), "_index.md")
    );
    if let Some(description) = &object.description {
        out.push_str(&md::paragraphs(description));
        out.push('\n');
    }
    out.push_str("## Settings\n\n");
    out.push_str(&md::header(&["Setting", "Value"]));
    for (label, value) in settings::rows(object) {
        out.push_str(&md::row(&[label, value]));
    }
    out.push('\n');
    out.push_str(&links(org, paths, &path, object));
    out.push_str(&used_by(org, paths, &path, object));
    Page {
        path,
        kind: Some(object.kind.clone()),
        text: out,
    }
}

fn title(object: &Object) -> String {
    if object.name.is_empty() {
        format!("{} {}", object.kind.title(), object.id)
    } else {
        object.name.clone()
    }
}

/// The front matter of an object page, straight from the model.
pub fn front_matter(org: &Org, object: &Object) -> FrontMatter {
    let mut by_kind: BTreeMap<ObjectKind, Vec<Use>> = BTreeMap::new();
    for link in &object.links {
        let t = &link.target;
        let entry = match &t.resolution {
            Resolution::Found(id) => Use {
                id: Some(id.clone()),
                name: org.name_of(&t.kind, id).unwrap_or(&t.name).to_string(),
                dynamic: false,
            },
            _ => Use {
                id: t.id.clone(),
                name: t.name.clone(),
                dynamic: false,
            },
        };
        by_kind.entry(t.kind.clone()).or_default().push(entry);
    }
    let uses = by_kind
        .into_iter()
        .map(|(kind, mut list)| {
            list.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
            list.dedup();
            (kind, list)
        })
        .collect();
    FrontMatter {
        title: title(object),
        kind: object.kind.as_str().to_string(),
        id: Some(object.id.clone()),
        flow: None,
        description: object.description.clone(),
        uses,
        gaps: object_gaps(org, object),
    }
}

fn object_gaps(org: &Org, object: &Object) -> Vec<String> {
    let mut gaps: Vec<String> = org
        .gaps
        .iter()
        .filter(|g| g.kind == object.kind && g.id.as_deref() == Some(object.id.as_str()))
        .map(|g| g.message.clone())
        .collect();
    if !org.was_read(&ObjectKind::Flow) {
        gaps.push("flows were not read, so the flows that use this object are unknown".into());
    }
    gaps
}

fn links(org: &Org, paths: &Paths, from: &str, object: &Object) -> String {
    if object.links.is_empty() {
        return String::new();
    }
    let mut out = String::from("## Linked objects\n\n");
    out.push_str(&md::header(&["Role", "Object"]));
    for link in &object.links {
        let t = &link.target;
        let cell = match t.found() {
            Some(id) => {
                let name = org.name_of(&t.kind, id).unwrap_or(&t.name);
                match paths.link(from, &t.kind, id, None) {
                    Some(href) => md::link(name, &href),
                    None => md::text(name),
                }
            }
            None => {
                let id =
                    t.id.as_deref()
                        .map(|i| format!(", id {}", md::cell_code(i)));
                format!(
                    "{} (not found in the org{})",
                    md::text(&t.name),
                    id.unwrap_or_default()
                )
            }
        };
        out.push_str(&md::row(&[md::text(&link.role), cell]));
    }
    out.push('\n');
    out
}

fn used_by(org: &Org, paths: &Paths, from: &str, object: &Object) -> String {
    // The heading itself gives the `#used-by` anchor, on GitHub and on the site.
    let mut out = "## Used by\n\n".to_string();
    let usages = org.usages_of(&object.kind, &object.id);
    let referrers = org.referrers_of(&object.kind, &object.id);
    if usages.is_empty() && referrers.is_empty() {
        let _ = writeln!(
            out,
            "Nothing in the org uses this {}.\n",
            object.kind.title().to_lowercase()
        );
        return out;
    }
    let mut by_flow: BTreeMap<(String, String, String), Vec<Place>> = BTreeMap::new();
    for usage in usages {
        let Some(flow) = org.flow(&usage.flow) else {
            continue;
        };
        let key = (flow.name.to_lowercase(), flow.name.clone(), flow.id.clone());
        by_flow.entry(key).or_default().push(usage.place);
    }
    for ((_, _, flow_id), places) in by_flow {
        let flow = org.flow(&flow_id).expect("usages name existing flows");
        let page = paths
            .link(from, &ObjectKind::Flow, &flow.id, None)
            .expect("every flow has a page");
        let _ = writeln!(out, "- Flow {}", md::link(&flow.name, &page));
        let anchors = paths.anchors(&flow.id);
        for place in places {
            let text = anchors::describe(flow, place);
            let anchor = anchors.as_ref().map_or("summary", |a| a.place(place));
            let _ = writeln!(out, "  - {}", md::link(&text, &format!("{page}#{anchor}")));
        }
    }
    for referrer in referrers {
        let (kind, id) = &referrer.from;
        let name = org.name_of(kind, id).unwrap_or(id);
        let href = paths
            .link(from, kind, id, None)
            .expect("every object has a page");
        let _ = writeln!(
            out,
            "- {} {} — {}",
            kind.title(),
            md::link(name, &href),
            md::text(&referrer.role.to_lowercase())
        );
    }
    out.push('\n');
    out
}
