#!/usr/bin/env bash
# Runs the browser tests: builds gcdocs, installs playwright-core from the committed lock file,
# and drives Debian's chromium (apt-get install chromium) headless. Prints `N passed, M failed`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
if ! command -v chromium >/dev/null 2>&1; then
  echo "chromium is not installed (apt-get install -y chromium)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
target="${CARGO_TARGET_DIR:-$repo/target}"
(cd "$repo" && cargo build --quiet --bin gcdocs)
(cd "$here" && npm ci --no-audit --no-fund --silent)
cd "$here"
GCDOCS_BIN="$target/debug/gcdocs" CHROMIUM="$(command -v chromium)" node site.test.mjs
