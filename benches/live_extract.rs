//! Live extraction against the mock API: requests and time for a full read, an unchanged
//! re-run, and a read under a per-token rate limit compared with the rate-limit bound
//! (requests ÷ allowed rate). Sizes from the environment:
//! `GCDOCS_BENCH_FLOWS` (default 400), `GCDOCS_BENCH_QUEUES` (default 50),
//! `GCDOCS_BENCH_WINDOW` seconds of the scaled rate-limit window (default 12; 300 a minute).
//!
//! Run with `cargo bench --bench live_extract`.

#[path = "../tests/support/mock_api.rs"]
mod mock_api;

use std::time::{Duration, Instant};

use gcdocs::genesys::{self, Config, Secret, region};
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

fn main() {
    let flows = env_or("GCDOCS_BENCH_FLOWS", 400) as usize;
    let queues = env_or("GCDOCS_BENCH_QUEUES", 50) as usize;
    let window = env_or("GCDOCS_BENCH_WINDOW", 12);
    let org = sample_org(flows, queues);

    let api = MockApi::start(
        org.clone(),
        Options {
            latency: Duration::from_millis(20),
            ..Options::default()
        },
    );
    let started = Instant::now();
    let (first, stats) = genesys::fetch_blocking(&config(&api), None).expect("full read");
    let full = started.elapsed();
    let full_requests = api.total();
    let started = Instant::now();
    let (_, again) = genesys::fetch_blocking(&config(&api), Some(&first)).expect("re-run");
    println!(
        "full read, {flows} flows, {queues} queues, 20 ms latency: {} requests in {:.2} s",
        full_requests,
        full.as_secs_f64()
    );
    println!(
        "unchanged re-run: {} requests ({} flow documents fetched, {} reused) in {:.2} s",
        api.total() - full_requests,
        again.documents_fetched,
        again.documents_reused,
        started.elapsed().as_secs_f64()
    );
    drop(api);

    let allowed = 300 * window / 60;
    let limited = MockApi::start(
        org,
        Options {
            latency: Duration::from_millis(20),
            rate_limit: Some(RateLimit {
                allowed,
                window: Duration::from_secs(window),
            }),
            ..Options::default()
        },
    );
    let started = Instant::now();
    let (_, limited_stats) = genesys::fetch_blocking(&config(&limited), None).expect("limited");
    let elapsed = started.elapsed().as_secs_f64();
    let requests = limited.total() - limited.count("POST /oauth/token");
    let throttled = limited.statuses().get(&429).copied().unwrap_or(0);
    // The last window need not be waited out: the bound is the windows fully used.
    let bound = (requests.saturating_sub(1) / allowed) as f64 * window as f64;
    println!(
        "rate limit {allowed} per {window} s: {requests} requests, {throttled} 429 ({:.2} %), \
         {:.1} s against a bound of {bound:.1} s ({:.3}x); {}",
        throttled as f64 * 100.0 / requests as f64,
        elapsed,
        elapsed / bound.max(f64::EPSILON),
        limited_stats.summary()
    );
    let _ = stats;
}
