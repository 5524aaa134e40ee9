#!/usr/bin/env node
// The size checks, in gzip -9 bytes summed over the files a page loads:
//   - a page with the built-in checklist loads pkg/ai-cert-check.js and
//     pkg/ai-cert-check-core_bg.wasm (styles are inside the wasm);
//   - a page that brings its own checklist loads pkg/ai-cert-check.js,
//     pkg/ai-cert-check-custom.js and pkg/ai-cert-check-custom_bg.wasm.
//
// Each page has a ceiling, which CI enforces (exit 1 above it), and the budget and goal
// the issues set, printed with how far the page is from them. Each page's ceiling is its
// measured size with a few hundred bytes to spare, so that a change that adds bytes
// fails. The own-checklist page's is above its budget (the architecture issue's 90 KB)
// since issues 23 to 28 (docs/performance.md, "What issues 23 to 28 cost"). The built-in
// page's is above that issue's 38 KB because the advice costs more than the budget
// leaves: built without the what-if search and the picture, both of which that same
// issue asks for, the page is still 39,081 B. docs/performance.md, "Where the bytes go",
// has the measured cost of each part. Lower that ceiling as the figure comes down.
//
//   node scripts/size-check.mjs          check pkg/ against both ceilings
//   node scripts/size-check.mjs --list   only print every file in pkg/
//
// Writes nothing. The figures are deterministic (same sources, same bytes).

import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/**
 * CI's ceiling for a page with the built-in checklist: 52,840 B measured when set (44,670 B
 * before issues 23 to 28; docs/performance.md, "What issues 23 to 28 cost").
 */
export const BUILTIN_CEILING_BYTES = 52 * 1024;
/**
 * The built-in page's budget (the reader-experience issue's 38 KB) and goal (the
 * performance issue's 30 KB): printed, not enforced; no build with the advice meets them
 * (docs/performance.md has the measurement).
 */
export const BUILTIN_BUDGET_BYTES = 38 * 1024;
export const BUILTIN_GOAL_BYTES = 30 * 1024;
/** The budget of a page that brings its own checklist (the architecture issue's 90 KB). */
export const CUSTOM_BUDGET_BYTES = 90 * 1024;
/**
 * CI's ceiling for that page: 104,777 B measured when set, above its budget since issues
 * 23 to 28 (91,837 B before them; docs/performance.md has each change's cost).
 */
export const CUSTOM_CEILING_BYTES = 103 * 1024;

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
for (const [what, files, ceiling, targets] of [
  ['a page with the built-in checklist', BUILTIN_PAGE, BUILTIN_CEILING_BYTES, [['budget', BUILTIN_BUDGET_BYTES], ['goal', BUILTIN_GOAL_BYTES]]],
  ['a page that brings its own checklist', CUSTOM_PAGE, CUSTOM_CEILING_BYTES, [['budget', CUSTOM_BUDGET_BYTES]]],
]) {
  const missing = files.filter((f) => !all.includes(f));
  if (missing.length) {
    console.error(`size-check: pkg/${missing.join(', pkg/')} missing; run ./scripts/build.sh first`);
    process.exit(1);
  }
  console.log(`\nWhat ${what} loads:`);
  const { gz } = table(files);
  const verdict = gz <= ceiling ? 'within' : 'OVER';
  console.log(`size-check: ${what}: ${gz} bytes gzip -9 (${kb(gz)}) of CI's ${ceiling}-byte (${kb(ceiling)}) ceiling: ${verdict}`);
  if (gz > ceiling) failed = true;
  for (const [name, bytes] of targets) {
    const toGo = gz - bytes;
    console.log(`size-check: ${what}: ${name} ${kb(bytes)}: ${toGo <= 0 ? 'met' : `not met, ${toGo} bytes (${kb(toGo)}) to go`}`);
  }
}
process.exit(failed ? 1 : 0);
