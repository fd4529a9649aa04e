//! The build benchmark: for each size, generate the synthetic organization, time
//! `gcdocs extract --from-snapshot`, then build the same content tree with gcdocs, Hugo
//! (minimal layout) and mdBook (generated SUMMARY.md, with and without its search index),
//! and time the whole build of one-page trees holding the largest diagram and one of the
//! largest real flow's size. Prints one
//! Markdown report (also written to `<work>/results.md`). Run it with `benches/run.sh`.

#[path = "../gen/mod.rs"]
mod synth;

mod measure;
mod report;
mod tools;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;
use clap::{Parser, ValueEnum};

use measure::Run;
use report::{DiagramResult, ExtractResult, SizeResult, ToolResult};

/// Which content tree the site builders read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ContentSource {
    /// What `gcdocs extract` wrote, unless it wrote no flow pages (then the stand-in)
    Auto,
    /// Always what `gcdocs extract` wrote
    Gcdocs,
    /// Always the benchmark's stand-in tree written from the snapshot
    Standin,
}

/// Build benchmark: gcdocs against Hugo and mdBook on the same Markdown.
#[derive(Debug, Parser)]
#[command(name = "site_build")]
struct Args {
    /// A tiny size, one run each: proves the benchmark works, measures nothing
    #[arg(long)]
    smoke: bool,
    /// Organization sizes in flows [default: 100,1000,2000; --smoke: 12]
    #[arg(long, value_delimiter = ',')]
    sizes: Vec<usize>,
    /// Runs per measurement; the median is reported (one run when the first takes over 60 s)
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Seed of the synthetic organization
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Scratch folder for snapshots, trees and sites [default: <temp>/gcdocs-bench]
    #[arg(long, value_name = "DIR")]
    work: Option<PathBuf>,
    /// Hugo executable (name on PATH or path)
    #[arg(long, default_value = "hugo")]
    hugo: String,
    /// mdBook executable (name on PATH or path)
    #[arg(long, default_value = "mdbook")]
    mdbook: String,
    /// Content tree the site builders read
    #[arg(long, value_enum, default_value_t = ContentSource::Auto)]
    content: ContentSource,
    /// Passed by `cargo bench`; ignored
    #[arg(long, hide = true)]
    bench: bool,
}

/// The programs being compared.
struct Programs {
    gcdocs: PathBuf,
    hugo: Option<PathBuf>,
    mdbook: Option<PathBuf>,
}

