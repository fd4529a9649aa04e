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
/// The most layout points (nodes plus one per rank an edge passes) handed to layout-rs. Its
/// placement grows about with the cube of this when many long edges share ranks (measured on
/// flow-like graphs: 660 points 31 ms, 1,140 points 200 ms, 1,720 points 820 ms, 2,890 points
/// 3.7 s), so larger diagrams are shown as text. See the `layout_timings` test.
pub const LAYOUT_VERTEX_LIMIT: usize = 1000;
/// Characters per line of an edge label.
const EDGE_LINE_CHARS: usize = 18;
/// Height of one text line, px.
const LINE_HEIGHT: f64 = 16.0;
/// Above this many edges layout-rs's edge-crossing optimizer is skipped: its cost grows
/// steeply with long edges (measured on flow-like graphs: 50 nodes with 105 edges took 205 ms
/// with it and 11 ms without).
pub const CROSSING_EDGE_LIMIT: usize = 60;

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
    /// Too many vertices for the layout engine (nodes plus ranks crossed by long edges).
    #[error(
        "{nodes} nodes with {vertices} layout points is more than the {LAYOUT_VERTEX_LIMIT} that can be laid out quickly"
    )]
    TooComplex {
        /// Nodes in the diagram.
        nodes: usize,
        /// Nodes plus one point per rank each edge passes through.
        vertices: usize,
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
    let vertices = layout_size(graph);
    if vertices > LAYOUT_VERTEX_LIMIT {
        return Err(DiagramError::TooComplex {
            nodes: graph.nodes.len(),
            vertices,
        });
    }
    let labels: Vec<Vec<String>> = graph
        .nodes
        .iter()
        .map(|n| wrap(&n.label, NODE_LINE_CHARS, NODE_MAX_LINES))
        .collect();
    let canvas = lay_out(graph, &labels, graph.edges.len() <= CROSSING_EDGE_LIMIT)?;
    Ok(draw(graph, &labels, &canvas, id_prefix, link))
}

/// What layout-rs reported: a box per node (by index) and the edges' curves and labels.
#[derive(Default)]
struct Canvas {
    boxes: Vec<Option<(Point, Point)>>,
    arrows: Vec<DrawnEdge>,
}

/// One routed edge: the curve, dashed, arrow heads (start, end), the edge's index in the graph.
type DrawnEdge = (Vec<(Point, Point)>, bool, (bool, bool), Option<usize>);

fn lay_out(graph: &Graph, labels: &[Vec<String>], optimize: bool) -> Result<Canvas, DiagramError> {
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
        // layout-rs checks reachability by walking every path, which is exponential in the
        // number of paths: cycles are broken here instead, edges are added so that the target
        // never has successors yet, and its whole-graph verification is switched off.
        visual.dag.set_validate(false);
        for (from, to, edge, reversed) in acyclic_edges(graph) {
            let mut arrow = edge_arrow(&graph.edges[edge], edge);
            if reversed {
                arrow = arrow.reverse();
            }
            visual.add_edge(arrow, handles[from], handles[to]);
        }
        visual.do_it(false, !optimize, false, &mut canvas);
    }));
    result.map_err(|_| DiagramError::Layout)?;
    Ok(canvas)
}

/// The edges as (from, to, edge index, reversed) by node index, with back edges reversed so
/// the graph has no cycle, sorted by the topological position of their source.
fn acyclic_edges(graph: &Graph) -> Vec<(usize, usize, usize, bool)> {
    let index: std::collections::HashMap<&str, usize> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let pairs: Vec<(usize, usize, usize)> = graph
        .edges
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((*index.get(e.from.as_str())?, *index.get(e.to.as_str())?, i)))
        .collect();
    let back = back_edges(graph.nodes.len(), &pairs);
    let mut oriented: Vec<(usize, usize, usize, bool)> = pairs
        .iter()
        .enumerate()
        .map(|(i, &(from, to, e))| {
            if back[i] {
                (to, from, e, true)
            } else {
                (from, to, e, false)
            }
        })
        .collect();
    let order = topological_positions(graph.nodes.len(), &oriented);
    oriented.sort_by_key(|&(from, to, _, _)| (order[from], order[to]));
    oriented
}

/// Nodes plus the points layout-rs adds where an edge passes a rank, ranking each node one
/// below its lowest predecessor (cycles broken as for the layout).
pub fn layout_size(graph: &Graph) -> usize {
    let edges = acyclic_edges(graph);
    let mut rank = vec![0usize; graph.nodes.len()];
    // Edges are sorted by the topological position of their source, so one pass suffices.
    for &(from, to, _, _) in edges.iter().filter(|(f, t, _, _)| f != t) {
        rank[to] = rank[to].max(rank[from] + 1);
    }
    let passed: usize = edges
        .iter()
        .map(|&(f, t, _, _)| rank[t].abs_diff(rank[f]).saturating_sub(1))
        .sum();
    graph.nodes.len() + passed
}

