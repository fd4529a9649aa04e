//! Renders every page of the site into the staging folder: content pages, folder indexes the
//! tree lacks, cross-reference pages and the 404 page. Content pages render in parallel; each
//! returns what the later steps need (links to check, search text, notices).

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use super::config::BookConfig;
use super::highlight::Highlighter;
use super::load::Page;
use super::markdown::{self, MarkdownOptions};
use super::nav::{self, Folders};
use super::search::SearchDoc;
use super::templates::{Theme, error_chain};
use super::views::{Entry, PageView, SiteView, UsedBy, View, generated_page, href, kind_title};
use super::xref::{self, Xref};

/// Everything the page renderers share.
pub struct Site<'a> {
    /// Settings.
    pub config: &'a BookConfig,
    /// Templates.
    pub theme: &'a Theme,
    /// Content pages, sorted by source.
    pub pages: &'a [Page],
    /// Folders of the tree.
    pub folders: &'a Folders,
    /// Cross-references.
    pub xref: &'a Xref,
    /// Site-wide template values.
    pub site: SiteView,
    /// Where files are written.
    pub out: &'a Path,
    /// The content tree, to name files in problems.
    pub content: &'a Path,
    /// Code highlighting (loaded on first use).
    pub highlighter: Highlighter,
}

/// What rendering one page left for later steps.
#[derive(Debug, Default)]
pub struct PageResult {
    /// The page's search document.
    pub search: Option<SearchDoc>,
    /// Internal links: (content file, link as written, target site path).
    pub links: Vec<(String, String, String)>,
    /// Problems, one line each, naming the file.
    pub problems: Vec<String>,
    /// Diagrams drawn.
    pub diagrams: usize,
}

static NO_EXTRA: BTreeMap<String, serde_json::Value> = BTreeMap::new();

