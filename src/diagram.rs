//! The diagram graph shared by `content/` and `site/`, and its Mermaid text form.
//!
//! `content/` builds a [`Graph`] per flow (or per container) and writes it with
//! [`Graph::to_mermaid`]; GitHub renders that block. `site/` reads the block back with
//! [`Graph::parse`] and lays it out as SVG. Only this subset of Mermaid is written and read:
//!
//! ```text
//! flowchart TD
//!   subgraph g1["Task: Billing"]
//!     n1(["Start"])
//!   end
//!   n2["Step"]  n3{"Decision"}  n4{{"Menu"}}  n5[/"Transfer"/]
//!   n6[("Data action")]  n7(("Terminal"))  n8>"Jump"]
//!   n1 --> n2
//!   n2 -->|"label"| n3
//!   n3 -.->|"label"| n8
//!   click n2 href "#anchor"
//! ```
//!
//! Labels are always double-quoted. Characters Mermaid treats specially inside a label are
//! written as numeric entity codes (`#35;` for `#`), which Mermaid decodes for display and
//! [`Graph::parse`] decodes back, so any name survives the round trip unchanged.

use std::fmt::Write as _;

/// Layout direction of a flowchart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Top to bottom (`TD`).
    #[default]
    TopDown,
    /// Left to right (`LR`).
    LeftRight,
}

/// The shape of a node, one per kind of flow step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// Where the flow or a container starts: a stadium `([...])`.
    Start,
    /// An ordinary action: a rectangle `[...]`.
    Step,
    /// A decision, switch or schedule evaluation: a rhombus `{...}`.
    Decision,
    /// A menu: a hexagon `{{...}}`.
    Menu,
    /// A transfer out of the flow (to a queue, number, flow): a parallelogram `[/.../]`.
    Transfer,
    /// A data action or data table lookup: a cylinder `[(...)]`.
    DataAction,
    /// An action that ends the interaction or the flow: a circle `((...))`.
    Terminal,
    /// A jump to another container or diagram: an asymmetric flag `>...]`.
    Jump,
}

impl Shape {
    /// Every shape, in a fixed order.
    pub const ALL: [Shape; 8] = [
        Shape::Start,
        Shape::Step,
        Shape::Decision,
        Shape::Menu,
        Shape::Transfer,
        Shape::DataAction,
        Shape::Terminal,
        Shape::Jump,
    ];

    /// The opening and closing delimiters Mermaid uses for this shape.
    pub fn delimiters(self) -> (&'static str, &'static str) {
        match self {
            Shape::Start => ("([", "])"),
            Shape::Step => ("[", "]"),
            Shape::Decision => ("{", "}"),
            Shape::Menu => ("{{", "}}"),
            Shape::Transfer => ("[/", "/]"),
            Shape::DataAction => ("[(", ")]"),
            Shape::Terminal => ("((", "))"),
            Shape::Jump => (">", "]"),
        }
    }

    /// A lower-case name for CSS classes and tests.
    pub fn name(self) -> &'static str {
        match self {
            Shape::Start => "start",
            Shape::Step => "step",
            Shape::Decision => "decision",
            Shape::Menu => "menu",
            Shape::Transfer => "transfer",
            Shape::DataAction => "data-action",
            Shape::Terminal => "terminal",
            Shape::Jump => "jump",
        }
    }
}

/// One node of a diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Synthetic id (`n1`, `n2`, ...): never derived from a name.
    pub id: String,
    /// The text shown, exactly as in the org (any characters).
    pub label: String,
    /// The node's shape.
    pub shape: Shape,
    /// Where a click on the node goes: an anchor (`#task-billing`) or a relative link.
    pub link: Option<String>,
}

/// One directed edge of a diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Id of the node the edge leaves.
    pub from: String,
    /// Id of the node the edge enters.
    pub to: String,
    /// The output's label (`Yes`, `Failure`, a menu digit), if any.
    pub label: Option<String>,
    /// Drawn dotted: a jump between containers rather than a plain continuation.
    pub dotted: bool,
}

/// A named group of nodes, drawn as a box (a container of the flow).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Synthetic id (`g1`, ...).
    pub id: String,
    /// The group's title.
    pub label: String,
    /// Ids of the nodes inside, in order.
    pub nodes: Vec<String>,
}

