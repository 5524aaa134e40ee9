#!/usr/bin/env node
// Removes the code that formats panic messages nobody can read, before `wasm-opt -Oz`.
//
//   node scripts/drop-panic-messages.mjs <in.wasm> <out.wasm> [--formatting]
//
// Why: in the browser build a panic ends in a trap whatever happens before it. The
// release profile aborts on panic, and this widget sets no panic hook, so std's panic
// handler formats the message ("index out of bounds: the len is ...") for a stderr
// that wasm32-unknown-unknown does not have, then traps. That formatting keeps
// `core::fmt` in the reader's download (about 2.9 KB gzip, measured). Nightly's
// `panic_immediate_abort` removes it at compile time; on stable, this does the same
// after linking: the panic entry points' bodies become a bare `unreachable` (the trap
// that would have come anyway), and `wasm-opt` then drops everything only they used.
// The reader sees no difference: the same trap, the same `RuntimeError` in `entry.js`.
//
// `--formatting` also empties `core::fmt` itself. The vtables of the panic payloads
// keep some formatting functions in the function table, out of reach of dead-code
// elimination; emptying them lets it go. Only for builds that never format text on
// purpose (the built-in builds: their text is built with `push_str`, see
// `checklist.rs`); the build that reads an author's checklist formats its error
// messages and keeps `core::fmt`. A build that did format on purpose would trap on
// that path, which the end-to-end tests would catch.
//
// Functions are found by the names in the module's name section (wasm-bindgen keeps
// it; `wasm-opt --strip-debug` removes it afterwards). If the panic entry point is not
// found, std's names changed: the build fails rather than ship the bytes unnoticed.
import { readFileSync, writeFileSync } from 'node:fs';
import binaryen from 'binaryen';

const args = process.argv.slice(2);
const formatting = args.includes('--formatting');
const [input, output] = args.filter((a) => !a.startsWith('--'));
if (!input || !output) {
  console.error('usage: node scripts/drop-panic-messages.mjs <in.wasm> <out.wasm> [--formatting]');
  process.exit(2);
}

// Demangled names as the name section has them: `core[<hash>]::panicking::panic_fmt`.
const crate = (name) => `${name}(\\[[0-9a-f]+\\])?`;
/**
 * Where every panic goes, what std does with it there, and core's, alloc's and std's
 * functions that exist only to start one (`panic_bounds_check`, `unwrap_failed`,
 * `slice_index_fail`, `panic_already_borrowed`, ...).
 */
const PANIC = [
  new RegExp(`^${crate('core')}::panicking::`),
  new RegExp(`^${crate('std')}::panicking::`),
  new RegExp(`PanicPayload>::`),
  new RegExp(`^${crate('__rustc')}::(rust_panic|__rust_start_panic)$`),
  new RegExp(`^${crate('(core|alloc|std)')}::[a-z_:]+::(panic_[a-z_]+|[a-z_]+_fail(ed|_rt)?|capacity_overflow|handle_error)$`),
];
/** `core::fmt`: its functions and every `Display`/`Debug`/`Write` impl's methods. */
const FORMAT = [new RegExp(`${crate('core')}::fmt::`)];
/** Every panic goes through this one; it must be there. */
const ENTRY = new RegExp(`^${crate('core')}::panicking::panic_fmt$`);

const module = binaryen.readBinary(readFileSync(input));
// The features the release build uses (scripts/build.sh, RUST_FEATURE_FLAGS).
const F = binaryen.Features;
module.setFeatures(
  F.MVP | F.BulkMemory | F.BulkMemoryOpt | F.CallIndirectOverlong | F.MutableGlobals | F.NontrappingFPToInt | F.SignExt,
);

const patterns = formatting ? [...PANIC, ...FORMAT] : PANIC;
const emptied = [];
let entryFound = false;
for (let i = 0; i < module.getNumFunctions(); i++) {
  const fn = module.getFunctionByIndex(i);
  const { name, module: imported } = binaryen.getFunctionInfo(fn);
  if (imported || !patterns.some((p) => p.test(name))) continue;
  entryFound ||= ENTRY.test(name);
  binaryen._BinaryenFunctionSetBody(fn, module.unreachable());
  emptied.push(name);
}
if (!entryFound) {
  console.error(`${input}: no function named core::panicking::panic_fmt; std's names changed?`);
  process.exit(1);
}
if (!module.validate()) {
  console.error(`${input}: the module is not valid after emptying the panic functions`);
  process.exit(1);
}
binaryen.setDebugInfo(true); // keep the names for profiling; wasm-opt strips them later
writeFileSync(output, module.emitBinary());
if (process.env.VERBOSE) console.log(emptied.join("\n"));
console.log(`emptied ${emptied.length} panic${formatting ? ' and formatting' : ''} functions`);
