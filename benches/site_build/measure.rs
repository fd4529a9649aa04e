//! Measuring child processes and output folders: wall time, peak resident memory (through
//! GNU time's `%M`, the child's `ru_maxrss`), file counts and raw/gzipped sizes, medians,
//! and a description of the machine.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};

/// GNU time, which reports a child's peak memory.
pub const GNU_TIME: &str = "/usr/bin/time";

/// One measured run of a command.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    /// Wall time from spawn to exit.
    pub wall: Duration,
    /// Peak resident set size in kB, when GNU time is installed.
    pub peak_kb: Option<u64>,
}

/// Runs `program args` in `dir` to completion and measures it; a non-zero exit other than
/// 3 (finished with gaps) is an error that quotes the command's stderr.
pub fn run(program: &Path, args: &[&str], dir: &Path, scratch: &Path) -> anyhow::Result<Run> {
    let report = scratch.join("time.txt");
    let with_time = Path::new(GNU_TIME).is_file();
    let mut command = if with_time {
        let mut c = Command::new(GNU_TIME);
        c.arg("-f").arg("%M").arg("-o").arg(&report).arg(program);
        c
    } else {
        Command::new(program)
    };
    command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let output = command
        .output()
        .with_context(|| format!("cannot run {}", program.display()))?;
    let wall = started.elapsed();
    let code = output.status.code();
    if !matches!(code, Some(0) | Some(3)) {
        let stderr = String::from_utf8_lossy(&output.stderr);
        bail!(
            "{} {} exited with {code:?}:\n{}",
            program.display(),
            args.join(" "),
            stderr.trim_end()
        );
    }
    let peak_kb = with_time
        .then(|| std::fs::read_to_string(&report).ok())
        .flatten()
        .and_then(|text| text.lines().last()?.trim().parse().ok());
    Ok(Run { wall, peak_kb })
}

/// The median run of `runs` (by wall time), its peak memory the median of the peaks.
pub fn median(runs: &[Run]) -> Run {
    let mut walls: Vec<Duration> = runs.iter().map(|r| r.wall).collect();
    walls.sort();
    let mut peaks: Vec<u64> = runs.iter().filter_map(|r| r.peak_kb).collect();
    peaks.sort_unstable();
    Run {
        wall: walls[walls.len() / 2],
        peak_kb: peaks.get(peaks.len() / 2).copied(),
    }
}

/// Files under a folder matching a test: how many, bytes raw and gzipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Files {
    /// Number of files.
    pub count: usize,
    /// Total bytes.
    pub raw: u64,
    /// Total bytes, each file gzipped at the default level (what a web server sends).
    pub gzipped: u64,
}

/// Measures the files under `dir` whose file name passes `keep`; `gzip` also compresses them.
/// A folder that does not exist holds no files.
pub fn files(dir: &Path, keep: impl Fn(&str) -> bool, gzip: bool) -> anyhow::Result<Files> {
    let mut out = Files::default();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || !keep(&name) {
            continue;
        }
        out.count += 1;
        if gzip {
            let bytes = gcdocs::fsx::read(entry.path())?;
            out.raw += bytes.len() as u64;
            out.gzipped += gzipped_len(&bytes);
        } else {
            out.raw += entry.metadata().map(|m| m.len()).unwrap_or(0);
        }
    }
    Ok(out)
}

fn gzipped_len(bytes: &[u8]) -> u64 {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(bytes)
        .expect("writing into a Vec cannot fail");
    encoder
        .finish()
        .expect("finishing into a Vec cannot fail")
        .len() as u64
}

/// Removes a folder if it exists, so a run starts from nothing.
pub fn fresh(dir: &Path) -> anyhow::Result<PathBuf> {
    gcdocs::fsx::remove_dir_all(dir)?;
    Ok(dir.to_path_buf())
}

/// CPU model, cores, memory, load and date, one line each for the report.
pub fn machine() -> Vec<String> {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")?
                .split_once(':')
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_kb: u64 = meminfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("MemTotal:")?
                .trim()
                .strip_suffix("kB")?
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(0);
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    let date = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    vec![
        format!("date: {date}"),
        format!(
            "machine: {cpu}, {cores} cores (nproc), {:.1} GiB memory",
            mem_kb as f64 / 1_048_576.0
        ),
        format!("load average at start: {}", load.join(" ")),
    ]
}

/// The first line of `program <args>` (its version), or why there is none.
pub fn version(program: &Path, args: &[&str]) -> String {
    match Command::new(program).args(args).output() {
        Ok(out) => String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_string(),
        Err(e) => format!("not runnable: {e}"),
    }
}
