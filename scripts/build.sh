#!/usr/bin/env bash
# Builds the widget into pkg/ (never committed):
#   pkg/ai-cert-check.js            one minified ES module: src/element/entry.js + the wasm-bindgen glue
#   pkg/ai-cert-check-core_bg.wasm  the engine and web layer with the built-in checklist, wasm-opt -Oz
#   pkg/ai-cert-check-custom.js     the glue of the build that reads a host's own checklist
#   pkg/ai-cert-check-custom_bg.wasm  that build (serde), loaded only by pages bringing a checklist
#   pkg/ai-cert-check-fr.js, pkg/ai-cert-check-fr_bg.wasm  the default build in French
#   pkg/*.wasm.js                   each build's code compiled to JavaScript (wasm2js), loaded
#                                   instead of its .wasm only on pages that forbid WebAssembly
#   pkg/ai-cert-check.single.js     the default build in one file, its .wasm inlined
#   pkg/ai-cert-check.d.ts          TypeScript declarations (src/element/entry.d.ts)
#   pkg/react.js, pkg/react.d.ts    `ai-cert-check/react`: the same module, typed in React 19's JSX
#   pkg/vue.js, pkg/vue.d.ts        `ai-cert-check/vue`: the same module, typed in Vue's templates
#   pkg/custom-elements.json        the Custom Elements Manifest (scripts/manifest.mjs, from
#                                   src/element/contract.mjs)
#   pkg/vscode.html-custom-data.json, pkg/web-types.json  editors' data, from the manifest
#                                   (scripts/editor-data.mjs)
#   pkg/README.md, pkg/LICENSE-*    the npm package's README (docs/package-readme.md) and licenses
#   pkg/package.json                the npm package (scripts/package-json.mjs)
# After wasm-bindgen, each build goes through one post-link tool, scripts/postlink.mjs
# (panic messages dropped, wasm-opt -Oz with short names, panic locations blanked,
# wasm2js, bundling), which also holds the list of WebAssembly features the build uses.
# Tools: run ./scripts/setup.sh first.
# ONLY=core ./scripts/build.sh builds just the default build (and its one-file variant):
# a quicker loop while working on the view; the tests need the full build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

WASM_OPT="$ROOT/node_modules/.bin/wasm-opt"
command -v wasm-bindgen >/dev/null || die "wasm-bindgen not found: run ./scripts/setup.sh"
[ -x "$WASM_OPT" ] || die "node_modules/.bin/wasm-opt not found: run ./scripts/setup.sh"
[ -x "$ROOT/node_modules/.bin/esbuild" ] || die "esbuild not found: run ./scripts/setup.sh"
[ -f src/element/entry.js ] || die "src/element/entry.js is missing"
[ -f src/element/entry.d.ts ] || die "src/element/entry.d.ts is missing"

V="$(locked_wasm_bindgen_version)"
if [ -n "$V" ] && [ "$(wasm-bindgen --version | awk '{print $2}')" != "$V" ]; then
  die "wasm-bindgen CLI is $(wasm-bindgen --version), Cargo.lock wants $V: run ./scripts/setup.sh"
fi

step() { printf '\n== build: %s\n' "$*" >&2; }

# Local paths end up in panic locations; remapping them makes the bytes the same on
# every machine. Set explicitly (the user's RUSTFLAGS are not kept). A target dir of
# their own keeps these flags from invalidating the test builds' cache; the three builds
# share it, so their dependencies (the same for all three but serde-wasm-bindgen, which
# only the custom build adds) are compiled once, and cargo keeps each feature set's build
# of this crate apart.
# CARGO_ENCODED_RUSTFLAGS (0x1f-separated) so that paths with spaces survive.
# The WebAssembly features the module may use (no reference types, for wasm2js) come
# from their one list, in scripts/postlink.mjs.
unset RUSTFLAGS
FEATURE_FLAGS="$(node scripts/postlink.mjs rustflags)" || die "scripts/postlink.mjs rustflags failed"
ENCODED_FLAGS="--remap-path-prefix=$ROOT=/ai-cert-check"$'\x1f'"--remap-path-prefix=$CARGO_HOME=/cargo"
while IFS= read -r flag; do ENCODED_FLAGS+=$'\x1f'"$flag"; done <<<"$FEATURE_FLAGS"

if [ "${ONLY:-}" = core ]; then
  rm -f pkg/ai-cert-check.js pkg/ai-cert-check-core* pkg/ai-cert-check.single.js
else
  rm -rf pkg
fi
mkdir -p pkg

# build_variant NAME ENTRY OUT [--formatting] [--single FILE] [cargo args...]: one build
# of the crate: cargo, wasm-bindgen, then scripts/postlink.mjs, which writes
# pkg/NAME_bg.wasm, pkg/NAME.wasm.js and OUT (ENTRY bundled with the glue), and with
# --single FILE the same bundle with the .wasm inlined. --formatting: the build never
# formats text on purpose, so the post-link tool removes core::fmt with the panic messages.
build_variant() {
  local name="$1" entry="$2" out="$3" postlink=()
  shift 3
  while [ "${1:-}" = --formatting ] || [ "${1:-}" = --single ]; do
    if [ "$1" = --single ]; then postlink+=(--single "$2"); shift 2; else postlink+=("$1"); shift; fi
  done
  local target_dir="target/release-wasm" bindgen_dir="target/bindgen-$name"
  step "$name: cargo build --release (wasm32-unknown-unknown) $*"
  CARGO_ENCODED_RUSTFLAGS="$ENCODED_FLAGS" \
    cargo build --release --lib --target wasm32-unknown-unknown --target-dir "$target_dir" "$@"
  local raw="$target_dir/wasm32-unknown-unknown/release/ai_cert_check.wasm"
  [ -f "$raw" ] || die "$raw was not produced"

  # --encode-into always: no fallback for browsers without TextEncoder.encodeInto
  # (all that run this widget have it).
  step "$name: wasm-bindgen --target web"
  rm -rf "$bindgen_dir"
  wasm-bindgen --target web --encode-into always --out-dir "$bindgen_dir" --out-name "$name" "$raw"

  step "$name: post-link (npm binaryen $("$WASM_OPT" --version | awk '{print $3}')): panics, wasm-opt -Oz with short names, locations, wasm2js, bundle"
  node scripts/postlink.mjs "$name" "$entry" "$out" "${postlink[@]}"
}

# The default build: the built-in checklist only, no serde. What every page loads.
build_variant ai-cert-check-core src/element/entry.js pkg/ai-cert-check.js --formatting \
  --single pkg/ai-cert-check.single.js
# The build that reads a host's own checklist; loaded only by pages that bring one. It
# formats its error messages, so it keeps core::fmt.
[ "${ONLY:-}" = core ] || build_variant ai-cert-check-custom src/element/custom-entry.js pkg/ai-cert-check-custom.js --features custom
# The default build in French, for <ai-cert-check lang="fr">.
[ "${ONLY:-}" = core ] || build_variant ai-cert-check-fr src/element/locale-entry.js pkg/ai-cert-check-fr.js --formatting --features locale-fr

step "declarations, custom-elements.json, editors' data, README, licenses and pkg/package.json"
cp src/element/entry.d.ts pkg/ai-cert-check.d.ts
cp src/element/react.js src/element/react.d.ts src/element/vue.js src/element/vue.d.ts pkg/
node scripts/manifest.mjs pkg/custom-elements.json
node scripts/editor-data.mjs pkg/custom-elements.json pkg/
cp LICENSE-MIT LICENSE-APACHE pkg/
node scripts/package-json.mjs

step "pkg/"
node scripts/size-check.mjs --list
