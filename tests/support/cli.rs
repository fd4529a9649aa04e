//! Running `gcdocs extract` against a [`MockApi`] through the real binary, and reading back
//! what it left: exit code, stdout, stderr and the snapshot folder.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use gcdocs::snapshot::Snapshot;

use super::mock_api::{CLIENT_ID, CLIENT_SECRET, MockApi};

/// What one run of the binary left behind.
pub struct Run {
    /// The exit code.
    pub code: i32,
    /// Everything printed on stdout.
    pub stdout: String,
    /// Everything printed on stderr.
    pub stderr: String,
    /// The `--snapshot` folder.
    pub snapshot_dir: PathBuf,
    /// The `--out` folder.
    pub content_dir: PathBuf,
}

impl Run {
    /// The snapshot the run saved.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot::load(&self.snapshot_dir).expect("the run saved a snapshot")
    }
}

/// A `gcdocs extract` command against `api` with the mock's credentials in the environment,
/// writing `<dir>/snapshot` and `<dir>/content`.
pub fn command(api: &MockApi, dir: &Path, extra: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(binary());
    cmd.arg("extract")
        .arg("--api-url")
        .arg(api.url())
        .arg("--snapshot")
        .arg(dir.join("snapshot"))
        .arg("--out")
        .arg(dir.join("content"))
        .args(extra)
        .env("GENESYSCLOUD_OAUTHCLIENT_ID", CLIENT_ID)
        .env("GENESYSCLOUD_OAUTHCLIENT_SECRET", CLIENT_SECRET)
        .env_remove("GENESYSCLOUD_REGION")
        .env_remove("GENESYSCLOUD_API_REGION")
        .env_remove("RUST_LOG")
        .env("NO_COLOR", "1");
    cmd
}

/// Runs `gcdocs extract` to the end through assert_cmd.
pub fn run(api: &MockApi, dir: &Path, extra: &[&str]) -> Run {
    let output = assert_cmd::Command::from_std(command(api, dir, extra))
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .expect("gcdocs runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        snapshot_dir: dir.join("snapshot"),
        content_dir: dir.join("content"),
    }
}

/// The `gcdocs` binary cargo built for this test run.
pub fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_gcdocs"))
}
