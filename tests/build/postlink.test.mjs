// The post-link tool (scripts/postlink.mjs), step by step on small modules made for the
// purpose: each step does its work, keeps what something still uses, and fails loudly
// when it finds nothing to do that it must do. Then the whole tool, as build.sh runs
// it, on a small build. (canary.test.mjs checks the real build's output.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import binaryen from 'binaryen';
import {
  FEATURES,
  PostLinkError,
  blankLocations,
  bundle,
  dropPanics,
  optimize,
  renameGlue,
  rustFlags,
  toJavaScript,
} from '../../scripts/postlink.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOOL = path.join(ROOT, 'scripts', 'postlink.mjs');

function tempDir(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'postlink-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Builds a module with binaryen: `make(m)` adds to it; returns its bytes, names kept. */
function wasmOf(make) {
  const m = new binaryen.Module();
  make(m);
  assert.ok(m.validate(), 'the test module is valid');
  binaryen.setDebugInfo(true);
  const bytes = Buffer.from(m.emitBinary());
  m.dispose();
  return bytes;
}

const i32 = binaryen.i32;
/** Where Rust's data starts (after a 1 MiB stack). */
const BASE = 1 << 20;
const params = (...types) => binaryen.createType(types);

// --- features ---

test('rustflags: the features, once, as rustc and the linker take them', () => {
  const r = spawnSync(process.execPath, [TOOL, 'rustflags'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n'), rustFlags());
  assert.deepEqual(rustFlags(), [
    '-Ctarget-feature=-reference-types,-multivalue',
    '-Clink-arg=--no-check-features',
    `-Clink-arg=--features=${FEATURES.join(',')}`,
  ]);
});

// --- 1. panics ---

const PANIC_FMT = 'core[c5930c85a12de822]::panicking::panic_fmt';
const BOUNDS = 'core[c5930c85a12de822]::panicking::panic_bounds_check';
const UNWRAP = 'core[c5930c85a12de822]::option::unwrap_failed';
const FMT_WRITE = 'core[c5930c85a12de822]::fmt::write';
const OURS = 'ai_cert_check::evaluate::evaluate::h60d51eb0bda2cbfd';

/** A module with functions named like Rust's, each returning a constant. */
const named = (names) =>
  wasmOf((m) => {
    for (const name of names) {
      m.addFunction(name, binaryen.none, i32, [], m.i32.const(7));
      m.addFunctionExport(name, name);
    }
  });

/** Function names and whether each body is now a bare trap. */
function bodies(bytes) {
  const m = binaryen.readBinary(bytes);
  const out = {};
  for (let i = 0; i < m.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(m.getFunctionByIndex(i));
    out[info.name] = binaryen.getExpressionId(info.body) === binaryen.UnreachableId ? 'trap' : 'kept';
  }
  m.dispose();
  return out;
}

test('panics: the panic functions are emptied, every other one kept; core::fmt only if asked', () => {
  const input = named([PANIC_FMT, BOUNDS, UNWRAP, FMT_WRITE, OURS]);
  const plain = dropPanics(input);
  assert.deepEqual(plain.emptied, [PANIC_FMT, BOUNDS, UNWRAP]);
  assert.deepEqual(
    bodies(plain.bytes),
    { [PANIC_FMT]: 'trap', [BOUNDS]: 'trap', [UNWRAP]: 'trap', [FMT_WRITE]: 'kept', [OURS]: 'kept' },
  );
  const all = bodies(dropPanics(input, { formatting: true }).bytes);
  assert.equal(all[FMT_WRITE], 'trap');
  assert.equal(all[OURS], 'kept');
});

test('panics: fails when std no longer has panic_fmt, or core::fmt is gone in a formatting build', () => {
  assert.throws(
    () => dropPanics(named([BOUNDS, OURS])),
    /no function named core::panicking::panic_fmt: rustc's std names changed/,
  );
  assert.throws(
    () => dropPanics(named([PANIC_FMT, OURS]), { formatting: true }),
    /no core::fmt function: rustc's std names changed/,
  );
  assert.doesNotThrow(() => dropPanics(named([PANIC_FMT, OURS])));
});

// --- 2. wasm-opt and the glue ---

const GLUE_MODULE = './t_bg.js';
const ADD = '__wbg_add_0123456789abcdef';
const TWICE = '__wbg_twice_fedcba9876543210';

/**
 * What wasm-bindgen makes, in small: a module importing from ./t_bg.js (and its glue,
 * below); `data` at BASE and functions named `functions`, if given.
 */
const bindgenModule = ({ data = null, functions = [] } = {}) =>
  wasmOf((m) => {
    m.addFunctionImport('add', GLUE_MODULE, ADD, params(i32, i32), i32);
    m.addFunctionImport('twice', GLUE_MODULE, TWICE, params(i32), i32);
    m.setMemory(17, 100, 'memory', data ? [{ offset: m.i32.const(BASE), data, passive: false }] : []);
    for (const name of functions) m.addFunction(name, binaryen.none, i32, [], m.i32.const(7));
    const x = m.local.get(0, i32);
    m.addFunction('run', params(i32), i32, [], m.call('twice', [m.call('add', [x, m.i32.const(1)], i32)], i32));
    m.addFunctionExport('run', 'widget_run');
    m.addFunction('grow', binaryen.none, i32, [], m.memory.grow(m.i32.const(1)));
    m.addFunctionExport('grow', '__wbindgen_grow');
  });
const GLUE = `let wasm;
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        ${ADD}: function(arg0, arg1) {
            return arg0 + arg1;
        },
        ${TWICE}: function(arg0) { return 2 * arg0; },
    };
    return {
        "${GLUE_MODULE}": import0,
    };
}
function __wbg_finalize_init(instance) {
    wasm = instance.exports;
    return wasm;
}
export function run(x) { return wasm.widget_run(x); }
export function grow() { return wasm.__wbindgen_grow(); }
export function pages() { return wasm.memory.buffer.byteLength >> 16; }
let bytes;
export function init() {
    return __wbg_finalize_init(new WebAssembly.Instance(new WebAssembly.Module(bytes), __wbg_get_imports()));
}
export function use(b) { bytes = b; }
`;

test('wasm-opt shortens every name, and the renamed glue runs the renamed module', async (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'in.wasm'), bindgenModule());
  const mapping = optimize(path.join(dir, 'in.wasm'), path.join(dir, 'out.wasm'));
  const out = new WebAssembly.Module(readFileSync(path.join(dir, 'out.wasm')));
  assert.deepEqual(new Set(WebAssembly.Module.imports(out).map((i) => i.module)), new Set(['a']));
  const names = [...WebAssembly.Module.imports(out), ...WebAssembly.Module.exports(out)].map((i) => i.name);
  assert.ok(names.every((name) => name.length <= 2), names.join(' '));
  assert.deepEqual(mapping.imports.map(([module, old]) => [module, old]).sort(), [[GLUE_MODULE, ADD], [GLUE_MODULE, TWICE]]);

  const { glue, memory } = renameGlue(GLUE, mapping);
  assert.equal(memory, new Map(mapping.exports).get('memory'));
  for (const old of [GLUE_MODULE, ADD, TWICE, 'widget_run', 'wasm.memory']) assert.ok(!glue.includes(old), `${old} is gone`);
  writeFileSync(path.join(dir, 'glue.mjs'), glue);
  const g = await import(pathToFileURL(path.join(dir, 'glue.mjs')).href);
  g.use(readFileSync(path.join(dir, 'out.wasm')));
  const exports = g.init();
  assert.equal(g.run(4), 10); // twice(add(4, 1))
  assert.equal(g.pages(), 17);
  assert.equal(exports[memory].buffer.byteLength, 17 << 16);
});

test('the names step fails when the glue is not shaped as wasm-bindgen makes it', () => {
  const mapping = {
    imports: [[GLUE_MODULE, ADD, 'a'], [GLUE_MODULE, TWICE, 'b']],
    exports: [['memory', 'c'], ['widget_run', 'd'], ['__wbindgen_grow', 'e']],
  };
  assert.doesNotThrow(() => renameGlue(GLUE, mapping));
  const cases = [
    [GLUE.replace(`${TWICE}: function`, 'other: function'), /import __wbg_twice_\w+ is defined 0 times in the glue, not once: wasm-bindgen's glue changed/],
    [GLUE.replace(`"${GLUE_MODULE}": import0`, 'wbg: import0'), /the glue's import object has no key "\.\/t_bg\.js": wasm-bindgen's glue changed/],
    [GLUE.replace('wasm.widget_run(x)', 'wasm.widget_run(x) + wasm.gone()'), /the glue uses wasm\.gone, which the wasm does not export/],
    [GLUE.replace('wasm.widget_run(x)', 'wasm["widget_run"](x)'), /reads an export by a computed name/],
    [GLUE + `const again = ${ADD};\n`, /import __wbg_add_\w+ is still named in the glue/],
  ];
  for (const [glue, error] of cases) assert.throws(() => renameGlue(glue, mapping), error);
  assert.throws(
    () => renameGlue(GLUE, { ...mapping, imports: [...mapping.imports, ['env', 'x', 'f']] }),
    /not from one \.\/<name>_bg\.js/,
  );
});

// --- 3. locations ---

// Data at 1 MiB, as Rust lays it out: file names, then 16-byte locations
// { name address, name length, line, column }.
const NAMES = { kept: 'src/kept.rs', gone: 'src/gone.rs', held: 'src/held.rs', alone: 'src/alone.rs' };
function locationsModule({ readAll = false } = {}) {
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
  const bytes = wasmOf((m) => {
    m.setMemory(17, 17, null, [{ offset: m.i32.const(BASE), data: data.subarray(0, offset), passive: false }]);
    // Code that still reads the "kept" location (a panic that was not emptied), or all.
    const read = readAll ? ['kept', 'gone', 'held'] : ['kept'];
    const body = m.block(null, [...read.map((k) => m.drop(m.i32.const(loc[k]))), m.i32.const(0)], i32);
    m.addFunction('reads', binaryen.none, i32, [], body);
    m.addFunctionExport('reads', 'reads');
  });
  return { bytes, data: data.subarray(0, offset), at, loc };
}

test('locations: zeroes the locations nothing reads and their names, and only those', () => {
  const { bytes, data, at, loc } = locationsModule();
  const r = blankLocations(bytes);
  assert.deepEqual([r.found, r.blanked, r.zeroed], [3, 1, 16 + NAMES.gone.length]);
  const after = r.bytes;
  const start = after.indexOf(data.subarray(0, 8)); // the segment's bytes in the file
  assert.ok(start > 0, 'data segment found');
  const slice = (address, length) => after.subarray(start + address - BASE, start + address - BASE + length);
  const original = (address, length) => data.subarray(address - BASE, address - BASE + length);
  // Read by code: kept, and so is its file name.
  assert.deepEqual(slice(loc.kept, 16), original(loc.kept, 16));
  assert.equal(slice(at.kept, NAMES.kept.length).toString('latin1'), NAMES.kept);
  // Referred to by another data word: kept.
  assert.deepEqual(slice(loc.held, 16), original(loc.held, 16));
  assert.equal(slice(at.held, NAMES.held.length).toString('latin1'), NAMES.held);
  // Read by nothing: the record and its name are zeros.
  assert.deepEqual(slice(loc.gone, 16), Buffer.alloc(16));
  assert.deepEqual(slice(at.gone, NAMES.gone.length), Buffer.alloc(NAMES.gone.length));
  // A name no location points to is left alone (it could be part of a longer text).
  assert.equal(slice(at.alone, NAMES.alone.length).toString('latin1'), NAMES.alone);
  const m = binaryen.readBinary(after);
  assert.ok(m.validate());
  m.dispose();
});

test("locations: a location whose last field lies past its segment's end (trimmed zeros) is still found and zeroed, and nothing past the segment is written", () => {
  // The name, then one location whose column (55) has one byte in the data: binaryen
  // trims a segment's trailing zeros, and memory beyond it is zero.
  const name = 'src/tail.rs';
  const data = Buffer.alloc(32);
  data.write(name, 0, 'latin1');
  data.writeUInt32LE(BASE, 12);
  data.writeUInt32LE(name.length, 16);
  data.writeUInt32LE(461, 20);
  data.writeUInt32LE(55, 24);
  const segment = data.subarray(0, 25);
  const bytes = wasmOf((m) => {
    m.setMemory(17, 17, null, [{ offset: m.i32.const(BASE), data: segment, passive: false }]);
    m.addFunction('f', binaryen.none, i32, [], m.i32.const(0));
    m.addFunctionExport('f', 'f');
  });
  const r = blankLocations(bytes);
  assert.deepEqual([r.found, r.blanked, r.zeroed], [1, 1, 13 + name.length]);
  assert.equal(r.bytes.length, bytes.length);
  assert.equal(r.bytes.indexOf(Buffer.from(name)), -1, 'the file name is gone');
  const start = bytes.indexOf(segment);
  assert.deepEqual(r.bytes.subarray(start + 25), bytes.subarray(start + 25), 'bytes after the segment unchanged');
  assert.deepEqual(r.bytes.subarray(start + 12, start + 25), Buffer.alloc(13));
  const m = binaryen.readBinary(r.bytes);
  assert.ok(m.validate());
  m.dispose();
});

test("locations: a name of a crate std vendors (/rust/deps/...) is found and zeroed", () => {
  // Found in issue 18: serde-wasm-bindgen's HashMap brought std's hashbrown into the
  // custom build, and its panic location's file name was left for the canary to find.
  const name = '/rust/deps/hashbrown-0.16.1/src/raw/mod.rs';
  const data = Buffer.alloc(64);
  data.write(name, 0, 'latin1');
  [BASE, name.length, 12, 9].forEach((word, i) => data.writeUInt32LE(word, 44 + 4 * i));
  const bytes = wasmOf((m) => {
    m.setMemory(17, 17, null, [{ offset: m.i32.const(BASE), data, passive: false }]);
    m.addFunction('f', binaryen.none, i32, [], m.i32.const(0));
    m.addFunctionExport('f', 'f');
  });
  const r = blankLocations(bytes);
  assert.deepEqual([r.found, r.blanked], [1, 1]);
  assert.equal(r.bytes.indexOf(Buffer.from(name)), -1, 'the file name is gone');
});

test('locations: fails when it finds no location to blank', () => {
  const noData = wasmOf((m) => {
    m.setMemory(17, 17, null, [{ offset: m.i32.const(BASE), data: Buffer.from('no locations here'), passive: false }]);
    m.addFunction('f', binaryen.none, binaryen.none, [], m.nop());
  });
  assert.throws(
    () => blankLocations(noData),
    /0 panic locations found, none unread: rustc's core::panic::Location layout or the remapped paths changed/,
  );
  assert.throws(() => blankLocations(locationsModule({ readAll: true }).bytes), /3 panic locations found, none unread/);
});

// --- 4. wasm2js ---

/** An optimized module as the tool hands it to wasm2js: imports from "a", memory "c". */
const minifiedModule = ({ memory = true } = {}) =>
  wasmOf((m) => {
    m.addFunctionImport('add', 'a', 'b', params(i32, i32), i32);
    const x = m.local.get(0, i32);
    m.addFunction('run', params(i32), i32, [], m.call('add', [x, m.i32.const(1)], i32));
    m.addFunctionExport('run', 'd');
    if (memory) {
      m.setMemory(1, 100, 'c', []);
      m.addFunction('grow', binaryen.none, i32, [], m.memory.grow(m.i32.const(1)));
      m.addFunctionExport('grow', 'e');
    }
  });

test('wasm2js: a module the loader starts with the glue\'s imports, whose memory growth detaches the old buffer', async (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'm.wasm'), minifiedModule());
  writeFileSync(path.join(dir, 'm.mjs'), await toJavaScript(path.join(dir, 'm.wasm')));
  const build = await import(pathToFileURL(path.join(dir, 'm.mjs')).href);
  const exports = build.default({ a: { b: (x, y) => x + y } });
  assert.equal(exports.d(41), 42);
  const before = exports.c.buffer;
  assert.equal(exports.e(), 1); // memory.grow returns the old size in pages
  assert.equal(before.byteLength, 0, 'the old buffer is detached');
  assert.equal(exports.c.buffer.byteLength, 2 << 16);
});

