//! `gcdocs extract`: an org (live, a snapshot, or export files) to the content tree.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context as _;
use clap::Args;

use super::{GlobalArgs, Outcome};
use crate::genesys::{self, Secret, Stats};
use crate::snapshot::{FlowVersion, Snapshot};

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
    /// Which version of each flow to document
    #[arg(long = "version", value_enum, value_name = "WHICH", default_value_t = VersionArg::Published)]
    pub flow_version: VersionArg,
    /// Longest Retry-After (seconds) to wait on a 429; a longer one fails the run
    #[arg(long, default_value_t = 180, value_name = "SECS")]
    pub retry_after_ceiling: u64,
}

/// The values of `--version`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum VersionArg {
    /// The published version
    #[default]
    Published,
    /// The latest saved version
    Latest,
}

/// What one extraction did, for the summary line.
#[derive(Debug)]
pub struct Extracted {
    /// What writing the content tree did.
    pub report: crate::content::Report,
    /// What could not be documented.
    pub gaps: Vec<crate::snapshot::Gap>,
    /// Request counters of a live read.
    pub stats: Option<Stats>,
    /// Wall time of the whole extraction.
    pub elapsed: std::time::Duration,
}

impl Extracted {
    /// `20 flow, 30 queue, ...`: pages written per kind.
    pub fn pages(&self) -> String {
        let pages: Vec<String> = self
            .report
            .pages
            .iter()
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        if pages.is_empty() {
            "nothing".to_string()
        } else {
            pages.join(", ")
        }
    }

    /// `; 2 gaps`, or nothing.
    pub fn gap_count(&self) -> String {
        match self.gaps.len() {
            0 => String::new(),
            1 => "; 1 gap".to_string(),
            n => format!("; {n} gaps"),
        }
    }

    /// Prints every warning and gap, one line each, after the summary line.
    pub fn print_details(&self) {
        for warning in self.stats.iter().flat_map(|s| &s.warnings) {
            eprintln!("  warning: {warning}");
        }
        for conflict in &self.report.conflicts {
            eprintln!("  kept: {conflict} (not written by gcdocs, left as it is)");
        }
        for gap in &self.gaps {
            let what = gap.id.as_deref().unwrap_or(&gap.endpoint);
            eprintln!("  gap: {} {what}: {}", gap.kind, gap.message);
        }
    }

    /// Complete, or with gaps (exit code 3).
    pub fn outcome(&self) -> Outcome {
        if self.gaps.is_empty() {
            Outcome::Complete
        } else {
            Outcome::Gaps
        }
    }
}

/// Runs one extraction and prints the summary line.
pub fn run(args: &ExtractArgs, _global: &GlobalArgs) -> anyhow::Result<Outcome> {
    let extracted = extract(args)?;
    let stats = extracted
        .stats
        .as_ref()
        .map(|s| format!("; {}", s.summary()))
        .unwrap_or_default();
    eprintln!(
        "Extracted {} into {} in {}{stats}{}",
        extracted.pages(),
        args.out.display(),
        super::human_duration(extracted.elapsed),
        extracted.gap_count(),
    );
    extracted.print_details();
    Ok(extracted.outcome())
}

/// Reads the org, keeps the snapshot if asked, and writes the content tree.
pub fn extract(args: &ExtractArgs) -> anyhow::Result<Extracted> {
    let started = Instant::now();
    let (snapshot, stats) = read_snapshot(args)?;
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

    Ok(Extracted {
        report,
        gaps: org.gaps,
        stats,
        elapsed: started.elapsed(),
    })
}

fn read_snapshot(args: &ExtractArgs) -> anyhow::Result<(Snapshot, Option<Stats>)> {
    if let Some(dir) = &args.from_snapshot {
        return Ok((Snapshot::load(dir)?, None));
    }
    if let Some(dir) = &args.from_export {
        return Ok((super::export_dir::load(dir)?, None));
    }
    let client_id = args.client_id.clone().filter(|s| !s.is_empty());
    let secret = read_secret(args)?;
    let (Some(client_id), Some(secret)) = (client_id, secret) else {
        anyhow::bail!(
            "no OAuth client credentials: set GENESYSCLOUD_OAUTHCLIENT_ID and \
             GENESYSCLOUD_OAUTHCLIENT_SECRET (and GENESYSCLOUD_REGION), or use \
             --from-snapshot DIR or --from-export DIR"
        );
    };
    let config = live_config(args, &client_id, secret)?;
    let previous = previous_snapshot(args);
    let (snapshot, stats) = genesys::fetch_blocking(&config, previous.as_ref())?;
    Ok((snapshot, Some(stats)))
}

fn live_config(
    args: &ExtractArgs,
    client_id: &str,
    secret: Secret,
) -> anyhow::Result<genesys::Config> {
    let endpoints = genesys::region::resolve(
        args.region.as_deref(),
        args.api_url.as_deref(),
        args.login_url.as_deref(),
    )?;
    let region = [&args.api_url, &args.region]
        .into_iter()
        .flatten()
        .find(|s| !s.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| genesys::region::DEFAULT_REGION.to_string());
    let mut config = genesys::Config::new(endpoints, &region, client_id, secret);
    config.concurrency = args.concurrency.max(1);
    config.retry_after_ceiling = std::time::Duration::from_secs(args.retry_after_ceiling);
    config.flow_version = match args.flow_version {
        VersionArg::Published => FlowVersion::Published,
        VersionArg::Latest => FlowVersion::Latest,
    };
    config.progress = true;
    Ok(config)
}

/// The secret from `--client-secret-file` (`-` for stdin) or the environment; never argv.
fn read_secret(args: &ExtractArgs) -> anyhow::Result<Option<Secret>> {
    let Some(file) = &args.client_secret_file else {
        let secret = std::env::var("GENESYSCLOUD_OAUTHCLIENT_SECRET").ok();
        return Ok(secret.filter(|s| !s.is_empty()).map(Secret::new));
    };
    let text = if file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .context("cannot read the client secret from stdin")?;
        text
    } else {
        crate::fsx::read_to_string(file)?
    };
    let secret = text.trim_end_matches(['\r', '\n']);
    if secret.is_empty() {
        anyhow::bail!("the client secret in {} is empty", file.display());
    }
    Ok(Some(Secret::new(secret)))
}

/// The snapshot a previous run left in `--snapshot DIR`, whose unchanged flow documents
/// are reused. An unreadable one is ignored (everything is read again).
fn previous_snapshot(args: &ExtractArgs) -> Option<Snapshot> {
    let dir = args
        .snapshot
        .as_ref()
        .filter(|d| d.join("snapshot.json").is_file())?;
    match Snapshot::load(dir) {
        Ok(snapshot) => Some(snapshot),
        Err(e) => {
            tracing::warn!("previous snapshot not reused: {e}");
            None
        }
    }
}
