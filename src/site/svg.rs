//! A [`diagram::Graph`] to inline SVG at build time: layout-rs places nodes and routes edges,
//! and this module draws every shape, label and link itself, escaping all text, so the SVG
//! needs no JavaScript and no browser. Groups are drawn as boxes around their nodes.

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};

use layout::core::base::Orientation;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;

use crate::diagram::{Direction, Graph, Shape};

/// Characters per line of a node label before it wraps.
const NODE_LINE_CHARS: usize = 26;
/// Lines of a node label before it is cut with an ellipsis (the full text is in the tooltip).
const NODE_MAX_LINES: usize = 4;
/// Characters per line of an edge label.
const EDGE_LINE_CHARS: usize = 18;
/// Height of one text line, px.
const LINE_HEIGHT: f64 = 16.0;

/// Why a diagram is shown as text instead of a drawing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiagramError {
    /// The Mermaid text is outside the subset `diagram::Graph::parse` reads.
    #[error("cannot read the diagram ({0})")]
    Parse(String),
    /// More nodes than `[build] diagram_node_budget`.
    #[error("{nodes} nodes is more than the diagram_node_budget of {budget} set in book.toml")]
    TooLarge {
        /// Nodes in the diagram.
        nodes: usize,
        /// The budget.
        budget: usize,
    },
    /// The layout engine failed.
    #[error("the layout engine failed on this diagram")]
    Layout,
}

/// Draws `graph`; `link` turns a node's link into the `href` to write.
pub fn render(
    graph: &Graph,
    id_prefix: &str,
    budget: usize,
    link: &mut dyn FnMut(&str) -> String,
) -> Result<String, DiagramError> {
    if graph.nodes.len() > budget {
        return Err(DiagramError::TooLarge {
            nodes: graph.nodes.len(),
            budget,
        });
    }
    let labels: Vec<Vec<String>> = graph
        .nodes
        .iter()
        .map(|n| wrap(&n.label, NODE_LINE_CHARS, NODE_MAX_LINES))
        .collect();
    let canvas = lay_out(graph, &labels)?;
    Ok(draw(graph, &labels, &canvas, id_prefix, link))
}

/// What layout-rs reported: a box per node (by index) and the edges' curves and labels.
#[derive(Default)]
struct Canvas {
    boxes: Vec<Option<(Point, Point)>>,
    arrows: Vec<(Vec<(Point, Point)>, bool)>,
    edge_labels: Vec<(Point, String)>,
}

fn lay_out(graph: &Graph, labels: &[Vec<String>]) -> Result<Canvas, DiagramError> {
    let orientation = match graph.direction {
        Direction::TopDown => Orientation::TopToBottom,
        Direction::LeftRight => Orientation::LeftToRight,
    };
    let mut canvas = Canvas {
        boxes: vec![None; graph.nodes.len()],
        ..Canvas::default()
    };
    if graph.nodes.is_empty() {
        return Ok(canvas);
    }
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut visual = VisualGraph::new(orientation);
        let handles: Vec<_> = graph
            .nodes
            .iter()
            .zip(labels)
            .enumerate()
            .map(|(index, (node, lines))| {
                let size = node_size(node.shape, lines);
                let element = Element::create_with_properties(
                    ShapeKind::Box(String::new()),
                    StyleAttr::simple(),
                    orientation,
                    size,
                    index.to_string(),
                );
                visual.add_node(element)
            })
            .collect();
        for edge in &graph.edges {
            let from = graph.nodes.iter().position(|n| n.id == edge.from);
            let to = graph.nodes.iter().position(|n| n.id == edge.to);
            if let (Some(from), Some(to)) = (from, to) {
                visual.add_edge(edge_arrow(edge), handles[from], handles[to]);
            }
        }
        visual.do_it(false, false, false, &mut canvas);
    }));
    result.map_err(|_| DiagramError::Layout)?;
    Ok(canvas)
}

