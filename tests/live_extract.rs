//! Live extraction through the binary against the mock API: one test per fault, each
//! pinning the requests per endpoint, what the snapshot holds (or lists as a gap) and the
//! exit code; plus incremental re-runs, credentials and the secret.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/mock_api.rs"]
mod mock_api;

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::Path;
use std::time::Duration;

use base64::Engine as _;
use gcdocs::genesys::{self, Config, Secret, region};
use gcdocs::snapshot::{FlowVersion, List, Snapshot};
use mock_api::{CLIENT_SECRET, Fault, MockApi, Options, Rule, sample_org};
use pretty_assertions::assert_eq;
use serde_json::json;

/// Requests a clean run against `org` makes, per endpoint (every list fits one page).
fn clean_counts(org: &Snapshot) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    counts.insert("POST /oauth/token".to_string(), 1);
    counts.insert("GET /api/v2/organizations/me".to_string(), 1);
    for list in List::ALL {
        counts.insert(format!("GET {}", list.api_path()), 1);
    }
    for queue in org.queue_wrapup_codes.keys() {
        counts.insert(format!("GET /api/v2/routing/queues/{queue}/wrapupcodes"), 1);
    }
    for (flow, version) in mock_api::expected_documents(org, FlowVersion::Published).keys() {
        let key = format!("GET /api/v2/flows/{flow}/versions/{version}/configuration");
        counts.insert(key, 1);
    }
    counts
}

/// Every object of `org` is in `got`, except the lists and flows named in `missing`.
fn assert_complete(got: &Snapshot, org: &Snapshot, missing_lists: &[List], missing_flows: &[&str]) {
    assert_eq!(got.organization, org.organization);
    for list in List::ALL {
        if missing_lists.contains(&list) {
            assert!(!got.lists.contains_key(&list), "{list:?} should be a gap");
        } else {
            assert_eq!(got.list(list), org.list(list), "{list:?}");
        }
    }
    assert_eq!(got.queue_wrapup_codes, org.queue_wrapup_codes);
    let mut want = mock_api::expected_documents(org, FlowVersion::Published);
    want.retain(|(flow, _), _| !missing_flows.contains(&flow.as_str()));
    assert_eq!(got.flow_documents, want);
}

fn start(options: Options) -> MockApi {
    MockApi::start(sample_org(10, 2), options)
}

fn with(counts: &mut BTreeMap<String, u64>, key: &str, n: u64) {
    counts.insert(key.to_string(), n);
}

