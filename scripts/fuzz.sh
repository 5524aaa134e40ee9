#!/usr/bin/env bash
# Coverage-guided fuzzing of the engine with libFuzzer: checklist parsing, validation,
# evaluation, the what-if search, the picture, the summary and the share format, from
# arbitrary bytes (the target is examples/fuzz_checklist.rs, which says what an input
# means and what it checks). A developer's command, not part of CI or scripts/test.sh.
#
#   ./scripts/fuzz.sh                      # run until stopped (Ctrl-C)
#   ./scripts/fuzz.sh -runs=1000000        # one million inputs, then stop
#   ./scripts/fuzz.sh -max_total_time=600  # ten minutes
#   ./scripts/fuzz.sh CRASH_FILE           # replay one input (a crash libFuzzer saved)
#
# Any argument goes to libFuzzer as it is (see `-help=1`). A panic stops the run with
# exit code 77 or so and the input saved as target/fuzz/artifacts/crash-*; replay it
# as above, fix the engine, and add the case to tests/.
#
# Stable Rust only: no nightly and no `cargo fuzz`. The crate's `fuzz` feature brings
# `libfuzzer-sys` (which builds libFuzzer itself with the C++ compiler), and the
# coverage instrumentation comes from LLVM flags that stable rustc accepts (RUSTFLAGS
# below). `--target` keeps those flags off build scripts and proc macros. The build
# uses the `fuzz` profile (optimised, with overflow checks and debug assertions on) and
# its own target folder, so it never disturbs the normal build.
#
# Corpus: target/fuzz/corpus (kept between runs, never committed), seeded on every run
# from the built-in checklists, www/examples and tests/bad-checklists, plus a JSON
# dictionary made from the field names in src/engine/format.rs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

HOST="$(rustc -vV | sed -n 's/^host: //p')"
OUT="$ROOT/target/fuzz"
export RUSTFLAGS="--cfg fuzzing \
 -C passes=sancov-module \
 -C llvm-args=-sanitizer-coverage-level=4 \
 -C llvm-args=-sanitizer-coverage-inline-8bit-counters \
 -C llvm-args=-sanitizer-coverage-pc-table \
 -C llvm-args=-sanitizer-coverage-trace-compares"

log "building the fuzz target (profile fuzz, $HOST)"
cargo build --quiet --profile fuzz --features fuzz --example fuzz_checklist \
  --target "$HOST" --target-dir "$OUT/build"
BIN="$OUT/build/$HOST/fuzz/examples/fuzz_checklist"

mkdir -p "$OUT/corpus" "$OUT/seeds" "$OUT/artifacts"
cp src/content/*.json www/examples/*.json "$OUT/seeds/"
# The bad checklists are patches of www/examples/minimal.json: their patched texts.
node --input-type=module -e '
import { writeFileSync } from "node:fs";
import { badChecklists } from "./tests/bad-checklists/cases.mjs";
for (const c of badChecklists()) writeFileSync(`${process.argv[1]}/bad-${c.name}.json`, c.text);
' "$OUT/seeds"
# A few seeds with a tail of answers after a NUL byte, and share texts on their own.
printf '\0\001\001\002\002\003\203' | cat www/examples/minimal.json - >"$OUT/seeds/minimal-answers"
printf '\0\000\001\001\002\002\004' | cat src/content/ai-certification.json - >"$OUT/seeds/builtin-answers"
printf '1.0.1..4' >"$OUT/seeds/share-text"

{
  grep -oE '^\s+pub [a-z_]+:' src/engine/format.rs | awk '{print $2}' | tr -d ':' | sort -u |
    sed 's/.*/"\\"&\\""/'
  for token in '{' '}' '[' ']' ':' ',' '""' 'true' 'false' 'null' '0' '-1' '1e308' \
    '-1e308' '0.5' '\\u0000' 'https://' 'javascript:' 'mailto:' '{factor}' '{score}' \
    '1.' '..'; do
    printf '"%s"\n' "${token//\"/\\\"}"
  done
} >"$OUT/checklist.dict"

if [ "$#" -eq 1 ] && [ -f "$1" ]; then
  exec "$BIN" "$1"
fi
exec "$BIN" "$OUT/corpus" "$OUT/seeds" -dict="$OUT/checklist.dict" \
  -artifact_prefix="$OUT/artifacts/" -print_final_stats=1 "$@"
