//! A content tree (Markdown with YAML front matter) to a static HTML site. Reads only the
//! content tree, `book.toml` and templates: never the API or the org model.
//!
//! [`build`] reads as its steps: settings, theme, tree, cross-references, pages, search,
//! extra files, link check, then the finished folder replaces the old one in one move.

pub mod config;
pub mod highlight;
pub mod links;
pub mod load;
pub mod markdown;
pub mod nav;
pub mod output;
pub mod pages;
pub mod search;
pub mod serve;
pub mod svg;
pub mod templates;
pub mod views;
pub mod xref;

use std::path::PathBuf;
use std::time::Instant;

use config::{BookConfig, BrokenLinks};

/// Where to read from and write to.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The project folder: holds `book.toml`, `content/` and `templates/`.
    pub root: PathBuf,
    /// The content tree (default `<root>/content`).
    pub content: PathBuf,
    /// The output folder (default `<root>/public`).
    pub out: PathBuf,
}

/// What the build did.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    /// HTML pages written.
    pub pages: usize,
    /// Search index size in bytes, raw and gzipped.
    pub search_index_bytes: (usize, usize),
    /// Problems gathered during the build (bad front matter, broken links), one line each.
    pub warnings: Vec<String>,
    /// Diagrams drawn as SVG.
    pub diagrams: usize,
    /// Internal links that point nowhere.
    pub broken_links: usize,
}

/// Builds the site.
pub fn build(options: &BuildOptions) -> anyhow::Result<BuildReport> {
    if !options.content.is_dir() {
        anyhow::bail!("no content tree at {}", options.content.display());
    }
    let started = Instant::now();
    let config = BookConfig::load(&options.root.join("book.toml"))?;
    let theme = templates::load(&templates::ThemeSources {
        theme: config
            .site
            .theme
            .as_ref()
            .map(|t| options.root.join(t))
            .as_deref(),
        root: &options.root,
    })?;
    step("settings and theme", started);

    let tree = load::read_tree(&options.content)?;
    let folders = nav::folders(&tree.pages);
    let xref = xref::build(&tree.pages);
    step("content tree", started);

    let staging = output::Staging::create(&options.out)?;
    let site = pages::Site {
        config: &config,
        theme: &theme,
        pages: &tree.pages,
        folders: &folders,
        xref: &xref,
        site: output::site_view(&config, &tree.pages),
        out: staging.path(),
        content: &options.content,
        highlighter: highlight::Highlighter::default(),
    };
    let results = site.content_pages();
    let mut problems = site.folder_indexes();
    let (xref_problems, xref_docs) = site.xref_pages();
    problems.extend(xref_problems);
    problems.extend(site.not_found());
    step("pages", started);

    let mut report = BuildReport {
        warnings: tree.problems.clone(),
        ..BuildReport::default()
    };
    let docs = output::search_docs(&results, xref_docs);
    if config.build.search {
        report.search_index_bytes = staging.write_search(&docs, &config)?;
        report.warnings.extend(output::search_budget_warning(
            report.search_index_bytes.1,
            &config,
        ));
    }
    staging.write_extras(&theme, &config, &tree, &options.content)?;
    step("search and extra files", started);

    let broken = staging.broken_links(&results)?;
    report.broken_links = broken.len();
    report.diagrams = results.iter().map(|r| r.diagrams).sum();
    report.pages = staging.html_pages()?;
    report
        .warnings
        .extend(results.into_iter().flat_map(|r| r.problems));
    report.warnings.extend(problems);
    report.warnings.extend(output::broken_link_lines(&broken));
    staging.finish(&options.out)?;
    step("link check", started);

    if config.build.broken_links == BrokenLinks::Error && !broken.is_empty() {
        for warning in report
            .warnings
            .iter()
            .take(report.warnings.len() - broken.len())
        {
            tracing::warn!("{warning}");
        }
        anyhow::bail!(
            "{} broken links (broken_links = \"error\" in book.toml):\n{}",
            broken.len(),
            output::broken_link_lines(&broken).join("\n")
        );
    }
    Ok(report)
}

fn step(name: &str, started: Instant) {
    tracing::debug!("{name} done at {} ms", started.elapsed().as_millis());
}

#[cfg(test)]
mod tests;
