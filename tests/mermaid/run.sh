#!/bin/sh
# Checks every Mermaid block in every .md (and .mmd) file under DIR with the real Mermaid
# parser. Installs the test-only Node packages with `npm ci` first.
# Usage: tests/mermaid/run.sh DIR...
set -eu
if [ "$#" -eq 0 ]; then
  echo "usage: $0 DIR..." >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node_modules/mermaid" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --silent) >&2
fi
exec node "$here/check.mjs" "$@"
