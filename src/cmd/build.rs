//! `gcdocs build`: the content tree to `public/`.

use std::time::Instant;

use clap::Args;

use super::{GlobalArgs, Outcome, ProjectArgs};

/// Flags of `gcdocs build`.
#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    /// Where the project's folders are.
    #[command(flatten)]
    pub project: ProjectArgs,
}

/// Builds the site and prints one summary line.
pub fn run(args: &BuildArgs, _global: &GlobalArgs) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let options = args.project.build_options();
    let report = crate::site::build(&options)?;
    for warning in &report.warnings {
        tracing::warn!("{warning}");
    }
    eprintln!(
        "Built {} pages into {} in {} (search index {} kB, {} kB gzipped)",
        report.pages,
        options.out.display(),
        super::human_duration(started.elapsed()),
        report.search_index_bytes.0 / 1024,
        report.search_index_bytes.1 / 1024,
    );
    Ok(Outcome::Complete)
}
