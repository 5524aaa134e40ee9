#!/usr/bin/env node
// Turns a build's .wasm into a JavaScript module of the same code, for pages whose
// Content-Security-Policy forbids WebAssembly (no 'wasm-unsafe-eval'). The entry script
// imports it only when compiling WebAssembly is refused (src/web/loader.js).
//
//   node scripts/wasm2js.mjs <in.wasm> <out.js>
//
// binaryen's wasm2js writes an ES module that imports the glue's functions from a module
// named after the wasm's import module and instantiates itself at once. The glue is
// bundled into the entry script, so this rewrites that into
// `export default function (imports) { ... }`, called by the loader with the glue's own
// import object (`__wbg_get_imports()`), and minifies the result with esbuild.
//
// It also fixes a bug in wasm2js's memory growth: it copies memory into a new buffer but
// leaves the old one attached, and the glue, which only refreshes its views of memory
// when they read as empty, would go on writing into the old one: every string passed
// after the first growth would arrive as garbage. Detaching the old buffer makes the
// glue's views empty, so it takes new ones. tests/e2e/no-wasm.test.mjs grows the memory.
//
// Every rewrite is checked: if wasm2js changes its output, the build fails here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/wasm2js.mjs <in.wasm> <out.js>');
  process.exit(2);
}
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WASM2JS = path.join(ROOT, 'node_modules', '.bin', 'wasm2js');
const WASM_OPT = path.join(ROOT, 'node_modules', '.bin', 'wasm-opt');

function fail(message) {
  console.error(`wasm2js.mjs: ${message}`);
  process.exit(1);
}

// The release .wasm has its target-features section stripped, so the features the
// build uses (see RUST_FEATURE_FLAGS in scripts/build.sh) are named here.
const FEATURES = ['--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-sign-ext', '--enable-mutable-globals'];
// wasm2js cannot translate the 64-bit saturating float-to-int conversions (serde's
// number handling uses them): they are lowered first to the MVP's checked conversions.
// The results are the same for every value in range, which is the only kind serde
// converts (it checks the range first); out-of-range values give INT_MIN instead of
// saturating.
const dir = mkdtempSync(path.join(tmpdir(), 'wasm2js-'));
const lowered = path.join(dir, 'lowered.wasm');
execFileSync(WASM_OPT, [...FEATURES, '--enable-nontrapping-float-to-int', '--llvm-nontrapping-fptoint-lowering', input, '-o', lowered]);
const raw = execFileSync(WASM2JS, ['-Oz', ...FEATURES, lowered], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
rmSync(dir, { recursive: true, force: true });

let code = raw;
function replaceOnce(what, pattern, replacement) {
  const matches = code.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
  if (!matches || matches.length !== 1) fail(`expected one ${what} in wasm2js's output, found ${matches?.length ?? 0}`);
  code = code.replace(pattern, replacement);
}

// `import * as w from 'w';`: the glue's functions, now passed in by the loader.
replaceOnce('import of the glue', /^import \* as \w+ from '[^']+';$/m, '');
// `var retasmFunc = asmFunc({ "w": w, });` and one `export var x = retasmFunc.x;` per
// export: the module instantiates itself. Instead, export the function.
replaceOnce('self-instantiation', /^var retasmFunc = asmFunc\([\s\S]*?\);$/m, 'export default asmFunc;');
code = code.replace(/^export var \w+ = retasmFunc\.\w+;$/gm, '');
if (code.includes('retasmFunc')) fail('wasm2js output still names retasmFunc after the rewrite');
// Memory growth: detach the old buffer once its bytes are copied into the new one.
replaceOnce('memory growth', /newHEAP8\.set\(HEAP8\);/, 'newHEAP8.set(HEAP8); structuredClone(buffer, { transfer: [buffer] });');

const { code: minified } = await transform(code, {
  format: 'esm',
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  target: 'es2020',
});
writeFileSync(output, minified);
const size = readFileSync(output).length;
console.error(`wasm2js.mjs: ${path.relative(process.cwd(), output)}: ${size} bytes`);