impl Site<'_> {
    /// Renders and writes every content page.
    pub fn content_pages(&self) -> Vec<PageResult> {
        (0..self.pages.len())
            .into_par_iter()
            .map(|i| self.content_page(i))
            .collect()
    }

    fn content_page(&self, index: usize) -> PageResult {
        let page = &self.pages[index];
        let options = MarkdownOptions {
            raw_html: self.config.build.raw_html,
            diagram_node_budget: self.config.build.diagram_node_budget,
            text_limit: self.config.build.search_body_chars,
            page_title: page.title.clone(),
        };
        let folder = page.url.rsplit_once('/').map_or("", |(dir, _)| dir);
        let body = markdown::render(
            &page.body,
            folder,
            page.body_line,
            &options,
            &self.highlighter,
        );
        let file = self.content_file(page);
        let mut result = PageResult {
            links: body
                .links
                .iter()
                .map(|(dest, target)| (file.clone(), dest.clone(), target.clone()))
                .collect(),
            problems: body
                .diagram_notices
                .iter()
                .map(|n| format!("{file}: {n}"))
                .collect(),
            diagrams: body.diagrams,
            search: Some(self.search_doc(page, &body)),
        };
        let view = self.content_view(index, body);
        let template = self.template_for(page);
        if let Err(problem) = self.write(&page.url, &template, &view) {
            result.problems.push(format!("{file}: {problem}"));
        }
        result
    }

    fn content_file(&self, page: &Page) -> String {
        self.content.join(&page.source).display().to_string()
    }

    fn template_for(&self, page: &Page) -> String {
        if let Some(name) = page.front.extra.get("template").and_then(|v| v.as_str()) {
            return name.to_string();
        }
        match page.source.as_str() {
            "_index.md" => "home.html".into(),
            _ if page.is_index() => "section.html".into(),
            _ => "page.html".into(),
        }
    }

    fn content_view(&self, index: usize, body: markdown::Rendered) -> View<'_> {
        let page = &self.pages[index];
        let folder = page.folder();
        let body_has_used_by = body.headings.iter().any(|h| h.id == "used-by");
        let linked: std::collections::HashSet<String> =
            body.links.iter().map(|(_, target)| href(target)).collect();
        let view_page = PageView {
            title: &page.title,
            url: href(&page.url),
            source: &page.source,
            kind: page.front.kind.as_deref(),
            kind_title: kind_title(page.front.kind.as_deref()),
            id: page.front.id.as_deref(),
            description: page.front.description.as_deref(),
            gaps: &page.front.gaps,
            extra: &page.front.extra,
            content: body.html,
            toc: body
                .headings
                .into_iter()
                .filter(|h| (2..=3).contains(&h.level))
                .collect(),
            is_index: page.is_index(),
            generated: false,
        };
        let mut view = self.view(view_page, &page.url, folder);
        view.breadcrumbs = nav::breadcrumbs(self.folders, folder, page.is_index());
        view.used_by = self.xref.by_page.get(&index).map(|&o| self.used_by(o));
        if body_has_used_by {
            // The page has its own "Used by" (generated pages do): list only the pages it
            // does not already link to, and nothing when that leaves none.
            if let Some(used_by) = &mut view.used_by {
                used_by.pages.retain(|e| !linked.contains(&e.url));
                used_by.anchor = "xref-used-by".into();
            }
            view.used_by = view.used_by.take().filter(|u| !u.pages.is_empty());
        }
        if page.is_index() {
            view.children = self.children(folder);
        }
        if page.source == "_index.md" {
            (view.counts, view.xref_counts) = self.counts();
        }
        view
    }

    /// A view with the parts every page has.
    fn view<'v>(&'v self, page: PageView<'v>, url: &str, folder: &str) -> View<'v> {
        let limit = self.config.build.nav_folder_limit;
        View {
            site: &self.site,
            root: super::links::root_prefix(url),
            page,
            nav: nav::sidebar(self.folders, self.pages, folder, url, limit)
                .into_iter()
                .map(|mut item| {
                    item.url = href(&item.url);
                    item
                })
                .collect(),
            breadcrumbs: nav::breadcrumbs(self.folders, folder, false),
            used_by: None,
            children: Vec::new(),
            counts: Vec::new(),
            xref_counts: Vec::new(),
            canonical: self
                .config
                .site
                .base_url
                .as_ref()
                .map(|base| format!("{}/{}", base.trim_end_matches('/'), href(url))),
        }
    }

    fn used_by(&self, object: usize) -> UsedBy {
        let object = &self.xref.objects[object];
        UsedBy {
            kind: kind_title(Some(&object.kind)),
            kind_word: object.kind.clone(),
            name: object.name.clone(),
            id: object.id.clone(),
            dynamic: object.dynamic,
            pages: object
                .users
                .iter()
                .map(|&u| Entry::page(&self.pages[u]))
                .collect(),
            kind_index: href(&xref::kind_index_url(&object.kind)),
            anchor: "used-by".into(),
        }
    }

    fn children(&self, folder: &str) -> Vec<Entry> {
        let Some(folder) = self.folders.get(folder) else {
            return Vec::new();
        };
        let folders = folder.folders.iter().map(|path| {
            let sub = &self.folders[path];
            Entry {
                title: sub.title.clone(),
                url: href(&sub.url()),
                kind: "Folder".into(),
                count: Some(sub.count),
                description: None,
            }
        });
        let pages = folder.pages.iter().map(|&i| Entry::page(&self.pages[i]));
        folders.chain(pages).collect()
    }

    /// Pages per top-level section, and used objects per kind.
    fn counts(&self) -> (Vec<Entry>, Vec<Entry>) {
        let sections = self
            .children("")
            .into_iter()
            .filter(|e| e.count.is_some())
            .collect();
        let kinds = self
            .xref
            .kinds()
            .into_iter()
            .map(|(kind, objects)| Entry {
                title: crate::kind::ObjectKind::parse(kind).plural_title(),
                url: href(&xref::kind_index_url(kind)),
                kind: kind.to_string(),
                count: Some(objects.len()),
                description: None,
            })
            .collect();
        (sections, kinds)
    }

    fn search_doc(&self, page: &Page, body: &markdown::Rendered) -> SearchDoc {
        let uses: Vec<&str> = page
            .front
            .uses
            .values()
            .flatten()
            .filter_map(|u| u.name.as_deref())
            .collect();
        let headings: Vec<&str> = body.headings.iter().map(|h| h.text.as_str()).collect();
        let kind = match kind_title(page.front.kind.as_deref()) {
            k if k.is_empty() && !page.folder().is_empty() => self
                .folders
                .get(page.folder())
                .map(|f| f.title.clone())
                .unwrap_or_default(),
            k => k,
        };
        SearchDoc {
            url: href(&page.url),
            title: page.title.clone(),
            kind,
            headings: headings.join(" "),
            uses: uses.join(" "),
            body: body.text.clone(),
        }
    }

    /// Index pages for folders that have no `_index.md`.
    pub fn folder_indexes(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for folder in self.folders.values().filter(|f| f.index.is_none()) {
            let url = folder.url();
            let mut view = self.view(
                generated_page(&folder.title, &url, &NO_EXTRA),
                &url,
                &folder.path,
            );
            view.breadcrumbs = nav::breadcrumbs(self.folders, &folder.path, true);
            view.children = self.children(&folder.path);
            let template = if folder.path.is_empty() {
                "home.html"
            } else {
                "section.html"
            };
            if folder.path.is_empty() {
                (view.counts, view.xref_counts) = self.counts();
            }
            if let Err(problem) = self.write(&url, template, &view) {
                problems.push(format!("{url}: {problem}"));
            }
        }
        problems
    }

    /// Cross-reference pages: one per object without a page of its own, one index per kind,
    /// and the index of kinds. Returns problems and the search documents of object pages.
    pub fn xref_pages(&self) -> (Vec<String>, Vec<SearchDoc>) {
        let mut problems = Vec::new();
        let mut docs = Vec::new();
        for (index, object) in self
            .xref
            .objects
            .iter()
            .enumerate()
            .filter(|(_, o)| o.page.is_none())
        {
            let title = object.name.clone();
            let mut view = self.view(
                generated_page(&title, &object.url, &NO_EXTRA),
                &object.url,
                "",
            );
            view.page.is_index = false;
            view.breadcrumbs = self.xref_crumbs(Some(&object.kind));
            view.used_by = Some(self.used_by(index));
            problems.extend(
                self.write(&object.url, "xref.html", &view)
                    .err()
                    .map(|p| format!("{}: {p}", object.url)),
            );
            docs.push(SearchDoc {
                url: href(&object.url),
                title: object.name.clone(),
                kind: kind_title(Some(&object.kind)),
                ..SearchDoc::default()
            });
        }
        problems.extend(self.xref_indexes());
        (problems, docs)
    }

    fn xref_crumbs(&self, kind: Option<&str>) -> Vec<nav::Crumb> {
        let mut crumbs = nav::breadcrumbs(self.folders, "", false);
        crumbs.push(nav::Crumb {
            title: "Cross-references".into(),
            url: href("xref/index.html"),
        });
        if let Some(kind) = kind {
            let title = crate::kind::ObjectKind::parse(kind).plural_title();
            crumbs.push(nav::Crumb {
                title,
                url: href(&xref::kind_index_url(kind)),
            });
        }
        crumbs
    }

    fn xref_indexes(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let kinds = self.xref.kinds();
        for (kind, objects) in &kinds {
            let url = xref::kind_index_url(kind);
            let title = format!(
                "{} used",
                crate::kind::ObjectKind::parse(kind).plural_title()
            );
            let mut view = self.view(generated_page(&title, &url, &NO_EXTRA), &url, "");
            view.breadcrumbs = self.xref_crumbs(None);
            view.children = objects.iter().map(|&o| self.object_entry(o)).collect();
            problems.extend(
                self.write(&url, "xref_kind.html", &view)
                    .err()
                    .map(|p| format!("{url}: {p}")),
            );
        }
        let url = "xref/index.html";
        let mut view = self.view(generated_page("Cross-references", url, &NO_EXTRA), url, "");
        view.children = self.counts().1;
        problems.extend(
            self.write(url, "xref_index.html", &view)
                .err()
                .map(|p| format!("{url}: {p}")),
        );
        problems
    }

    fn object_entry(&self, object: usize) -> Entry {
        let object = &self.xref.objects[object];
        Entry {
            title: object.name.clone(),
            url: href(&object.url),
            kind: if object.dynamic {
                "dynamic".into()
            } else {
                object.id.clone().unwrap_or_default()
            },
            count: Some(object.users.len()),
            description: None,
        }
    }

    /// The 404 page; its links start at `base_url` when set, else at the top folder.
    pub fn not_found(&self) -> Vec<String> {
        let url = "404.html";
        let mut view = self.view(generated_page("Page not found", url, &NO_EXTRA), url, "");
        if let Some(base) = &self.config.site.base_url {
            view.root = format!("{}/", base.trim_end_matches('/'));
        }
        view.page.is_index = false;
        self.write(url, "404.html", &view)
            .err()
            .into_iter()
            .map(|p| format!("{url}: {p}"))
            .collect()
    }

    /// Renders `template` with `view` into the site path `url`.
    fn write(&self, url: &str, template: &str, view: &View<'_>) -> Result<(), String> {
        let html = self
            .theme
            .tera
            .render(template, &view.context())
            .map_err(|e| {
                format!(
                    "cannot render with template {template}: {}",
                    error_chain(&e)
                )
            })?;
        crate::fsx::write(&self.out.join(url), html.as_bytes()).map_err(|e| e.to_string())
    }
}
