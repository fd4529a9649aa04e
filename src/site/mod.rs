//! A content tree (Markdown with YAML front matter) to a static HTML site. Reads only the
//! content tree, `book.toml` and templates: never the API or the org model.

use std::path::PathBuf;

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
}

/// Builds the site.
pub fn build(options: &BuildOptions) -> anyhow::Result<BuildReport> {
    if !options.content.is_dir() {
        anyhow::bail!("no content tree at {}", options.content.display());
    }
    Ok(BuildReport::default())
}
