//! The tree's folders and what the theme shows to move around: the sidebar (sections by
//! kind, the current folder opened), breadcrumbs and the counts on the home page.

use std::collections::BTreeMap;

use serde::Serialize;

use super::load::Page;

/// One folder of the content tree.
#[derive(Debug, Clone, Default)]
pub struct Folder {
    /// Path inside the tree, `/`-separated, empty for the top.
    pub path: String,
    /// Title: its `_index.md` title, else the kind's plural title, else the folder name.
    pub title: String,
    /// Its `_index.md` page, if any.
    pub index: Option<usize>,
    /// Other pages directly inside, sorted by weight, then title.
    pub pages: Vec<usize>,
    /// Sub-folder paths, sorted by title.
    pub folders: Vec<String>,
    /// Pages anywhere below, index pages excluded.
    pub count: usize,
}

impl Folder {
    /// Site path of the folder's index page (written even when there is no `_index.md`).
    pub fn url(&self) -> String {
        if self.path.is_empty() {
            "index.html".into()
        } else {
            format!("{}/index.html", self.path)
        }
    }
}

/// Every folder, by path.
pub type Folders = BTreeMap<String, Folder>;

/// Groups the pages into folders (every ancestor of a page is a folder).
pub fn folders(pages: &[Page]) -> Folders {
    let mut folders: Folders = BTreeMap::new();
    folders.insert(String::new(), Folder::default());
    for (index, page) in pages.iter().enumerate() {
        let folder = page.folder().to_string();
        for ancestor in ancestors(&folder) {
            folders.entry(ancestor.clone()).or_insert_with(|| Folder {
                path: ancestor,
                ..Folder::default()
            });
        }
        let entry = folders.get_mut(&folder).expect("inserted above");
        if page.is_index() {
            entry.index = Some(index);
        } else {
            entry.pages.push(index);
        }
    }
    finish(&mut folders, pages);
    folders
}

/// `a/b/c` gives `["", "a", "a/b", "a/b/c"]`.
pub fn ancestors(folder: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut path = String::new();
    for part in folder.split('/').filter(|p| !p.is_empty()) {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(part);
        out.push(path.clone());
    }
    out
}

fn finish(folders: &mut Folders, pages: &[Page]) {
    let paths: Vec<String> = folders.keys().cloned().collect();
    for path in &paths {
        let folder = folders.get_mut(path).expect("listed above");
        folder.title = folder_title(folder, pages);
        folder
            .pages
            .sort_by(|a, b| page_order(&pages[*a]).cmp(&page_order(&pages[*b])));
        let count = folder.pages.len();
        for ancestor in ancestors(path) {
            folders
                .get_mut(&ancestor)
                .expect("every ancestor is a folder")
                .count += count;
        }
        if let Some((parent, _)) = path
            .rsplit_once('/')
            .or_else(|| (!path.is_empty()).then_some(("", path)))
        {
            folders
                .get_mut(parent)
                .expect("parent exists")
                .folders
                .push(path.clone());
        }
    }
    let titles: BTreeMap<String, String> = folders
        .iter()
        .map(|(p, f)| (p.clone(), f.title.to_lowercase()))
        .collect();
    for folder in folders.values_mut() {
        folder
            .folders
            .sort_by(|a, b| (&titles[a], a).cmp(&(&titles[b], b)));
    }
}

fn page_order(page: &Page) -> (i64, String, String) {
    (
        page.front.weight.unwrap_or(0),
        page.title.to_lowercase(),
        page.source.clone(),
    )
}

fn folder_title(folder: &Folder, pages: &[Page]) -> String {
    if let Some(index) = folder.index.filter(|i| pages[*i].front.title.is_some()) {
        return pages[index].title.clone();
    }
    let name = folder.path.rsplit('/').next().unwrap_or("");
    if name.is_empty() {
        return "Home".into();
    }
    if let Some(kind) = crate::kind::DOCUMENTED.iter().find(|k| k.dir() == name) {
        return kind.plural_title();
    }
    if let Some(title) = flow_type_title(name).filter(|_| folder.path.starts_with("flows/")) {
        return title.to_string();
    }
    let mut title = name.to_string();
    if let Some(first) = title.chars().next() {
        title.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    title
}

/// Titles of the flow-type folders under `flows/` (Architect's flow type words).
fn flow_type_title(word: &str) -> Option<&'static str> {
    Some(match word {
        "inboundcall" => "Inbound call",
        "inboundemail" => "Inbound email",
        "inboundshortmessage" => "Inbound message",
        "inboundchat" => "Inbound chat",
        "outboundcall" => "Outbound call",
        "inqueuecall" => "In-queue call",
        "inqueueemail" => "In-queue email",
        "inqueueshortmessage" => "In-queue message",
        "securecall" => "Secure call",
        "surveyinvite" => "Survey invite",
        "voicesurvey" => "Voice survey",
        "voicemail" => "Voicemail",
        "commonmodule" => "Common module",
        "bot" => "Bot",
        "digitalbot" => "Digital bot",
        "workflow" => "Workflow",
        "workitem" => "Work item",
        _ => return None,
    })
}

