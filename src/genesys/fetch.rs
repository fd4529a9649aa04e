//! What is read, in what order: the organization, every list endpoint, each queue's wrap-up
//! codes, then the flow documents (reusing those of a previous snapshot whose version is
//! unchanged). A 403 or 404 becomes a [`Gap`]; anything else that fails stops the run.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::Value;
use tokio::task::JoinSet;

use super::client::Client;
use super::paging::{Listing, list_all};
use super::{Config, Error, Stats};
use crate::kind::ObjectKind;
use crate::snapshot::{FlowVersion, Gap, List, Meta, Snapshot, Source};

/// The largest page size each list is read with.
pub fn page_size(list: List) -> u32 {
    match list {
        List::Flows | List::Queues | List::Skills => 500,
        _ => 100,
    }
}

/// Query parameters a list needs to return what the snapshot keeps (no filters).
fn query(list: List) -> &'static str {
    match list {
        List::DataTables => "expand=schema&",
        _ => "",
    }
}

/// Reads the organization into a snapshot, reusing unchanged flow documents from `previous`.
pub async fn fetch(
    config: &Config,
    previous: Option<&Snapshot>,
) -> Result<(Snapshot, Stats), Error> {
    let started = Instant::now();
    let client = Arc::new(Client::new(config)?);
    let progress = Progress::new(config.progress);
    client.auth.token().await?;

    let mut snapshot = Snapshot {
        meta: meta(config),
        ..Snapshot::default()
    };
    let mut stats = Stats::default();
    read_organization(&client, &mut snapshot).await?;
    read_lists(&client, &mut snapshot, &mut stats, &progress).await?;
    read_queue_wrapup_codes(&client, &mut snapshot, &progress).await?;
    read_flow_documents(&client, &mut snapshot, &mut stats, previous, &progress).await?;
    progress.finish();

    for list in List::ALL {
        if let Some(entities) = snapshot.lists.get(&list) {
            stats
                .objects
                .insert(list.kind().to_string(), entities.len());
        }
    }
    stats.requests =
        client.requests.load(Ordering::Relaxed) + client.auth.requests.load(Ordering::Relaxed);
    stats.retries = client.retries.load(Ordering::Relaxed);
    stats.throttled = client.throttled.load(Ordering::Relaxed);
    stats.rate_limit_pauses = client.pauses();
    stats.elapsed = started.elapsed();
    snapshot.gaps.sort();
    Ok((snapshot, stats))
}

fn meta(config: &Config) -> Meta {
    let format =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    Meta {
        format: crate::snapshot::FORMAT,
        captured_at: time::OffsetDateTime::now_utc().format(&format).ok(),
        source: Source::Live,
        region: Some(config.region.clone()),
        flow_version: config.flow_version,
    }
}

async fn read_organization(client: &Client, snapshot: &mut Snapshot) -> Result<(), Error> {
    match client.get("/api/v2/organizations/me").await {
        Ok(org) => snapshot.organization = Some(org),
        Err(e) => snapshot.gaps.push(gap_or_fail(
            e,
            ObjectKind::Other("organization".into()),
            None,
        )?),
    }
    Ok(())
}

async fn read_lists(
    client: &Arc<Client>,
    snapshot: &mut Snapshot,
    stats: &mut Stats,
    progress: &Progress,
) -> Result<(), Error> {
    let mut tasks = JoinSet::new();
    for list in List::ALL {
        let client = Arc::clone(client);
        tasks.spawn(async move {
            let read = list_all(&client, list.api_path(), query(list), page_size(list)).await;
            (list, read)
        });
    }
    progress.add(List::ALL.len());
    while let Some(joined) = tasks.join_next().await {
        let (list, read) = joined.map_err(|e| Error::Setup(e.to_string()))?;
        progress.done(client);
        match read {
            Ok(listing) => keep_listing(snapshot, stats, list, listing),
            Err(e) => snapshot.gaps.push(gap_or_fail(e, list.kind(), None)?),
        }
    }
    Ok(())
}

fn keep_listing(snapshot: &mut Snapshot, stats: &mut Stats, list: List, listing: Listing) {
    if let Some(message) = listing.incomplete {
        snapshot.gaps.push(Gap {
            kind: list.kind(),
            id: None,
            endpoint: list.api_path().to_string(),
            status: None,
            permission: None,
            message,
        });
    }
    stats.warnings.extend(listing.warning);
    snapshot.lists.insert(list, listing.entities);
}

