//! What templates receive: one serializable view per page, built from the tree, the folders
//! and the cross-references. URLs in views are site paths, percent-encoded; templates put
//! `root` (the way back to the top, `../../`) in front, so every link is relative.

use std::collections::BTreeMap;

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::Serialize;

use super::load::Page;
use super::markdown::Heading;
use super::nav::{Crumb, NavItem};

/// Characters encoded in a path segment of a link.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'\'')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A site path made safe for an `href`: every segment percent-encoded.
pub fn href(url: &str) -> String {
    url.split('/')
        .map(|segment| utf8_percent_encode(segment, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// Site-wide values.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// Site title.
    pub title: String,
    /// One line under the title on the home page.
    pub description: Option<String>,
    /// The `lang` attribute.
    pub language: String,
    /// The search box is shown.
    pub search: bool,
    /// The generator, for the footer.
    pub generator: String,
}

/// A link to a page in a list (children, users, counts).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Entry {
    /// Text shown.
    pub title: String,
    /// Encoded site path.
    pub url: String,
    /// Kind or section shown beside it.
    pub kind: String,
    /// A count shown beside it.
    pub count: Option<usize>,
    /// One line under it.
    pub description: Option<String>,
}

impl Entry {
    /// An entry for a content page.
    pub fn page(page: &Page) -> Entry {
        Entry {
            title: page.title.clone(),
            url: href(&page.url),
            kind: kind_title(page.front.kind.as_deref()),
            count: None,
            description: page.front.description.clone(),
        }
    }
}

/// The singular title of a kind word (`Wrap-up code`), empty for none or `index`.
pub fn kind_title(kind: Option<&str>) -> String {
    match kind {
        None | Some("index") => String::new(),
        Some(word) => crate::kind::ObjectKind::parse(word).title(),
    }
}

/// The pages that use an object.
#[derive(Debug, Clone, Serialize)]
pub struct UsedBy {
    /// The object's kind, singular title.
    pub kind: String,
    /// The object's kind word.
    pub kind_word: String,
    /// The object's name.
    pub name: String,
    /// The object's id, if known.
    pub id: Option<String>,
    /// A dynamic reference.
    pub dynamic: bool,
    /// The pages, sorted by title.
    pub pages: Vec<Entry>,
    /// Encoded site path of the kind's cross-reference index.
    pub kind_index: String,
    /// The section's `id`: `used-by`, or `xref-used-by` when the page has its own heading
    /// with that id.
    pub anchor: String,
}

/// The page being rendered.
#[derive(Debug, Clone, Serialize)]
pub struct PageView<'a> {
    /// Title.
    pub title: &'a str,
    /// Encoded site path.
    pub url: String,
    /// Content file, `/`-separated (empty for generated pages).
    pub source: &'a str,
    /// Kind word.
    pub kind: Option<&'a str>,
    /// Kind title.
    pub kind_title: String,
    /// Genesys id.
    pub id: Option<&'a str>,
    /// Description.
    pub description: Option<&'a str>,
    /// What could not be documented.
    pub gaps: &'a [String],
    /// Every other front matter key.
    pub extra: &'a BTreeMap<String, serde_json::Value>,
    /// The rendered body (HTML, trusted: built by the Markdown step).
    pub content: String,
    /// Headings of levels 2 and 3, for "on this page".
    pub toc: Vec<Heading>,
    /// A folder index.
    pub is_index: bool,
    /// Made by the builder, not from a content file.
    pub generated: bool,
}

/// Everything a template sees.
#[derive(Debug, Clone, Serialize)]
pub struct View<'a> {
    /// Site-wide values.
    pub site: &'a SiteView,
    /// The way from this page back to the top (`../../`).
    pub root: String,
    /// The page.
    pub page: PageView<'a>,
    /// The sidebar.
    pub nav: Vec<NavItem>,
    /// The breadcrumb trail.
    pub breadcrumbs: Vec<Crumb>,
    /// The pages that use the object this page describes.
    pub used_by: Option<UsedBy>,
    /// Sub-folders and pages of a folder index.
    pub children: Vec<Entry>,
    /// Home page: pages per section and objects per used kind.
    pub counts: Vec<Entry>,
    /// Home page: used objects per kind.
    pub xref_counts: Vec<Entry>,
    /// Full address of this page when `base_url` is set.
    pub canonical: Option<String>,
}

impl View<'_> {
    /// The view as a tera context.
    pub fn context(&self) -> tera::Context {
        tera::Context::from_serialize(self).expect("views serialize to a JSON object")
    }
}

/// A page view with no content file behind it.
pub fn generated_page<'a>(
    title: &'a str,
    url: &str,
    empty: &'a BTreeMap<String, serde_json::Value>,
) -> PageView<'a> {
    PageView {
        title,
        url: href(url),
        source: "",
        kind: None,
        kind_title: String::new(),
        id: None,
        description: None,
        gaps: &[],
        extra: empty,
        content: String::new(),
        toc: Vec::new(),
        is_index: true,
        generated: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_encode_each_segment() {
        assert_eq!(href("flows/a b#c?.html"), "flows/a%20b%23c%3F.html");
        assert_eq!(href("x/Réclamations.html"), "x/R%C3%A9clamations.html");
    }
}
