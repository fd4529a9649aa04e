//! `gcdocs serve`: builds, serves the site on 127.0.0.1 only, watches the content tree,
//! templates and `book.toml`, rebuilds on change, and makes open pages reload. The reload
//! script is injected into HTML responses here, so built files never contain it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context as _;
use notify::{RecursiveMode, Watcher as _};

use super::{BuildOptions, BuildReport};

/// The path pages poll for the build number.
pub const VERSION_PATH: &str = "/__gcdocs/version";

/// Polls the build number every second and reloads the page when it changes.
const RELOAD_SCRIPT: &str = "<script>(function(){var seen=null;function poll(){fetch('/__gcdocs/version',{cache:'no-store'}).then(function(r){return r.text();}).then(function(v){if(seen!==null&&v!==seen){location.reload();}seen=v;}).catch(function(){}).then(function(){setTimeout(poll,1000);});}poll();})();</script>";

/// A reply to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type` value.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
}

/// Serves the site at `options.out` on 127.0.0.1:`port` until the process is stopped;
/// `report` is called after every build.
pub fn serve(
    options: &BuildOptions,
    port: u16,
    report: &(dyn Fn(&anyhow::Result<BuildReport>) + Sync),
) -> anyhow::Result<()> {
    let first = super::build(options);
    report(&first);
    first?;
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| anyhow::anyhow!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let version = Arc::new(AtomicU64::new(1));
    let (events, changes) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(events).context("cannot watch for changes")?;
    for (path, mode) in watched(options) {
        watcher
            .watch(&path, mode)
            .with_context(|| format!("cannot watch {}", path.display()))?;
    }
    std::thread::scope(|scope| {
        let version = &version;
        scope.spawn(move || rebuild_on_change(options, &changes, version, report));
        for request in server.incoming_requests() {
            let reply = respond(&options.out, request.url(), version.load(Ordering::SeqCst));
            let header = tiny_http::Header::from_bytes("Content-Type", reply.content_type)
                .expect("a valid header");
            let no_cache =
                tiny_http::Header::from_bytes("Cache-Control", "no-store").expect("a valid header");
            let response = tiny_http::Response::from_data(reply.body)
                .with_status_code(reply.status)
                .with_header(header)
                .with_header(no_cache);
            let _ = request.respond(response);
        }
    });
    Ok(())
}

/// The folders and files whose changes trigger a rebuild.
fn watched(options: &BuildOptions) -> Vec<(PathBuf, RecursiveMode)> {
    let mut paths = vec![(options.content.clone(), RecursiveMode::Recursive)];
    for folder in ["templates", "static", "themes"] {
        let path = options.root.join(folder);
        if path.is_dir() {
            paths.push((path, RecursiveMode::Recursive));
        }
    }
    let book = options.root.join("book.toml");
    if book.is_file() {
        paths.push((book, RecursiveMode::NonRecursive));
    }
    paths
}

fn rebuild_on_change(
    options: &BuildOptions,
    changes: &mpsc::Receiver<notify::Result<notify::Event>>,
    version: &AtomicU64,
    report: &(dyn Fn(&anyhow::Result<BuildReport>) + Sync),
) {
    while let Ok(event) = changes.recv() {
        if !is_edit(&event, options) {
            continue;
        }
        // Editors write several events per save: wait until they stop.
        while changes.recv_timeout(Duration::from_millis(200)).is_ok() {}
        let result = super::build(options);
        report(&result);
        if result.is_ok() {
            version.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// A change worth a rebuild: something created, modified or removed, outside the output
/// folder and gcdocs' own staging files. Reads (the build itself opens every page) are not.
fn is_edit(event: &notify::Result<notify::Event>, options: &BuildOptions) -> bool {
    let Ok(event) = event else { return false };
    let kind_counts = matches!(
        event.kind,
        notify::EventKind::Create(_) | notify::EventKind::Modify(_) | notify::EventKind::Remove(_)
    );
    kind_counts
        && event.paths.iter().any(|path| {
            let ours = path
                .components()
                .any(|c| c.as_os_str().to_string_lossy().contains(".gcdocs-"));
            !ours && !path.starts_with(&options.out)
        })
}

/// The reply for `url` from the site folder `out`.
pub fn respond(out: &Path, url: &str, version: u64) -> Reply {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == VERSION_PATH {
        return Reply {
            status: 200,
            content_type: "text/plain; charset=utf-8",
            body: version.to_string().into_bytes(),
        };
    }
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let Some(relative) = super::links::resolve("", &decoded) else {
        return not_found(out);
    };
    let mut file = out.join(&relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) => Reply {
            status: 200,
            content_type: content_type(&file),
            body: with_reload(&file, body),
        },
        Err(_) => not_found(out),
    }
}

fn not_found(out: &Path) -> Reply {
    let file = out.join("404.html");
    let body = std::fs::read(&file).unwrap_or_else(|_| b"not found".to_vec());
    Reply {
        status: 404,
        content_type: "text/html; charset=utf-8",
        body: with_reload(&file, body),
    }
}

fn with_reload(file: &Path, body: Vec<u8>) -> Vec<u8> {
    if file.extension().is_none_or(|e| e != "html") {
        return body;
    }
    let text = String::from_utf8_lossy(&body);
    match text.rfind("</body>") {
        Some(at) => format!("{}{RELOAD_SCRIPT}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{RELOAD_SCRIPT}").into_bytes(),
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_edits_outside_the_output_trigger_a_rebuild() {
        use notify::event::{AccessKind, CreateKind, EventKind, ModifyKind};
        let options = BuildOptions {
            root: PathBuf::from("/p"),
            content: PathBuf::from("/p/content"),
            out: PathBuf::from("/p/public"),
        };
        let event = |kind: EventKind, path: &str| {
            Ok(notify::Event::new(kind).add_path(PathBuf::from(path)))
        };
        let page = "/p/content/queues/a.md";
        assert!(is_edit(
            &event(EventKind::Modify(ModifyKind::Any), page),
            &options
        ));
        assert!(is_edit(
            &event(EventKind::Create(CreateKind::File), page),
            &options
        ));
        assert!(!is_edit(
            &event(EventKind::Access(AccessKind::Any), page),
            &options
        ));
        let built = "/p/public/index.html";
        assert!(!is_edit(
            &event(EventKind::Modify(ModifyKind::Any), built),
            &options
        ));
        let staged = "/p/content/.a.md.gcdocs-tmp-12";
        assert!(!is_edit(
            &event(EventKind::Create(CreateKind::File), staged),
            &options
        ));
    }

    #[test]
    fn html_gets_the_reload_script_and_paths_stay_inside() {
        let dir = tempfile::tempdir().expect("temp dir");
        crate::fsx::write(
            &dir.path().join("a/index.html"),
            b"<html><body>x</body></html>",
        )
        .expect("write");
        crate::fsx::write(&dir.path().join("404.html"), b"<body>gone</body>").expect("write");
        crate::fsx::write(&dir.path().join("s.css"), b"body{}").expect("write");
        let reply = respond(dir.path(), "/a/", 3);
        assert_eq!(reply.status, 200);
        let body = String::from_utf8(reply.body).expect("utf-8");
        assert!(body.starts_with("<html><body>x<script>"), "{body}");
        assert_eq!(respond(dir.path(), "/s.css", 3).body, b"body{}");
        assert_eq!(respond(dir.path(), "/__gcdocs/version", 3).body, b"3");
        assert_eq!(respond(dir.path(), "/../../etc/passwd", 3).status, 404);
        assert_eq!(respond(dir.path(), "/missing.html", 3).status, 404);
    }
}
