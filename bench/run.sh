#!/usr/bin/env bash
# The performance benchmark in one command: installs the toolchain if needed, builds
# the release widget into pkg/, then measures it against the plain-JS reference in
# headless Chromium (bench/run.mjs; options are passed on, e.g. --runs 25).
#
#   ./bench/run.sh            table on stdout, bench/results/latest.json
#
# Not part of CI or ./scripts/test.sh: timings depend on the machine. About 2 minutes
# on 2 cores. Method and latest results: docs/performance.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# Setup and build logs go to stderr so that stdout is only the table.
./scripts/setup.sh >&2
./scripts/build.sh >&2
exec node bench/run.mjs "$@"
