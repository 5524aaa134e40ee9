#!/usr/bin/env bash
# Runs every check and test, stopping at the first failure:
# setup, rustfmt, clippy (native and wasm32), native tests, wasm tests in headless
# Chromium, the release build, the post-link tool's tests and canary, the size budget,
# the end-to-end tests, the integration tests (the packed npm package as a developer
# embeds it), the release artifacts (scripts/release.sh; tests/release/), and the
# cross-browser journey in Chromium, Firefox ESR and WebKitGTK.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"   # cargo must run from the crate's folder for .cargo/config.toml to apply

# Colours in cargo's output only on a terminal.
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"

START=$SECONDS
STAGE=""
STAGE_START=$SECONDS
SUMMARY=()

finish_stage() {
  if [ -n "$STAGE" ]; then
    SUMMARY+=("$(printf '%4ss  %s' "$((SECONDS - STAGE_START))" "$STAGE")")
  fi
}
stage() {
  finish_stage
  STAGE="$*"
  STAGE_START=$SECONDS
  printf '\n======== %s ========\n' "$STAGE"
}
on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    printf '\n######## FAILED at stage: %s (exit %s) after %ss ########\n' "$STAGE" "$rc" "$((SECONDS - START))" >&2
  fi
}
trap on_exit EXIT

stage "setup"
./scripts/setup.sh

stage "cargo fmt --check"
if [ -t 1 ]; then cargo fmt --all -- --check; else cargo fmt --all -- --check --color never; fi

stage "cargo clippy (native)"
cargo clippy --all-targets -- -D warnings

stage "cargo clippy (wasm32)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

stage "cargo clippy (wasm32, the build for hosts' own checklists)"
cargo clippy --all-targets --target wasm32-unknown-unknown --features custom -- -D warnings

stage "cargo test (native)"
cargo test

stage "build the fuzz target (examples/fuzz_checklist.rs; built, not run: scripts/fuzz.sh runs it)"
cargo build --features fuzz --example fuzz_checklist

stage "cargo test (wasm32, headless Chromium)"
cargo test --target wasm32-unknown-unknown

stage "build pkg/"
./scripts/build.sh

stage "build-step tests (the post-link tool on small modules; the canary on the build's output)"
node --test tests/build/

stage "size budget"
node scripts/size-check.mjs

stage "end-to-end tests"
node --test --test-concurrency=1 tests/e2e/

stage "integration tests (the packed package in Vite, React, Next.js, Vue, Astro, Eleventy, on another origin; types; manifest; editors)"
node --test --test-concurrency=1 tests/integration/

stage "release artifacts (the archive unzipped, served and run; hashes; the version; the release workflow linted)"
./scripts/release.sh --no-build
node --test --test-concurrency=1 tests/release/

stage "cross-browser tests (Chromium, Firefox ESR, WebKitGTK)"
node --test --test-concurrency=1 tests/xbrowser/

finish_stage
printf '\n======== all stages passed in %ss ========\n' "$((SECONDS - START))"
printf '%s\n' "${SUMMARY[@]}"
