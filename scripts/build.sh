#!/usr/bin/env bash
# Builds the widget into pkg/ (never committed):
#   pkg/ai-cert-check.js            one minified ES module: src/web/entry.js + the wasm-bindgen glue
#   pkg/ai-cert-check-core_bg.wasm  the engine and web layer, wasm-opt -Oz
#   pkg/ai-cert-check.d.ts          TypeScript declarations (src/web/entry.d.ts)
#   pkg/package.json
# Tools: run ./scripts/setup.sh first.
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

TARGET_DIR="target/release-wasm"
BINDGEN_DIR="target/bindgen"
CORE="ai-cert-check-core"

step() { printf '\n== build: %s\n' "$*" >&2; }

step "cargo build --release (wasm32-unknown-unknown)"
# Local paths end up in panic locations; remapping them makes the bytes the same on
# every machine. Set explicitly (the user's RUSTFLAGS are not kept). The separate
# target dir keeps these flags from invalidating the test builds' cache.
# CARGO_ENCODED_RUSTFLAGS (0x1f-separated) so that paths with spaces survive.
unset RUSTFLAGS
CARGO_ENCODED_RUSTFLAGS="--remap-path-prefix=$ROOT=/ai-cert-check"$'\x1f'"--remap-path-prefix=$CARGO_HOME=/cargo"
export CARGO_ENCODED_RUSTFLAGS
cargo build --release --lib --target wasm32-unknown-unknown --target-dir "$TARGET_DIR"
unset CARGO_ENCODED_RUSTFLAGS
RAW_WASM="$TARGET_DIR/wasm32-unknown-unknown/release/ai_cert_check.wasm"
[ -f "$RAW_WASM" ] || die "$RAW_WASM was not produced"

step "wasm-bindgen --target web"
rm -rf "$BINDGEN_DIR"
wasm-bindgen --target web --out-dir "$BINDGEN_DIR" --out-name "$CORE" "$RAW_WASM"

step "shorten the names between the wasm and its glue"
node scripts/shorten-names.mjs "$BINDGEN_DIR/${CORE}_bg.wasm" "$BINDGEN_DIR/$CORE.js" \
  "$BINDGEN_DIR/${CORE}_bg.short.wasm" "$BINDGEN_DIR/$CORE.short.js"

step "wasm-opt -Oz (npm binaryen $("$WASM_OPT" --version | awk '{print $3}'))"
rm -rf pkg
mkdir -p pkg
# wasm-opt reads the enabled features from the module's target_features section
# (kept because the release profile strips debuginfo only). The section, the
# producers section and the names are not needed at run time.
"$WASM_OPT" -Oz --strip-debug --strip-producers --strip-target-features \
  "$BINDGEN_DIR/${CORE}_bg.short.wasm" -o "pkg/${CORE}_bg.wasm"

step "esbuild: src/web/entry.js + glue -> pkg/ai-cert-check.js"
node scripts/bundle.mjs src/web/entry.js "$BINDGEN_DIR/$CORE.short.js" pkg/ai-cert-check.js
grep -q "${CORE}_bg.wasm" pkg/ai-cert-check.js \
  || die "pkg/ai-cert-check.js does not reference ${CORE}_bg.wasm; the glue's wasm URL changed"

step "declarations and pkg/package.json"
cp src/web/entry.d.ts pkg/ai-cert-check.d.ts
cargo metadata --no-deps --format-version 1 --offline 2>/dev/null \
  | node --input-type=module -e '
    import { readFileSync, writeFileSync } from "node:fs";
    const meta = JSON.parse(readFileSync(0, "utf8"));
    const crate = meta.packages.find((p) => p.name === "ai-cert-check");
    const pkg = {
      name: "ai-cert-check",
      version: crate.version,
      description: crate.description ?? undefined,
      license: crate.license ?? undefined,
      type: "module",
      main: "ai-cert-check.js",
      module: "ai-cert-check.js",
      types: "ai-cert-check.d.ts",
      exports: { ".": { types: "./ai-cert-check.d.ts", default: "./ai-cert-check.js" } },
      files: ["ai-cert-check.js", "ai-cert-check-core_bg.wasm", "ai-cert-check.d.ts"],
      sideEffects: true,
    };
    writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
  '

step "pkg/"
node scripts/size-check.mjs --list
