//! Against a per-token rate limit (1,200 requests a minute, scaled into 3-second windows of
//! 60), a run of some 220 requests paces itself from the `inin-ratelimit-*` headers: at most
//! 1 % of responses are 429 and the org is read whole.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/mock_api.rs"]
mod mock_api;

use std::time::{Duration, Instant};

use gcdocs::snapshot::{FlowVersion, List};
use mock_api::{MockApi, Options, RateLimit, sample_org};

#[test]
fn pacing_keeps_429s_at_or_under_one_percent() {
    // 222 flows, every tenth unpublished: 200 configuration requests.
    let api = MockApi::start(
        sample_org(222, 2),
        Options {
            rate_limit: Some(RateLimit {
                allowed: 60,
                window: Duration::from_secs(3),
            }),
            latency: Duration::from_millis(5),
            ..Options::default()
        },
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let started = Instant::now();
    let run = cli::run(&api, dir.path(), &[]);
    let elapsed = started.elapsed();
    assert_eq!(run.code, 0, "{}", run.stderr);

    let configurations = api.count_prefix("GET /api/v2/flows/flow-");
    assert_eq!(configurations, 200);
    let responses: u64 = api.statuses().values().sum();
    let throttled = api.statuses().get(&429).copied().unwrap_or(0);
    let api_requests = responses - api.count("POST /oauth/token");
    assert_eq!(api_requests, 1 + 15 + 2 + 200 + throttled);
    assert!(
        throttled * 100 <= responses,
        "{throttled} of {responses} responses were 429"
    );
    let snapshot = run.snapshot();
    assert_eq!(snapshot.list(List::Flows), api.org().list(List::Flows));
    assert_eq!(
        snapshot.flow_documents,
        mock_api::expected_documents(api.org(), FlowVersion::Published)
    );
    // 218 requests at 60 per 3 s need the fourth window: at least 9 s.
    assert!(elapsed >= Duration::from_secs(9), "{elapsed:?}");
    eprintln!(
        "{api_requests} API requests, {throttled} throttled, in {:.1} s (bound 9 s)",
        elapsed.as_secs_f64()
    );
}
