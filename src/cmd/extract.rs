//! `gcdocs extract`: an org (live, a snapshot, or export files) to the content tree.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context as _;
use clap::Args;

use super::{GlobalArgs, Outcome};
use crate::snapshot::Snapshot;

/// Flags of `gcdocs extract`.
#[derive(Debug, Clone, Args, Default)]
pub struct ExtractArgs {
    /// Replay a saved snapshot instead of calling the API (zero requests)
    #[arg(long, value_name = "DIR", conflicts_with = "from_export")]
    pub from_snapshot: Option<PathBuf>,
    /// Document a folder of Architect export files (.i3* and flow-document .json), recursively
    #[arg(long, value_name = "DIR")]
    pub from_export: Option<PathBuf>,
    /// Also keep the raw API responses in DIR; a later run reuses unchanged flow documents
    #[arg(long, value_name = "DIR")]
    pub snapshot: Option<PathBuf>,
    /// Content tree to write
    #[arg(short, long, value_name = "DIR", default_value = "content")]
    pub out: PathBuf,
    /// Region: AWS-style name (eu-west-1), domain (mypurecloud.ie) or API URL
    #[arg(long, env = "GENESYSCLOUD_REGION", value_name = "REGION")]
    pub region: Option<String>,
    /// Full API base URL; overrides --region
    #[arg(long, env = "GENESYSCLOUD_API_REGION", value_name = "URL")]
    pub api_url: Option<String>,
    /// Login (token) base URL [default: derived from the API host]
    #[arg(long, value_name = "URL")]
    pub login_url: Option<String>,
    /// OAuth client id
    #[arg(long, env = "GENESYSCLOUD_OAUTHCLIENT_ID", value_name = "ID")]
    pub client_id: Option<String>,
    /// Read the OAuth client secret from FILE ("-" for stdin) instead of GENESYSCLOUD_OAUTHCLIENT_SECRET
    #[arg(long, value_name = "FILE")]
    pub client_secret_file: Option<PathBuf>,
    /// Requests in flight at once
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub concurrency: usize,
}

/// Runs one extraction and prints the summary line.
pub fn run(args: &ExtractArgs, global: &GlobalArgs) -> anyhow::Result<Outcome> {
    let _ = global;
    let started = Instant::now();
    let snapshot = read_snapshot(args)?;
    if let Some(dir) = &args.snapshot {
        snapshot
            .save(dir)
            .with_context(|| format!("cannot save the snapshot to {}", dir.display()))?;
    }

    let org = crate::org::Org::build(&snapshot);

    let options = crate::content::Options {
        captured_at: snapshot.meta.captured_at.clone(),
    };
    let report = crate::content::write_tree(&org, &args.out, &options)?;

    let pages: Vec<String> = report
        .pages
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect();
    eprintln!(
        "Extracted {} into {} in {}{}",
        if pages.is_empty() {
            "nothing".to_string()
        } else {
            pages.join(", ")
        },
        args.out.display(),
        super::human_duration(started.elapsed()),
        if org.gaps.is_empty() {
            String::new()
        } else {
            format!("; {} gaps", org.gaps.len())
        },
    );
    for gap in &org.gaps {
        eprintln!(
            "  gap: {} {}: {}",
            gap.kind,
            gap.id.as_deref().unwrap_or(&gap.endpoint),
            gap.message
        );
    }
    Ok(if org.gaps.is_empty() {
        Outcome::Complete
    } else {
        Outcome::Gaps
    })
}

fn read_snapshot(args: &ExtractArgs) -> anyhow::Result<Snapshot> {
    if let Some(dir) = &args.from_snapshot {
        return Ok(Snapshot::load(dir)?);
    }
    if let Some(dir) = &args.from_export {
        return super::export_dir::load(dir);
    }
    let client_id = args.client_id.clone().filter(|s| !s.is_empty());
    let secret = std::env::var("GENESYSCLOUD_OAUTHCLIENT_SECRET")
        .ok()
        .filter(|s| !s.is_empty());
    let (Some(_client_id), Some(_secret)) = (client_id, secret) else {
        anyhow::bail!(
            "no OAuth client credentials: set GENESYSCLOUD_OAUTHCLIENT_ID and \
             GENESYSCLOUD_OAUTHCLIENT_SECRET (and GENESYSCLOUD_REGION), or use \
             --from-snapshot DIR or --from-export DIR"
        );
    };
    anyhow::bail!("live extraction is not built yet")
}