test('wasm2js: export names holding `$`, as the short names run to in a build with many imports and exports', async (t) => {
  // Found in issue 18: serde-wasm-bindgen took the custom build to 105 imports and 17
  // exports, and an export named `$a` was left behind as `export var $a = retasmFunc.$a`.
  const dir = tempDir(t);
  const wasm = wasmOf((m) => {
    m.addFunctionImport('add', 'a', 'b', params(i32, i32), i32);
    m.addFunction('run', params(i32), i32, [], m.call('add', [m.local.get(0, i32), m.i32.const(1)], i32));
    m.addFunctionExport('run', '$a');
    m.setMemory(1, 100, 'c', []);
    m.addFunction('grow', binaryen.none, i32, [], m.memory.grow(m.i32.const(1)));
    m.addFunctionExport('grow', 'e');
  });
  writeFileSync(path.join(dir, 'm.wasm'), wasm);
  writeFileSync(path.join(dir, 'm.mjs'), await toJavaScript(path.join(dir, 'm.wasm')));
  const build = await import(pathToFileURL(path.join(dir, 'm.mjs')).href);
  assert.equal(build.default({ a: { b: (x, y) => x + y } }).$a(41), 42);
});

test('wasm2js: each call makes an instance that owns all of its state: copies and fills write to its own memory', async (t) => {
  // Found in issue 25: wasm2js keeps the view memory.copy and memory.fill write through
  // at module level, and each instance repointed it at its own memory. Two checklists of
  // their own on a page without WebAssembly (one instance each) then wrote into each
  // other's memory, and one stopped on its first click.
  const dir = tempDir(t);
  const wasm = wasmOf((m) => {
    m.setFeatures(binaryen.Features.BulkMemory | binaryen.Features.BulkMemoryOpt);
    m.addFunctionImport('add', 'a', 'b', params(i32, i32), i32);
    m.addFunction('run', params(i32), i32, [], m.call('add', [m.local.get(0, i32), m.i32.const(1)], i32));
    m.addFunctionExport('run', 'd');
    m.setMemory(1, 100, 'c', []);
    const [a, b, c] = [0, 1, 2].map((i) => m.local.get(i, i32));
    m.addFunction('fill', params(i32, i32, i32), binaryen.none, [], m.memory.fill(a, b, c));
    m.addFunctionExport('fill', 'f');
    m.addFunction('copy', params(i32, i32, i32), binaryen.none, [], m.memory.copy(a, b, c));
    m.addFunctionExport('copy', 'g');
    m.addFunction('grow', binaryen.none, i32, [], m.memory.grow(m.i32.const(1)));
    m.addFunctionExport('grow', 'e');
  });
  writeFileSync(path.join(dir, 'm.wasm'), wasm);
  writeFileSync(path.join(dir, 'm.mjs'), await toJavaScript(path.join(dir, 'm.wasm')));
  const build = await import(pathToFileURL(path.join(dir, 'm.mjs')).href);
  const imports = { a: { b: (x, y) => x + y } };
  const first = build.default(imports);
  const second = build.default(imports); // made last: a shared view would point here
  first.f(100, 7, 4);
  first.g(200, 100, 4);
  const bytes = (x, at) => [...new Uint8Array(x.c.buffer, at, 4)];
  assert.deepEqual(bytes(first, 100), [7, 7, 7, 7], "the first instance's fill wrote to its own memory");
  assert.deepEqual(bytes(first, 200), [7, 7, 7, 7], "the first instance's copy read and wrote its own memory");
  assert.deepEqual([...bytes(second, 100), ...bytes(second, 200)], new Array(8).fill(0), 'the second instance is untouched');
  second.e(); // growing one instance's memory leaves the other's alone
  first.f(300, 9, 2);
  assert.deepEqual([...new Uint8Array(first.c.buffer, 300, 2)], [9, 9]);
  assert.deepEqual([...new Uint8Array(second.c.buffer, 300, 2)], [0, 0]);
});

