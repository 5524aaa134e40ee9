#!/usr/bin/env node
// Blanks the panic locations that nothing reads any more, in an optimized .wasm.
//
//   node scripts/blank-panic-locations.mjs <file.wasm>      (rewrites it in place)
//
// Why: scripts/drop-panic-messages.mjs empties the functions that report a panic, and
// wasm-opt then drops every call that passed them a `core::panic::Location` (a source
// file name, line and column, 16 bytes in the data segment, one per indexing,
// `unwrap` or `RefCell` borrow that could panic). The records and the file names they
// point to stay behind: binaryen cannot tell that no code reads them. Nightly Rust's
// `-Zlocation-detail=none` would not emit them; on stable, this zeroes them after the
// fact. About 1.7 KB of data, 0.66 KB gzip of the reader's download (measured).
//
// What counts as dead, conservatively:
//   - a file name is a string in the data that looks like one (`src/...rs`, std's
//     `/rustc/<hash>/library/...rs`, a dependency's `/cargo/registry/...rs`; the build
//     remaps local paths to these) and that a location points to;
//   - a location is a 4-byte aligned record {pointer, length} of such a name followed
//     by a line and a column, both at least 1;
//   - either is blanked only if no code refers to its address or the address of any of
//     its fields: the address's LEB128 bytes appear nowhere in the code section (a
//     chance match only keeps a record that could have gone), and no word of the data
//     that stays holds it.
// The end-to-end tests run the result; a location read after all would show there.
import { readFileSync, writeFileSync } from 'node:fs';
import { readUleb, sections, sleb } from './wasm-binary.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/blank-panic-locations.mjs <file.wasm>');
  process.exit(2);
}
const wasm = Buffer.from(readFileSync(file));

// The code section, and every active data segment with a constant offset.
let code = null;
const segments = []; // { address, at (file offset of the bytes), length }
for (const { id, start, end } of sections(wasm)) {
  if (id === 10) code = wasm.subarray(start, end);
  if (id !== 11) continue;
  let [count, p] = readUleb(wasm, start);
  while (count--) {
    let flags;
    [flags, p] = readUleb(wasm, p);
    if (flags !== 0 || wasm[p] !== 0x41) {
      console.error(`${file}: a data segment that is not active at a constant offset; nothing blanked`);
      process.exit(1);
    }
    let address;
    [address, p] = readUleb(wasm, p + 1); // small positive offsets: ULEB and SLEB agree below 2^27
    if (wasm[p] !== 0x0b) throw new Error(`${file}: unexpected data segment offset`);
    let length;
    [length, p] = readUleb(wasm, p + 1);
    segments.push({ address, at: p, length });
    p += length;
  }
}
if (!code || segments.length === 0) {
  console.error(`${file}: no code or no data section`);
  process.exit(1);
}

const at = (address) => {
  const s = segments.find((s) => address >= s.address && address < s.address + s.length);
  return s ? s.at + (address - s.address) : -1;
};
// Every 4-byte aligned word of the data, by address.
const words = new Map();
for (const s of segments) {
  for (let a = (s.address + 3) & ~3; a + 4 <= s.address + s.length; a += 4) {
    words.set(a, wasm.readUInt32LE(s.at + (a - s.address)));
  }
}

// File names.
const NAME = /(?:src\/[a-z0-9_\/]+\.rs|\/rustc\/[0-9a-f]{40}\/library\/[a-z0-9_\/]+\.rs|\/cargo\/registry\/src\/[A-Za-z0-9_.\-\/]+\.rs)/g;
const names = new Map(); // address -> length
for (const s of segments) {
  const text = wasm.toString('latin1', s.at, s.at + s.length);
  for (const m of text.matchAll(NAME)) names.set(s.address + m.index, m[0].length);
}

// Location records pointing at them.
const locations = [];
for (const a of words.keys()) {
  const [ptr, len, line, col] = [0, 4, 8, 12].map((o) => words.get(a + o));
  if (names.get(ptr) === len && line >= 1 && col >= 1) locations.push(a);
}

/** Whether the code holds any address in `[address, address + length)`, 4 bytes apart. */
const referencedByCode = (address, length) => {
  for (let a = address; a < address + length; a += 4) if (code.includes(sleb(a))) return true;
  return false;
};
const blanked = new Set(locations.filter((a) => !referencedByCode(a, 16)));

// A data word outside the records to blank that holds an address in one keeps it.
const inRecord = (address) => [address, address - 4, address - 8, address - 12].find((l) => blanked.has(l));
for (const [a, w] of words) {
  const l = inRecord(w);
  if (l !== undefined && inRecord(a) === undefined) blanked.delete(l);
}

// A file name is blanked if locations pointed to it, all of them are blanked, and no
// code or other data word refers to it (a name no location points to is left alone: it
// could be part of a longer string).
const namesOfLocations = new Set(locations.map((a) => words.get(a)));
const namesKept = new Set(locations.filter((a) => !blanked.has(a)).map((a) => words.get(a)));
const namesInData = new Set([...words].filter(([a]) => inRecord(a) === undefined).map(([, w]) => w));
let bytes = 0;
for (const a of blanked) {
  wasm.fill(0, at(a), at(a) + 16);
  bytes += 16;
}
for (const [address, length] of names) {
  if (!namesOfLocations.has(address) || namesKept.has(address) || namesInData.has(address)) continue;
  if (referencedByCode(address, 1)) continue;
  wasm.fill(0, at(address), at(address) + length);
  bytes += length;
}
writeFileSync(file, wasm);
console.log(
  `blanked ${blanked.size} of ${locations.length} panic locations and their unused file names: ${bytes} bytes`,
);
