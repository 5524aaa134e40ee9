#!/usr/bin/env node
// The post-link tool: everything done to a build between wasm-bindgen and pkg/.
//
//   node scripts/postlink.mjs rustflags
//   node scripts/postlink.mjs <name> <entry.js> <out.js> [--formatting] [--single <out.js>]
//
// `rustflags` prints the rustc flags for the WebAssembly features the build may use
// (scripts/build.sh passes them on): FEATURES below is the only list of them. Otherwise
// it takes wasm-bindgen's output in target/bindgen-<name>/ through five steps:
//   1. panics     the functions that format panic messages emptied (binaryen's JS API):
//                 target/bindgen-<name>/<name>_bg.lean.wasm (names kept, for twiggy)
//   2. names      wasm-opt -Oz (a function with one caller inlined only if tiny), the
//                 sections nothing reads at run time dropped, and the import, export and
//                 module names between the wasm and its glue shortened
//                 (--minify-imports-and-exports-and-modules, which prints the mapping the
//                 glue is then renamed after)
//   3. locations  the panic locations nothing reads any more zeroed: pkg/<name>_bg.wasm
//   4. wasm2js    the same code as JavaScript, for pages that forbid WebAssembly:
//                 pkg/<name>.wasm.js
//   5. bundle     the entry script and the glue, renamed after the mapping, in one
//                 minified module: <out.js>; with --single, also one with the .wasm inlined
// Each step checks that it did what it must and fails, naming the toolchain change that
// would explain it, when it did not: a new wasm-bindgen, rustc or binaryen must break
// the build, not quietly give the bytes back. tests/build/ runs each step on small
// modules, and a canary on the real build's output checks what the steps rely on.
// What each step saves is measured in docs/performance.md ("Where the bytes go").
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import binaryen from 'binaryen';
import { build, transform } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');

/** A step's failure: what it expected and which toolchain change would explain it. */
export class PostLinkError extends Error {}
const fail = (step, message) => {
  throw new PostLinkError(`postlink ${step}: ${message}`);
};
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// --- The WebAssembly features ------------------------------------------------------------

/**
 * The features the build may use, by LLVM's names. Not reference types or multivalue:
 * binaryen's wasm2js refuses the second table wasm-bindgen makes for them, and one .wasm
 * serves both the WebAssembly and the JavaScript build (the glue then keeps JS values in
 * an array instead of a table, about 400 B smaller too). The precompiled std still
 * claims them, so the linker is told this list and not to check.
 */
export const FEATURES = [
  'bulk-memory',
  'bulk-memory-opt',
  'call-indirect-overlong',
  'mutable-globals',
  'nontrapping-fptoint',
  'sign-ext',
];
const DISABLED = ['reference-types', 'multivalue'];

/** The rustc flags for FEATURES, one per line of `rustflags`. */
export const rustFlags = () => [
  `-Ctarget-feature=${DISABLED.map((f) => `-${f}`).join(',')}`,
  '-Clink-arg=--no-check-features',
  `-Clink-arg=--features=${FEATURES.join(',')}`,
];

/** binaryen's flags for FEATURES (it spells one differently), for modules whose target_features section is gone. */
const enableFeatures = () => FEATURES.map((f) => `--enable-${f === 'nontrapping-fptoint' ? 'nontrapping-float-to-int' : f}`);

// --- 1. panics ---------------------------------------------------------------------------
// In the browser a panic ends in a trap whatever comes before it: the release profile
// aborts and the widget sets no panic hook. But std's panic handler first formats the
// message for a stderr wasm32-unknown-unknown does not have, which keeps core::fmt in
// the download. Nightly's panic_immediate_abort removes it at compile time; on stable,
// the panic entry points' bodies become the bare `unreachable` that would have come
// anyway, and wasm-opt drops what only they used. `formatting` (the built-in builds,
// which never format text on purpose) empties core::fmt itself too, which the payloads'
// vtables otherwise keep in the function table; a path that did format would trap,
// which the end-to-end tests would catch.

