//! Live extraction against the mock API (loopback only) under the API's default per-token rate
//! limit: requests made against the minimum possible, wall time against the rate-limit bound
//! (requests ÷ allowed rate), 429 responses, and the same for an unchanged re-run.
//!
//! Settings from the environment, defaults as in issue 7:
//! `GCDOCS_BENCH_SIZES` flows per org, comma-separated (default `200,2000`; each org has one
//! queue per four flows and two objects of every other kind), `GCDOCS_BENCH_LATENCY_MS`
//! (default 150), `GCDOCS_BENCH_RATE` requests per minute (default 300),
//! `GCDOCS_BENCH_WINDOW` seconds of the rate-limit window (default 60; the allowed count
//! scales with it, so a smoke run can use a short window).
//!
//! Prints one Markdown table row per org and run. Run with `cargo bench --bench live_extract`.

#[path = "../tests/support/mock_api.rs"]
mod mock_api;

use std::time::{Duration, Instant};

use gcdocs::genesys::{self, Config, Secret, region};
use gcdocs::snapshot::{List, Snapshot};
use mock_api::{CLIENT_ID, CLIENT_SECRET, MockApi, Options, RateLimit, sample_org};

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(api: &MockApi) -> Config {
    let endpoints = region::resolve(None, Some(api.url()), None).expect("mock URL");
    Config::new(endpoints, api.url(), CLIENT_ID, Secret::new(CLIENT_SECRET))
}

/// The fewest requests that can read `org`: the token, the organization, every list at its
/// largest page size, each queue's wrap-up codes, and (unless `unchanged`) one configuration
/// per published flow.
fn minimum(org: &Snapshot, unchanged: bool) -> u64 {
    let lists: u64 = List::ALL
        .iter()
        .map(|&list| {
            (org.list(list).len() as u64)
                .div_ceil(u64::from(genesys::page_size(list)))
                .max(1)
        })
        .sum();
    let documents = org
        .list(List::Flows)
        .iter()
        .filter(|f| org.document_for(f).is_some())
        .count();
    let documents = if unchanged { 0 } else { documents as u64 };
    2 + lists + org.queue_wrapup_codes.len() as u64 + documents
}

struct Measured {
    requests: u64,
    throttled: u64,
    seconds: f64,
    documents_fetched: usize,
}

fn measure(api: &MockApi, previous: Option<&Snapshot>) -> (Snapshot, Measured) {
    let before = api.total();
    let throttled_before = api.statuses().get(&429).copied().unwrap_or(0);
    let started = Instant::now();
    let (snapshot, stats) = genesys::fetch_blocking(&config(api), previous).expect("extraction");
    let measured = Measured {
        requests: api.total() - before,
        throttled: api.statuses().get(&429).copied().unwrap_or(0) - throttled_before,
        seconds: started.elapsed().as_secs_f64(),
        documents_fetched: stats.documents_fetched,
    };
    (snapshot, measured)
}

fn row(flows: usize, run: &str, m: &Measured, minimum: u64, per_second: f64) {
    let bound = m.requests as f64 / per_second;
    println!(
        "| {flows} | {run} | {} | {minimum} | {:.2} | {} | {:.1} | {:.1} | {:.3} | {} ({:.2} %) |",
        m.requests,
        m.requests as f64 / minimum as f64,
        m.documents_fetched,
        m.seconds,
        bound,
        m.seconds / bound,
        m.throttled,
        m.throttled as f64 * 100.0 / m.requests as f64,
    );
}

fn main() {
    let sizes: Vec<usize> = std::env::var("GCDOCS_BENCH_SIZES")
        .unwrap_or_else(|_| "200,2000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let latency = Duration::from_millis(env_or("GCDOCS_BENCH_LATENCY_MS", 150));
    let rate = env_or("GCDOCS_BENCH_RATE", 300);
    let window = env_or("GCDOCS_BENCH_WINDOW", 60);
    let allowed = (rate * window / 60).max(1);
    let per_second = allowed as f64 / window as f64;
    println!(
        "Live extraction, mock API on 127.0.0.1: {} ms latency, {allowed} requests per {window} s \
         per token, concurrency 4 (the default)\n",
        latency.as_millis()
    );
    println!(
        "| flows | run | requests | minimum | ratio | documents fetched | wall s | bound s | wall ÷ bound | 429 |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for flows in sizes {
        let org = sample_org(flows, (flows / 4).max(1));
        let limit = RateLimit {
            allowed,
            window: Duration::from_secs(window),
        };
        let options = Options {
            latency,
            rate_limit: Some(limit),
            ..Options::default()
        };
        let api = MockApi::start(org.clone(), options);
        let (first, full) = measure(&api, None);
        row(flows, "full", &full, minimum(&org, false), per_second);
        let (_, again) = measure(&api, Some(&first));
        row(
            flows,
            "unchanged re-run",
            &again,
            minimum(&org, true),
            per_second,
        );
    }
}
