#!/usr/bin/env bash
# The demo: installs what is missing, builds pkg/, then serves www/ and pkg/ on
# http://127.0.0.1:8000/ (PORT=... overrides; PORT=0 picks a free port).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
./scripts/setup.sh
./scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8000}"
