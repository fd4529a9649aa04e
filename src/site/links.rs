//! Link rewriting and checking: relative `.md` links become `.html` links (anchors kept),
//! folder links get an explicit `index.html` (so they work from file://), unsafe schemes are
//! neutralised, and every internal target is recorded so broken links can be listed together.

use std::collections::BTreeSet;

/// A link as it is written into the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The `href` to write.
    pub href: String,
    /// The site path the link points at, to check it exists; `None` for external links and
    /// same-page anchors.
    pub target: Option<String>,
}

/// Rewrites `dest`, written on the page whose site folder is `folder` (`/`-separated).
pub fn rewrite(dest: &str, folder: &str) -> Link {
    let dest = dest.trim();
    if dest.is_empty() || dest.starts_with('#') || dest.starts_with('/') || dest.starts_with('?') {
        return external(dest);
    }
    if let Some(scheme) = scheme(dest) {
        let unsafe_scheme = matches!(scheme.as_str(), "javascript" | "vbscript" | "data");
        return external(if unsafe_scheme { "#" } else { dest });
    }
    let (path, fragment) = match dest.find(['#', '?']) {
        Some(i) => dest.split_at(i),
        None => (dest, ""),
    };
    let path = html_target(path);
    let decoded = percent_encoding::percent_decode_str(&path).decode_utf8_lossy();
    let target = resolve(folder, &decoded).unwrap_or_else(|| format!("../{decoded}"));
    Link {
        href: format!("{path}{fragment}"),
        target: Some(target),
    }
}

fn external(href: &str) -> Link {
    Link {
        href: href.to_string(),
        target: None,
    }
}

/// The URL scheme of a link (`https`), lower-cased, if it has one.
fn scheme(dest: &str) -> Option<String> {
    let colon = dest.find(':')?;
    let candidate = &dest[..colon];
    let valid = candidate
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && candidate
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
    valid.then(|| candidate.to_ascii_lowercase())
}

/// `.md` to `.html` (`_index.md` to `index.html`), a folder to its `index.html`.
fn html_target(path: &str) -> String {
    if path.is_empty() {
        return String::new();
    }
    if path.ends_with('/') || path == "." || path == ".." {
        let base = path.trim_end_matches('/');
        return format!("{base}/index.html");
    }
    match path.strip_suffix(".md") {
        Some(stem) => super::load::html_path(&format!("{stem}.md")),
        None => path.to_string(),
    }
}

/// Joins a relative path to a folder and removes `.` and `..`; `None` when it leaves the top.
pub fn resolve(folder: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// The prefix that leads from a site path back to the top (`flows/a/x.html` gives `../../`).
pub fn root_prefix(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

/// A link found on a page whose target does not exist.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct BrokenLink {
    /// The content file holding the link.
    pub source: String,
    /// The link as written.
    pub dest: String,
}

/// The broken links among `found` (page source, link as written, target), given every file
/// the site will hold.
pub fn broken(found: &[(String, String, String)], files: &BTreeSet<String>) -> Vec<BrokenLink> {
    let mut out: Vec<BrokenLink> = found
        .iter()
        .filter(|(_, _, target)| !files.contains(target))
        .map(|(source, dest, _)| BrokenLink {
            source: source.clone(),
            dest: dest.clone(),
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md_links_become_html_with_anchors() {
        let link = rewrite("../queues/claims-fr.md#used-by", "flows/inboundcall");
        assert_eq!(link.href, "../queues/claims-fr.html#used-by");
        assert_eq!(link.target.as_deref(), Some("flows/queues/claims-fr.html"));
        let link = rewrite("../../queues/_index.md", "flows/inboundcall");
        assert_eq!(link.href, "../../queues/index.html");
        assert_eq!(link.target.as_deref(), Some("queues/index.html"));
    }

    #[test]
    fn folders_get_index_html() {
        let link = rewrite("guides/", "");
        assert_eq!(link.href, "guides/index.html");
        assert_eq!(link.target.as_deref(), Some("guides/index.html"));
    }

    #[test]
    fn external_and_unsafe_links() {
        assert_eq!(
            rewrite("https://example.org/a.md", "").href,
            "https://example.org/a.md"
        );
        assert_eq!(rewrite("https://example.org/a.md", "").target, None);
        assert_eq!(rewrite("JavaScript:alert(1)", "").href, "#");
        assert_eq!(rewrite("#top", "x").target, None);
    }

    #[test]
    fn links_above_the_top_are_targets_that_never_exist() {
        let link = rewrite("../../x.md", "a");
        assert_eq!(link.target.as_deref(), Some("../../../x.html"));
    }

    #[test]
    fn root_prefix_counts_folders() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("flows/inboundcall/x.html"), "../../");
    }
}
