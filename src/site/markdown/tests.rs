//! Tests of Markdown rendering: ids, links, filtering, code and diagrams.

use super::*;

fn options() -> MarkdownOptions {
    MarkdownOptions {
        raw_html: false,
        diagram_node_budget: 50,
        text_limit: 1000,
        page_title: "Main IVR".to_string(),
    }
}

fn html(body: &str) -> Rendered {
    render(
        body,
        "flows/inboundcall",
        5,
        &options(),
        &Highlighter::default(),
    )
}

#[test]
fn headings_get_unique_github_style_ids() {
    let out =
        html("## Used by\n\n## Menu: Main (FR) #1\n\n## Used by\n\n### Réclamations {#custom}\n");
    let ids: Vec<&str> = out.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        ids,
        vec!["used-by", "menu-main-fr-1", "used-by-1", "custom"]
    );
    assert!(out.html.contains("<h2 id=\"used-by-1\">Used by</h2>"));
    assert_eq!(out.headings[3].text, "Réclamations");
}

#[test]
fn relative_md_links_become_html_and_are_recorded() {
    let out =
        html("[q](../../queues/claims-fr.md#used-by) [w](https://example.org/x.md) [s](#top)\n");
    assert!(
        out.html
            .contains("<a href=\"../../queues/claims-fr.html#used-by\">q</a>")
    );
    assert!(
        out.html
            .contains("<a href=\"https://example.org/x.md\">w</a>")
    );
    assert_eq!(
        out.links,
        vec![(
            "../../queues/claims-fr.md#used-by".to_string(),
            "queues/claims-fr.html".to_string()
        )]
    );
}

#[test]
fn raw_html_is_text_except_harmless_tags() {
    let out = html(
        "a <script>alert(1)</script> b<br>c <a id=\"x\"></a>\n\n<div onclick=\"x()\">d</div>\n",
    );
    assert!(
        out.html
            .contains("a &lt;script&gt;alert(1)&lt;/script&gt; b<br>c <a id=\"x\"></a>"),
        "{}",
        out.html
    );
    assert!(
        out.html
            .contains("&lt;div onclick=\"x()\"&gt;d&lt;/div&gt;"),
        "{}",
        out.html
    );
    let allowed = render(
        "<b>x</b>\n",
        "",
        1,
        &MarkdownOptions {
            raw_html: true,
            ..options()
        },
        &Highlighter::default(),
    );
    assert_eq!(allowed.html, "<p><b>x</b></p>\n");
}

#[test]
fn extensions_are_on() {
    let out = html(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n~~old~~ note[^1]\n\n[^1]: The note.\n",
    );
    assert!(out.html.contains("<table>"));
    assert!(
        out.html
            .contains("<input disabled=\"\" type=\"checkbox\" checked=\"\"/>")
    );
    assert!(out.html.contains("<del>old</del>"));
    assert!(out.html.contains("class=\"footnote-definition\""));
}

#[test]
fn code_is_highlighted_and_left_out_of_search_text() {
    let out = html("Intro `inline`.\n\n```json\n{\"secretWord\": 1}\n```\n");
    assert!(
        out.html
            .contains("<pre class=\"code\"><code class=\"language-json\"><span class=\"hl-"),
        "{}",
        out.html
    );
    assert_eq!(out.text.trim(), "Intro inline.");
}

#[test]
fn mermaid_blocks_become_svg_with_rewritten_node_links() {
    let body = "```mermaid\nflowchart TD\n  n1([\"Start\"])\n  n2[\"Queue\"]\n  n1 --> n2\n  click n2 href \"../../queues/q.md\"\n```\n";
    let out = html(body);
    assert_eq!(out.diagrams, 1);
    assert!(
        out.html.starts_with("<figure class=\"diagram\"><svg "),
        "{}",
        out.html
    );
    assert!(out.html.contains("<a href=\"../../queues/q.html\">"));
    assert_eq!(
        out.links,
        vec![("../../queues/q.md".to_string(), "queues/q.html".to_string())]
    );
}

#[test]
fn unreadable_mermaid_is_shown_as_source_with_a_notice_naming_the_line() {
    let out = html("Text\n\n```mermaid\nsequenceDiagram\n  A->>B: <hi>\n```\n");
    assert_eq!(out.diagrams, 0);
    assert_eq!(
        out.diagram_notices,
        vec![
            "line 7: diagram shown as text: cannot read the diagram (line 1: expected `flowchart TD`, found `sequenceDiagram`)"
        ]
    );
    assert!(out.html.contains("<pre class=\"code\"><code class=\"language-mermaid\">sequenceDiagram\n  A-&gt;&gt;B: &lt;hi&gt;\n</code></pre>"));
}

#[test]
fn search_text_is_capped_at_a_character_boundary() {
    let out = render(
        "ééééé\n",
        "",
        1,
        &MarkdownOptions {
            text_limit: 5,
            ..options()
        },
        &Highlighter::default(),
    );
    assert_eq!(out.text, "éé ");
}

#[test]
fn an_opening_heading_that_repeats_the_title_is_left_out() {
    let out = html("# Main IVR\n\nText.\n\n# Main IVR\n");
    assert_eq!(
        out.html,
        "<p>Text.</p>\n<h1 id=\"main-ivr\">Main IVR</h1>\n"
    );
    assert_eq!(out.headings.len(), 1);
    let other = html("# Another title\n");
    assert_eq!(other.html, "<h1 id=\"another-title\">Another title</h1>\n");
}
