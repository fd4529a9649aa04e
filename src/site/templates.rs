//! The theme: tera templates and static files. The built-in theme (`themes/default/`) is
//! compiled into the binary; a theme folder named in `book.toml`, then `<root>/templates/`
//! and `<root>/static/`, replace its files one by one.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;
use include_dir::{Dir, include_dir};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The theme in use: compiled templates and the static files to copy.
pub struct Theme {
    /// The compiled templates.
    pub tera: tera::Tera,
    /// Static files by site path (`style.css`), with their bytes.
    pub statics: BTreeMap<String, Vec<u8>>,
}

/// Where theme files may come from, in the order they override each other.
pub struct ThemeSources<'a> {
    /// A theme folder (holding `templates/` and `static/`), from `book.toml`.
    pub theme: Option<&'a Path>,
    /// The project folder (its `templates/` and `static/`).
    pub root: &'a Path,
}

/// Loads the built-in theme and applies the overrides.
pub fn load(sources: &ThemeSources<'_>) -> anyhow::Result<Theme> {
    let mut templates = embedded("templates");
    let mut statics = embedded("static");
    let mut folders = Vec::new();
    if let Some(theme) = sources.theme {
        anyhow::ensure!(
            theme.is_dir(),
            "theme folder {} set in book.toml does not exist",
            theme.display()
        );
        folders.push(theme.to_path_buf());
    }
    folders.push(sources.root.to_path_buf());
    for folder in &folders {
        overlay(&folder.join("templates"), &mut templates)?;
        overlay(&folder.join("static"), &mut statics)?;
    }
    let mut tera = tera::Tera::default();
    let texts: Vec<(String, String)> = templates
        .into_iter()
        .map(|(name, bytes)| (name, String::from_utf8_lossy(&bytes).into_owned()))
        .collect();
    tera.set_escape_fn(escape_html);
    tera.add_raw_templates(texts)
        .map_err(|e| anyhow::anyhow!("{}", error_chain(&e)))
        .context("cannot compile the theme's templates")?;
    Ok(Theme { tera, statics })
}

/// Files of one folder of the built-in theme, by path inside that folder.
fn embedded(folder: &str) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    if let Some(dir) = DEFAULT_THEME.get_dir(folder) {
        collect(dir, folder, &mut files);
    }
    files
}

fn collect(dir: &Dir<'static>, prefix: &str, files: &mut BTreeMap<String, Vec<u8>>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        let name = path
            .strip_prefix(&format!("{prefix}/"))
            .unwrap_or(&path)
            .to_string();
        files.insert(name, file.contents().to_vec());
    }
    for sub in dir.dirs() {
        collect(sub, prefix, files);
    }
}

/// Replaces entries of `files` by the files under `folder` (if it exists).
fn overlay(folder: &Path, files: &mut BTreeMap<String, Vec<u8>>) -> anyhow::Result<()> {
    if !folder.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(folder).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot list {}", folder.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(folder).unwrap_or(entry.path());
        let name = relative.to_string_lossy().replace('\\', "/");
        files.insert(name, crate::fsx::read(entry.path())?);
    }
    Ok(())
}

/// Escapes text for HTML content and double- or single-quoted attributes. Unlike tera's own
/// escaper it leaves `/` alone, so relative links stay readable.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// A tera error with all its causes on one line (tera hides the useful part in `source`).
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
