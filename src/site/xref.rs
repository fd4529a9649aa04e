//! Cross-references from front matter `uses:`: for every object some page uses, the pages
//! that use it. An object with its own page (same kind and id) lists them there; any other
//! object gets a generated page under `xref/`. Each kind gets an index with counts.

use std::collections::{BTreeMap, HashMap};

use super::load::Page;

/// One used object and the pages that use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object {
    /// The kind word (`queue`).
    pub kind: String,
    /// The Genesys id, when the reference has one.
    pub id: Option<String>,
    /// The name shown (the object page's title when there is one).
    pub name: String,
    /// A dynamic reference (the name is an expression).
    pub dynamic: bool,
    /// Indexes of the pages that use the object, sorted by title then path.
    pub users: Vec<usize>,
    /// Index of the object's own page, if the tree has one.
    pub page: Option<usize>,
    /// Site path of the page that lists the users: the own page, or the generated one.
    pub url: String,
}

/// All cross-references of a tree.
#[derive(Debug, Clone, Default)]
pub struct Xref {
    /// Every used object, sorted by kind, then name.
    pub objects: Vec<Object>,
    /// For an object page (by page index), the object it describes.
    pub by_page: HashMap<usize, usize>,
}

impl Xref {
    /// The kinds present, each with its objects' indexes, in kind order.
    pub fn kinds(&self) -> BTreeMap<&str, Vec<usize>> {
        let mut kinds: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (index, object) in self.objects.iter().enumerate() {
            kinds.entry(object.kind.as_str()).or_default().push(index);
        }
        kinds
    }
}

/// Site path of the index of one kind's cross-references.
pub fn kind_index_url(kind: &str) -> String {
    format!(
        "xref/{}/index.html",
        crate::kind::ObjectKind::parse(kind).dir()
    )
}

/// Builds the cross-references of `pages`.
pub fn build(pages: &[Page]) -> Xref {
    let own: HashMap<(&str, &str), usize> = pages
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some(((p.front.kind.as_deref()?, p.front.id.as_deref()?), i)))
        .collect();
    let mut found: BTreeMap<(String, String), Object> = BTreeMap::new();
    for (index, page) in pages.iter().enumerate() {
        for (kind, uses) in &page.front.uses {
            for used in uses {
                let Some((key, name)) = key_and_name(used) else {
                    continue;
                };
                let object = found.entry((kind.clone(), key)).or_insert_with(|| Object {
                    kind: kind.clone(),
                    id: used.id.clone(),
                    name,
                    dynamic: used.dynamic,
                    users: Vec::new(),
                    page: None,
                    url: String::new(),
                });
                if object.users.last() != Some(&index) {
                    object.users.push(index);
                }
            }
        }
    }
    let mut objects: Vec<Object> = found.into_values().collect();
    for object in &mut objects {
        object.page = object
            .id
            .as_deref()
            .and_then(|id| own.get(&(object.kind.as_str(), id)).copied());
        if let Some(page) = object.page {
            object.name = pages[page].title.clone();
        }
        object.users.sort_by(|a, b| {
            (pages[*a].title.to_lowercase(), &pages[*a].source)
                .cmp(&(pages[*b].title.to_lowercase(), &pages[*b].source))
        });
    }
    objects.sort_by(|a, b| {
        (&a.kind, a.name.to_lowercase(), &a.id).cmp(&(&b.kind, b.name.to_lowercase(), &b.id))
    });
    assign_urls(&mut objects, pages);
    let by_page = objects
        .iter()
        .enumerate()
        .filter_map(|(i, o)| Some((o.page?, i)))
        .collect();
    Xref { objects, by_page }
}

/// The key an object is known by (its id, else its name) and the name to show.
fn key_and_name(used: &super::load::Use) -> Option<(String, String)> {
    let name = used.name.clone().filter(|n| !n.is_empty());
    match (&used.id, name) {
        (Some(id), name) if !id.is_empty() => {
            Some((format!("id:{id}"), name.unwrap_or_else(|| id.clone())))
        }
        (_, Some(name)) => Some((format!("name:{name}"), name)),
        _ => None,
    }
}

fn assign_urls(objects: &mut [Object], pages: &[Page]) {
    let mut taken: HashMap<String, usize> = HashMap::new();
    for object in objects.iter_mut() {
        if let Some(page) = object.page {
            object.url = pages[page].url.clone();
            continue;
        }
        let dir = crate::kind::ObjectKind::parse(&object.kind).dir();
        let base = slugify(object.id.as_deref().unwrap_or(&object.name));
        let url = format!("xref/{dir}/{base}");
        let count = taken.entry(url.clone()).or_insert(0);
        *count += 1;
        object.url = if *count == 1 {
            format!("{url}.html")
        } else {
            format!("{url}-{count}.html")
        };
    }
}

/// A file-name-safe slug: ASCII letters and digits, `-` between words, at most 60 characters;
/// `object` when nothing is left. `index` is avoided so it never clashes with a kind index.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    match slug.as_str() {
        "" => "object".into(),
        "index" => "index-object".into(),
        _ => slug,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::load::parse_page;

    fn page(source: &str, front: &str) -> Page {
        parse_page(source, &format!("---\n{front}---\nbody\n")).0
    }

    #[test]
    fn objects_list_their_users_and_find_their_own_page() {
        let pages = vec![
            page(
                "flows/b.md",
                "title: Billing\nkind: flow\nuses:\n  queue:\n    - {id: q1, name: Claims}\n    - {name: \"${Task.q}\", dynamic: true}\n",
            ),
            page(
                "flows/a.md",
                "title: Arrivals\nkind: flow\nuses:\n  queue:\n    - {id: q1, name: Claims}\n  user:\n    - {id: u1, name: \"<script>alert(1)</script>\"}\n",
            ),
            page(
                "queues/claims.md",
                "title: Claims FR\nkind: queue\nid: q1\n",
            ),
            page(
                "guides/manual.md",
                "title: Manual\nuses:\n  queue:\n    - {id: q1}\n",
            ),
        ];
        let xref = build(&pages);
        let summary: Vec<(String, String, Vec<usize>, String)> = xref
            .objects
            .iter()
            .map(|o| {
                (
                    o.kind.clone(),
                    o.name.clone(),
                    o.users.clone(),
                    o.url.clone(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    "queue".into(),
                    "${Task.q}".into(),
                    vec![0],
                    "xref/queues/task-q.html".into()
                ),
                (
                    "queue".into(),
                    "Claims FR".into(),
                    vec![1, 0, 3],
                    "queues/claims.html".into()
                ),
                (
                    "user".into(),
                    "<script>alert(1)</script>".into(),
                    vec![1],
                    "xref/users/u1.html".into()
                ),
            ]
        );
        assert_eq!(xref.by_page.get(&2), Some(&1));
        assert_eq!(
            xref.kinds().keys().copied().collect::<Vec<_>>(),
            vec!["queue", "user"]
        );
    }

    #[test]
    fn slugs_are_safe_and_never_empty() {
        assert_eq!(
            slugify("<script>alert(1)</script>"),
            "script-alert-1-script"
        );
        assert_eq!(slugify("請求"), "object");
        assert_eq!(slugify("Index"), "index-object");
    }
}
