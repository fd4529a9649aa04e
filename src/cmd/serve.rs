//! `gcdocs serve`: build, serve on 127.0.0.1, rebuild and reload on change.

use clap::Args;

use super::{GlobalArgs, Outcome, ProjectArgs};

/// Flags of `gcdocs serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Where the project's folders are.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Port to listen on (on 127.0.0.1 only)
    #[arg(short, long, default_value_t = 8000)]
    pub port: u16,
}

/// Serves until interrupted.
pub fn run(args: &ServeArgs, global: &GlobalArgs) -> anyhow::Result<Outcome> {
    let _ = global;
    let options = args.project.build_options();
    crate::site::build(&options)?;
    anyhow::bail!("serving on port {} is not built yet", args.port)
}