fn edge_arrow(edge: &crate::diagram::Edge) -> Arrow {
    let text = edge
        .label
        .as_deref()
        .map(|l| wrap(l, EDGE_LINE_CHARS, 2).join("\n"))
        .unwrap_or_default();
    let mut look = StyleAttr::simple();
    // Connector sizes are estimated from this font size: one unit per character.
    look.font_size = 7;
    let style = if edge.dotted {
        LineStyleKind::Dashed
    } else {
        LineStyleKind::Normal
    };
    Arrow::new(
        LineEndKind::None,
        LineEndKind::Arrow,
        style,
        &text,
        &look,
        &None,
        &None,
    )
}

/// Width and height a node needs for its label lines and shape.
fn node_size(shape: Shape, lines: &[String]) -> Point {
    let text_w = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max);
    let text_h = lines.len().max(1) as f64 * LINE_HEIGHT;
    let (w, h) = match shape {
        Shape::Decision => (text_w * 1.5 + 30.0, text_h * 1.6 + 24.0),
        Shape::Menu => (text_w + 50.0, text_h + 20.0),
        Shape::Transfer | Shape::Jump => (text_w + 44.0, text_h + 16.0),
        Shape::DataAction => (text_w + 24.0, text_h + 28.0),
        Shape::Terminal => (text_w + 40.0, text_h + 26.0),
        Shape::Start | Shape::Step => (text_w + 28.0, text_h + 16.0),
    };
    Point::new(w.max(40.0), h)
}

/// Estimated width in px of a line at the diagram font size (13 px).
fn text_width(line: &str) -> f64 {
    line.chars()
        .map(|c| if is_wide(c) { 13.0 } else { 7.4 })
        .sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF | 0x20000..=0x3FFFD)
}

/// Wraps text at spaces into lines of about `width` characters, at most `max_lines`.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let mut word = word.to_string();
            while word.chars().count() > width {
                let head: String = word.chars().take(width).collect();
                word = word.chars().skip(width).collect();
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                lines.push(head);
            }
            let needed =
                line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
            if needed > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

impl RenderBackend for Canvas {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        _: &StyleAttr,
        p: Option<String>,
        _: Option<ClipHandle>,
    ) {
        let index = p.and_then(|p| p.parse::<usize>().ok());
        if let Some(slot) = index.and_then(|i| self.boxes.get_mut(i)) {
            *slot = Some((xy, size));
        }
    }

    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_text(&mut self, xy: Point, text: &str, _: &StyleAttr) {
        if !text.is_empty() {
            self.edge_labels.push((xy, text.to_string()));
        }
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        dashed: bool,
        _: (bool, bool),
        _: &StyleAttr,
        _: Option<String>,
        _: &str,
    ) {
        if path.len() >= 2 {
            self.arrows.push((path.to_vec(), dashed));
        }
    }

    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

/// The bounding box of everything drawn: min corner and max corner.
struct Bounds {
    min: Point,
    max: Point,
}

impl Bounds {
    fn new() -> Bounds {
        Bounds {
            min: Point::new(f64::MAX, f64::MAX),
            max: Point::new(f64::MIN, f64::MIN),
        }
    }

    fn add(&mut self, p: Point) {
        self.min = Point::new(self.min.x.min(p.x), self.min.y.min(p.y));
        self.max = Point::new(self.max.x.max(p.x), self.max.y.max(p.y));
    }
}