// Names as wasm-bindgen's name section has them: `core[<hash>]::panicking::panic_fmt`.
const crate = (name) => `${name}(\\[[0-9a-f]+\\])?`;
/** Where every panic goes, what std does there, and the functions that only start one. */
export const PANIC = [
  new RegExp(`^${crate('core')}::panicking::`),
  new RegExp(`^${crate('std')}::panicking::`),
  /PanicPayload>::/,
  new RegExp(`^${crate('__rustc')}::(rust_panic|__rust_start_panic)$`),
  new RegExp(`^${crate('(core|alloc|std)')}::[a-z_:]+::(panic_[a-z_]+|[a-z_]+_fail(ed|_rt)?|capacity_overflow|handle_error)$`),
];
/** core::fmt: its functions and every Display, Debug or Write impl's methods. */
export const FORMAT = new RegExp(`${crate('core')}::fmt::`);
/** Every panic goes through this one. */
export const PANIC_ENTRY = new RegExp(`^${crate('core')}::panicking::panic_fmt$`);

/** Empties the panic (and with `formatting`, core::fmt) functions: `{ bytes, emptied }`. */
export function dropPanics(wasm, { formatting = false } = {}) {
  const module = binaryen.readBinary(wasm); // the features: from its target_features section
  try {
    const emptied = [];
    for (let i = 0; i < module.getNumFunctions(); i++) {
      const fn = module.getFunctionByIndex(i);
      const { name, module: imported } = binaryen.getFunctionInfo(fn);
      if (imported || !(PANIC.some((p) => p.test(name)) || (formatting && FORMAT.test(name)))) continue;
      binaryen._BinaryenFunctionSetBody(fn, module.unreachable());
      emptied.push(name);
    }
    const toolchain = "rustc's std names changed, or wasm-bindgen no longer keeps the name section";
    if (!emptied.some((n) => PANIC_ENTRY.test(n))) fail('panics', `no function named core::panicking::panic_fmt: ${toolchain}`);
    if (formatting && !emptied.some((n) => FORMAT.test(n))) fail('panics', `no core::fmt function: ${toolchain}`);
    if (!module.validate()) fail('panics', 'the module is not valid after emptying the panic functions');
    binaryen.setDebugInfo(true); // keep the names for twiggy; wasm-opt strips them
    return { bytes: module.emitBinary(), emptied };
  } finally {
    module.dispose();
  }
}

// --- 2. names ----------------------------------------------------------------------------
// wasm-bindgen names each import `__wbg_<method>_<16 hex digits>` from `./<name>_bg.js`;
// the hashes do not compress and each name is stored twice (wasm and glue). binaryen
// renames every import, export and import module (to "a") and prints the mapping as
// JSON: { imports: [[module, name, new]], exports: [[name, new]] }.

/** The module name binaryen gives every import. */
export const MINIFIED_MODULE = 'a';

/**
 * wasm-opt -Oz with the names shortened: `input` -> `output`; returns the mapping.
 *
 * `-ocimfs=10`: a function with one caller is inlined into it only if it is tiny. By
 * default binaryen inlines every such function, whatever its size, which merges the
 * view's parts into a few huge functions whose code compresses worse: measured on the
 * two pages, 1.3 KB less gzip on the built-in page and 4.6 KB less on the own-checklist
 * page than plain -Oz (0, 5, 20 and 40 did slightly worse; no inlining at all, 0.3 KB
 * worse).
 */
const OPT_PASSES = ['-ocimfs=10', '-Oz'];
export function optimize(input, output) {
  const passes = ['--minify-imports-and-exports-and-modules', ...OPT_PASSES];
  const strip = ['--strip-debug', '--strip-producers', '--strip-target-features'];
  const printed = execFileSync(path.join(BIN, 'wasm-opt'), [input, ...passes, ...strip, '-o', output], { encoding: 'utf8' });
  let mapping;
  try {
    mapping = JSON.parse(printed);
  } catch {
    fail('names', `no name mapping on wasm-opt's output: binaryen changed what --minify-imports-and-exports-and-modules prints`);
  }
  const module = new WebAssembly.Module(readFileSync(output));
  const renamed = new Set([...mapping.imports.map((i) => i[2]), ...mapping.exports.map((e) => e[1])]);
  const unchanged = [
    ...WebAssembly.Module.imports(module).filter((i) => i.module !== MINIFIED_MODULE || !renamed.has(i.name)),
    ...WebAssembly.Module.exports(module).filter((e) => !renamed.has(e.name)),
  ];
  if (unchanged.length) fail('names', `${unchanged.map((i) => i.name).join(', ')} not renamed: binaryen's minification changed`);
  return mapping;
}

