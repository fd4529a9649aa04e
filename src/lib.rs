//! gcdocs as a library: the pipeline stages, in the order data flows through them.
//!
//! `genesys` talks HTTP, `snapshot` keeps raw responses on disk, `flow` and `org` build the
//! pure model, `content` writes the Markdown content tree, `site` turns a content tree into HTML.
//! `diagram` is the graph type shared by `content` (written as Mermaid) and `site` (drawn as SVG).

pub mod cmd;
pub mod content;
pub mod diagram;
pub mod flow;
pub mod fsx;
pub mod genesys;
pub mod kind;
pub mod org;
pub mod site;
pub mod snapshot;