fn draw(
    graph: &Graph,
    labels: &[Vec<String>],
    canvas: &Canvas,
    prefix: &str,
    link: &mut dyn FnMut(&str) -> String,
) -> String {
    let mut bounds = Bounds::new();
    let mut body = String::new();
    draw_groups(graph, canvas, &mut body, &mut bounds);
    for (path, dashed) in &canvas.arrows {
        draw_edge(&mut body, path, *dashed, prefix, &mut bounds);
    }
    for (xy, text) in &canvas.edge_labels {
        draw_edge_label(&mut body, *xy, text, &mut bounds);
    }
    for (index, node) in graph.nodes.iter().enumerate() {
        if let Some((xy, size)) = canvas.boxes[index] {
            bounds.add(xy);
            bounds.add(xy.add(size));
            let href = node.link.as_deref().map(|l| link(l));
            draw_node(&mut body, node, &labels[index], (xy, size), href.as_deref());
        }
    }
    if bounds.min.x > bounds.max.x {
        bounds.add(Point::zero());
    }
    let margin = 8.0;
    let (x, y) = (bounds.min.x - margin, bounds.min.y - margin);
    let (w, h) = (
        bounds.max.x - bounds.min.x + 2.0 * margin,
        bounds.max.y - bounds.min.y + 2.0 * margin,
    );
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" viewBox=\"{x:.0} {y:.0} {w:.0} {h:.0}\" width=\"{w:.0}\" height=\"{h:.0}\" role=\"img\" aria-label=\"Diagram with {} steps\">",
        graph.nodes.len()
    );
    let _ = write!(
        svg,
        "<defs><marker id=\"{prefix}-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path class=\"arrowhead\" d=\"M0,0L10,5L0,10z\"/></marker></defs>"
    );
    svg.push_str(&body);
    svg.push_str("</svg>");
    svg
}

fn draw_groups(graph: &Graph, canvas: &Canvas, out: &mut String, bounds: &mut Bounds) {
    for group in &graph.groups {
        let mut inner = Bounds::new();
        for id in &group.nodes {
            let index = graph.nodes.iter().position(|n| &n.id == id);
            if let Some((xy, size)) = index.and_then(|i| canvas.boxes[i]) {
                inner.add(xy);
                inner.add(xy.add(size));
            }
        }
        if inner.min.x > inner.max.x {
            continue;
        }
        let (x, y) = (inner.min.x - 14.0, inner.min.y - 30.0);
        let (w, h) = (
            inner.max.x - inner.min.x + 28.0,
            inner.max.y - inner.min.y + 44.0,
        );
        bounds.add(Point::new(x, y));
        bounds.add(Point::new(x + w, y + h));
        let title = html_escape::encode_text(&group.label);
        let _ = write!(
            out,
            "<g class=\"group\"><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"6\"/><text x=\"{:.1}\" y=\"{:.1}\">{title}</text></g>",
            x + 8.0,
            y + 18.0
        );
    }
}

fn draw_edge(
    out: &mut String,
    path: &[(Point, Point)],
    dashed: bool,
    prefix: &str,
    b: &mut Bounds,
) {
    for (p, c) in path {
        b.add(*p);
        b.add(*c);
    }
    let mut d = format!(
        "M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
        path[0].0.x,
        path[0].0.y,
        path[0].1.x,
        path[0].1.y,
        path[1].0.x,
        path[1].0.y,
        path[1].1.x,
        path[1].1.y
    );
    for (p, c) in &path[2..] {
        let _ = write!(d, " S{:.1},{:.1} {:.1},{:.1}", p.x, p.y, c.x, c.y);
    }
    let class = if dashed { "edge dotted" } else { "edge" };
    let _ = write!(
        out,
        "<path class=\"{class}\" d=\"{d}\" marker-end=\"url(#{prefix}-arrow)\"/>"
    );
}

fn draw_edge_label(out: &mut String, xy: Point, text: &str, b: &mut Bounds) {
    let lines: Vec<&str> = text.lines().collect();
    let w = lines
        .iter()
        .map(|l| text_width(l) * 0.9)
        .fold(0.0, f64::max)
        + 8.0;
    let h = lines.len() as f64 * 14.0 + 4.0;
    let (x, y) = (xy.x - w / 2.0, xy.y - h / 2.0);
    b.add(Point::new(x, y));
    b.add(Point::new(x + w, y + h));
    let _ = write!(
        out,
        "<g class=\"edge-label\"><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"3\"/>"
    );
    text_lines(out, xy, &lines, 14.0);
    out.push_str("</g>");
}

