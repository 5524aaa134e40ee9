#!/usr/bin/env node
// The size budgets, in gzip -9 bytes summed over the files a page loads:
//   - a page with the built-in checklist loads pkg/ai-cert-check.js and
//     pkg/ai-cert-check-core_bg.wasm (styles are inside the wasm);
//   - a page that brings its own checklist loads pkg/ai-cert-check.js,
//     pkg/ai-cert-check-custom.js and pkg/ai-cert-check-custom_bg.wasm.
//
//   node scripts/size-check.mjs          check pkg/ against both budgets (exit 1 above either)
//   node scripts/size-check.mjs --list   only print every file in pkg/ (no budget)
//
// Writes nothing. The figures are deterministic (same sources, same bytes).

import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/**
 * Budget for a page with the built-in checklist: the foundation issue's "40 KB now",
 * lowered as the figure came down so that CI keeps what was won (36,779 B when set).
 */
export const BUILTIN_BUDGET_BYTES = 36.5 * 1024;
/** Budget for a page that brings its own checklist (the performance issue's 80 KB). */
export const CUSTOM_BUDGET_BYTES = 80 * 1024;
/**
 * The performance issue's goal for the built-in page, 30 KB: printed with how far off
 * it is, not enforced, because no build meets it yet (docs/performance.md, "Where the
 * bytes go", says what it would take). Lower the budget above as the figure comes down.
 */
export const BUILTIN_GOAL_BYTES = 30 * 1024;

export const BUILTIN_PAGE = ['ai-cert-check.js', 'ai-cert-check-core_bg.wasm'];
export const CUSTOM_PAGE = ['ai-cert-check.js', 'ai-cert-check-custom.js', 'ai-cert-check-custom_bg.wasm'];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(ROOT, 'pkg');

export function gzipSize(buf) {
  return gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pad = (s, n) => String(s).padStart(n);

function table(files) {
  const width = Math.max(5, ...files.map((f) => f.length + 4));
  let raw = 0;
  let gz = 0;
  console.log(`${'file'.padEnd(width)}  ${pad('raw', 10)}  ${pad('gzip -9', 10)}`);
  for (const f of files) {
    const buf = readFileSync(path.join(PKG, f));
    const g = gzipSize(buf);
    raw += buf.length;
    gz += g;
    console.log(`${('pkg/' + f).padEnd(width)}  ${pad(buf.length, 10)}  ${pad(g, 10)}`);
  }
  console.log(`${'total'.padEnd(width)}  ${pad(raw, 10)}  ${pad(gz, 10)}   (${kb(raw)} raw, ${kb(gz)} gzip)`);
  return { raw, gz };
}

if (!existsSync(PKG)) {
  console.error('size-check: pkg/ does not exist; run ./scripts/build.sh first');
  process.exit(1);
}
const all = readdirSync(PKG).filter((f) => statSync(path.join(PKG, f)).isFile()).sort();

if (process.argv.includes('--list')) {
  table(all);
  process.exit(0);
}

let failed = false;
for (const [what, files, budget, goal] of [
  ['a page with the built-in checklist', BUILTIN_PAGE, BUILTIN_BUDGET_BYTES, BUILTIN_GOAL_BYTES],
  ['a page that brings its own checklist', CUSTOM_PAGE, CUSTOM_BUDGET_BYTES, null],
]) {
  const missing = files.filter((f) => !all.includes(f));
  if (missing.length) {
    console.error(`size-check: pkg/${missing.join(', pkg/')} missing; run ./scripts/build.sh first`);
    process.exit(1);
  }
  console.log(`\nWhat ${what} loads:`);
  const { gz } = table(files);
  const verdict = gz <= budget ? 'within' : 'OVER';
  console.log(`size-check: ${what}: ${gz} bytes gzip -9 (${kb(gz)}) of a ${budget}-byte (${kb(budget)}) budget: ${verdict}`);
  if (gz > budget) failed = true;
  if (goal !== null) {
    const toGo = gz - goal;
    console.log(`size-check: ${what}: goal ${kb(goal)}: ${toGo <= 0 ? 'met' : `not met, ${toGo} bytes (${kb(toGo)}) to go`}`);
  }
}
process.exit(failed ? 1 : 0);