fn main() -> std::process::ExitCode {
    match run(Args::parse()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run(mut args: Args) -> anyhow::Result<()> {
    if args.sizes.is_empty() {
        args.sizes = if args.smoke {
            vec![12]
        } else {
            vec![100, 1000, 2000]
        };
    }
    if args.smoke {
        args.runs = 1;
    }
    let work = args
        .work
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join("gcdocs-bench"));
    let programs = Programs {
        gcdocs: PathBuf::from(env!("CARGO_BIN_EXE_gcdocs")),
        hugo: find_program(&args.hugo),
        mdbook: find_program(&args.mdbook),
    };
    let mut header = measure::machine();
    header.push(format!(
        "gcdocs: {}",
        measure::version(&programs.gcdocs, &["--version"])
    ));
    let tools = [
        ("hugo", &programs.hugo, "version"),
        ("mdbook", &programs.mdbook, "--version"),
    ];
    for (name, program, flag) in tools {
        header.push(match program {
            Some(p) => format!("{name}: {}", measure::version(p, &[flag])),
            None => format!("{name}: not found ({name} is skipped)"),
        });
    }
    header.push(format!(
        "seed {}; runs per measurement: {} (median; one run when the first takes over 60 s; 5 for the diagram)",
        args.seed, args.runs
    ));
    let mut results = Vec::new();
    for &flows in &args.sizes {
        eprintln!("== {flows} flows");
        results.push(bench_size(
            &args,
            &programs,
            &work.join(format!("flows-{flows}")),
            flows,
        )?);
    }
    let text = report::render(&header, &results, args.smoke);
    gcdocs::fsx::write(&work.join("results.md"), text.as_bytes())?;
    println!("{text}");
    eprintln!("Report written to {}", work.join("results.md").display());
    Ok(())
}

/// A program given by path, or found on PATH.
fn find_program(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        return Path::new(name).is_file().then(|| PathBuf::from(name));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Runs `once` up to `runs` times (once only when the first run is slow); the median.
fn repeat(
    runs: usize,
    mut once: impl FnMut() -> anyhow::Result<Run>,
) -> anyhow::Result<(Run, usize)> {
    let mut all = vec![once()?];
    while all.len() < runs.max(1) && all[0].wall < Duration::from_secs(60) {
        all.push(once()?);
    }
    Ok((measure::median(&all), all.len()))
}

fn bench_size(
    args: &Args,
    programs: &Programs,
    dir: &Path,
    flows: usize,
) -> anyhow::Result<SizeResult> {
    let snapshot_dir = dir.join("snapshot");
    let org = synth::generate(&synth::Options {
        flows,
        seed: args.seed,
    });
    org.snapshot
        .save(&snapshot_dir)
        .with_context(|| format!("cannot write the snapshot to {}", snapshot_dir.display()))?;
    let extract = bench_extract(args, programs, dir, &snapshot_dir, &org)?;

    let extracted = dir.join("content");
    let use_standin = match args.content {
        ContentSource::Standin => true,
        ContentSource::Gcdocs => false,
        ContentSource::Auto => extract.flow_pages < org.snapshot.flow_documents.len(),
    };
    let content = if use_standin {
        let standin = measure::fresh(&dir.join("standin-content"))?;
        synth::standin::write_tree(&org.snapshot, &standin)?;
        standin
    } else {
        extracted
    };
    let pages = tools::markdown_files(&content)?.len();

    let mut builds = vec![bench_gcdocs(args, programs, dir, &content)?];
    builds.extend(bench_hugo(args, programs, dir, &content)?);
    builds.extend(bench_mdbook(args, programs, dir, &content)?);
    let diagrams = bench_diagrams(args, programs, dir, &content)?;
    Ok(SizeResult {
        counts: org.counts,
        largest_flow_actions: largest_flow_actions(&org.snapshot),
        content_source: if use_standin {
            "stand-in"
        } else {
            "gcdocs extract"
        },
        content_pages: pages,
        extract,
        builds,
        diagrams,
    })
}

/// Actions (menu choices included) in the largest flow document.
fn largest_flow_actions(snapshot: &gcdocs::snapshot::Snapshot) -> usize {
    let count = |doc: &serde_json::Value| -> usize {
        doc["flowSequenceItemList"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                c["actionList"].as_array().map_or(0, Vec::len)
                    + c["menuChoiceList"].as_array().map_or(0, Vec::len)
            })
            .sum()
    };
    snapshot
        .flow_documents
        .values()
        .map(count)
        .max()
        .unwrap_or(0)
}

fn bench_extract(
    args: &Args,
    programs: &Programs,
    dir: &Path,
    snapshot: &Path,
    org: &synth::SynthOrg,
) -> anyhow::Result<ExtractResult> {
    eprintln!("   extract");
    let content = dir.join("content");
    let snapshot_arg = snapshot.display().to_string();
    let content_arg = content.display().to_string();
    let (run, runs) = repeat(args.runs, || {
        measure::fresh(&content)?;
        measure::run(
            &programs.gcdocs,
            &[
                "extract",
                "--from-snapshot",
                &snapshot_arg,
                "--out",
                &content_arg,
            ],
            dir,
            dir,
        )
    })?;
    let flow_pages = if content.join("flows").is_dir() {
        tools::markdown_files(&content.join("flows"))?
            .iter()
            .filter(|p| p.file_name().is_some_and(|n| n != "_index.md"))
            .count()
    } else {
        0
    };
    Ok(ExtractResult {
        snapshot_bytes: measure::files(snapshot, |_| true, false)?.raw,
        flow_documents: org.snapshot.flow_documents.len(),
        run,
        runs,
        flow_pages,
    })
}

fn bench_gcdocs(
    args: &Args,
    programs: &Programs,
    dir: &Path,
    content: &Path,
) -> anyhow::Result<ToolResult> {
    eprintln!("   gcdocs build");
    let root = dir.join("gcdocs-site");
    gcdocs::fsx::create_dir_all(&root)?;
    let public = root.join("public");
    let (root_arg, content_arg, out_arg) = (
        root.display().to_string(),
        content.display().to_string(),
        public.display().to_string(),
    );
    let (run, runs) = repeat(args.runs, || {
        measure::fresh(&public)?;
        measure::run(
            &programs.gcdocs,
            &[
                "build",
                "--root",
                &root_arg,
                "--content",
                &content_arg,
                "--out",
                &out_arg,
            ],
            &root,
            dir,
        )
    })?;
    let html = html_pages(&public)?;
    let search = measure::files(
        &public,
        |n| n.contains("search") && (n.ends_with(".json") || n.ends_with(".js")),
        true,
    )?;
    Ok(ToolResult {
        tool: "gcdocs build".into(),
        run,
        runs,
        html_pages: html,
        search: Some(search),
    })
}

fn bench_hugo(
    args: &Args,
    programs: &Programs,
    dir: &Path,
    content: &Path,
) -> anyhow::Result<Option<ToolResult>> {
    let Some(hugo) = &programs.hugo else {
        return Ok(None);
    };
    eprintln!("   hugo");
    let project = dir.join("hugo");
    let public = project.join("public");
    tools::hugo_project(&project, content, &public)?;
    let (run, runs) = repeat(args.runs, || {
        measure::fresh(&public)?;
        measure::run(hugo, &["--quiet"], &project, dir)
    })?;
    Ok(Some(ToolResult {
        tool: "Hugo".into(),
        run,
        runs,
        html_pages: html_pages(&public)?,
        search: None,
    }))
}

fn bench_mdbook(
    args: &Args,
    programs: &Programs,
    dir: &Path,
    content: &Path,
) -> anyhow::Result<Vec<ToolResult>> {
    let Some(mdbook) = &programs.mdbook else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for search in [false, true] {
        eprintln!("   mdbook (search {})", if search { "on" } else { "off" });
        let project = dir.join(if search { "mdbook-search" } else { "mdbook" });
        tools::mdbook_project(&project, content, search)?;
        let book = project.join("book");
        let (run, runs) = repeat(args.runs, || {
            measure::fresh(&book)?;
            measure::run(mdbook, &["build"], &project, dir)
        })?;
        let index = measure::files(&book, |n| n.starts_with("searchindex"), true)?;
        out.push(ToolResult {
            tool: if search {
                "mdBook + search".into()
            } else {
                "mdBook".into()
            },
            run,
            runs,
            html_pages: html_pages(&book)?,
            search: search.then_some(index),
        });
    }
    Ok(out)
}

/// Nodes in the diagram of the largest public real flow (54 actions and its containers).
const REAL_LARGEST_NODES: usize = 60;

/// Times the largest diagram and the one nearest the largest real flow's size.
fn bench_diagrams(
    args: &Args,
    programs: &Programs,
    dir: &Path,
    content: &Path,
) -> anyhow::Result<Vec<DiagramResult>> {
    let all = tools::diagrams(content)?;
    let largest = all.iter().max_by_key(|(_, n)| *n);
    let real_sized = all
        .iter()
        .min_by_key(|(_, n)| n.abs_diff(REAL_LARGEST_NODES));
    let picks = [
        ("largest", largest),
        ("nearest the largest real flow", real_sized),
    ];
    let mut out = Vec::new();
    for (which, pick) in picks {
        let Some((page, nodes)) = pick else { continue };
        eprintln!("   {which} diagram ({nodes} nodes)");
        let (with, without) = bench_one_page(args, programs, dir, content, page)?;
        out.push(DiagramResult {
            which,
            page: page.clone(),
            nodes: *nodes,
            with,
            without,
        });
    }
    Ok(out)
}

/// Whole builds of a one-page tree holding `page`, with and without its diagrams.
fn bench_one_page(
    args: &Args,
    programs: &Programs,
    dir: &Path,
    content: &Path,
    page: &Path,
) -> anyhow::Result<(Run, Run)> {
    let trees = measure::fresh(&dir.join("one-page"))?;
    let (with, without) = tools::one_page_trees(content, page, &trees)?;
    let time = |root: &Path| {
        let root_arg = root.display().to_string();
        repeat(args.runs.max(5), || {
            measure::fresh(&root.join("public"))?;
            measure::run(&programs.gcdocs, &["build", "--root", &root_arg], root, dir)
        })
    };
    Ok((time(&with)?.0, time(&without)?.0))
}

fn html_pages(dir: &Path) -> anyhow::Result<usize> {
    Ok(measure::files(dir, |n| n.ends_with(".html"), false)?.count)
}
