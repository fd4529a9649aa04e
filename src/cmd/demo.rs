//! `gcdocs demo`: the main job on the bundled sample org.

use std::path::PathBuf;

use clap::Args;

use super::{GlobalArgs, Outcome, ProjectArgs};

/// Flags of `gcdocs demo`.
#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    /// Where the content tree and site are written.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Snapshot of the sample org to replay [default: examples/sample-org]
    #[arg(long, value_name = "DIR")]
    pub sample: Option<PathBuf>,
    /// Also serve the site on 127.0.0.1 after building it
    #[arg(long)]
    pub serve: bool,
    /// Port for --serve
    #[arg(short, long, default_value_t = 8000)]
    pub port: u16,
}

/// The sample org's folder: `examples/sample-org` here, else where this binary was built.
fn sample_dir(args: &DemoArgs) -> PathBuf {
    if let Some(dir) = &args.sample {
        return dir.clone();
    }
    let local = PathBuf::from("examples/sample-org");
    if local.join("snapshot.json").is_file() {
        return local;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/sample-org")
}

/// Extracts the sample org, builds the site and says where it is.
pub fn run(args: &DemoArgs, global: &GlobalArgs) -> anyhow::Result<Outcome> {
    let options = args.project.build_options();
    let extract = super::extract::ExtractArgs {
        from_snapshot: Some(sample_dir(args)),
        out: options.content.clone(),
        ..super::extract::ExtractArgs::default()
    };
    let extracted = super::extract::extract(&extract)?;
    let (report, elapsed) = super::build::build(&options)?;
    eprintln!(
        "Demo: documented {} in {}{}; built {}",
        extracted.pages(),
        super::human_duration(extracted.elapsed),
        extracted.gap_count(),
        super::build::describe(&report, elapsed),
    );
    extracted.print_details();
    let index = options.out.join("index.html");
    println!("{}", index.strip_prefix(".").unwrap_or(&index).display());
    if args.serve {
        let serve = super::serve::ServeArgs {
            project: args.project.clone(),
            port: args.port,
        };
        return super::serve::run(&serve, global);
    }
    Ok(extracted.outcome())
}
