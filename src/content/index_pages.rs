//! Index pages: `_index.md` for the organization (counts per kind, gaps) and one per kind,
//! sorted by name; the flows index is grouped by flow type.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::markdown as md;
use super::paths::flow_dir;
use super::yaml::FrontMatter;
use super::{Page, Paths};
use crate::kind::{DOCUMENTED, ObjectKind};
use crate::org::Org;

/// The root index and one index per documented kind.
pub fn render(org: &Org, paths: &Paths) -> Vec<Page> {
    let mut pages = vec![root(org)];
    for kind in DOCUMENTED {
        let body = if kind == ObjectKind::Flow {
            flows(org, paths)
        } else {
            objects(org, paths, &kind)
        };
        let path = format!("{}/_index.md", kind.dir());
        let mut text = index_front_matter(&kind.plural_title(), None);
        let _ = writeln!(text, "\n# {}\n", md::text(&kind.plural_title()));
        text.push_str(&not_read(org, &kind));
        text.push_str(&body);
        pages.push(Page {
            path,
            kind: None,
            text,
        });
    }
    pages
}

fn index_front_matter(title: &str, description: Option<String>) -> String {
    FrontMatter {
        title: title.to_string(),
        kind: "index".to_string(),
        description,
        ..FrontMatter::default()
    }
    .render()
}

/// How many pages a kind has.
pub fn count(org: &Org, kind: &ObjectKind) -> usize {
    match kind {
        ObjectKind::Flow => org.flows.len(),
        other => org.objects_of(other).len(),
    }
}

fn root(org: &Org) -> Page {
    let title = org
        .name
        .clone()
        .unwrap_or_else(|| "Organization".to_string());
    let mut text = index_front_matter(&title, None);
    let _ = writeln!(text, "\n# {}\n", md::text(&title));
    if let Some(id) = &org.id {
        let _ = writeln!(text, "Organization id {}.\n", md::code(id));
    }
    text.push_str(&md::header(&["Kind", "Count"]));
    for kind in DOCUMENTED {
        let link = md::link(&kind.plural_title(), &format!("{}/_index.md", kind.dir()));
        let n = if org.was_read(&kind) {
            count(org, &kind).to_string()
        } else {
            "not read".to_string()
        };
        text.push_str(&md::row(&[link, n]));
    }
    text.push('\n');
    if !org.gaps.is_empty() {
        let _ = writeln!(
            text,
            "## Gaps\n\n{} things could not be documented:\n",
            org.gaps.len()
        );
        for gap in &org.gaps {
            let what = gap.id.as_deref().unwrap_or(&gap.endpoint);
            let _ = writeln!(
                text,
                "- {} {}: {}",
                md::text(gap.kind.as_str()),
                md::code(what),
                md::text(&gap.message)
            );
        }
        text.push('\n');
    }
    Page {
        path: "_index.md".to_string(),
        kind: None,
        text,
    }
}

fn not_read(org: &Org, kind: &ObjectKind) -> String {
    if org.was_read(kind) {
        return String::new();
    }
    format!(
        "> **Not read:** the {} list was not read in this run (see the gaps on the [organization page](../_index.md)).\n\n",
        kind.plural_title().to_lowercase()
    )
}

fn usage_note(org: &Org, kind: &ObjectKind, id: &str) -> String {
    let flows = org
        .usages_of(kind, id)
        .iter()
        .map(|u| u.flow.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    match flows {
        0 => "not used by any flow".to_string(),
        1 => "used by 1 flow".to_string(),
        n => format!("used by {n} flows"),
    }
}

fn objects(org: &Org, paths: &Paths, kind: &ObjectKind) -> String {
    let list = org.objects_of(kind);
    if list.is_empty() {
        return format!("No {}.\n", kind.plural_title().to_lowercase());
    }
    let from = format!("{}/_index.md", kind.dir());
    let mut out = String::new();
    for object in list {
        let link = paths
            .link(&from, kind, &object.id, None)
            .expect("every object has a page");
        let name = if object.name.is_empty() {
            &object.id
        } else {
            &object.name
        };
        let _ = writeln!(
            out,
            "- {} — {}",
            md::link(name, &link),
            usage_note(org, kind, &object.id)
        );
    }
    out
}

fn flows(org: &Org, paths: &Paths) -> String {
    if org.flows.is_empty() {
        return "No flows.\n".to_string();
    }
    let mut by_type: BTreeMap<String, Vec<&crate::org::Flow>> = BTreeMap::new();
    for flow in &org.flows {
        by_type
            .entry(flow_dir(&flow.flow_type))
            .or_default()
            .push(flow);
    }
    let mut out = String::new();
    for (dir, flows) in by_type {
        let _ = writeln!(out, "## {}\n", md::code(&dir));
        for flow in flows {
            let link = paths
                .link("flows/_index.md", &ObjectKind::Flow, &flow.id, None)
                .expect("every flow has a page");
            let name = if flow.name.is_empty() {
                &flow.id
            } else {
                &flow.name
            };
            let mut line = format!("- {}", md::link(name, &link));
            if let Some(v) = &flow.published_version {
                let _ = write!(line, " — published {}", md::code(v));
            } else {
                line.push_str(" — not published");
            }
            if flow.no_graph.is_some() && flow.published_version.is_some() {
                line.push_str(", not documented in detail");
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    out
}
