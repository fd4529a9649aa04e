//! One page's Markdown body to HTML with pulldown-cmark: heading ids, rewritten links, code
//! highlighting, Mermaid blocks drawn as SVG, raw HTML filtered, and the plain text and
//! headings kept for the search index and the "on this page" list.

use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::highlight::Highlighter;
use super::links;
use super::svg;

/// Settings that shape the rendering of every page.
#[derive(Debug, Clone)]
pub struct MarkdownOptions {
    /// Let raw HTML through unfiltered.
    pub raw_html: bool,
    /// Largest diagram drawn, in nodes.
    pub diagram_node_budget: usize,
    /// Characters of body text kept for search.
    pub text_limit: usize,
    /// The page's title: a level-1 heading with the same text that opens the body is left
    /// out, since the template shows the title already (generated pages carry one for GitHub).
    pub page_title: String,
}

/// A heading of a page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The `id` attribute.
    pub id: String,
    /// The heading's text.
    pub text: String,
}

/// What rendering one page produced.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML of the body.
    pub html: String,
    /// Every heading, in order.
    pub headings: Vec<Heading>,
    /// Plain text of the body (code and diagrams left out), for search.
    pub text: String,
    /// Internal links: (link as written, site path it points at).
    pub links: Vec<(String, String)>,
    /// Diagrams shown as source, one line each (`line N: reason`).
    pub diagram_notices: Vec<String>,
    /// Diagrams drawn.
    pub diagrams: usize,
}

/// Renders `body` of the page in site folder `folder`; `first_line` is the file line the body
/// starts on, so notices name file lines.
pub fn render(
    body: &str,
    folder: &str,
    first_line: usize,
    options: &MarkdownOptions,
    highlighter: &Highlighter,
) -> Rendered {
    let mut state = State {
        folder,
        options,
        highlighter,
        body,
        first_line,
        out: Rendered::default(),
        events: Vec::new(),
        heading: None,
        code: None,
        ids: std::collections::HashMap::new(),
    };
    let parser = Parser::new_ext(body, parser_options()).into_offset_iter();
    for (event, range) in parser {
        state.event(event, range.start);
    }
    let mut html = String::with_capacity(body.len() * 2);
    pulldown_cmark::html::push_html(&mut html, state.events.into_iter());
    state.out.html = html;
    state.out
}

fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

struct State<'a> {
    folder: &'a str,
    options: &'a MarkdownOptions,
    highlighter: &'a Highlighter,
    body: &'a str,
    first_line: usize,
    out: Rendered,
    events: Vec<Event<'a>>,
    /// An open heading: its start tag and the events inside it.
    heading: Option<(Tag<'a>, Vec<Event<'a>>)>,
    /// An open code block: its language, its text and its body offset.
    code: Option<(String, String, usize)>,
    ids: std::collections::HashMap<String, usize>,
}