/// A flowchart: nodes, edges and groups, in the order they are written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Graph {
    /// Layout direction.
    pub direction: Direction,
    /// Nodes in writing order; a node listed in a group is written inside it.
    pub nodes: Vec<Node>,
    /// Edges in writing order.
    pub edges: Vec<Edge>,
    /// Groups in writing order; a node belongs to at most one group.
    pub groups: Vec<Group>,
}

/// Why a Mermaid block could not be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    /// 1-based line number inside the block.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

impl Graph {
    /// Number of characters of the Mermaid text, for size budgets.
    pub fn mermaid_len(&self) -> usize {
        self.to_mermaid().chars().count()
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// Writes the graph as Mermaid flowchart text (no code fence), LF line endings.
    pub fn to_mermaid(&self) -> String {
        let mut out = String::new();
        let dir = match self.direction {
            Direction::TopDown => "TD",
            Direction::LeftRight => "LR",
        };
        let _ = writeln!(out, "flowchart {dir}");
        let mut grouped = std::collections::HashSet::new();
        for group in &self.groups {
            let _ = writeln!(
                out,
                "  subgraph {}[\"{}\"]",
                group.id,
                escape_label(&group.label)
            );
            for id in &group.nodes {
                if let Some(node) = self.node(id) {
                    write_node(&mut out, "    ", node);
                    grouped.insert(id.as_str());
                }
            }
            out.push_str("  end\n");
        }
        for node in self
            .nodes
            .iter()
            .filter(|n| !grouped.contains(n.id.as_str()))
        {
            write_node(&mut out, "  ", node);
        }
        for edge in &self.edges {
            let arrow = if edge.dotted { "-.->" } else { "-->" };
            match &edge.label {
                Some(label) => {
                    let _ = writeln!(
                        out,
                        "  {} {arrow}|\"{}\"| {}",
                        edge.from,
                        escape_label(label),
                        edge.to
                    );
                }
                None => {
                    let _ = writeln!(out, "  {} {arrow} {}", edge.from, edge.to);
                }
            }
        }
        for node in &self.nodes {
            if let Some(link) = &node.link {
                // Mermaid does not decode entity codes in a link, so links are written as
                // they are; only a quote, which would end the string, is percent-encoded.
                let _ = writeln!(
                    out,
                    "  click {} href \"{}\"",
                    node.id,
                    link.replace('"', "%22")
                );
            }
        }
        out
    }

    /// Reads Mermaid text written by [`Graph::to_mermaid`] (with or without a code fence).
    pub fn parse(text: &str) -> Result<Graph, ParseError> {
        Parser::default().run(text)
    }
}

fn write_node(out: &mut String, indent: &str, node: &Node) {
    let (open, close) = node.shape.delimiters();
    let _ = writeln!(
        out,
        "{indent}{}{open}\"{}\"{close}",
        node.id,
        escape_label(&node.label)
    );
}

/// Escapes a label for use inside a double-quoted Mermaid string.
pub fn escape_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let special = matches!(
            c,
            '"' | '#'
                | '<'
                | '>'
                | '&'
                | '`'
                | '|'
                | '['
                | ']'
                | '{'
                | '}'
                | '('
                | ')'
                | '\\'
                | ';'
        ) || c.is_control();
        if special {
            let _ = write!(out, "#{};", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// Reverses [`escape_label`]: decodes `#NNN;` numeric codes and the named codes Mermaid knows.
pub fn unescape_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find('#') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let decoded = after.find(';').and_then(|end| {
            let code = &after[..end];
            let ch = if let Ok(n) = code.parse::<u32>() {
                char::from_u32(n)
            } else {
                match code {
                    "quot" => Some('"'),
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    _ => None,
                }
            };
            ch.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('#');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[derive(Default)]
struct Parser {
    graph: Graph,
    open_group: Option<Group>,
    seen_header: bool,
}

impl Parser {
    fn run(mut self, text: &str) -> Result<Graph, ParseError> {
        for (index, raw) in text.lines().enumerate() {
            let line = raw.trim();
            let number = index + 1;
            if line.is_empty() || line.starts_with("%%") || line.starts_with("```") {
                continue;
            }
            self.line(line).map_err(|message| ParseError {
                line: number,
                message,
            })?;
        }
        if let Some(group) = &self.open_group {
            return Err(ParseError {
                line: text.lines().count(),
                message: format!("subgraph {} is never closed with `end`", group.id),
            });
        }
        if !self.seen_header {
            return Err(ParseError {
                line: 1,
                message: "missing `flowchart TD` header".into(),
            });
        }
        Ok(self.graph)
    }

    fn line(&mut self, line: &str) -> Result<(), String> {
        if !self.seen_header {
            return self.header(line);
        }
        if line == "end" {
            let group = self
                .open_group
                .take()
                .ok_or("`end` without an open subgraph")?;
            self.graph.groups.push(group);
            return Ok(());
        }
        if let Some(rest) = line.strip_prefix("subgraph ") {
            return self.subgraph(rest);
        }
        if let Some(rest) = line.strip_prefix("click ") {
            return self.click(rest);
        }
        let (id, rest) = split_id(line)?;
        let rest = rest.trim_start();
        if rest.starts_with("-->") || rest.starts_with("-.->") {
            return self.edge(id, rest);
        }
        self.node(id, rest)
    }

    fn header(&mut self, line: &str) -> Result<(), String> {
        let mut words = line.split_whitespace();
        if !matches!(words.next(), Some("flowchart" | "graph")) {
            return Err(format!("expected `flowchart TD`, found `{line}`"));
        }
        self.graph.direction = match words.next() {
            None | Some("TD" | "TB") => Direction::TopDown,
            Some("LR") => Direction::LeftRight,
            Some(other) => return Err(format!("unsupported direction `{other}`")),
        };
        self.seen_header = true;
        Ok(())
    }

    fn subgraph(&mut self, rest: &str) -> Result<(), String> {
        if self.open_group.is_some() {
            return Err("nested subgraphs are not supported".into());
        }
        let (id, rest) = split_id(rest)?;
        let label = match rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            Some(quoted) => quoted_text(quoted)?,
            None if rest.is_empty() => id.to_string(),
            None => return Err(format!("bad subgraph title `{rest}`")),
        };
        self.open_group = Some(Group {
            id: id.to_string(),
            label,
            nodes: Vec::new(),
        });
        Ok(())
    }

    fn click(&mut self, rest: &str) -> Result<(), String> {
        let (id, rest) = split_id(rest)?;
        let target = rest
            .trim_start()
            .strip_prefix("href")
            .ok_or("expected `href` after click")?;
        let link = target
            .trim()
            .strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .filter(|t| !t.contains('"'))
            .ok_or_else(|| format!("expected a quoted link, found `{}`", target.trim()))?
            .to_string();
        let node = self
            .graph
            .nodes
            .iter_mut()
            .find(|n| n.id == id)
            .ok_or_else(|| format!("click on unknown node `{id}`"))?;
        node.link = Some(link);
        Ok(())
    }

    fn edge(&mut self, from: &str, rest: &str) -> Result<(), String> {
        let (dotted, rest) = match rest.strip_prefix("-.->") {
            Some(r) => (true, r),
            None => (false, &rest[3..]),
        };
        let rest = rest.trim_start();
        let (label, rest) = if let Some(after) = rest.strip_prefix('|') {
            let end = closing_quote_end(after).ok_or("edge label is not a quoted string")?;
            let label = quoted_text(&after[..end])?;
            let rest = after[end..]
                .strip_prefix('|')
                .ok_or("edge label must end with `|`")?;
            (Some(label), rest.trim_start())
        } else {
            (None, rest)
        };
        let (to, tail) = split_id(rest)?;
        if !tail.trim().is_empty() {
            return Err(format!("unexpected text after edge: `{}`", tail.trim()));
        }
        for id in [from, to] {
            if self.graph.node(id).is_none() {
                return Err(format!("edge uses undeclared node `{id}`"));
            }
        }
        self.graph.edges.push(Edge {
            from: from.into(),
            to: to.into(),
            label,
            dotted,
        });
        Ok(())
    }

    fn node(&mut self, id: &str, rest: &str) -> Result<(), String> {
        // Longest delimiters first so `{{` is not read as `{`.
        let mut shapes = Shape::ALL;
        shapes.sort_by_key(|s| std::cmp::Reverse(s.delimiters().0.len()));
        for shape in shapes {
            let (open, close) = shape.delimiters();
            if let Some(inner) = rest.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
                if !inner.starts_with('"') || !inner.ends_with('"') || inner.len() < 2 {
                    continue;
                }
                if self.graph.node(id).is_some() {
                    return Err(format!("node `{id}` is declared twice"));
                }
                let label = quoted_text(inner)?;
                self.graph.nodes.push(Node {
                    id: id.into(),
                    label,
                    shape,
                    link: None,
                });
                if let Some(group) = &mut self.open_group {
                    group.nodes.push(id.into());
                }
                return Ok(());
            }
        }
        Err(format!("cannot read node `{id}{rest}`"))
    }
}

/// Splits a leading identifier (`[A-Za-z0-9_]+`) from the rest of the text.
fn split_id(text: &str) -> Result<(&str, &str), String> {
    let end = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_'))
        .map_or(text.len(), |(i, _)| i);
    if end == 0 {
        return Err(format!("expected a node id at `{text}`"));
    }
    Ok((&text[..end], &text[end..]))
}

/// Position just past the closing quote of a string that starts at `text[0] == '"'`.
fn closing_quote_end(text: &str) -> Option<usize> {
    let body = text.strip_prefix('"')?;
    body.find('"').map(|i| i + 2)
}

/// The unescaped content of a `"..."` string (the whole text must be the string).
fn quoted_text(text: &str) -> Result<String, String> {
    let inner = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .ok_or_else(|| format!("expected a quoted string, found `{text}`"))?;
    if inner.contains('"') {
        return Err(format!("unescaped quote inside `{text}`"));
    }
    Ok(unescape_label(inner))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Graph {
        let names = [
            "Start",
            "He said \"hi\" #1 <b> & `x` | [a] {b} (c)",
            "end",
            "Réclamations – Schäden – 請求 🎉",
            "a;b\\c\nnext line",
            "#quot; literal",
            "click",
            "",
        ];
        let nodes = names
            .iter()
            .zip(Shape::ALL)
            .enumerate()
            .map(|(i, (label, shape))| Node {
                id: format!("n{}", i + 1),
                label: label.to_string(),
                shape,
                link: (i % 2 == 0).then(|| format!("#section-{i}")),
            })
            .collect();
        Graph {
            direction: Direction::TopDown,
            nodes,
            edges: vec![
                Edge {
                    from: "n1".into(),
                    to: "n2".into(),
                    label: None,
                    dotted: false,
                },
                Edge {
                    from: "n2".into(),
                    to: "n3".into(),
                    label: Some("Yes | \"1\"".into()),
                    dotted: false,
                },
                Edge {
                    from: "n3".into(),
                    to: "n3".into(),
                    label: Some("loop".into()),
                    dotted: true,
                },
                Edge {
                    from: "n4".into(),
                    to: "n8".into(),
                    label: None,
                    dotted: true,
                },
            ],
            groups: vec![Group {
                id: "g1".into(),
                label: "Task: \"Billing\" [FR]".into(),
                nodes: vec!["n2".into(), "n3".into()],
            }],
        }
    }

    #[test]
    fn round_trip_keeps_every_label_and_link() {
        let graph = sample();
        let text = graph.to_mermaid();
        let back = Graph::parse(&text).expect("own output parses");
        // Grouped nodes are written first, so compare as sets keyed by id.
        let mut a = graph.nodes.clone();
        let mut b = back.nodes.clone();
        a.sort_by(|x, y| x.id.cmp(&y.id));
        b.sort_by(|x, y| x.id.cmp(&y.id));
        assert_eq!(a, b);
        assert_eq!(graph.edges, back.edges);
        assert_eq!(graph.groups, back.groups);
    }

    #[test]
    fn labels_never_contain_raw_special_characters() {
        let text = sample().to_mermaid();
        // Click links are written raw (Mermaid does not decode them); labels never are.
        let labels = text
            .lines()
            .filter(|l| l.contains('"') && !l.trim_start().starts_with("click "));
        assert!(text.contains("  click n1 href \"#section-0\"\n"), "{text}");
        for line in labels {
            let quoted: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
            for q in quoted {
                assert!(
                    !q.contains(['#', '<', '|', '[', '`']) || q.contains(';'),
                    "{line}"
                );
            }
        }
        assert!(text.contains("n2[\"He said #34;hi#34; #35;1 #60;b#62; #38; #96;x#96; #124; #91;a#93; #123;b#125; #40;c#41;\"]"));
    }

    #[test]
    fn parse_errors_name_the_line() {
        let err =
            Graph::parse("flowchart TD\n  n1[\"a\"]\n  n1 --> n9\n").expect_err("unknown node");
        assert_eq!(err.line, 3);
        assert!(err.message.contains("n9"), "{err}");
        let err = Graph::parse("sequenceDiagram\n").expect_err("not a flowchart");
        assert_eq!(err.line, 1);
    }

    #[test]
    fn unescape_leaves_unknown_codes_alone() {
        assert_eq!(
            unescape_label("a #b c#; #999999999; #35;"),
            "a #b c#; #999999999; #"
        );
    }
}