/**
 * The glue with the mapping's names: the import object's module key and its functions'
 * keys, and every `wasm.<export>`. Returns `{ glue, memory, stack }`: the new names of
 * the memory export, which the entry script reads, and of wasm-bindgen's stack-pointer
 * function (if the build has one), with which src/element/loader.js restores the stack
 * after an exception. Fails if any name is not where wasm-bindgen's
 * glue puts it, or if an old one is left.
 */
export function renameGlue(glue, { imports, exports }) {
  const toolchain = "wasm-bindgen's glue changed";
  const modules = [...new Set(imports.map(([module]) => module))];
  if (modules.length !== 1 || !modules[0].endsWith('_bg.js')) {
    fail('names', `the wasm imports from ${modules.join(', ') || 'nothing'}, not from one ./<name>_bg.js: ${toolchain}`);
  }
  const count = (re) => (glue.match(re) ?? []).length;
  const moduleKey = new RegExp(`(["'])${escape(modules[0])}\\1(?=\\s*:)`, 'g');
  if (count(moduleKey) !== 1) fail('names', `the glue's import object has no key "${modules[0]}": ${toolchain}`);
  glue = glue.replace(moduleKey, () => `"${MINIFIED_MODULE}"`);
  for (const [, old, short] of imports) {
    const key = new RegExp(`\\b${escape(old)}\\b(?=\\s*:)`, 'g');
    if (count(key) !== 1) fail('names', `import ${old} is defined ${count(key)} times in the glue, not once: ${toolchain}`);
    glue = glue.replace(key, () => short);
    if (count(new RegExp(`\\b${escape(old)}\\b`, 'g'))) fail('names', `import ${old} is still named in the glue: ${toolchain}`);
  }
  const shorts = new Map(exports);
  glue = glue.replace(/\bwasm\.([\w$]+)/g, (_, name) => {
    if (!shorts.has(name)) fail('names', `the glue uses wasm.${name}, which the wasm does not export: ${toolchain}`);
    return `wasm.${shorts.get(name)}`;
  });
  if (/\bwasm\[/.test(glue)) fail('names', `the glue reads an export by a computed name (wasm[...]): ${toolchain}`);
  if (!shorts.has('memory')) fail('names', `the wasm exports no memory: ${toolchain}`);
  return { glue, memory: shorts.get('memory'), stack: shorts.get('__wbindgen_add_to_stack_pointer') };
}

// --- 3. locations ------------------------------------------------------------------------
// Every indexing, unwrap or RefCell borrow that could panic passes the panic a
// core::panic::Location, a 16-byte record in the data (file name address and length,
// line, column) pointing to the file's name. Once the panics are empty, wasm-opt drops
// the calls but not the records: binaryen cannot tell that no code reads them. Nightly's
// -Zlocation-detail=none would not emit them; on stable, this zeroes them. Conservatively:
//   - a file name is a string in the data that looks like one (`src/...rs`, std's
//     `/rustc/<hash>/library/...rs`, the crates std vendors as `/rust/deps/...rs`
//     (hashbrown, reached through a `HashMap` in serde-wasm-bindgen), a dependency's
//     `/cargo/registry/...rs`; build.sh remaps local paths to these) and that a
//     location points to;
//   - a location is a 4-byte aligned record {pointer, length} of such a name followed
//     by a line and a column, both at least 1;
//   - either is zeroed only if no code refers to its address or to any of its fields
//     (the address's LEB128 bytes appear nowhere in the code section: a chance match
//     only keeps a record that could have gone) and no data word that stays holds it.

/** Unsigned LEB128 at `pos`: `[value, position after it]`. */
function readUleb(buf, pos) {
  let result = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [result, pos];
  }
}

/** A 32-bit integer as signed LEB128, as `i32.const` writes it. */
function sleb(n) {
  const out = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return Buffer.from([...out, byte]);
    out.push(byte | 0x80);
  }
}

/** A source file name as panic locations have it: ours, std's, a dependency's. */
const FILE_NAME = /src\/[a-z0-9_/]+\.rs|\/rustc\/[0-9a-f]{40}\/library\/[a-z0-9_/]+\.rs|\/rust\/deps\/[\w.\-/]+\.rs|\/cargo\/registry\/src\/[\w.\-/]+\.rs/g;

