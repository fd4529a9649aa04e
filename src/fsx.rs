//! Filesystem calls wrapped once so that every error names the path it concerns.
//!
//! Writes that must survive a crash go through [`write_atomic`]: the bytes land in a
//! temporary file in the same folder, which is then renamed over the target.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// An I/O error together with the path and the operation that failed.
#[derive(Debug, thiserror::Error)]
#[error("cannot {op} {}: {source}", path.display())]
pub struct FsError {
    /// What was being done: "read", "write", "create folder", ...
    pub op: &'static str,
    /// The path concerned.
    pub path: PathBuf,
    /// The underlying error.
    #[source]
    pub source: std::io::Error,
}

fn wrap<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> FsError + 'a {
    move |source| FsError {
        op,
        path: path.to_path_buf(),
        source,
    }
}

/// Reads a whole file as UTF-8.
pub fn read_to_string(path: &Path) -> Result<String, FsError> {
    std::fs::read_to_string(path).map_err(wrap("read", path))
}

/// Reads a whole file as bytes.
pub fn read(path: &Path) -> Result<Vec<u8>, FsError> {
    std::fs::read(path).map_err(wrap("read", path))
}

/// Every file under `dir` with its bytes, by `/`-separated path relative to `dir`, sorted.
pub fn read_tree(dir: &Path) -> Result<std::collections::BTreeMap<String, Vec<u8>>, FsError> {
    let mut files = std::collections::BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            FsError {
                op: "list",
                path,
                source: e.into(),
            }
        })?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            let name = rel.to_string_lossy().replace('\\', "/");
            files.insert(name, read(entry.path())?);
        }
    }
    Ok(files)
}

/// Creates a folder and its parents.
pub fn create_dir_all(path: &Path) -> Result<(), FsError> {
    std::fs::create_dir_all(path).map_err(wrap("create folder", path))
}

/// Removes a file; a file that is already gone is not an error.
pub fn remove_file(path: &Path) -> Result<(), FsError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other.map_err(wrap("remove", path)),
    }
}

/// Removes a folder and everything in it; a folder that is already gone is not an error.
pub fn remove_dir_all(path: &Path) -> Result<(), FsError> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other.map_err(wrap("remove", path)),
    }
}

/// Renames a file or folder.
pub fn rename(from: &Path, to: &Path) -> Result<(), FsError> {
    std::fs::rename(from, to).map_err(wrap("rename", from))
}

/// Writes a file in place (creating its parent folders).
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_dir_all(parent)?;
    }
    std::fs::write(path, bytes).map_err(wrap("write", path))
}

/// Writes a file so that readers see either the old or the new content, never a part.
///
/// The bytes are written and flushed to a temporary file beside `path`, then renamed over it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_dir_all(parent)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent.join(format!(".{name}.gcdocs-tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(source) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(FsError {
            op: "write",
            path: path.to_path_buf(),
            source,
        });
    }
    std::fs::rename(&tmp, path).map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        FsError {
            op: "write",
            path: path.to_path_buf(),
            source,
        }
    })
}

/// Replaces the folder `target` by the folder `staged` in one step where the OS allows it.
///
/// `staged` must be a sibling of `target` (same filesystem). Afterwards `target` holds what
/// `staged` held and `staged` is gone. If `target` does not exist yet, this is a rename.
/// Otherwise the old folder is moved aside, the new one moved in, and the old one removed: a
/// crash between the two renames leaves the old tree whole under `<target>.gcdocs-old`.
pub fn replace_dir(staged: &Path, target: &Path) -> Result<(), FsError> {
    if !target.exists() {
        return rename(staged, target);
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let old = target.with_file_name(format!(".{name}.gcdocs-old-{}", std::process::id()));
    rename(target, &old)?;
    if let Err(e) = rename(staged, target) {
        let _ = std::fs::rename(&old, target);
        return Err(e);
    }
    remove_dir_all(&old)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_path() {
        let err = read_to_string(Path::new("/nonexistent/gcdocs/x.json")).expect_err("missing");
        assert_eq!(
            err.to_string().split(':').next().expect("has a colon"),
            "cannot read /nonexistent/gcdocs/x.json"
        );
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a/b.txt");
        write_atomic(&path, b"one").expect("first write");
        write_atomic(&path, b"two").expect("second write");
        assert_eq!(read_to_string(&path).expect("read back"), "two");
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("parent"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("b.txt")]);
    }

    #[test]
    fn replace_dir_swaps_whole_trees() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("content");
        let staged = dir.path().join("content.new");
        write(&target.join("old.md"), b"old").expect("old tree");
        write(&staged.join("new.md"), b"new").expect("new tree");
        replace_dir(&staged, &target).expect("swap");
        assert!(target.join("new.md").exists());
        assert!(!target.join("old.md").exists());
        assert!(!staged.exists());
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }
}
