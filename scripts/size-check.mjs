#!/usr/bin/env node
// The size budget: what a page downloads for the built-in checklist, gzip -9.
//
//   node scripts/size-check.mjs          check pkg/ against the budget (exit 1 above it)
//   node scripts/size-check.mjs --list   only print every file in pkg/ (no budget)
//
// Counted: pkg/ai-cert-check.js, every pkg/*.wasm and every pkg/*.css.
// Writes nothing.

import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The budget, in bytes of gzip -9 output summed over the files a page loads. */
export const BUDGET_BYTES = 40 * 1024;

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

const loaded = all.filter((f) => f === 'ai-cert-check.js' || f.endsWith('.wasm') || f.endsWith('.css'));
if (!loaded.includes('ai-cert-check.js') || !loaded.some((f) => f.endsWith('.wasm'))) {
  console.error('size-check: pkg/ai-cert-check.js or pkg/*.wasm missing; run ./scripts/build.sh first');
  process.exit(1);
}
console.log('What a page loads for the built-in checklist:');
const { gz } = table(loaded);
const verdict = gz <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`size-check: ${gz} bytes gzip -9 (${kb(gz)}) of a ${BUDGET_BYTES}-byte (${kb(BUDGET_BYTES)}) budget: ${verdict}`);
if (gz > BUDGET_BYTES) {
  console.error(`size-check: over budget by ${gz - BUDGET_BYTES} bytes`);
  process.exit(1);
}