/**
 * The panic locations of a module and what the locations step makes of them: its data
 * (`wasm`, a copy of `input`, and `at`, `zero`), the file names found, the location
 * records, which of them may be blanked and which names must stay.
 */
function survey(input) {
  const wasm = Buffer.from(input);
  let code = null;
  const segments = []; // { address, at (file offset of its bytes), length }
  for (let pos = 8; pos < wasm.length; ) {
    const id = wasm[pos];
    const [size, start] = readUleb(wasm, pos + 1);
    pos = start + size;
    if (id === 10) code = wasm.subarray(start, pos);
    if (id !== 11) continue;
    let [count, p] = readUleb(wasm, start);
    while (count--) {
      // Active, memory 0, at an `i32.const` offset (ULEB and SLEB agree below 2^27), `end`.
      const [address, q] = readUleb(wasm, p + 2);
      if (wasm[p] !== 0 || wasm[p + 1] !== 0x41 || wasm[q] !== 0x0b) {
        fail('locations', 'a data segment not at a constant offset: binaryen changed its data layout');
      }
      const [length, at] = readUleb(wasm, q + 1);
      segments.push({ address, at, length });
      p = at + length;
    }
  }
  if (!code || segments.length === 0) fail('locations', 'no code or no data section');

  const at = (address) => {
    const s = segments.find((s) => address >= s.address && address < s.address + s.length);
    return s ? s.at + (address - s.address) : -1;
  };
  // Memory outside the segments is zero, and binaryen trims a segment's trailing zeros:
  // a location's last field may lie partly past its segment's end (found in the custom
  // build: a column of 55, one byte in the data and three beyond).
  const byte = (address) => {
    const i = at(address);
    return i < 0 ? 0 : wasm[i];
  };
  const word = (address) => (byte(address) | (byte(address + 1) << 8) | (byte(address + 2) << 16) | (byte(address + 3) << 24)) >>> 0;
  const zero = (address, length) => {
    let n = 0;
    for (let a = address; a < address + length; a++) if (at(a) >= 0) (wasm[at(a)] = 0), n++;
    return n;
  };
  const words = new Map(); // every 4-byte aligned word of the data, by address
  const names = new Map(); // file name address -> length
  for (const s of segments) {
    for (let a = (s.address + 3) & ~3; a + 4 <= s.address + s.length; a += 4) words.set(a, wasm.readUInt32LE(at(a)));
    const text = wasm.toString('latin1', s.at, s.at + s.length);
    for (const m of text.matchAll(FILE_NAME)) names.set(s.address + m.index, m[0].length);
  }
  const locations = [...words.keys()].filter((a) => {
    const [ptr, len, line, col] = [0, 4, 8, 12].map((o) => word(a + o));
    return names.get(ptr) === len && line >= 1 && col >= 1;
  });
  const referencedByCode = (address, length) => {
    for (let a = address; a < address + length; a += 4) if (code.includes(sleb(a))) return true;
    return false;
  };
  const blanked = new Set(locations.filter((a) => !referencedByCode(a, 16)));
  // A data word outside the records to blank that holds an address in one keeps it.
  const inRecord = (address) => [0, 4, 8, 12].map((o) => address - o).find((l) => blanked.has(l));
  for (const [a, w] of words) {
    const l = inRecord(w);
    if (l !== undefined && inRecord(a) === undefined) blanked.delete(l);
  }
  // A name goes if locations pointed to it, all of them go, and nothing else refers to it
  // (a name no location points to is left alone: it could be part of a longer text).
  const pointedTo = new Set(locations.map((a) => words.get(a)));
  const kept = new Set([
    ...locations.filter((a) => !blanked.has(a)).map((a) => words.get(a)),
    ...[...words].filter(([a]) => inRecord(a) === undefined).map(([, w]) => w),
  ]);
  const goes = (address) => pointedTo.has(address) && !kept.has(address) && !referencedByCode(address, 1);
  return { wasm, zero, names, locations, blanked, goes, text: (address) => wasm.toString('latin1', at(address), at(address) + names.get(address)) };
}

