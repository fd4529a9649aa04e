//! `gcdocs-synth`: writes a seeded synthetic organization as a snapshot folder (and, with
//! `--content DIR`, the stand-in content tree) for benchmarks and the mock API.
//!
//! ```text
//! cargo run --release --example gcdocs-synth -- --flows 2000 --seed 7 --out /tmp/org-2000
//! ```

#[path = "mod.rs"]
mod synth;

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Parser;

/// Writes a synthetic organization's snapshot.
#[derive(Debug, Parser)]
#[command(name = "gcdocs-synth")]
struct Args {
    /// Number of flows; every other object count follows from it
    #[arg(long, default_value_t = 100)]
    flows: usize,
    /// Seed: the same seed and size give byte-identical files
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Snapshot folder to write (replaced in one step)
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Also write the stand-in content tree here
    #[arg(long, value_name = "DIR")]
    content: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let org = synth::generate(&synth::Options {
        flows: args.flows,
        seed: args.seed,
    });
    org.snapshot
        .save(&args.out)
        .with_context(|| format!("cannot write the snapshot to {}", args.out.display()))?;
    eprintln!(
        "Wrote {} objects: {} flows ({} documents), {} queues and the rest, to {}",
        org.counts.total(),
        org.counts.flows,
        org.snapshot.flow_documents.len(),
        org.counts.queues,
        args.out.display()
    );
    if let Some(dir) = &args.content {
        let pages = synth::standin::write_tree(&org.snapshot, dir)?;
        eprintln!("Wrote {pages} stand-in pages to {}", dir.display());
    }
    Ok(())
}
