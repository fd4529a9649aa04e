//! The benchmark's results and their Markdown report: the machine, then one table each for
//! extraction, site builds side by side, and the diagrams.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use crate::measure::{Files, Run};
use crate::synth::Counts;

/// `gcdocs extract --from-snapshot` at one size.
pub struct ExtractResult {
    /// Bytes of the snapshot folder.
    pub snapshot_bytes: u64,
    /// Flow documents in the snapshot.
    pub flow_documents: usize,
    /// The median run.
    pub run: Run,
    /// Runs made.
    pub runs: usize,
    /// Flow pages the extraction wrote.
    pub flow_pages: usize,
}

/// One tool's build of the content tree.
pub struct ToolResult {
    /// The tool as the table names it.
    pub tool: String,
    /// The median run.
    pub run: Run,
    /// Runs made.
    pub runs: usize,
    /// HTML files written.
    pub html_pages: usize,
    /// The search index files, when the tool writes one.
    pub search: Option<Files>,
}

/// The one-page builds around one diagram.
pub struct DiagramResult {
    /// Why this diagram was picked.
    pub which: &'static str,
    /// The page, relative to the content tree.
    pub page: PathBuf,
    /// Nodes in its diagram.
    pub nodes: usize,
    /// Whole build of the one-page tree.
    pub with: Run,
    /// Whole build of the same page without its diagram.
    pub without: Run,
}

/// Everything measured at one size.
pub struct SizeResult {
    /// Object counts of the organization.
    pub counts: Counts,
    /// Actions in its largest flow.
    pub largest_flow_actions: usize,
    /// Which content tree the builders read.
    pub content_source: &'static str,
    /// Markdown pages in that tree.
    pub content_pages: usize,
    /// The extraction.
    pub extract: ExtractResult,
    /// The builds, gcdocs first.
    pub builds: Vec<ToolResult>,
    /// The diagrams timed (none when the tree has no diagram).
    pub diagrams: Vec<DiagramResult>,
}

fn seconds(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{:.0} ms", d.as_secs_f64() * 1000.0)
    } else {
        format!("{:.2} s", d.as_secs_f64())
    }
}

fn mb(kb: Option<u64>) -> String {
    kb.map_or("n/a".into(), |kb| format!("{:.0} MB", kb as f64 / 1024.0))
}

fn kb(bytes: u64) -> String {
    if bytes >= 10 * 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    } else {
        format!("{:.0} kB", bytes as f64 / 1024.0)
    }
}

/// The whole report as Markdown.
pub fn render(header: &[String], results: &[SizeResult], smoke: bool) -> String {
    let mut out = String::from("## Results\n\n");
    if smoke {
        out.push_str("Smoke run: tiny size, one run each; the numbers mean nothing.\n\n");
    }
    for line in header {
        let _ = writeln!(out, "- {line}");
    }
    extract_table(&mut out, results);
    build_table(&mut out, results);
    diagram_table(&mut out, results);
    out
}

fn extract_table(out: &mut String, results: &[SizeResult]) {
    out.push_str("\n### Extraction from a snapshot (`gcdocs extract --from-snapshot`)\n\n");
    out.push_str(
        "| flows | queues | objects | largest flow (actions) | snapshot | flow documents \
         | wall (median) | runs | peak RSS | flow pages written |\n",
    );
    out.push_str("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for r in results {
        let e = &r.extract;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            r.counts.flows,
            r.counts.queues,
            r.counts.total(),
            r.largest_flow_actions,
            kb(e.snapshot_bytes),
            e.flow_documents,
            seconds(e.run.wall),
            e.runs,
            mb(e.run.peak_kb),
            e.flow_pages
        );
    }
}

fn build_table(out: &mut String, results: &[SizeResult]) {
    out.push_str("\n### Site build, same Markdown, side by side\n\n");
    out.push_str(
        "| flows | content | Markdown pages | tool | HTML pages | wall (median) | runs | pages/s \
         | peak RSS | search index raw | search index gzipped | wall ÷ gcdocs |\n",
    );
    out.push_str(
        "| ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for r in results {
        let base = r.builds.first().map_or(0.0, |b| b.run.wall.as_secs_f64());
        for b in &r.builds {
            let secs = b.run.wall.as_secs_f64();
            let rate = per_second(b.html_pages as f64, secs);
            let ratio = if base > 0.0 {
                format!("{:.2}", secs / base)
            } else {
                "n/a".into()
            };
            let (raw, gz) = match b.search {
                Some(f) if f.count > 0 => (kb(f.raw), kb(f.gzipped)),
                Some(_) => ("none written".into(), "none written".into()),
                None => ("—".into(), "—".into()),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {rate} | {} | {raw} | {gz} | {ratio} |",
                r.counts.flows,
                r.content_source,
                r.content_pages,
                b.tool,
                b.html_pages,
                seconds(b.run.wall),
                b.runs,
                mb(b.run.peak_kb)
            );
        }
    }
}

fn per_second(count: f64, secs: f64) -> String {
    if secs > 0.0 {
        format!("{:.0}", count / secs)
    } else {
        "n/a".into()
    }
}

fn diagram_table(out: &mut String, results: &[SizeResult]) {
    out.push_str("\n### Diagrams (whole `gcdocs build` of a one-page tree)\n\n");
    out.push_str(
        "| flows | diagram | page | nodes | build with diagram | build without diagram \
         | difference (≈ diagram work) |\n",
    );
    out.push_str("| ---: | --- | --- | ---: | ---: | ---: | ---: |\n");
    for r in results {
        for d in &r.diagrams {
            let diff = d.with.wall.saturating_sub(d.without.wall);
            let _ = writeln!(
                out,
                "| {} | {} | `{}` | {} | {} | {} | {} |",
                r.counts.flows,
                d.which,
                d.page.display(),
                d.nodes,
                seconds(d.with.wall),
                seconds(d.without.wall),
                seconds(diff)
            );
        }
    }
}