/** Zeroes the unread panic locations and their file names: `{ bytes, found, blanked, zeroed }`. */
export function blankLocations(input) {
  const { wasm, zero, names, locations, blanked, goes } = survey(input);
  if (blanked.size === 0) {
    const toolchain = "rustc's core::panic::Location layout or the remapped paths changed";
    fail('locations', `${locations.length} panic locations found, none unread: ${toolchain} (about 0.7 KB gzip at stake)`);
  }
  let zeroed = 0;
  for (const a of blanked) zeroed += zero(a, 16);
  for (const [address, length] of names) if (goes(address)) zeroed += zero(address, length);
  return { bytes: wasm, found: locations.length, blanked: blanked.size, zeroed };
}

/**
 * The source file names in a module, as the locations step sees them: `gone`, those it
 * would take out (none after the step, unless it missed some), and `kept`, those it
 * leaves on purpose (a location code may still read, or a name no location points to).
 * The canary (tests/build/canary.test.mjs) checks the build's output with this.
 */
export function locationNames(input) {
  const { names, goes, text } = survey(input);
  const all = [...names.keys()];
  return { gone: all.filter(goes).map(text), kept: all.filter((a) => !goes(a)).map(text) };
}

// --- 4. wasm2js --------------------------------------------------------------------------
// binaryen's wasm2js writes an ES module that imports the glue's functions and
// instantiates itself at once. The glue is bundled into the entry script, so this makes
// it `export default function (imports)`, which src/element/loader.js calls with the glue's
// own import object. That function holds the whole module: wasm2js keeps some of an
// instance's state outside its `asmFunc` (the memory view `memory.copy` and
// `memory.fill` write through, the scratch buffers), which module scope would share
// between every instance made from it; the own-checklist build makes one per element,
// and each repointed the others' copies and fills at its own memory (two checklists on a
// page without WebAssembly stopped each other on the first click). Wrapped, each call
// makes an instance that owns all of its state.
// It also fixes wasm2js's memory growth, which copies memory into a
// new buffer but leaves the old one attached: the glue refreshes its views only when
// they read as empty, so every string passed after the first growth would arrive as
// garbage. Detaching the old buffer empties them. tests/e2e/no-wasm.test.mjs grows it.