#[test]
fn a_clean_run_reads_every_object_once_at_the_largest_page_size() {
    let api = start(Options::default());
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(api.counts(), clean_counts(api.org()));
    assert_complete(&run.snapshot(), api.org(), &[], &[]);
    assert!(run.snapshot().gaps.is_empty());
    let flows = api
        .targets()
        .into_iter()
        .find(|t| t.starts_with("/api/v2/flows?"));
    assert_eq!(
        flows.as_deref(),
        Some("/api/v2/flows?pageSize=500&pageNumber=1")
    );
    let tables = api
        .targets()
        .into_iter()
        .find(|t| t.starts_with("/api/v2/flows/datatables"));
    assert_eq!(
        tables.as_deref(),
        Some("/api/v2/flows/datatables?expand=schema&pageSize=100&pageNumber=1")
    );
    assert!(
        run.stderr.contains(
            "(9 flow documents fetched, 0 reused) with 28 requests, 0 retries, 0 throttled (429)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("read 2 data-action, 2 data-table,"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn an_unchanged_org_costs_list_requests_only() {
    let api = start(Options::default());
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(cli::run(&api, dir.path(), &[]).code, 0);
    let first = api.counts();
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let second: BTreeMap<String, u64> = api
        .counts()
        .into_iter()
        .map(|(k, n)| (k.clone(), n - first.get(&k).copied().unwrap_or(0)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let mut want = clean_counts(api.org());
    want.retain(|k, _| !k.ends_with("/configuration"));
    assert_eq!(second, want);
    assert_complete(&run.snapshot(), api.org(), &[], &[]);
    assert!(
        run.stderr.contains("(0 flow documents fetched, 9 reused)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_429_with_retry_after_is_waited_out() {
    let api = start(Options::default().rule(Rule::new(
        "/api/v2/routing/queues",
        1,
        Fault::TooMany {
            retry_after: Some(1),
        },
    )));
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut want = clean_counts(api.org());
    with(&mut want, "GET /api/v2/routing/queues", 2);
    assert_eq!(api.counts(), want);
    assert_eq!(api.statuses().get(&429), Some(&1));
    assert_complete(&run.snapshot(), api.org(), &[], &[]);
    assert!(
        run.stderr.contains("1 retries, 1 throttled (429)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_429_without_retry_after_is_retried_after_a_backoff() {
    let api = start(Options::default().rule(Rule::new(
        "/api/v2/routing/skills",
        2,
        Fault::TooMany { retry_after: None },
    )));
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut want = clean_counts(api.org());
    with(&mut want, "GET /api/v2/routing/skills", 3);
    assert_eq!(api.counts(), want);
    assert_complete(&run.snapshot(), api.org(), &[], &[]);
    assert!(
        run.stderr.contains("2 retries, 2 throttled (429)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_retry_after_above_the_ceiling_fails_the_run_naming_endpoint_and_wait() {
    let api = start(Options::default().rule(Rule::new(
        "/api/v2/routing/skills",
        u32::MAX,
        Fault::TooMany {
            retry_after: Some(600),
        },
    )));
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &["--retry-after-ceiling", "30"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(api.count("GET /api/v2/routing/skills"), 1);
    assert!(
        run.stderr.contains(
            "error: GET /api/v2/routing/skills?pageSize=500&pageNumber=1 was throttled and asked \
             to wait 600 s (Retry-After), more than the 30 s ceiling (--retry-after-ceiling)"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.snapshot_dir.exists(), "a failed run saves no snapshot");
}

#[test]
fn server_errors_are_retried_with_backoff() {
    let config = "/api/v2/flows/flow-0002/versions/2.0/configuration";
    let api = start(
        Options::default()
            .rule(Rule::new("/api/v2/flows", 1, Fault::Status(500)))
            .rule(Rule::new(config, 2, Fault::Status(503))),
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut want = clean_counts(api.org());
    with(&mut want, "GET /api/v2/flows", 2);
    with(&mut want, &format!("GET {config}"), 3);
    assert_eq!(api.counts(), want);
    assert_complete(&run.snapshot(), api.org(), &[], &[]);
    assert!(
        run.stderr.contains("3 retries, 0 throttled (429)"),
        "{}",
        run.stderr
    );
}

#[test]
fn persistent_server_errors_fail_after_the_bounded_attempts() {
    let api = start(Options::default().rule(Rule::new(
        "/api/v2/architect/ivrs",
        u32::MAX,
        Fault::Status(503),
    )));
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(api.count("GET /api/v2/architect/ivrs"), 6);
    assert!(
        run.stderr.contains(
            "error: GET /api/v2/architect/ivrs?pageSize=100&pageNumber=1 failed 6 times; \
             last: HTTP 503"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.snapshot_dir.exists());
}

#[test]
fn a_truncated_body_is_read_again() {
    let api = start(Options::default().rule(Rule::new("/api/v2/flows", 1, Fault::Truncate)));
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut want = clean_counts(api.org());
    with(&mut want, "GET /api/v2/flows", 2);
    assert_eq!(api.counts(), want);
    assert_complete(&run.snapshot(), api.org(), &[], &[]);
}

#[test]
fn a_dropped_connection_is_retried() {
    let api = start(Options::default().rule(Rule::new("/api/v2/organizations/me", 1, Fault::Drop)));
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut want = clean_counts(api.org());
    with(&mut want, "GET /api/v2/organizations/me", 2);
    assert_eq!(api.counts(), want);
    assert_complete(&run.snapshot(), api.org(), &[], &[]);
}

#[test]
fn a_request_that_times_out_is_sent_again() {
    let api = start(Options::default().rule(Rule::new(
        "/api/v2/routing/languages",
        1,
        Fault::Stall(Duration::from_secs(5)),
    )));
    let endpoints = region::resolve(None, Some(api.url()), None).expect("mock URL");
    let secret = Secret::new(CLIENT_SECRET);
    let mut config = Config::new(endpoints, api.url(), mock_api::CLIENT_ID, secret);
    config.request_timeout = Duration::from_millis(500);
    let (snapshot, stats) = genesys::fetch_blocking(&config, None).expect("read");
    let mut want = clean_counts(api.org());
    with(&mut want, "GET /api/v2/routing/languages", 2);
    assert_eq!(api.counts(), want);
    assert_complete(&snapshot, api.org(), &[], &[]);
    assert_eq!((stats.requests, stats.retries, stats.throttled), (29, 1, 0));
}

#[test]
fn a_token_that_expires_mid_run_is_minted_again_once_and_the_request_replayed() {
    let config = "/api/v2/flows/flow-0005/versions/2.0/configuration";
    let api = start(Options::default().rule(Rule::new(config, 1, Fault::ExpireTokens)));
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &["--concurrency", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut want = clean_counts(api.org());
    with(&mut want, "POST /oauth/token", 2);
    with(&mut want, &format!("GET {config}"), 2);
    assert_eq!(api.counts(), want);
    assert_eq!(api.tokens_issued(), 2);
    assert_complete(&run.snapshot(), api.org(), &[], &[]);
}

#[test]
fn token_endpoint_throttling_is_retried() {
    let api = start(Options {
        token_throttle: 2,
        ..Options::default()
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut want = clean_counts(api.org());
    with(&mut want, "POST /oauth/token", 3);
    assert_eq!(api.counts(), want);
    assert_complete(&run.snapshot(), api.org(), &[], &[]);
}

#[test]
fn a_403_on_one_flow_and_on_trunks_is_a_gap_with_the_permission_and_exit_3() {
    let config = "/api/v2/flows/flow-0003/versions/2.0/configuration";
    let trunks = "/api/v2/telephony/providers/edges/trunks";
    let forbidden = |permission: &str| Fault::Forbidden {
        permission: permission.to_string(),
    };
    let api = start(
        Options::default()
            .rule(Rule::new(
                config,
                u32::MAX,
                forbidden("architect:flow:view"),
            ))
            .rule(Rule::new(
                trunks,
                u32::MAX,
                forbidden("telephony:plugin:all"),
            )),
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(api.counts(), clean_counts(api.org()));
    let snapshot = run.snapshot();
    assert_complete(&snapshot, api.org(), &[List::Trunks], &["flow-0003"]);
    let gaps: Vec<_> = snapshot
        .gaps
        .iter()
        .map(|g| {
            (
                g.kind.to_string(),
                g.id.clone(),
                g.endpoint.clone(),
                g.status,
                g.permission.clone(),
            )
        })
        .collect();
    assert_eq!(
        gaps,
        vec![
            (
                "flow".to_string(),
                Some("flow-0003".to_string()),
                config.to_string(),
                Some(403),
                Some("architect:flow:view".to_string())
            ),
            (
                "trunk".to_string(),
                None,
                trunks.to_string(),
                Some(403),
                Some("telephony:plugin:all".to_string())
            ),
        ]
    );
    assert!(!run.snapshot_dir.join("trunks.json").exists());
}

#[test]
fn a_page_that_does_not_advance_stops_with_a_gap_after_one_repeat() {
    let mut org = sample_org(10, 2);
    let codes: Vec<_> = (0..250)
        .map(|i| json!({"id": format!("code-{i:03}"), "name": format!("Code {i}")}))
        .collect();
    org.lists.insert(List::WrapupCodes, codes);
    let rule = Rule::new(
        "/api/v2/routing/wrapupcodes",
        u32::MAX,
        Fault::RepeatPrevious,
    );
    let api = MockApi::start(org, Options::default().rule(rule.on_page(2)));
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let mut want = clean_counts(api.org());
    with(&mut want, "GET /api/v2/routing/wrapupcodes", 2);
    assert_eq!(api.counts(), want);
    let snapshot = run.snapshot();
    assert_eq!(snapshot.gaps.len(), 1);
    assert_eq!(
        snapshot.gaps[0].message,
        "page 2 of /api/v2/routing/wrapupcodes repeats page 1; listing stopped with 100 of 250 read"
    );
    assert_eq!(
        snapshot.list(List::WrapupCodes),
        &api.org().list(List::WrapupCodes)[..100]
    );
}

#[test]
fn a_server_that_clamps_page_sizes_to_100_is_paged_to_the_end() {
    let mut org = sample_org(10, 2);
    let skills: Vec<_> = (0..250)
        .map(|i| json!({"id": format!("skill-{i:03}"), "name": format!("Skill {i}")}))
        .collect();
    org.lists.insert(List::Skills, skills);
    let api = MockApi::start(
        org,
        Options {
            clamp_page_size: Some(100),
            ..Options::default()
        },
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut want = clean_counts(api.org());
    with(&mut want, "GET /api/v2/routing/skills", 3);
    assert_eq!(api.counts(), want);
    assert_complete(&run.snapshot(), api.org(), &[], &[]);
    let skill_pages: Vec<_> = api
        .targets()
        .into_iter()
        .filter(|t| t.starts_with("/api/v2/routing/skills"))
        .collect();
    assert_eq!(
        skill_pages,
        [1, 2, 3].map(|p| format!("/api/v2/routing/skills?pageSize=500&pageNumber={p}"))
    );
}

#[test]
fn the_10000_result_ceiling_is_reported_as_a_gap() {
    let mut org = sample_org(10, 2);
    let codes: Vec<_> = (0..10_050)
        .map(|i| json!({"id": format!("code-{i:05}"), "name": format!("Code {i}")}))
        .collect();
    org.lists.insert(List::WrapupCodes, codes);
    let api = MockApi::start(
        org,
        Options {
            result_ceiling: Some(10_000),
            ..Options::default()
        },
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let mut want = clean_counts(api.org());
    with(&mut want, "GET /api/v2/routing/wrapupcodes", 101);
    assert_eq!(api.counts(), want);
    let snapshot = run.snapshot();
    assert_eq!(snapshot.gaps.len(), 1);
    assert_eq!(snapshot.gaps[0].endpoint, "/api/v2/routing/wrapupcodes");
    assert_eq!(
        snapshot.gaps[0].message,
        "the API returns at most 10000 results per listing: 10000 of 10050 read, 50 not \
         documented"
    );
    assert_eq!(snapshot.list(List::WrapupCodes).len(), 10_000);
    assert!(run.stderr.contains("; 1 gap\n"), "{}", run.stderr);
}

#[test]
fn a_count_that_disagrees_with_total_is_a_warning() {
    let api = start(Options::default().rule(Rule::new(
        "/api/v2/routing/skills",
        1,
        Fault::WrongTotal(3),
    )));
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(api.counts(), clean_counts(api.org()));
    assert_complete(&run.snapshot(), api.org(), &[], &[]);
    assert!(
        run.stderr.contains(
            "  warning: /api/v2/routing/skills: read 2 entities but the API reported a total of 3"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_short_lived_token_is_minted_again_before_it_expires() {
    let api = start(Options {
        token_ttl: 2,
        latency: Duration::from_millis(100),
        ..Options::default()
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &["--concurrency", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // 27 API requests at 100 ms each outlive several 1-second token uses.
    assert!(api.tokens_issued() >= 2, "{} tokens", api.tokens_issued());
    assert_eq!(
        api.statuses().get(&401),
        None,
        "no request met an expired token"
    );
    let mut want = clean_counts(api.org());
    with(&mut want, "POST /oauth/token", api.tokens_issued());
    assert_eq!(api.counts(), want);
    assert_complete(&run.snapshot(), api.org(), &[], &[]);
}

#[test]
fn latest_reads_each_flows_latest_configuration() {
    let api = start(Options::default());
    let dir = tempfile::tempdir().expect("tempdir");
    let run = cli::run(&api, dir.path(), &["--version", "latest"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(api.count_prefix("GET /api/v2/flows/flow-"), 10);
    assert_eq!(
        api.count("GET /api/v2/flows/flow-0009/latestconfiguration"),
        1
    );
    let snapshot = run.snapshot();
    assert_eq!(snapshot.meta.flow_version, FlowVersion::Latest);
    assert_eq!(
        snapshot.flow_documents,
        mock_api::expected_documents(api.org(), FlowVersion::Latest)
    );
}

#[test]
fn without_credentials_the_error_says_what_to_set() {
    let api = start(Options::default());
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cmd = cli::command(&api, dir.path(), &[]);
    cmd.env_remove("GENESYSCLOUD_OAUTHCLIENT_SECRET");
    let output = cmd.output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(
            "error: no OAuth client credentials: set GENESYSCLOUD_OAUTHCLIENT_ID and \
             GENESYSCLOUD_OAUTHCLIENT_SECRET"
        ),
        "{stderr}"
    );
    assert_eq!(api.total(), 0);
}

#[test]
fn bad_credentials_name_the_region_and_host() {
    let api = start(Options::default());
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cmd = cli::command(&api, dir.path(), &[]);
    cmd.env("GENESYSCLOUD_OAUTHCLIENT_SECRET", "wrong-secret-4711");
    let output = cmd.output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let url = api.url();
    assert_eq!(
        stderr.trim_end(),
        format!(
            "error: the login host {url} (region {url}) rejected the OAuth client credentials: \
             HTTP 400 invalid_client: authentication failed; check \
             GENESYSCLOUD_OAUTHCLIENT_ID, the secret and the region"
        )
    );
    assert!(!stderr.contains("wrong-secret-4711"));
    assert_eq!(
        api.counts(),
        BTreeMap::from([("POST /oauth/token".to_string(), 1)])
    );
}

/// Every file under `dir`, as text.
fn all_text(dir: &Path) -> String {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| String::from_utf8_lossy(&std::fs::read(e.path()).expect("read")).into_owned())
        .collect()
}

#[test]
fn the_secret_appears_in_no_output_file_or_message() {
    let api = start(
        Options::default()
            .rule(Rule::new("/api/v2/routing/queues", 1, Fault::Status(503)))
            .rule(Rule::new(
                "/api/v2/architect/prompts",
                u32::MAX,
                Fault::Forbidden {
                    permission: "architect:userPrompt:view".into(),
                },
            )),
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let secret_file = dir.path().join("secret.txt");
    std::fs::write(&secret_file, format!("{CLIENT_SECRET}\n")).expect("write secret");
    let mut runs = Vec::new();
    let from_file = [
        "--client-secret-file",
        secret_file.to_str().expect("utf-8"),
        "-v",
    ];
    let mut cmd = cli::command(&api, dir.path(), &from_file);
    cmd.env_remove("GENESYSCLOUD_OAUTHCLIENT_SECRET");
    runs.push(cmd.output().expect("runs"));
    let mut cmd = cli::command(&api, dir.path(), &["-v"]);
    cmd.env("RUST_LOG", "trace");
    runs.push(cmd.output().expect("runs"));
    let mut cmd = cli::command(&api, dir.path(), &["--client-secret-file", "-"]);
    cmd.env_remove("GENESYSCLOUD_OAUTHCLIENT_SECRET")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    writeln!(stdin, "{CLIENT_SECRET}").expect("write the secret");
    drop(stdin);
    runs.push(child.wait_with_output().expect("runs"));
    let mut cmd = cli::command(&api, &dir.path().join("bad"), &["-v"]);
    cmd.env(
        "GENESYSCLOUD_OAUTHCLIENT_SECRET",
        format!("{CLIENT_SECRET}-but-wrong"),
    );
    runs.push(cmd.output().expect("runs"));
    let basic = base64::engine::general_purpose::STANDARD
        .encode(format!("{}:{CLIENT_SECRET}", mock_api::CLIENT_ID));
    let codes: Vec<_> = runs.iter().map(|o| o.status.code()).collect();
    assert_eq!(codes, [Some(3), Some(3), Some(3), Some(1)]);
    for output in &runs {
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!text.contains(CLIENT_SECRET), "{text}");
        assert!(!text.contains(&basic), "{text}");
    }
    std::fs::remove_file(&secret_file).expect("remove");
    let written = all_text(dir.path());
    assert!(
        written.contains("architect:userPrompt:view"),
        "the snapshot was written"
    );
    assert!(!written.contains(CLIENT_SECRET));
    assert!(!written.contains(&basic));
}