impl<'a> State<'a> {
    fn event(&mut self, event: Event<'a>, offset: usize) {
        if self.code.is_some() {
            return self.in_code(event);
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new(), offset));
            }
            Event::Start(tag @ Tag::Heading { .. }) => self.heading = Some((tag, Vec::new())),
            Event::End(TagEnd::Heading(_)) => self.close_heading(),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self.link(dest_url);
                self.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self.link(dest_url);
                self.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Html(html) | Event::InlineHtml(html) => self.raw_html(html),
            Event::Text(text) => {
                self.keep_text(&text);
                self.push(Event::Text(text));
            }
            Event::Code(text) => {
                self.keep_text(&text);
                self.push(Event::Code(text));
            }
            other => {
                if ends_a_word(&other) {
                    self.keep_text(" ");
                }
                self.push(other);
            }
        }
    }

    fn push(&mut self, event: Event<'a>) {
        match &mut self.heading {
            Some((_, inner)) => inner.push(event),
            None => self.events.push(event),
        }
    }

    fn keep_text(&mut self, text: &str) {
        let room = self.options.text_limit.saturating_sub(self.out.text.len());
        if room == 0 {
            return;
        }
        let cut = floor_char_boundary(text, room);
        self.out.text.push_str(&text[..cut]);
    }

    fn link(&mut self, dest: CowStr<'a>) -> CowStr<'a> {
        let link = links::rewrite(&dest, self.folder);
        if let Some(target) = link.target {
            self.out.links.push((dest.to_string(), target));
        }
        if link.href == *dest {
            dest
        } else {
            CowStr::from(link.href)
        }
    }

    fn raw_html(&mut self, html: CowStr<'a>) {
        if self.options.raw_html || is_harmless_tag(&html) {
            self.push(Event::InlineHtml(html));
        } else {
            self.keep_text(&html);
            self.push(Event::Text(html));
        }
    }

    fn close_heading(&mut self) {
        let Some((tag, inner)) = self.heading.take() else {
            return;
        };
        let Tag::Heading {
            level,
            id,
            classes,
            attrs,
        } = tag
        else {
            return;
        };
        let text = plain_text(&inner);
        let repeats_title = level == pulldown_cmark::HeadingLevel::H1
            && self.events.is_empty()
            && text.trim() == self.options.page_title.trim();
        if repeats_title {
            return;
        }
        self.keep_text(" ");
        let base = id.as_deref().map_or_else(|| slug(&text), str::to_string);
        let id = self.unique_id(base);
        self.out.headings.push(Heading {
            level: level as u8,
            id: id.clone(),
            text,
        });
        self.events.push(Event::Start(Tag::Heading {
            level,
            id: Some(id.into()),
            classes,
            attrs,
        }));
        self.events.extend(inner);
        self.events.push(Event::End(TagEnd::Heading(level)));
    }

    fn unique_id(&mut self, base: String) -> String {
        let base = if base.is_empty() {
            "section".to_string()
        } else {
            base
        };
        let count = self.ids.entry(base.clone()).or_insert(0);
        *count += 1;
        if *count == 1 {
            base
        } else {
            format!("{base}-{}", *count - 1)
        }
    }

    fn in_code(&mut self, event: Event<'a>) {
        match event {
            Event::Text(text) => {
                if let Some((_, code, _)) = &mut self.code {
                    code.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, code, offset)) = self.code.take() {
                    let html = self.code_block(&lang, &code, offset);
                    self.push(Event::Html(html.into()));
                }
            }
            _ => {}
        }
    }

    fn code_block(&mut self, lang: &str, code: &str, offset: usize) -> String {
        if lang != "mermaid" {
            return self.highlighter.block(lang, code);
        }
        let index = self.out.diagrams + self.out.diagram_notices.len() + 1;
        let folder = self.folder;
        let mut found = Vec::new();
        let mut link = |dest: &str| {
            let link = links::rewrite(dest, folder);
            if let Some(target) = link.target {
                found.push((dest.to_string(), target));
            }
            link.href
        };
        let drawn = crate::diagram::Graph::parse(code)
            .map_err(|e| svg::DiagramError::Parse(e.to_string()))
            .and_then(|graph| {
                let budget = self.options.diagram_node_budget;
                svg::render(&graph, &format!("d{index}"), budget, &mut link)
            });
        self.out.links.extend(found);
        match drawn {
            Ok(svg) => {
                self.out.diagrams += 1;
                format!("<figure class=\"diagram\">{svg}</figure>\n")
            }
            Err(reason) => {
                let line = self.first_line + self.body[..offset].matches('\n').count();
                self.out
                    .diagram_notices
                    .push(format!("line {line}: diagram shown as text: {reason}"));
                let escaped = html_escape::encode_text(code);
                let reason = html_escape::encode_text(&reason.to_string()).into_owned();
                format!(
                    "<figure class=\"diagram-fallback\"><p class=\"notice\">This diagram is shown as text: {reason}.</p><pre class=\"code\"><code class=\"language-mermaid\">{escaped}</code></pre></figure>\n"
                )
            }
        }
    }
}

/// Events after which search text needs a space so words of neighbouring blocks stay apart.
fn ends_a_word(event: &Event<'_>) -> bool {
    matches!(
        event,
        Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                    | TagEnd::Item
                    | TagEnd::TableCell
                    | TagEnd::BlockQuote(_)
                    | TagEnd::FootnoteDefinition
                    | TagEnd::DefinitionListTitle
                    | TagEnd::DefinitionListDefinition
            )
    )
}

/// The text of a run of inline events, without markup.
fn plain_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        if let Event::Text(t) | Event::Code(t) = event {
            text.push_str(t);
        }
    }
    text
}

/// A heading anchor the way GitHub makes them: lower case, spaces to `-`, punctuation dropped
/// (letters and digits of every script, `-` and `_` are kept).
pub fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The few raw HTML tags kept even when raw HTML is off: they carry no attributes that run
/// anything.
fn is_harmless_tag(html: &str) -> bool {
    static HARMLESS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^(</?(br|details|summary|sup|sub|kbd)\s*/?>|<a id="[A-Za-z0-9_-]+">\s*</a>|<a id="[A-Za-z0-9_-]+">|</a>)\s*$"#)
            .expect("a valid pattern")
    });
    HARMLESS.is_match(html.trim())
}

fn floor_char_boundary(text: &str, max: usize) -> usize {
    if max >= text.len() {
        return text.len();
    }
    (0..=max)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests;
