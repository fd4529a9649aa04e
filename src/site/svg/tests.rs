//! Tests of the SVG drawing: shapes, escaping, links, budgets, and a layout timing run.

use super::*;
use crate::diagram::{Edge, Node};

fn node(id: &str, label: &str, shape: Shape, link: Option<&str>) -> Node {
    Node {
        id: id.into(),
        label: label.into(),
        shape,
        link: link.map(str::to_string),
    }
}

fn edge(from: &str, to: &str, label: Option<&str>) -> Edge {
    Edge {
        from: from.into(),
        to: to.into(),
        label: label.map(str::to_string),
        dotted: false,
    }
}

fn keep(link: &str) -> String {
    link.to_string()
}

/// A chain of `n` steps with a decision every fifth step branching back two steps.
fn chain(n: usize) -> Graph {
    let shapes = [
        Shape::Step,
        Shape::Decision,
        Shape::Menu,
        Shape::Transfer,
        Shape::DataAction,
    ];
    let nodes = (1..=n)
        .map(|i| {
            node(
                &format!("n{i}"),
                &format!("Step number {i}"),
                shapes[i % 5],
                None,
            )
        })
        .collect();
    let mut edges: Vec<Edge> = (1..n)
        .map(|i| edge(&format!("n{i}"), &format!("n{}", i + 1), None))
        .collect();
    edges.extend(
        (5..=n)
            .step_by(5)
            .map(|i| edge(&format!("n{i}"), &format!("n{}", i - 2), Some("Retry"))),
    );
    Graph {
        nodes,
        edges,
        ..Graph::default()
    }
}

#[test]
fn every_shape_is_drawn_with_its_class_and_escaped_label() {
    let graph = Graph {
        nodes: Shape::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| {
                node(
                    &format!("n{i}"),
                    &format!("<{}> & \"x\"", s.name()),
                    *s,
                    None,
                )
            })
            .collect(),
        edges: (1..8)
            .map(|i| edge(&format!("n{}", i - 1), &format!("n{i}"), Some("<i>")))
            .collect(),
        ..Graph::default()
    };
    let svg = render(&graph, "d1", 100, &mut keep).expect("drawn");
    for shape in Shape::ALL {
        assert!(
            svg.contains(&format!("<g class=\"node {}\">", shape.name())),
            "{}",
            shape.name()
        );
        assert!(svg.contains(&format!("&lt;{}&gt; &amp; \"x\"", shape.name())));
    }
    assert!(!svg.contains("<i>"), "edge label escaped");
    assert_eq!(svg.matches("<g class=\"edge-label\">").count(), 7);
    assert_eq!(svg.matches("<path class=\"edge\"").count(), 7);
}

#[test]
fn linked_nodes_become_svg_anchors_with_rewritten_hrefs() {
    let graph = Graph {
        nodes: vec![
            node("n1", "Start", Shape::Start, Some("#main-menu")),
            node("n2", "Queue", Shape::Transfer, Some("x\"y")),
        ],
        edges: vec![edge("n1", "n2", None)],
        ..Graph::default()
    };
    let mut seen = Vec::new();
    let svg = render(&graph, "d1", 100, &mut |l: &str| {
        seen.push(l.to_string());
        format!("{l}!")
    })
    .expect("drawn");
    assert_eq!(seen, vec!["#main-menu", "x\"y"]);
    assert!(svg.contains("<a href=\"#main-menu!\"><g class=\"node start\">"));
    assert!(svg.contains("<a href=\"x&quot;y!\">"));
}

#[test]
fn groups_are_boxes_with_titles() {
    let mut graph = chain(3);
    graph.groups.push(crate::diagram::Group {
        id: "g1".into(),
        label: "Task: <Billing>".into(),
        nodes: vec!["n1".into(), "n2".into()],
    });
    let svg = render(&graph, "d1", 100, &mut keep).expect("drawn");
    assert!(svg.contains("<g class=\"group\"><rect"));
    assert!(svg.contains(">Task: &lt;Billing&gt;</text>"));
}

#[test]
fn too_many_nodes_is_refused_with_the_setting_named() {
    let err = render(&chain(11), "d1", 10, &mut keep).expect_err("over budget");
    assert_eq!(
        err.to_string(),
        "11 nodes is more than the diagram_node_budget of 10 set in book.toml"
    );
}

#[test]
fn an_empty_graph_is_a_small_empty_svg() {
    let svg = render(&Graph::default(), "d1", 10, &mut keep).expect("drawn");
    assert!(
        svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" viewBox=\"-8 -8 16 16\""
        ),
        "{svg}"
    );
}

#[test]
fn long_labels_wrap_and_are_cut_with_the_full_text_in_the_tooltip() {
    assert_eq!(
        wrap("Transfer to the claims queue for French speakers", 20, 4),
        vec!["Transfer to the", "claims queue for", "French speakers"]
    );
    assert_eq!(
        wrap(&"x".repeat(45), 20, 2),
        vec!["x".repeat(20), format!("{}…", "x".repeat(20))]
    );
    let label = "word ".repeat(60);
    let graph = Graph {
        nodes: vec![node("n1", label.trim(), Shape::Step, None)],
        ..Graph::default()
    };
    let svg = render(&graph, "d1", 10, &mut keep).expect("drawn");
    assert_eq!(svg.matches("<tspan").count(), NODE_MAX_LINES);
    assert!(svg.contains(&format!("<title>{}</title>", label.trim())));
}

#[test]
fn left_right_diagrams_lay_out_sideways() {
    let mut graph = chain(4);
    graph.direction = Direction::LeftRight;
    let svg = render(&graph, "d1", 10, &mut keep).expect("drawn");
    let view: Vec<f64> = svg
        .split("viewBox=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a viewBox")
        .split(' ')
        .map(|n| n.parse().expect("a number"))
        .collect();
    assert!(view[2] > view[3], "wider than tall: {view:?}");
}

/// `n` nodes, each with edges to two of the next ten (a flow with menus and decisions), and
/// a loop back every seventh node; the same graph for the same `n`.
fn branchy(n: usize) -> Graph {
    let mut rng = fastrand::Rng::with_seed(n as u64);
    let nodes = (1..=n)
        .map(|i| node(&format!("n{i}"), &format!("Action {i}"), Shape::Step, None))
        .collect();
    let mut edges = Vec::new();
    for i in 1..n {
        for _ in 0..2 {
            let to = (i + 1 + rng.usize(0..10)).min(n);
            edges.push(edge(&format!("n{i}"), &format!("n{to}"), Some("Yes")));
        }
        if i % 7 == 0 {
            edges.push(edge(&format!("n{i}"), &format!("n{}", i / 2 + 1), None));
        }
    }
    Graph {
        nodes,
        edges,
        ..Graph::default()
    }
}

/// Layout time by diagram size, printed for the report (`cargo test --release -- --ignored
/// --nocapture layout_timings`).
#[test]
#[ignore = "a measurement, run on demand"]
fn layout_timings() {
    for (name, make) in [("chain", chain as fn(usize) -> Graph), ("branchy", branchy)] {
        for n in [10, 50, 100, 200, 300, 500, 1000] {
            let graph = make(n);
            let started = std::time::Instant::now();
            let size = layout_size(&graph);
            match render(&graph, "d1", 1000, &mut keep) {
                Ok(svg) => assert_eq!(svg.matches("<g class=\"node ").count(), n),
                Err(e) => println!("{e}"),
            }
            let elapsed = started.elapsed();
            println!(
                "{name} {n} nodes, {} edges, {size} layout points: {} ms",
                graph.edges.len(),
                elapsed.as_millis()
            );
        }
    }
}