/// Which edges close a cycle, found by a depth-first walk from each node in order.
fn back_edges(nodes: usize, edges: &[(usize, usize, usize)]) -> Vec<bool> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); nodes];
    for (i, &(from, _, _)) in edges.iter().enumerate() {
        out[from].push(i);
    }
    // 0 = not seen, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; nodes];
    let mut back = vec![false; edges.len()];
    for start in 0..nodes {
        if state[start] != 0 {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        state[start] = 1;
        while let Some((node, next)) = stack.pop() {
            let Some(&edge) = out[node].get(next) else {
                state[node] = 2;
                continue;
            };
            stack.push((node, next + 1));
            let (from, to, _) = edges[edge];
            match state[to] {
                0 => {
                    state[to] = 1;
                    stack.push((to, 0));
                }
                1 => back[edge] = from != to,
                _ => {}
            }
        }
    }
    back
}

/// Each node's position in a topological order of the (acyclic) edges, lowest index first
/// among equals.
fn topological_positions(nodes: usize, edges: &[(usize, usize, usize, bool)]) -> Vec<usize> {
    let mut incoming = vec![0usize; nodes];
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); nodes];
    for &(from, to, _, _) in edges.iter().filter(|(f, t, _, _)| f != t) {
        incoming[to] += 1;
        out[from].push(to);
    }
    let mut ready: std::collections::BTreeSet<usize> =
        (0..nodes).filter(|&n| incoming[n] == 0).collect();
    let mut position = vec![usize::MAX; nodes];
    let mut next = 0;
    while let Some(node) = ready.pop_first() {
        position[node] = next;
        next += 1;
        for &to in &out[node] {
            incoming[to] -= 1;
            if incoming[to] == 0 {
                ready.insert(to);
            }
        }
    }
    position
}

/// The arrow handed to layout-rs. Labels stay out of it: layout-rs would make each label a
/// node of its own, which doubles the ranks and makes long edges (and its placement time)
/// grow steeply; labels are drawn at the middle of the routed edge instead.
fn edge_arrow(edge: &crate::diagram::Edge, index: usize) -> Arrow {
    let look = StyleAttr::simple();
    let style = if edge.dotted {
        LineStyleKind::Dashed
    } else {
        LineStyleKind::Normal
    };
    let mut arrow = Arrow::new(
        LineEndKind::None,
        LineEndKind::Arrow,
        style,
        "",
        &look,
        &None,
        &None,
    );
    arrow.properties = Some(index.to_string());
    arrow
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

    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        dashed: bool,
        heads: (bool, bool),
        _: &StyleAttr,
        properties: Option<String>,
        _: &str,
    ) {
        if path.len() >= 2 {
            let edge = properties.and_then(|p| p.parse().ok());
            self.arrows.push((path.to_vec(), dashed, heads, edge));
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
    for (path, dashed, heads, _) in &canvas.arrows {
        draw_edge(&mut body, path, (*dashed, *heads), prefix, &mut bounds);
    }
    for (path, _, _, edge) in &canvas.arrows {
        let label = edge
            .and_then(|e| graph.edges.get(e))
            .and_then(|e| e.label.as_deref());
        if let Some(label) = label.filter(|l| !l.is_empty()) {
            let text = wrap(label, EDGE_LINE_CHARS, 2).join("\n");
            draw_edge_label(&mut body, middle(path), &text, &mut bounds);
        }
    }
    for (index, node) in graph.nodes.iter().enumerate() {
        if let Some((xy, size)) = canvas.boxes[index] {
            bounds.add(xy);
            bounds.add(xy.add(size));
            let href = node.link.as_deref().map(&mut *link);
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
    // A wide diagram shrinks to the column, but never below three quarters of its size, so
    // its labels stay readable; past that the figure scrolls sideways.
    let min_w = w * 0.75;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" viewBox=\"{x:.0} {y:.0} {w:.0} {h:.0}\" width=\"{w:.0}\" height=\"{h:.0}\" style=\"min-width:{min_w:.0}px\" role=\"img\" aria-label=\"Diagram with {} steps\">",
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
    (dashed, (start, end)): (bool, (bool, bool)),
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
    let _ = write!(out, "<path class=\"{class}\" d=\"{d}\"");
    if start {
        let _ = write!(out, " marker-start=\"url(#{prefix}-arrow)\"");
    }
    if end {
        let _ = write!(out, " marker-end=\"url(#{prefix}-arrow)\"");
    }
    out.push_str("/>");
}

/// The point halfway along the line through a curve's end points.
fn middle(path: &[(Point, Point)]) -> Point {
    let mut points = vec![path[0].0];
    points.extend(path[1..].iter().map(|(_, end)| *end));
    let length: f64 = points.windows(2).map(|w| w[0].distance_to(w[1])).sum();
    let mut left = length / 2.0;
    for w in points.windows(2) {
        let step = w[0].distance_to(w[1]);
        if step >= left && step > 0.0 {
            let t = left / step;
            return Point::new(
                w[0].x + (w[1].x - w[0].x) * t,
                w[0].y + (w[1].y - w[0].y) * t,
            );
        }
        left -= step;
    }
    points[points.len() - 1]
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