/** The JavaScript version of an optimized .wasm (no target_features section), minified. */
export async function toJavaScript(wasmFile) {
  const dir = mkdtempSync(path.join(tmpdir(), 'postlink-'));
  let code;
  try {
    // wasm2js cannot translate the 64-bit saturating float-to-int conversions (serde's
    // number handling uses them): lowered first to the MVP's checked ones. Same results
    // for every value in range, the only kind serde converts (it checks first).
    const lowered = path.join(dir, 'lowered.wasm');
    const features = enableFeatures();
    execFileSync(path.join(BIN, 'wasm-opt'), [...features, '--llvm-nontrapping-fptoint-lowering', wasmFile, '-o', lowered]);
    code = execFileSync(path.join(BIN, 'wasm2js'), ['-Oz', ...features, lowered], { encoding: 'utf8', maxBuffer: 1 << 26 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const replaceOnce = (what, pattern, replacement) => {
    const n = (code.match(new RegExp(pattern.source, 'gm')) ?? []).length;
    if (n !== 1) fail('wasm2js', `expected one ${what} in wasm2js's output, found ${n}: binaryen's wasm2js changed`);
    code = code.replace(pattern, replacement);
  };
  replaceOnce('import of the glue', /^import \* as \w+ from '[^']+';$/m, '');
  replaceOnce('self-instantiation', /^var retasmFunc = asmFunc\([\s\S]*?\);$/m, '');
  // Export names are short identifiers, which may hold `$` (a build with many imports and
  // exports runs past the one-letter names).
  code = code.replace(/^export var [\w$]+ = retasmFunc\.[\w$]+;$/gm, '');
  if (code.includes('retasmFunc')) fail('wasm2js', "its output names retasmFunc after the rewrite: binaryen's wasm2js changed");
  const detach = 'structuredClone(buffer, { transfer: [buffer] });';
  replaceOnce('memory growth', /newHEAP8\.set\(HEAP8\);/, `newHEAP8.set(HEAP8); ${detach}`);
  if (/^\s*(import|export)\b/m.test(code)) fail('wasm2js', "its output has an import or export left after the rewrite: binaryen's wasm2js changed");
  code = `export default function (imports) {\n${code}\nreturn asmFunc(imports);\n}\n`;
  const options = { format: 'esm', minify: true, charset: 'utf8', legalComments: 'none', target: 'es2020' };
  return (await transform(code, options)).code;
}

// --- 5. bundle ---------------------------------------------------------------------------
// The entry imports the glue as "./glue.js" (resolved to wasm-bindgen's, with the new
// names) and "./wasm-inline.js": src/element/wasm-inline.js (no bytes: the glue fetches
// `new URL('<name>_bg.wasm', import.meta.url)`, left as is by esbuild, so the .wasm sits
// beside the bundle), or with `inlineWasm` a module holding the .wasm in base64 (the
// one-file build). The other builds' modules and every `*.wasm.js` stay files of their
// own, imported on demand. src/element/loader.js starts the JavaScript build with the glue's
// import object and finish step, which the glue has but does not export: exported here.
// AI_CERT_CHECK_VERSION becomes Cargo.toml's version, WASM_MEMORY_EXPORT the memory's
// new export name, WASM_STACK_EXPORT that of `__wbindgen_add_to_stack_pointer`.

const GLUE_INTERNALS = ['__wbg_get_imports', '__wbg_finalize_init'];

// An entry may import "./glue-factory.js" instead of "./glue.js" (src/element/custom-entry.js
// does): its default export is a function that returns a fresh copy of the glue and of
// src/element/copy.js (a copy's loader), with state of their own (the module's `wasm`, its
// heap of JS objects, its finalizers). The two are bundled by esbuild as one module,
// which this wraps in that function, its one `export { ... }` statement turned into the
// object the function returns (the build fails if esbuild writes it otherwise). A build
// that gives each element a copy of its own needs it: one module holds one instance, and
// swapping another instance into it would send the finalizers of the old one's objects
// to the new one.
async function glueFactory(glue, copyLoader, gluePlugin) {
  // The glue's public API (its `export function` and `export class` items; not `initSync`
  // or the default init, which a copy does not use) and the copy's loader.
  const api = [...glue.matchAll(/^export (?:function|class) (\w+)/gm)].map((m) => m[1]);
  if (!api.length) fail('bundle', "the glue exports no function or class: wasm-bindgen's glue changed");
  const inner = await build({
    stdin: {
      contents: `export { ${api.join(', ')} } from "./glue.js";\nexport { load } from ${JSON.stringify(copyLoader)};\n`,
      resolveDir: path.dirname(copyLoader),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [gluePlugin],
  });
  const code = inner.outputFiles[0].text;
  const exported = /^export\s*\{([^}]*)\};?\s*$/m;
  const found = code.match(exported);
  if (!found || code.match(new RegExp(exported.source, 'gm')).length !== 1 || /^(export|import)\b/m.test(code.replace(exported, ''))) {
    fail('bundle', 'the glue-factory bundle does not end in one export statement: esbuild changed');
  }
  const fields = found[1].split(',').map((item) => {
    const [local, name = local] = item.trim().split(/\s+as\s+/);
    return `${JSON.stringify(name)}: ${local}`;
  });
  return { contents: `export default function create() {\n${code.replace(exported, '')}\nreturn { ${fields.join(', ')} };\n}\n`, loader: 'js' };
}

/** Bundles `entry` with the renamed glue (`glue`, the text of the file at `gluePath`) into `outfile`. */
export async function bundle({ name, entry, gluePath, glue, memory, stack, outfile, inlineWasm = null }) {
  for (const fn of GLUE_INTERNALS) {
    if (!new RegExp(`^function ${fn}\\(`, 'm').test(glue)) {
      fail('bundle', `the glue defines no function ${fn}: wasm-bindgen's glue changed`);
    }
  }
  const cargoToml = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const version = cargoToml.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!version) fail('bundle', 'no version in the [package] section of Cargo.toml');
  const gluePlugin = {
    name: 'glue',
    setup(b) {
      b.onResolve({ filter: /^\.\/glue-factory\.js$/ }, () => ({ path: 'glue-factory', namespace: 'factory' }));
      b.onLoad({ filter: /.*/, namespace: 'factory' }, () => glueFactory(glue, path.resolve(path.dirname(entry), 'copy.js'), gluePlugin));
      b.onResolve({ filter: /^\.\/glue(\.js)?$/ }, () => ({ path: path.resolve(gluePath) }));
      const contents = `${glue}\nexport { ${GLUE_INTERNALS.join(', ')} };\n`;
      b.onLoad({ filter: /.*/ }, (args) => (args.path === path.resolve(gluePath) ? { contents, loader: 'js' } : undefined));
      if (!inlineWasm) return;
      b.onResolve({ filter: /^\.\/wasm-inline\.js$/ }, () => ({ path: 'wasm-inline', namespace: 'inline' }));
      b.onLoad({ filter: /.*/, namespace: 'inline' }, () => ({
        contents:
          `const b = atob(${JSON.stringify(readFileSync(inlineWasm).toString('base64'))});\n` +
          'const bytes = new Uint8Array(b.length);\n' +
          'for (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);\n' +
          'export default bytes;\n',
        loader: 'js',
      }));
    },
  };
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [gluePlugin],
    define: {
      AI_CERT_CHECK_VERSION: JSON.stringify(version),
      WASM_MEMORY_EXPORT: JSON.stringify(memory),
      WASM_STACK_EXPORT: JSON.stringify(stack ?? null),
    },
    external: ['./ai-cert-check-custom.js', './ai-cert-check-fr.js', './*.wasm.js'],
  });
  const out = readFileSync(outfile, 'utf8');
  if (!out.includes(`${name}_bg.wasm`)) fail('bundle', `${outfile} does not name ${name}_bg.wasm: the glue's wasm URL changed`);
  if (!out.includes(`${name}.wasm.js`)) {
    fail('bundle', `${outfile} does not import ${name}.wasm.js: the entry's JavaScript-build import changed`);
  }
}

