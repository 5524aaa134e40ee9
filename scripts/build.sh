#!/usr/bin/env bash
# Builds the widget into pkg/ (never committed):
#   pkg/ai-cert-check.js            one minified ES module: src/web/entry.js + the wasm-bindgen glue
#   pkg/ai-cert-check-core_bg.wasm  the engine and web layer with the built-in checklist, wasm-opt -Oz
#   pkg/ai-cert-check-custom.js     the glue of the build that reads a host's own checklist
#   pkg/ai-cert-check-custom_bg.wasm  that build (serde), loaded only by pages bringing a checklist
#   pkg/ai-cert-check-fr.js, pkg/ai-cert-check-fr_bg.wasm  the default build in French
#   pkg/*.wasm.js                   each build's code compiled to JavaScript (wasm2js), loaded
#                                   instead of its .wasm only on pages that forbid WebAssembly
#   pkg/ai-cert-check.single.js     the default build in one file, its .wasm inlined
#   pkg/ai-cert-check.d.ts          TypeScript declarations (src/web/entry.d.ts)
#   pkg/react.js, pkg/react.d.ts    `ai-cert-check/react`: the same module, typed in React 19's JSX
#   pkg/custom-elements.json        the Custom Elements Manifest (scripts/manifest.mjs, from
#                                   src/web/contract.mjs)
#   pkg/README.md, pkg/LICENSE-*    the npm package's README (docs/package-readme.md) and licenses
#   pkg/package.json                the npm package (scripts/package-json.mjs)
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
[ -f src/web/entry.js ] || die "src/web/entry.js is missing"
[ -f src/web/entry.d.ts ] || die "src/web/entry.d.ts is missing"

V="$(locked_wasm_bindgen_version)"
if [ -n "$V" ] && [ "$(wasm-bindgen --version | awk '{print $2}')" != "$V" ]; then
  die "wasm-bindgen CLI is $(wasm-bindgen --version), Cargo.lock wants $V: run ./scripts/setup.sh"
fi

step() { printf '\n== build: %s\n' "$*" >&2; }

# Local paths end up in panic locations; remapping them makes the bytes the same on
# every machine. Set explicitly (the user's RUSTFLAGS are not kept). Separate target
# dirs keep these flags from invalidating the test builds' cache.
# CARGO_ENCODED_RUSTFLAGS (0x1f-separated) so that paths with spaces survive.
#
# No reference types (and no multivalue): binaryen's wasm2js refuses the second table
# wasm-bindgen makes for them, and one .wasm serves both the WebAssembly and the
# JavaScript build. The precompiled std still claims the features, so the linker is
# told which ones the module may use (scripts/wasm2js.mjs enables the same ones). It
# also makes the reader's download about 400 bytes smaller (measured: the glue keeps
# JS objects in an array instead of a table).
unset RUSTFLAGS
RUST_FEATURE_FLAGS=(
  "-Ctarget-feature=-reference-types,-multivalue"
  "-Clink-arg=--no-check-features"
  "-Clink-arg=--features=bulk-memory,bulk-memory-opt,call-indirect-overlong,mutable-globals,nontrapping-fptoint,sign-ext"
)
ENCODED_FLAGS="--remap-path-prefix=$ROOT=/ai-cert-check"$'\x1f'"--remap-path-prefix=$CARGO_HOME=/cargo"
for flag in "${RUST_FEATURE_FLAGS[@]}"; do ENCODED_FLAGS+=$'\x1f'"$flag"; done

if [ "${ONLY:-}" = core ]; then
  rm -f pkg/ai-cert-check.js pkg/ai-cert-check-core* pkg/ai-cert-check.single.js
else
  rm -rf pkg
fi
mkdir -p pkg