async fn read_queue_wrapup_codes(
    client: &Arc<Client>,
    snapshot: &mut Snapshot,
    progress: &Progress,
) -> Result<(), Error> {
    let mut tasks = JoinSet::new();
    for id in ids(snapshot.list(List::Queues)) {
        let client = Arc::clone(client);
        tasks.spawn(async move {
            let path = format!("/api/v2/routing/queues/{}/wrapupcodes", segment(&id));
            let read = list_all(&client, &path, "", 100).await;
            (id, read)
        });
        progress.add(1);
    }
    while let Some(joined) = tasks.join_next().await {
        let (id, read) = joined.map_err(|e| Error::Setup(e.to_string()))?;
        progress.done(client);
        match read {
            Ok(listing) => {
                if let Some(message) = listing.incomplete {
                    let endpoint = format!("/api/v2/routing/queues/{id}/wrapupcodes");
                    snapshot.gaps.push(Gap {
                        kind: ObjectKind::Queue,
                        id: Some(id.clone()),
                        endpoint,
                        status: None,
                        permission: None,
                        message,
                    });
                }
                snapshot.queue_wrapup_codes.insert(id, listing.entities);
            }
            Err(e) => snapshot
                .gaps
                .push(gap_or_fail(e, ObjectKind::Queue, Some(id))?),
        }
    }
    Ok(())
}

async fn read_flow_documents(
    client: &Arc<Client>,
    snapshot: &mut Snapshot,
    stats: &mut Stats,
    previous: Option<&Snapshot>,
    progress: &Progress,
) -> Result<(), Error> {
    let latest = snapshot.meta.flow_version == FlowVersion::Latest;
    let mut tasks = JoinSet::new();
    let wanted: Vec<(String, String)> = snapshot
        .list(List::Flows)
        .iter()
        .filter_map(|flow| {
            let id = flow.get("id").and_then(Value::as_str)?;
            Some((id.to_string(), snapshot.wanted_version(flow)?))
        })
        .collect();
    for key in wanted {
        if let Some(doc) = reusable(previous, snapshot.meta.flow_version, &key) {
            stats.documents_reused += 1;
            snapshot.flow_documents.insert(key, doc.clone());
            continue;
        }
        let path = if latest {
            format!("/api/v2/flows/{}/latestconfiguration", segment(&key.0))
        } else {
            format!(
                "/api/v2/flows/{}/versions/{}/configuration",
                segment(&key.0),
                segment(&key.1)
            )
        };
        let client = Arc::clone(client);
        tasks.spawn(async move { (key, client.get(&path).await) });
        progress.add(1);
    }
    while let Some(joined) = tasks.join_next().await {
        let (key, read) = joined.map_err(|e| Error::Setup(e.to_string()))?;
        progress.done(client);
        match read {
            Ok(doc) => {
                stats.documents_fetched += 1;
                snapshot.flow_documents.insert(key, doc);
            }
            Err(e) => snapshot
                .gaps
                .push(gap_or_fail(e, ObjectKind::Flow, Some(key.0))?),
        }
    }
    Ok(())
}

/// The previous snapshot's document for (flow, version), when it was read the same way.
fn reusable<'a>(
    previous: Option<&'a Snapshot>,
    wanted: FlowVersion,
    key: &(String, String),
) -> Option<&'a Value> {
    let previous = previous.filter(|p| p.meta.flow_version == wanted)?;
    previous.flow_documents.get(key)
}

/// A 403 or 404 is a gap for `kind` (or the one object `id`); anything else stops the run.
fn gap_or_fail(e: Error, kind: ObjectKind, id: Option<String>) -> Result<Gap, Error> {
    match e {
        Error::Status {
            endpoint,
            status: status @ (403 | 404),
            message,
            permission,
        } => {
            let endpoint = endpoint.split('?').next().unwrap_or("").to_string();
            tracing::warn!("{kind} not readable ({endpoint}): HTTP {status} {message}");
            Ok(Gap {
                kind,
                id,
                endpoint,
                status: Some(status),
                permission,
                message: format!("HTTP {status}: {message}"),
            })
        }
        other => Err(other),
    }
}

fn ids(entities: &[Value]) -> Vec<String> {
    entities
        .iter()
        .filter_map(|e| e.get("id").and_then(Value::as_str).map(str::to_string))
        .collect()
}

/// What an id keeps unescaped in a URL path segment: the unreserved characters.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// An id as one URL path segment.
fn segment(id: &str) -> String {
    utf8_percent_encode(id, SEGMENT).to_string()
}

/// The progress bar on stderr when it is a terminal; otherwise nothing.
struct Progress(Option<ProgressBar>);

impl Progress {
    fn new(enabled: bool) -> Progress {
        if !enabled || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            return Progress(None);
        }
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{spinner} reading {pos}/{len} {msg} [{elapsed}]")
                .expect("the template is valid"),
        );
        Progress(Some(bar))
    }

    fn add(&self, n: usize) {
        if let Some(bar) = &self.0 {
            bar.inc_length(n as u64);
        }
    }

    fn done(&self, client: &Client) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
            bar.set_message(format!(
                "({} requests, {} retries, {} rate-limit waits)",
                client.requests.load(Ordering::Relaxed),
                client.retries.load(Ordering::Relaxed),
                client.throttled.load(Ordering::Relaxed) + client.pauses(),
            ));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
