//! YAML front matter written by hand in one safe style: every string double-quoted with
//! escapes, so names like `NO`, `1.10`, `null`, `~`, `a: b` or multi-line text read back as
//! exactly the same strings under any YAML 1.1 or 1.2 reader.

use std::fmt::Write as _;

use crate::kind::ObjectKind;

/// One entry of a `uses` list.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Use {
    /// The object's id; `None` for dynamic references and references without one.
    pub id: Option<String>,
    /// The object's name, or the expression of a dynamic reference.
    pub name: String,
    /// The object is chosen at run time.
    pub dynamic: bool,
}

/// The front matter of one generated page, in key order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// `title`
    pub title: String,
    /// `kind`: an object kind word or `index`.
    pub kind: String,
    /// `id`
    pub id: Option<String>,
    /// Flow pages: `flow_type`, `division`, `published_version`, `latest_version`.
    pub flow: Option<FlowKeys>,
    /// `description`
    pub description: Option<String>,
    /// `uses`: kind → entries, kinds in kind order, entries sorted.
    pub uses: Vec<(ObjectKind, Vec<Use>)>,
    /// `gaps`
    pub gaps: Vec<String>,
}

/// The keys only flow pages carry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FlowKeys {
    /// `flow_type`
    pub flow_type: String,
    /// `division`
    pub division: Option<String>,
    /// `published_version`
    pub published_version: Option<String>,
    /// `latest_version`
    pub latest_version: Option<String>,
}

impl FrontMatter {
    /// The front matter with its `---` lines and a trailing newline.
    pub fn render(&self) -> String {
        let mut out = String::from("---\n");
        key(&mut out, "title", Some(&self.title));
        key(&mut out, "kind", Some(&self.kind));
        key(&mut out, "id", self.id.as_deref());
        if let Some(flow) = &self.flow {
            key(&mut out, "flow_type", Some(&flow.flow_type));
            key(&mut out, "division", flow.division.as_deref());
            key(
                &mut out,
                "published_version",
                flow.published_version.as_deref(),
            );
            key(&mut out, "latest_version", flow.latest_version.as_deref());
        }
        key(&mut out, "description", self.description.as_deref());
        if !self.uses.is_empty() {
            out.push_str("uses:\n");
            for (kind, entries) in &self.uses {
                let _ = writeln!(out, "  {}:", quote(kind.as_str()));
                for entry in entries {
                    write_use(&mut out, entry);
                }
            }
        }
        if !self.gaps.is_empty() {
            out.push_str("gaps:\n");
            for gap in &self.gaps {
                let _ = writeln!(out, "  - {}", quote(gap));
            }
        }
        out.push_str("---\n");
        out
    }
}

fn write_use(out: &mut String, entry: &Use) {
    match &entry.id {
        Some(id) => {
            let _ = writeln!(out, "    - id: {}", quote(id));
            let _ = writeln!(out, "      name: {}", quote(&entry.name));
        }
        None => {
            let _ = writeln!(out, "    - name: {}", quote(&entry.name));
        }
    }
    if entry.dynamic {
        out.push_str("      dynamic: true\n");
    }
}

fn key(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(value) = value {
        let _ = writeln!(out, "{name}: {}", quote(value));
    }
}

/// A YAML double-quoted scalar holding exactly `s`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xFFFF => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08X}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// YAML's printable set, minus the byte-order mark and line/paragraph separators, which some
/// readers treat as line breaks.
fn printable(c: char) -> bool {
    let n = c as u32;
    matches!(n, 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
        && !matches!(n, 0xFEFF | 0x2028 | 0x2029)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_strings_read_back_unchanged() {
        let names = [
            "NO",
            "yes",
            "1.10",
            "null",
            "~",
            "a: b",
            "# x",
            "  lead",
            "trail ",
            "multi\nline\n",
            "\"q\" 'q' \\",
            "- dash",
            "[a]",
            "{b}",
            "&anchor",
            "*star",
            "!tag",
            "%pct",
            "@at",
            "`tick`",
            "tab\there",
            "bell\u{7}",
            "del\u{7f}",
            "nel\u{85}",
            "bom\u{feff}",
            "ls\u{2028}",
            "Réclamations 請求 🎉",
            "",
            "0x10",
            "1e3",
            "true",
            "=",
            "<<",
        ];
        for name in names {
            let yaml = format!("v: {}\n", quote(name));
            let back: std::collections::BTreeMap<String, String> =
                serde_yaml_ng::from_str(&yaml).expect("parses");
            assert_eq!(back["v"], name, "{yaml}");
        }
    }
}