# build_variant NAME ENTRY OUT [--formatting] [cargo args...]: one build of the crate
# into pkg/: pkg/NAME_bg.wasm (wasm-opt -Oz) and OUT (ENTRY bundled with the glue,
# minified). --formatting: the build never formats text on purpose, so the panic step
# removes core::fmt along with the panic messages (scripts/drop-panic-messages.mjs).
build_variant() {
  local name="$1" entry="$2" out="$3" formatting=
  shift 3
  if [ "${1:-}" = --formatting ]; then
    formatting=--formatting
    shift
  fi
  local target_dir="target/release-wasm-$name" bindgen_dir="target/bindgen-$name"
  step "$name: cargo build --release (wasm32-unknown-unknown) $*"
  CARGO_ENCODED_RUSTFLAGS="$ENCODED_FLAGS" \
    cargo build --release --lib --target wasm32-unknown-unknown --target-dir "$target_dir" "$@"
  local raw="$target_dir/wasm32-unknown-unknown/release/ai_cert_check.wasm"
  [ -f "$raw" ] || die "$raw was not produced"

  step "$name: wasm-bindgen --target web"
  rm -rf "$bindgen_dir"
  wasm-bindgen --target web --out-dir "$bindgen_dir" --out-name "$name" "$raw"

  step "$name: shorten the names between the wasm and its glue"
  node scripts/shorten-names.mjs "$bindgen_dir/${name}_bg.wasm" "$bindgen_dir/$name.js" \
    "$bindgen_dir/${name}_bg.short.wasm" "$bindgen_dir/$name.short.js"

  step "$name: drop the panic messages no reader can see"
  node scripts/drop-panic-messages.mjs "$bindgen_dir/${name}_bg.short.wasm" \
    "$bindgen_dir/${name}_bg.lean.wasm" $formatting

  step "$name: wasm-opt -Oz (npm binaryen $("$WASM_OPT" --version | awk '{print $3}'))"
  # The target_features section (kept by the release profile, which strips debuginfo
  # only) tells wasm-opt the features; it, the producers section and the names are not
  # needed at run time.
  "$WASM_OPT" -Oz --strip-debug --strip-producers --strip-target-features \
    "$bindgen_dir/${name}_bg.lean.wasm" -o "pkg/${name}_bg.wasm"

  step "$name: blank the panic locations nothing reads any more"
  node scripts/blank-panic-locations.mjs "pkg/${name}_bg.wasm"

  step "$name: wasm2js -> pkg/$name.wasm.js (for pages that forbid WebAssembly)"
  node scripts/wasm2js.mjs "pkg/${name}_bg.wasm" "pkg/$name.wasm.js"

  step "$name: esbuild: $entry + glue -> $out"
  node scripts/bundle.mjs "$entry" "$bindgen_dir/$name.short.js" "$out"
  grep -q "${name}_bg.wasm" "$out" \
    || die "$out does not reference ${name}_bg.wasm; the glue's wasm URL changed"
  grep -q "$name.wasm.js" "$out" \
    || die "$out does not reference $name.wasm.js; the entry's JavaScript-build import changed"
}

# The default build: the built-in checklist only, no serde. What every page loads.
build_variant ai-cert-check-core src/web/entry.js pkg/ai-cert-check.js --formatting
# The build that reads a host's own checklist; loaded only by pages that bring one. It
# formats its error messages, so it keeps core::fmt.
[ "${ONLY:-}" = core ] || build_variant ai-cert-check-custom src/web/custom-entry.js pkg/ai-cert-check-custom.js --features custom
# The default build in French, for <ai-cert-check lang="fr">.
[ "${ONLY:-}" = core ] || build_variant ai-cert-check-fr src/web/locale-entry.js pkg/ai-cert-check-fr.js --formatting --features locale-fr

step "one-file build: pkg/ai-cert-check.single.js (the default build with its .wasm inlined)"
node scripts/bundle.mjs src/web/entry.js target/bindgen-ai-cert-check-core/ai-cert-check-core.short.js \
  pkg/ai-cert-check.single.js --inline-wasm pkg/ai-cert-check-core_bg.wasm

step "declarations, custom-elements.json, README, licenses and pkg/package.json"
cp src/web/entry.d.ts pkg/ai-cert-check.d.ts
cp src/web/react.js pkg/react.js
cp src/web/react.d.ts pkg/react.d.ts
node scripts/manifest.mjs pkg/custom-elements.json
cp docs/package-readme.md pkg/README.md
cp LICENSE-MIT LICENSE-APACHE pkg/
node scripts/package-json.mjs

step "pkg/"
node scripts/size-check.mjs --list
