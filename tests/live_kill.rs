//! A run killed midway leaves the previous snapshot folder and content tree exactly as they
//! were: nothing is written until everything has been read.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/mock_api.rs"]
mod mock_api;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gcdocs::snapshot::List;
use mock_api::{MockApi, Options, sample_org};
use serde_json::json;

/// Every file under `dir` with its bytes, by relative path.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).expect("inside").to_path_buf();
            (relative, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

#[test]
fn a_killed_run_leaves_the_previous_snapshot_and_content_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = MockApi::start(sample_org(10, 2), Options::default());
    let run = cli::run(&first, dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    drop(first);
    // The content tree a previous run (or a person) left.
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("queues")).expect("mkdir");
    std::fs::write(content.join("_index.md"), "# Mock Org\n").expect("write");
    std::fs::write(content.join("queues/queue-0.md"), "# Queue 0\n").expect("write");
    let before_snapshot = tree(&run.snapshot_dir);
    let before_content = tree(&content);
    assert!(before_snapshot.len() > 15, "the first run saved a snapshot");

    // The org changed: every flow has a new published version, so all are read again.
    let mut org = sample_org(40, 2);
    let flows = org.lists.get_mut(&List::Flows).expect("flows");
    for flow in flows.iter_mut() {
        if flow.get("publishedVersion").is_some() {
            flow["publishedVersion"] = json!({"id": "4.0"});
        }
    }
    let slow = MockApi::start(
        org,
        Options {
            latency: Duration::from_millis(100),
            ..Options::default()
        },
    );
    let mut child = cli::command(&slow, dir.path(), &["--concurrency", "1"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn gcdocs");
    let deadline = Instant::now() + Duration::from_secs(30);
    while slow.count_prefix("GET /api/v2/flows/flow-") < 3 {
        assert!(
            Instant::now() < deadline,
            "the run never reached the flow documents"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("kill gcdocs");
    let status = child.wait().expect("wait");
    assert!(!status.success());

    assert_eq!(tree(&run.snapshot_dir), before_snapshot);
    assert_eq!(tree(&content), before_content);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new());
}
