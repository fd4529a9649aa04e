//! `book.toml`: the site's settings. Every table rejects unknown keys; a missing file means
//! the defaults documented on each field.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The whole `book.toml`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct BookConfig {
    /// How the site presents itself.
    pub site: SiteConfig,
    /// How the site is built.
    pub build: BuildConfig,
}

/// The `[site]` table.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct SiteConfig {
    /// Site title in the header and the browser tab. Default: the title of
    /// `content/_index.md`, else "Contact centre documentation".
    pub title: Option<String>,
    /// One line under the title on the home page. Default: none.
    pub description: Option<String>,
    /// Public address of the site (`https://example.org/docs/`), used only for sitemap.xml and
    /// canonical links; every other link is relative. Default: none (no sitemap).
    pub base_url: Option<String>,
    /// A theme folder, relative to the project folder, whose `templates/` and `static/` files
    /// replace the built-in ones file by file. Default: none (the built-in theme).
    pub theme: Option<PathBuf>,
    /// The `lang` attribute of every page. Default: "en".
    pub language: String,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: None,
            description: None,
            base_url: None,
            theme: None,
            language: "en".into(),
        }
    }
}

/// What to do about internal links that point nowhere.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum BrokenLinks {
    /// List them as warnings; the build succeeds.
    #[default]
    Warn,
    /// List them and fail the build (after writing the site).
    Error,
}

/// The `[build]` table.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct BuildConfig {
    /// `"warn"` or `"error"` for internal links to pages that do not exist. Default: "warn".
    pub broken_links: BrokenLinks,
    /// Write the search index and show the search box. Default: true.
    pub search: bool,
    /// Warn when the gzipped search index is larger than this many kB. Default: 1024.
    pub search_budget_kb: usize,
    /// Longest word kept in the search index, in characters; longer words are cut.
    /// Default: 24.
    pub search_max_token_len: usize,
    /// Index at most this many characters of each page's body text. Default: 20000.
    pub search_body_chars: usize,
    /// A Mermaid block with more nodes than this is shown as its source instead of a drawing.
    /// Diagrams whose long edges would make layout slow are shown as source too, whatever
    /// this says (see `site::svg::LAYOUT_VERTEX_LIMIT`). Default: 300.
    pub diagram_node_budget: usize,
    /// Let raw HTML in Markdown through. Off, only a few harmless tags (`<br>`, `<details>`,
    /// `<summary>`, `<sup>`, `<sub>`, `<kbd>`, `<a id="...">`) are kept and everything else is
    /// shown as text, so a name from the org can never run as markup. Default: false.
    pub raw_html: bool,
    /// The sidebar lists at most this many pages of one folder, then links to the folder's
    /// index. Default: 100.
    pub nav_folder_limit: usize,
}

impl Default for BuildConfig {
    fn default() -> Self {
        BuildConfig {
            broken_links: BrokenLinks::Warn,
            search: true,
            search_budget_kb: 1024,
            search_max_token_len: 24,
            search_body_chars: 20_000,
            diagram_node_budget: 300,
            raw_html: false,
            nav_folder_limit: 100,
        }
    }
}

/// `book.toml` could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but cannot be read.
    #[error(transparent)]
    Io(#[from] crate::fsx::FsError),
    /// The file is not valid TOML or has a wrong or unknown key.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong, naming the key.
        message: String,
    },
}

impl BookConfig {
    /// Reads `book.toml` at `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<BookConfig, ConfigError> {
        if !path.exists() {
            return Ok(BookConfig::default());
        }
        let text = crate::fsx::read_to_string(path)?;
        BookConfig::parse(&text, path)
    }

    /// Parses the text of a `book.toml`; `path` is only used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<BookConfig, ConfigError> {
        toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let (line, column) = line_column(text, offset);
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })
    }
}

/// 1-based line and column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_gives_defaults() {
        let config = BookConfig::load(Path::new("/nonexistent/book.toml")).expect("defaults");
        assert_eq!(config, BookConfig::default());
        assert_eq!(config.build.search_budget_kb, 1024);
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let text =
            "[site]\ntitle = \"Acme\"\n\n[build]\nbroken_links = \"error\"\nsearch_budget = 10\n";
        let err = BookConfig::parse(text, Path::new("proj/book.toml")).expect_err("unknown key");
        insta::assert_snapshot!(err.to_string());
    }

    #[test]
    fn wrong_value_names_the_line() {
        let text = "[build]\nbroken_links = \"sometimes\"\n";
        let err = BookConfig::parse(text, Path::new("book.toml")).expect_err("bad value");
        assert!(err.to_string().starts_with("book.toml:2:16: "), "{err}");
    }

    #[test]
    fn every_field_reads() {
        let text = "[site]\ntitle = \"T\"\nbase_url = \"https://x.org/docs/\"\ntheme = \"themes/acme\"\n\
                    [build]\nbroken_links = \"error\"\nsearch = false\ndiagram_node_budget = 9\n";
        let config = BookConfig::parse(text, Path::new("book.toml")).expect("valid");
        assert_eq!(config.site.title.as_deref(), Some("T"));
        assert_eq!(config.build.broken_links, BrokenLinks::Error);
        assert!(!config.build.search);
        assert_eq!(config.build.diagram_node_budget, 9);
        assert_eq!(config.site.theme, Some(PathBuf::from("themes/acme")));
    }

    #[test]
    fn an_unknown_table_is_refused() {
        let err = BookConfig::parse(
            "[extract]\nflow_version = \"latest\"\n",
            Path::new("book.toml"),
        )
        .expect_err("unknown table");
        assert!(err.to_string().starts_with("book.toml:1:"), "{err}");
        assert!(err.to_string().contains("unknown field `extract`"), "{err}");
    }
}