test('wasm2js: fails when its output does not have what the rewrite expects', async (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'm.wasm'), minifiedModule({ memory: false }));
  await assert.rejects(
    toJavaScript(path.join(dir, 'm.wasm')),
    /expected one memory growth in wasm2js's output, found 0: binaryen's wasm2js changed/,
  );
});

// --- 5. bundle ---

test('bundle: the entry with the glue in one module; the memory\'s name and the version put in', async (t) => {
  const dir = tempDir(t);
  const glue = 'let wasm;\nfunction __wbg_get_imports() { return {}; }\nfunction __wbg_finalize_init(i) { wasm = i.exports; return wasm; }\n' +
    "export default () => new URL('t_bg.wasm', import.meta.url);\n";
  writeFileSync(path.join(dir, 'glue.js'), glue);
  writeFileSync(path.join(dir, 'entry.js'), 'import init, { __wbg_get_imports } from "./glue.js";\n' +
    'export const wasmUrl = init, imports = __wbg_get_imports, js = () => import("./t.wasm.js");\n' +
    'export const memory = WASM_MEMORY_EXPORT, version = AI_CERT_CHECK_VERSION;\n');
  const [entry, gluePath, outfile] = ['entry.js', 'glue.js', 'out.js'].map((f) => path.join(dir, f));
  const options = { name: 't', entry, gluePath, glue, memory: 'ka', outfile };
  await bundle(options);
  const out = await import(pathToFileURL(options.outfile).href);
  assert.equal(out.memory, 'ka');
  assert.match(out.version, /^\d+\.\d+\.\d+/);
  assert.match(out.wasmUrl().href, /\/t_bg\.wasm$/);
  await assert.rejects(
    bundle({ ...options, glue: glue.replace('function __wbg_get_imports', 'function other') }),
    /the glue defines no function __wbg_get_imports: wasm-bindgen's glue changed/,
  );
  await assert.rejects(
    bundle({ ...options, glue: glue.replace('t_bg.wasm', 'elsewhere.wasm') }),
    /does not name t_bg\.wasm: the glue's wasm URL changed/,
  );
});

