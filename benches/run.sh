#!/usr/bin/env bash
# Runs the build benchmark, then the live-extraction benchmark against the mock API on
# 127.0.0.1, and prints their reports (see BENCHMARKS.md).
#
#   benches/run.sh            sizes 100, 1,000 and 2,000 flows, median of 3 runs
#   benches/run.sh --smoke    a 12-flow organization, one run each: proves it works
#   benches/run.sh --sizes 200 --runs 5 --work /tmp/bench
#
# Hugo and mdBook are found on PATH; BENCH_TOOLS (default: ../bench-tools next to the
# repository, when it exists) is searched first, for an mdBook installed with
# `cargo install mdbook --locked --root "$BENCH_TOOLS"`. GNU time (/usr/bin/time, Debian
# package `time`) gives peak memory; without it that column reads n/a.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${BENCH_TOOLS:-$repo/../bench-tools}"
if [ -d "$tools/bin" ]; then
    PATH="$(cd "$tools/bin" && pwd):$PATH"
    export PATH
fi
for tool in hugo mdbook; do
    command -v "$tool" >/dev/null || echo "note: $tool not found on PATH; its rows are skipped" >&2
done
[ -x /usr/bin/time ] || echo "note: /usr/bin/time not found (Debian package time); peak memory reads n/a" >&2

cd "$repo"
cargo bench --quiet --bench site_build -- "$@"
echo
smoke=false
for arg in "$@"; do [ "$arg" = --smoke ] && smoke=true; done
if $smoke; then
    # Seconds, not minutes: a small org, short latency and a 6-second rate-limit window.
    GCDOCS_BENCH_SIZES=20 GCDOCS_BENCH_LATENCY_MS=20 GCDOCS_BENCH_WINDOW=6 \
        cargo bench --quiet --bench live_extract
else
    cargo bench --quiet --bench live_extract
fi