/// Centred text lines around `center`, escaped.
fn text_lines(out: &mut String, center: Point, lines: &[&str], line_height: f64) {
    let first = center.y - (lines.len() as f64 - 1.0) * line_height / 2.0;
    let _ = write!(out, "<text x=\"{:.1}\" y=\"{first:.1}\">", center.x);
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { line_height };
        let _ = write!(
            out,
            "<tspan x=\"{:.1}\" dy=\"{dy}\">{}</tspan>",
            center.x,
            html_escape::encode_text(line)
        );
    }
    out.push_str("</text>");
}

fn draw_node(
    out: &mut String,
    node: &crate::diagram::Node,
    lines: &[String],
    (xy, size): (Point, Point),
    href: Option<&str>,
) {
    if let Some(href) = href {
        let _ = write!(
            out,
            "<a href=\"{}\">",
            html_escape::encode_double_quoted_attribute(href)
        );
    }
    let _ = write!(
        out,
        "<g class=\"node {}\"><title>{}</title>",
        node.shape.name(),
        html_escape::encode_text(&node.label)
    );
    out.push_str(&shape_outline(node.shape, xy, size));
    let center = Point::new(xy.x + size.x / 2.0, xy.y + size.y / 2.0);
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    text_lines(out, center, &refs, LINE_HEIGHT);
    out.push_str("</g>");
    if href.is_some() {
        out.push_str("</a>");
    }
}

/// The outline of a shape filling the box at `xy` of `size`.
fn shape_outline(shape: Shape, xy: Point, size: Point) -> String {
    let (x, y, w, h) = (xy.x, xy.y, size.x, size.y);
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    let polygon = |points: &[(f64, f64)]| {
        let list: Vec<String> = points
            .iter()
            .map(|(px, py)| format!("{px:.1},{py:.1}"))
            .collect();
        format!("<polygon points=\"{}\"/>", list.join(" "))
    };
    match shape {
        Shape::Start => format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"{:.1}\"/>",
            h / 2.0
        ),
        Shape::Step => {
            format!("<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"4\"/>")
        }
        Shape::Decision => polygon(&[(cx, y), (x + w, cy), (cx, y + h), (x, cy)]),
        Shape::Menu => {
            let i = (h / 2.0).min(w / 4.0);
            polygon(&[
                (x + i, y),
                (x + w - i, y),
                (x + w, cy),
                (x + w - i, y + h),
                (x + i, y + h),
                (x, cy),
            ])
        }
        Shape::Transfer => {
            let s = h * 0.35;
            polygon(&[(x + s, y), (x + w, y), (x + w - s, y + h), (x, y + h)])
        }
        Shape::Jump => polygon(&[
            (x, y),
            (x + w, y),
            (x + w, y + h),
            (x, y + h),
            (x + h * 0.35, cy),
        ]),
        Shape::DataAction => {
            let ry = 6.0;
            format!(
                "<path d=\"M{x:.1},{:.1} a{:.1},{ry} 0 0 1 {w:.1},0 v{:.1} a{:.1},{ry} 0 0 1 -{w:.1},0 z M{x:.1},{:.1} a{:.1},{ry} 0 0 0 {w:.1},0\"/>",
                y + ry,
                w / 2.0,
                h - 2.0 * ry,
                w / 2.0,
                y + ry,
                w / 2.0
            )
        }
        Shape::Terminal => format!(
            "<ellipse cx=\"{cx:.1}\" cy=\"{cy:.1}\" rx=\"{:.1}\" ry=\"{:.1}\"/>",
            w / 2.0,
            h / 2.0
        ),
    }
}

#[cfg(test)]
mod tests;
