//! The live path and the snapshot replay give the same documentation: the mock API serves the
//! bundled sample org, `gcdocs extract` reads it over HTTP, and the content tree it writes is
//! byte-identical to the one `--from-snapshot` writes (run metadata aside), with the minimum
//! number of requests; a second run against an unchanged org fetches no flow document.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/mock_api.rs"]
mod mock_api;

use std::collections::BTreeMap;
use std::path::Path;

use gcdocs::snapshot::{List, Snapshot};
use mock_api::{MockApi, Options};

fn sample() -> Snapshot {
    Snapshot::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample-org"))
        .expect("the sample org loads")
}

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = gcdocs::fsx::read_tree(dir).expect("tree is readable");
    files.remove("gcdocs-run.json");
    files
}

#[test]
fn live_extraction_of_the_sample_org_matches_the_replay() {
    let org = sample();
    let api = MockApi::start(org.clone(), Options::default());
    let dir = tempfile::tempdir().expect("temp dir");
    let run = cli::run(&api, dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    // The minimum: one token, the organization, one page per list, one wrap-up code list per
    // queue, one configuration per published flow.
    let published = org
        .list(List::Flows)
        .iter()
        .filter(|f| org.document_for(f).is_some())
        .count();
    let queues = org.list(List::Queues).len();
    let minimum = 1 + 1 + List::ALL.len() + queues + published;
    assert_eq!(api.total() as usize, minimum, "{:#?}", api.counts());

    let replay = dir.path().join("replay");
    let output = std::process::Command::new(cli::binary())
        .args(["extract", "--from-snapshot"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample-org"))
        .arg("--out")
        .arg(&replay)
        .output()
        .expect("replay runs");
    assert_eq!(output.status.code(), Some(0));
    let live = tree(&run.content_dir);
    let replayed = tree(&replay);
    assert_eq!(
        live.keys().collect::<Vec<_>>(),
        replayed.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &live {
        assert!(
            bytes == &replayed[name],
            "{name} differs between live and replay"
        );
    }

    // Unchanged org: list requests only.
    let configurations = |api: &MockApi| -> u64 {
        api.counts()
            .iter()
            .filter(|(k, _)| k.ends_with("/configuration"))
            .map(|(_, n)| n)
            .sum()
    };
    let before = configurations(&api);
    assert_eq!(before as usize, published);
    let again = cli::run(&api, dir.path(), &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(
        configurations(&api),
        before,
        "no flow document is fetched again"
    );
}
