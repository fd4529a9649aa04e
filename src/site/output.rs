//! The output folder: the site is written into a staging folder beside it, with the search
//! index, static files, `.nojekyll`, `sitemap.xml` and copied assets, then links are checked
//! against what was written and the staging folder replaces the old site in one move.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::config::BookConfig;
use super::links::{self, BrokenLink};
use super::load::{Page, Tree};
use super::pages::PageResult;
use super::search::{self, SearchDoc};
use super::templates::Theme;
use super::views::SiteView;

/// The folder the new site is written into before it replaces the old one.
pub struct Staging {
    path: PathBuf,
}

impl Staging {
    /// Creates an empty staging folder beside `out` (removing one left by a crash).
    pub fn create(out: &Path) -> anyhow::Result<Staging> {
        let name = out
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        // One staging folder per process: two builds at once never write into each other.
        let path = out.with_file_name(format!(".{name}.gcdocs-new-{}", std::process::id()));
        crate::fsx::remove_dir_all(&path)?;
        crate::fsx::create_dir_all(&path)?;
        Ok(Staging { path })
    }

    /// The staging folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `search-index.js`; returns its size raw and gzipped.
    pub fn write_search(
        &self,
        docs: &[SearchDoc],
        config: &BookConfig,
    ) -> anyhow::Result<(usize, usize)> {
        let index = search::build(docs, config.build.search_max_token_len);
        crate::fsx::write(&self.path.join("search-index.js"), index.script.as_bytes())?;
        Ok((index.script.len(), index.gzipped))
    }

    /// Static theme files, the highlighting stylesheet, `.nojekyll`, `sitemap.xml` and the
    /// tree's non-Markdown files.
    pub fn write_extras(
        &self,
        theme: &Theme,
        config: &BookConfig,
        tree: &Tree,
        content: &Path,
    ) -> anyhow::Result<()> {
        for (name, bytes) in &theme.statics {
            crate::fsx::write(&self.path.join(name), bytes)?;
        }
        crate::fsx::write(
            &self.path.join("syntax.css"),
            super::highlight::stylesheet().as_bytes(),
        )?;
        crate::fsx::write(&self.path.join(".nojekyll"), b"")?;
        if let Some(base) = &config.site.base_url {
            crate::fsx::write(
                &self.path.join("sitemap.xml"),
                sitemap(base, &tree.pages).as_bytes(),
            )?;
        }
        for asset in &tree.assets {
            let bytes = crate::fsx::read(&content.join(asset))?;
            crate::fsx::write(&self.path.join(asset), &bytes)?;
        }
        Ok(())
    }

    /// Every file written so far, as `/`-separated site paths.
    fn files(&self) -> anyhow::Result<BTreeSet<String>> {
        let mut files = BTreeSet::new();
        for entry in walkdir::WalkDir::new(&self.path) {
            let entry =
                entry.map_err(|e| anyhow::anyhow!("cannot list {}: {e}", self.path.display()))?;
            if entry.file_type().is_file() {
                let relative = entry
                    .path()
                    .strip_prefix(&self.path)
                    .unwrap_or(entry.path());
                files.insert(relative.to_string_lossy().replace('\\', "/"));
            }
        }
        Ok(files)
    }

    /// Number of HTML files written.
    pub fn html_pages(&self) -> anyhow::Result<usize> {
        Ok(self
            .files()?
            .iter()
            .filter(|f| f.ends_with(".html"))
            .count())
    }

    /// The internal links of `results` whose target was not written.
    pub fn broken_links(&self, results: &[PageResult]) -> anyhow::Result<Vec<BrokenLink>> {
        let found: Vec<(String, String, String)> = results
            .iter()
            .flat_map(|r| r.links.iter().cloned())
            .collect();
        Ok(links::broken(&found, &self.files()?))
    }

    /// Moves the finished site over `out`.
    pub fn finish(self, out: &Path) -> anyhow::Result<()> {
        crate::fsx::replace_dir(&self.path, out)?;
        Ok(())
    }
}

/// The site-wide template values.
pub fn site_view(config: &BookConfig, pages: &[Page]) -> SiteView {
    let home_title = pages
        .iter()
        .find(|p| p.source == "_index.md")
        .and_then(|p| p.front.title.clone());
    SiteView {
        title: config
            .site
            .title
            .clone()
            .or(home_title)
            .unwrap_or_else(|| "Contact centre documentation".into()),
        description: config.site.description.clone(),
        language: config.site.language.clone(),
        search: config.build.search,
        generator: format!("gcdocs {}", env!("CARGO_PKG_VERSION")),
    }
}

/// Search documents in a fixed order: content pages by source path, then object pages.
pub fn search_docs(results: &[PageResult], xref_docs: Vec<SearchDoc>) -> Vec<SearchDoc> {
    results
        .iter()
        .filter_map(|r| r.search.clone())
        .chain(xref_docs)
        .collect()
}

/// A warning when the gzipped index is above the budget, naming the settings to change.
pub fn search_budget_warning(gzipped: usize, config: &BookConfig) -> Option<String> {
    let budget = config.build.search_budget_kb;
    (gzipped > budget * 1024).then(|| {
        format!(
            "search index is {} kB gzipped, above search_budget_kb = {budget} in book.toml; lower [build] search_body_chars (now {}) to shrink it",
            gzipped / 1024,
            config.build.search_body_chars
        )
    })
}

/// One line per broken link, after a counted header line.
pub fn broken_link_lines(broken: &[BrokenLink]) -> Vec<String> {
    if broken.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![format!("{} internal links point nowhere:", broken.len())];
    lines.extend(broken.iter().map(|b| format!("  {}: {}", b.source, b.dest)));
    lines
}

/// `sitemap.xml` listing every content page under `base`.
fn sitemap(base: &str, pages: &[Page]) -> String {
    let base = base.trim_end_matches('/');
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages {
        let loc = format!("{base}/{}", super::views::href(&page.url));
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            html_escape::encode_text(&loc)
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}
