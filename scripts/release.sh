#!/usr/bin/env bash
# Builds the widget and makes the release artifacts in dist/ (never committed): the
# archive a blogger downloads, the npm tarball, the SHA-384 hashes of every file and this
# version's release notes (scripts/release.mjs says what each holds).
#   ./scripts/release.sh             build pkg/ (./scripts/build.sh), then package it
#   ./scripts/release.sh --no-build  package the pkg/ already built (the test command
#                                    builds it in an earlier stage)
# The version is Cargo.toml's; CHANGELOG.md must have a section for it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

case "${1:-}" in
  --no-build) ;;
  "") ./scripts/build.sh ;;
  *) die "usage: ./scripts/release.sh [--no-build]" ;;
esac
node scripts/release.mjs
