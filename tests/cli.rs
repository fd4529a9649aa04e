//! The command line's contract: exit codes and the first line of each error.

use assert_cmd::Command;

/// The binary with none of the credential variables of the environment it runs in.
fn gcdocs() -> Command {
    let mut cmd = Command::cargo_bin("gcdocs").expect("binary is built");
    for var in [
        "GENESYSCLOUD_OAUTHCLIENT_ID",
        "GENESYSCLOUD_OAUTHCLIENT_SECRET",
        "GENESYSCLOUD_REGION",
        "GENESYSCLOUD_API_REGION",
        "RUST_LOG",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

fn first_stderr_line(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let output = gcdocs().arg("frobnicate").output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        first_stderr_line(&output),
        "error: unrecognized subcommand 'frobnicate'"
    );
}

#[test]
fn extract_without_credentials_names_the_variables() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = gcdocs()
        .current_dir(dir.path())
        .arg("extract")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        first_stderr_line(&output),
        "error: no OAuth client credentials: set GENESYSCLOUD_OAUTHCLIENT_ID and \
         GENESYSCLOUD_OAUTHCLIENT_SECRET (and GENESYSCLOUD_REGION), or use --from-snapshot DIR \
         or --from-export DIR"
    );
    assert!(
        !dir.path().join("content").exists(),
        "nothing is written on failure"
    );
}

#[test]
fn build_without_a_content_tree_names_the_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = gcdocs()
        .args(["build", "--root"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        first_stderr_line(&output),
        format!(
            "error: no content tree at {}",
            dir.path().join("content").display()
        )
    );
}

#[test]
fn from_snapshot_on_a_folder_that_is_not_one_names_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = gcdocs()
        .current_dir(dir.path())
        .args(["extract", "--from-snapshot", "nowhere"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        first_stderr_line(&output),
        "error: nowhere is not a gcdocs snapshot: snapshot.json is missing"
    );
}

#[test]
fn help_states_the_defaults() {
    let output = gcdocs().args(["extract", "--help"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("[default: content]"), "{help}");
    assert!(help.contains("[default: 4]"), "{help}");
    assert!(
        help.contains("[env: GENESYSCLOUD_OAUTHCLIENT_ID="),
        "{help}"
    );
}