// --- The whole tool ---

test('the tool, as build.sh runs it, on a small build', async (t) => {
  const dir = tempDir(t);
  const bindgen = path.join(dir, 'target', 'bindgen-t');
  mkdirSync(bindgen, { recursive: true });
  mkdirSync(path.join(dir, 'pkg'));
  // The small wasm-bindgen module, with a panic entry point, a formatting function and
  // a location nothing reads.
  const data = Buffer.alloc(32);
  data.write('src/lib.rs', 0, 'latin1');
  [BASE, 10, 3, 7].forEach((word, i) => data.writeUInt32LE(word, 12 + 4 * i));
  data.write('more', 28, 'latin1'); // wasm-opt trims trailing zeros off the data
  writeFileSync(path.join(bindgen, 't_bg.wasm'), bindgenModule({ data, functions: [PANIC_FMT, FMT_WRITE] }));
  writeFileSync(path.join(bindgen, 't.js'), GLUE + "export default () => new URL('t_bg.wasm', import.meta.url);\n");
  writeFileSync(path.join(dir, 'wasm-inline.js'), 'export default undefined;\n');
  writeFileSync(path.join(dir, 'entry.js'), 'import init, { run } from "./glue.js";\nimport bytes from "./wasm-inline.js";\n' +
    'export { init, run, bytes };\nexport const js = () => import("./t.wasm.js");\n');

  const args = ['t', 'entry.js', 'pkg/t.js', '--formatting', '--single', 'pkg/t.single.js'];
  const r = spawnSync(process.execPath, [TOOL, ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /panics: emptied 2 panic and core::fmt functions/);
  assert.match(r.stderr, /names: wasm-opt -ocimfs=10 -Oz; 2 import and 3 export names shortened/);
  assert.match(r.stderr, /locations: blanked 1 of 1 panic locations and their file names: 26 bytes/);
  const wasm = readFileSync(path.join(dir, 'pkg', 't_bg.wasm'));
  assert.ok(!wasm.includes('src/lib.rs'), 'the location and its name are blanked');
  assert.ok(readFileSync(path.join(dir, 'pkg', 't.wasm.js'), 'utf8').includes('structuredClone('));
  assert.ok(readFileSync(path.join(dir, 'pkg', 't.single.js'), 'utf8').includes(wasm.toString('base64')));
  assert.ok(
    readFileSync(path.join(bindgen, 't_bg.lean.wasm')).includes('core[c5930c85a12de822]::panicking::panic_fmt'),
    'names kept',
  );

  // A toolchain change fails the build: here, std without panic_fmt.
  const renamed = readFileSync(path.join(bindgen, 't_bg.wasm')).toString('latin1').replace('panic_fmt', 'panic_xyz');
  writeFileSync(path.join(bindgen, 't_bg.wasm'), Buffer.from(renamed, 'latin1'));
  const broken = spawnSync(process.execPath, [TOOL, 't', 'entry.js', 'pkg/t.js'], { cwd: dir, encoding: 'utf8' });
  assert.equal(broken.status, 1);
  assert.equal(
    broken.stderr.trim(),
    "postlink panics: no function named core::panicking::panic_fmt: rustc's std names changed, or wasm-bindgen no longer keeps the name section",
  );
});

test('a failure is a PostLinkError, so the command prints its message alone', () => {
  assert.throws(() => dropPanics(named([OURS])), PostLinkError);
});
