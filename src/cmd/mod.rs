//! The subcommands, one file each, and the flags they share.

pub mod build;
pub mod demo;
pub mod export_dir;
pub mod extract;
pub mod serve;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// How a command that did not fail ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was documented.
    Complete,
    /// Finished, but some objects or flows could not be read; the pages say which.
    Gaps,
}

/// gcdocs: documentation that stays true for a Genesys Cloud contact centre.
#[derive(Debug, Parser)]
#[command(name = "gcdocs", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Flags every command takes.
    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Flags every command takes.
#[derive(Debug, Clone, Args, Default)]
pub struct GlobalArgs {
    /// Print each step with timings on stderr (default: one summary line)
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read an org (live, a snapshot or export files) into the content tree
    #[command(disable_version_flag = true)]
    Extract(extract::ExtractArgs),
    /// Build the static site from the content tree
    Build(build::BuildArgs),
    /// Build, serve on 127.0.0.1 and rebuild on change
    Serve(serve::ServeArgs),
    /// Run the main job on the bundled sample org: extract, build, print where the site is
    Demo(demo::DemoArgs),
}

/// Where a project's folders are, shared by `build`, `serve` and `demo`.
#[derive(Debug, Clone, Args)]
pub struct ProjectArgs {
    /// Project folder holding book.toml, content/ and templates/
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Content tree to read [default: <root>/content]
    #[arg(long, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// Folder the site is written to [default: <root>/public]
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

impl ProjectArgs {
    /// The site build options these flags describe.
    pub fn build_options(&self) -> crate::site::BuildOptions {
        crate::site::BuildOptions {
            root: self.root.clone(),
            content: self
                .content
                .clone()
                .unwrap_or_else(|| self.root.join("content")),
            out: self.out.clone().unwrap_or_else(|| self.root.join("public")),
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Extract(args) => extract::run(&args, &cli.global),
        Command::Build(args) => build::run(&args, &cli.global),
        Command::Serve(args) => serve::run(&args, &cli.global),
        Command::Demo(args) => demo::run(&args, &cli.global),
    }
}

/// Formats a duration for summary lines: `840 ms`, `2.4 s`.
pub fn human_duration(d: std::time::Duration) -> String {
    if d.as_millis() < 1000 {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}
