//! Reads the content tree: every Markdown file, its YAML front matter and its body. Bad front
//! matter is gathered as a problem naming the file and line; the page is still built.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One object a page uses, from front matter `uses:`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
pub struct Use {
    /// The object's Genesys id; absent for a dynamic reference.
    #[serde(default)]
    pub id: Option<String>,
    /// The object's name, or the expression text of a dynamic reference.
    #[serde(default)]
    pub name: Option<String>,
    /// The reference is computed at run time (`name` holds the expression).
    #[serde(default)]
    pub dynamic: bool,
}

/// The front matter keys the site reads (docs/internals.md, section 2).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FrontMatter {
    /// Page title; the file name when absent.
    pub title: Option<String>,
    /// Object kind word, or `index`.
    pub kind: Option<String>,
    /// The object's Genesys id.
    pub id: Option<String>,
    /// One paragraph.
    pub description: Option<String>,
    /// Sort key inside its folder, before the title.
    pub weight: Option<i64>,
    /// The objects this page uses, by kind word.
    #[serde(default)]
    pub uses: BTreeMap<String, Vec<Use>>,
    /// What could not be documented on this page.
    #[serde(default)]
    pub gaps: Vec<String>,
    /// Every other key, available to templates as `page.extra`.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// One Markdown file of the content tree.
#[derive(Debug, Clone)]
pub struct Page {
    /// Path inside the content tree, `/`-separated (`flows/inboundcall/main.md`).
    pub source: String,
    /// Path of the HTML file inside the site (`flows/inboundcall/main.html`).
    pub url: String,
    /// Parsed front matter (empty when absent or unreadable).
    pub front: FrontMatter,
    /// The title shown: front matter `title`, else derived from the file name.
    pub title: String,
    /// The Markdown after the front matter.
    pub body: String,
    /// 1-based line of the content file where `body` starts.
    pub body_line: usize,
}

impl Page {
    /// The page is a folder index (`_index.md`).
    pub fn is_index(&self) -> bool {
        self.source == "_index.md" || self.source.ends_with("/_index.md")
    }

    /// The folder the page lives in, `/`-separated, empty for the top.
    pub fn folder(&self) -> &str {
        self.source.rsplit_once('/').map_or("", |(dir, _)| dir)
    }
}

/// Every page of the tree, sorted by source path, and the other files to copy.
#[derive(Debug, Default)]
pub struct Tree {
    /// The pages.
    pub pages: Vec<Page>,
    /// Files that are not Markdown (images, attachments), relative `/`-separated paths.
    pub assets: Vec<String>,
    /// Problems found while reading (bad front matter), one line each.
    pub problems: Vec<String>,
}

/// Reads every file under `content`, skipping dot files and folders.
pub fn read_tree(content: &Path) -> anyhow::Result<Tree> {
    let mut tree = Tree::default();
    let walker = walkdir::WalkDir::new(content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| anyhow::anyhow!("cannot list {}: {e}", content.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = relative_path(content, entry.path());
        if relative.ends_with(".md") {
            let text = crate::fsx::read_to_string(entry.path())?;
            let (page, problem) = parse_page(&relative, &text);
            tree.problems
                .extend(problem.map(|p| format!("{}: {p}", entry.path().display())));
            tree.pages.push(page);
        } else if relative != "gcdocs-run.json" {
            tree.assets.push(relative);
        }
    }
    tree.pages.sort_by(|a, b| a.source.cmp(&b.source));
    Ok(tree)
}

fn relative_path(root: &Path, path: &Path) -> String {
    let rel: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The site path of a content path: `x.md` to `x.html`, `_index.md` to `index.html`.
pub fn html_path(source: &str) -> String {
    let stem = source.strip_suffix(".md").unwrap_or(source);
    match stem.strip_suffix("_index") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("{dir}index.html"),
        _ => format!("{stem}.html"),
    }
}

/// Splits and parses one file. A problem is returned as `line N: message` (file lines).
pub fn parse_page(source: &str, text: &str) -> (Page, Option<String>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (yaml, body, body_line) = split_front_matter(text);
    let (front, problem) = match yaml {
        Some(yaml) => match parse_front_matter(yaml) {
            Ok(front) => (front, None),
            Err(problem) => (FrontMatter::default(), Some(problem)),
        },
        None => (FrontMatter::default(), None),
    };
    let title = front.title.clone().unwrap_or_else(|| default_title(source));
    let page = Page {
        source: source.to_string(),
        url: html_path(source),
        front,
        title,
        body: body.to_string(),
        body_line,
    };
    (page, problem)
}

/// The YAML between the `---` lines, the body after, and the body's first line number.
fn split_front_matter(text: &str) -> (Option<&str>, &str, usize) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text, 1);
    };
    let mut offset = 0;
    for (index, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return (Some(yaml), body, index + 3);
        }
        offset += line.len();
    }
    (None, text, 1)
}

fn parse_front_matter(yaml: &str) -> Result<FrontMatter, String> {
    if yaml.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    serde_yaml_ng::from_str(yaml).map_err(|e| {
        // The YAML starts on file line 2, after the opening `---`.
        let line = e.location().map_or(2, |l| l.line() + 1);
        let message = e.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        format!("line {line}: bad front matter: {message}")
    })
}

/// A title from the file name: `claims-fr.md` to `claims-fr`, `_index.md` to its folder name.
fn default_title(source: &str) -> String {
    let stem = source.strip_suffix(".md").unwrap_or(source);
    let mut parts = stem.rsplit('/');
    let last = parts.next().unwrap_or(stem);
    if last == "_index" {
        return parts
            .next()
            .map_or_else(|| "Home".to_string(), str::to_string);
    }
    last.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_html() {
        assert_eq!(html_path("_index.md"), "index.html");
        assert_eq!(html_path("queues/_index.md"), "queues/index.html");
        assert_eq!(html_path("queues/claims-fr.md"), "queues/claims-fr.html");
        assert_eq!(html_path("queues/my_index.md"), "queues/my_index.html");
    }

    #[test]
    fn front_matter_is_read() {
        let text = "---\ntitle: \"Claims: FR\"\nkind: queue\nid: q1\nweight: 3\nuses:\n  skill:\n    - {id: s1, name: French}\nextra_key: 7\n---\n# Body\n";
        let (page, problem) = parse_page("queues/claims.md", text);
        assert_eq!(problem, None);
        assert_eq!(page.title, "Claims: FR");
        assert_eq!(page.front.kind.as_deref(), Some("queue"));
        assert_eq!(page.front.uses["skill"][0].name.as_deref(), Some("French"));
        assert_eq!(page.front.extra["extra_key"], serde_json::json!(7));
        assert_eq!(page.body, "# Body\n");
        assert_eq!(page.body_line, 11);
    }

    #[test]
    fn bad_front_matter_names_the_file_line() {
        let text = "---\ntitle: ok\nuses: [unclosed\n---\nbody\n";
        let (page, problem) = parse_page("a.md", text);
        let problem = problem.expect("a problem");
        assert!(problem.starts_with("line "), "{problem}");
        assert!(problem.contains("bad front matter"), "{problem}");
        assert_eq!(page.title, "a");
        assert_eq!(page.body, "body\n");
    }

    #[test]
    fn no_front_matter_is_fine() {
        let (page, problem) = parse_page("guides/_index.md", "# Guides\n");
        assert_eq!(problem, None);
        assert_eq!(page.title, "guides");
        assert!(page.is_index());
        assert_eq!(page.folder(), "guides");
    }
}