/// One line of the sidebar.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct NavItem {
    /// Text shown.
    pub title: String,
    /// Site path (the template makes it relative).
    pub url: String,
    /// Indentation level, 0 for sections.
    pub depth: usize,
    /// Pages below, for folders; none for pages.
    pub count: Option<usize>,
    /// This is the page being shown.
    pub current: bool,
    /// A folder on the way to the current page (shown open).
    pub open: bool,
}

/// The sidebar for a page in `folder` at site path `url`; folders list at most `limit` pages.
pub fn sidebar(
    folders: &Folders,
    pages: &[Page],
    folder: &str,
    url: &str,
    limit: usize,
) -> Vec<NavItem> {
    let chain = ancestors(folder);
    let mut items = Vec::new();
    expand(folders, pages, "", &chain, url, limit, &mut items);
    items
}

fn expand(
    folders: &Folders,
    pages: &[Page],
    path: &str,
    chain: &[String],
    url: &str,
    limit: usize,
    items: &mut Vec<NavItem>,
) {
    let folder = &folders[path];
    let depth = path.split('/').filter(|p| !p.is_empty()).count();
    for sub in &folder.folders {
        let child = &folders[sub];
        let open = chain.contains(sub);
        items.push(NavItem {
            title: child.title.clone(),
            url: child.url(),
            depth,
            count: Some(child.count),
            current: child.url() == url,
            open,
        });
        if open {
            expand(folders, pages, sub, chain, url, limit, items);
        }
    }
    let shown = limit;
    for &index in folder.pages.iter().take(shown) {
        items.push(page_item(&pages[index], depth, url));
    }
    let current_hidden = folder
        .pages
        .iter()
        .skip(shown)
        .position(|&i| pages[i].url == url);
    if let Some(position) = current_hidden {
        items.push(page_item(
            &pages[folder.pages[shown + position]],
            depth,
            url,
        ));
    }
    if folder.pages.len() > shown {
        items.push(NavItem {
            title: format!("All {} pages", folder.pages.len()),
            url: folder.url(),
            depth,
            count: None,
            current: false,
            open: false,
        });
    }
}

fn page_item(page: &Page, depth: usize, url: &str) -> NavItem {
    NavItem {
        title: page.title.clone(),
        url: page.url.clone(),
        depth,
        count: None,
        current: page.url == url,
        open: false,
    }
}

/// A link in the breadcrumb trail.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Crumb {
    /// Text shown.
    pub title: String,
    /// Site path.
    pub url: String,
}

/// Home, then every folder above the page (not the page itself; an index page stops at its
/// parent).
pub fn breadcrumbs(folders: &Folders, folder: &str, is_index: bool) -> Vec<Crumb> {
    let mut chain = ancestors(folder);
    if is_index {
        chain.pop();
    }
    chain
        .iter()
        .map(|path| Crumb {
            title: folders[path].title.clone(),
            url: folders[path].url(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::load::parse_page;

    fn tree() -> Vec<Page> {
        [
            "_index.md",
            "flows/inboundcall/b.md",
            "flows/inboundcall/a.md",
            "queues/_index.md",
            "queues/q.md",
            "guide.md",
        ]
        .iter()
        .map(|s| parse_page(s, "x").0)
        .collect()
    }

    #[test]
    fn folders_count_pages_below() {
        let pages = tree();
        let folders = folders(&pages);
        let summary: Vec<(&str, &str, usize)> = folders
            .values()
            .map(|f| (f.path.as_str(), f.title.as_str(), f.count))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("", "Home", 4),
                ("flows", "Flows", 2),
                ("flows/inboundcall", "Inbound call", 2),
                ("queues", "Queues", 1)
            ]
        );
        assert_eq!(folders["flows/inboundcall"].pages, vec![2, 1]);
    }

    #[test]
    fn sidebar_opens_the_current_folder_only() {
        let pages = tree();
        let folders = folders(&pages);
        let items = sidebar(
            &folders,
            &pages,
            "flows/inboundcall",
            "flows/inboundcall/a.html",
            1,
        );
        let lines: Vec<String> = items
            .iter()
            .map(|i| {
                format!(
                    "{}{}{}",
                    "  ".repeat(i.depth),
                    i.title,
                    if i.current { " *" } else { "" }
                )
            })
            .collect();
        assert_eq!(
            lines,
            vec![
                "Flows",
                "  Inbound call",
                "    a *",
                "    All 2 pages",
                "Queues",
                "guide"
            ]
        );
        let crumbs = breadcrumbs(&folders, "flows/inboundcall", false);
        assert_eq!(
            crumbs.iter().map(|c| c.url.as_str()).collect::<Vec<_>>(),
            vec![
                "index.html",
                "flows/index.html",
                "flows/inboundcall/index.html"
            ]
        );
    }
}
