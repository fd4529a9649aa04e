//! Markdown text helpers: escaping names so any name renders as itself, code spans for
//! expressions, links, table rows and anchors.

/// Escapes text for Markdown inline content (paragraphs, list items, headings, table cells).
///
/// Every ASCII punctuation character that Markdown or GitHub gives a meaning to is
/// backslash-escaped, line breaks become spaces (inline text cannot hold them), and other
/// control characters are dropped from display as their Unicode escape so nothing is lost.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => out.push(c),
        }
    }
    if out.starts_with(' ') {
        // Leading spaces are kept visible as non-breaking spaces.
        let trimmed = out.trim_start_matches(' ');
        let n = out.len() - trimmed.len();
        out = "&nbsp;".repeat(n) + trimmed;
    }
    out
}

/// A code span for a table cell: as [`code`], with pipes escaped, which GitHub requires even
/// inside code spans in tables (and removes again before rendering the span).
pub fn cell_code(s: &str) -> String {
    code(s).replace('|', "\\|")
}

/// A code span holding `s` exactly (line breaks become spaces).
pub fn code(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
        .collect();
    if flat.is_empty() {
        return "(empty)".to_string();
    }
    let longest = longest_run(&flat, '`');
    let fence = "`".repeat(longest + 1);
    let pad = flat.starts_with(['`', ' ']) || flat.ends_with(['`', ' ']);
    if pad {
        format!("{fence} {flat} {fence}")
    } else {
        format!("{fence}{flat}{fence}")
    }
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in s.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// A fenced code block holding `s` exactly (for multi-line expressions).
pub fn code_block(s: &str) -> String {
    let fence = "`".repeat(longest_run(s, '`').max(2) + 1);
    format!("{fence}text\n{s}\n{fence}\n")
}

/// A link with escaped text to a relative target (the target is built by gcdocs and holds
/// no characters that need escaping).
pub fn link(label: &str, target: &str) -> String {
    let label = if label.is_empty() { "(unnamed)" } else { label };
    format!("[{}]({target})", text(label))
}

/// An HTML anchor that GitHub and the site both honour.
pub fn anchor(id: &str) -> String {
    format!("<a id=\"{id}\"></a>")
}

/// One table row from already-escaped cells.
pub fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

/// A table header with its separator line.
pub fn header(titles: &[&str]) -> String {
    let cells: Vec<String> = titles.iter().map(|t| t.to_string()).collect();
    let dashes: Vec<String> = titles.iter().map(|_| "---".to_string()).collect();
    row(&cells) + &row(&dashes)
}

/// Text that starts a line: also escapes what would make it a list item or an underline.
pub fn line_start(s: &str) -> String {
    let escaped = text(s);
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    let after_digits = escaped[digits..].chars().next();
    if escaped.starts_with(['-', '+', '=']) {
        format!("\\{escaped}")
    } else if digits > 0 && matches!(after_digits, Some('.' | ')')) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else {
        escaped
    }
}

/// A description as paragraphs: each line escaped, line breaks kept as hard breaks.
pub fn paragraphs(s: &str) -> String {
    let lines: Vec<String> = s.lines().map(line_start).collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        if line.is_empty() {
            out.push('\n');
        } else if lines.get(i + 1).is_some_and(|next| !next.is_empty()) {
            out.push_str("\\\n");
        } else {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_every_markdown_character() {
        assert_eq!(
            text("a|b [c](d) #1 <x> *y* _z_ `w`"),
            "a\\|b \\[c\\](d) \\#1 \\<x\\> \\*y\\* \\_z\\_ \\`w\\`"
        );
        assert_eq!(text("  two"), "&nbsp;&nbsp;two");
        assert_eq!(text("a\nb"), "a b");
        assert_eq!(text("Réclamations 請求"), "Réclamations 請求");
        assert_eq!(line_start("- a"), "\\- a");
        assert_eq!(line_start("1. a"), "1\\. a");
        assert_eq!(line_start("1.10"), "1\\.10");
    }

    #[test]
    fn code_spans_hold_backticks_and_pipes() {
        assert_eq!(code("Task.Queue"), "`Task.Queue`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x`"), "`` `x` ``");
        assert_eq!(code("a|b"), "`a|b`");
        assert_eq!(cell_code("a|b"), "`a\\|b`");
        assert_eq!(code(""), "(empty)");
    }

    #[test]
    fn paragraphs_keep_line_breaks() {
        assert_eq!(paragraphs("one\ntwo\n\nthree"), "one\\\ntwo\n\nthree\n");
    }
}
