// The two build steps that rewrite the linked .wasm (scripts/drop-panic-messages.mjs,
// scripts/blank-panic-locations.mjs), on small modules made for the purpose: they
// remove what is dead and keep what something still uses. (The end-to-end tests run
// every real build through both; the size check fails if either stops working.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import binaryen from 'binaryen';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = (name) => path.join(ROOT, 'scripts', name);

function tempDir(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'panic-steps-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs a script; returns { status, output }. */
function run(name, ...args) {
  const r = spawnSync(process.execPath, [script(name), ...args], { encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** Function names (from the name section) and whether each body is a bare trap. */
function bodies(file) {
  const m = binaryen.readBinary(readFileSync(file));
  const out = {};
  for (let i = 0; i < m.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(m.getFunctionByIndex(i));
    out[info.name] = binaryen.getExpressionId(info.body) === binaryen.UnreachableId ? 'trap' : 'kept';
  }
  m.dispose();
  return out;
}

/** A module with functions named like Rust's: each returns a constant. */
function moduleWith(names) {
  const m = new binaryen.Module();
  for (const name of names) {
    m.addFunction(name, binaryen.none, binaryen.i32, [], m.i32.const(7));
    m.addFunctionExport(name, name);
  }
  binaryen.setDebugInfo(true);
  const bytes = m.emitBinary();
  m.dispose();
  return bytes;
}

const PANIC_FMT = 'core[c5930c85a12de822]::panicking::panic_fmt';
const BOUNDS = 'core[c5930c85a12de822]::panicking::panic_bounds_check';
const UNWRAP = 'core[c5930c85a12de822]::option::unwrap_failed';
const FMT_WRITE = 'core[c5930c85a12de822]::fmt::write';
const OURS = 'ai_cert_check::evaluate::evaluate::h60d51eb0bda2cbfd';

test('drop-panic-messages empties the panic functions and keeps every other one', (t) => {
  const dir = tempDir(t);
  const input = path.join(dir, 'in.wasm');
  writeFileSync(input, moduleWith([PANIC_FMT, BOUNDS, UNWRAP, FMT_WRITE, OURS]));

  const out = path.join(dir, 'out.wasm');
  const r = run('drop-panic-messages.mjs', input, out);
  assert.equal(r.status, 0, r.output);
  assert.deepEqual(bodies(out), {
    [PANIC_FMT]: 'trap',
    [BOUNDS]: 'trap',
    [UNWRAP]: 'trap',
    [FMT_WRITE]: 'kept', // formatting stays unless asked
    [OURS]: 'kept',
  });

  const r2 = run('drop-panic-messages.mjs', input, out, '--formatting');
  assert.equal(r2.status, 0, r2.output);
  assert.equal(bodies(out)[FMT_WRITE], 'trap');
  assert.equal(bodies(out)[OURS], 'kept');
});

test('drop-panic-messages fails the build when std no longer has panic_fmt', (t) => {
  const dir = tempDir(t);
  const input = path.join(dir, 'in.wasm');
  writeFileSync(input, moduleWith([BOUNDS, OURS]));
  const r = run('drop-panic-messages.mjs', input, path.join(dir, 'out.wasm'));
  assert.equal(r.status, 1);
  assert.match(r.output, /no function named core::panicking::panic_fmt/);
});

// Data at 1 MiB, as Rust lays it out: file names, then 16-byte locations
// { name address, name length, line, column }.
const BASE = 1 << 20;
const NAMES = { kept: 'src/kept.rs', gone: 'src/gone.rs', held: 'src/held.rs', alone: 'src/alone.rs' };
function locationsModule() {
  const data = Buffer.alloc(256);
  const at = {};
  let offset = 0;
  for (const [key, name] of Object.entries(NAMES)) {
    at[key] = BASE + offset;
    data.write(name, offset, 'latin1');
    offset += name.length + 1;
  }
  offset = (offset + 3) & ~3;
  const loc = {};
  for (const [key, line] of [['kept', 10], ['gone', 20], ['held', 30]]) {
    loc[key] = BASE + offset;
    data.writeUInt32LE(at[key], offset);
    data.writeUInt32LE(NAMES[key].length, offset + 4);
    data.writeUInt32LE(line, offset + 8);
    data.writeUInt32LE(5, offset + 12);
    offset += 16;
  }
  // A data word elsewhere holding the address of the "held" location.
  data.writeUInt32LE(loc.held, offset);
  offset += 4;

  const m = new binaryen.Module();
  m.setMemory(17, 17, null, [{ offset: m.i32.const(BASE), data: data.subarray(0, offset), passive: false }]);
  // Code that still reads the "kept" location (a panic that was not emptied).
  m.addFunction('reads', binaryen.none, binaryen.i32, [], m.i32.const(loc.kept));
  m.addFunctionExport('reads', 'reads');
  const bytes = m.emitBinary();
  m.dispose();
  return { bytes: Buffer.from(bytes), data: data.subarray(0, offset), at, loc };
}

test('blank-panic-locations zeroes the locations nothing reads, and only those', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'm.wasm');
  const { bytes, data, at, loc } = locationsModule();
  writeFileSync(file, bytes);

  const out = execFileSync(process.execPath, [script('blank-panic-locations.mjs'), file], { encoding: 'utf8' });
  assert.match(out, /blanked 1 of 3 panic locations/);

  const after = readFileSync(file);
  const start = after.indexOf(data.subarray(0, 8)); // the segment's bytes in the file
  assert.ok(start > 0, 'data segment found');
  const slice = (address, length) => after.subarray(start + address - BASE, start + address - BASE + length);
  const zero = (length) => Buffer.alloc(length);
  const original = (address, length) => data.subarray(address - BASE, address - BASE + length);

  // Read by code: kept, and so is its file name.
  assert.deepEqual(slice(loc.kept, 16), original(loc.kept, 16));
  assert.equal(slice(at.kept, NAMES.kept.length).toString('latin1'), NAMES.kept);
  // Referred to by another data word: kept.
  assert.deepEqual(slice(loc.held, 16), original(loc.held, 16));
  assert.equal(slice(at.held, NAMES.held.length).toString('latin1'), NAMES.held);
  // Read by nothing: the record and its name are zeros.
  assert.deepEqual(slice(loc.gone, 16), zero(16));
  assert.deepEqual(slice(at.gone, NAMES.gone.length), zero(NAMES.gone.length));
  // A name no location points to is left alone (it could be part of a longer text).
  assert.equal(slice(at.alone, NAMES.alone.length).toString('latin1'), NAMES.alone);
  // The module is still valid.
  const m = binaryen.readBinary(after);
  assert.ok(m.validate());
  m.dispose();
});