// --- The command -------------------------------------------------------------------------

async function main(args) {
  if (args[0] === 'rustflags') return console.log(rustFlags().join('\n'));
  const formatting = args.includes('--formatting');
  const singleAt = args.indexOf('--single');
  const single = singleAt >= 0 ? args.splice(singleAt, 2)[1] : null;
  const [name, entry, outfile] = args.filter((a) => a !== '--formatting');
  if (!name || !entry || !outfile || (singleAt >= 0 && !single)) {
    console.error('usage: node scripts/postlink.mjs rustflags\n' +
      '       node scripts/postlink.mjs <name> <entry.js> <out.js> [--formatting] [--single <out.js>]');
    process.exit(2);
  }
  const dir = path.join('target', `bindgen-${name}`);
  const lean = path.join(dir, `${name}_bg.lean.wasm`);
  const wasm = path.join('pkg', `${name}_bg.wasm`);
  const say = (step, what) => console.error(`postlink ${name}: ${step}: ${what}`);

  const panics = dropPanics(readFileSync(path.join(dir, `${name}_bg.wasm`)), { formatting });
  writeFileSync(lean, panics.bytes);
  say('panics', `emptied ${panics.emptied.length} panic${formatting ? ' and core::fmt' : ''} functions`);

  const mapping = optimize(lean, wasm);
  const gluePath = path.join(dir, `${name}.js`);
  const { glue, memory, stack } = renameGlue(readFileSync(gluePath, 'utf8'), mapping);
  say('names', `wasm-opt ${OPT_PASSES.join(' ')}; ${mapping.imports.length} import and ${mapping.exports.length} export names shortened`);

  const locations = blankLocations(readFileSync(wasm));
  writeFileSync(wasm, locations.bytes);
  const { blanked, found, zeroed } = locations;
  say('locations', `blanked ${blanked} of ${found} panic locations and their file names: ${zeroed} bytes`);

  const js = path.join('pkg', `${name}.wasm.js`);
  writeFileSync(js, await toJavaScript(wasm));
  say('wasm2js', `${js}: ${readFileSync(js).length} bytes`);

  await bundle({ name, entry, gluePath, glue, memory, stack, outfile });
  if (single) await bundle({ name, entry, gluePath, glue, memory, stack, outfile: single, inlineWasm: wasm });
  say('bundle', [outfile, single].filter(Boolean).join(', '));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof PostLinkError ? error.message : error);
    process.exit(1);
  });
}
