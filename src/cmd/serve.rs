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

/// Serves until interrupted; prints one line per build.
pub fn run(args: &ServeArgs, global: &GlobalArgs) -> anyhow::Result<Outcome> {
    let _ = global;
    let options = args.project.build_options();
    let port = args.port;
    let announced = std::sync::atomic::AtomicBool::new(false);
    crate::site::serve::serve(&options, port, &|result| match result {
        Ok(report) => {
            for warning in &report.warnings {
                tracing::warn!("{warning}");
            }
            eprintln!(
                "Built {} pages into {}",
                report.pages,
                options.out.display()
            );
            if !announced.swap(true, std::sync::atomic::Ordering::SeqCst) {
                eprintln!("Serving on http://127.0.0.1:{port}/ (Ctrl-C to stop)");
            }
        }
        Err(e) => eprintln!("error: {e:#}"),
    })?;
    Ok(Outcome::Complete)
}
