// The canary: what the post-link tool (scripts/postlink.mjs) relies on in the real
// toolchain's output, and what it must have made of it, checked on the last build
// (target/bindgen-*/, pkg/; ./scripts/test.sh runs this after ./scripts/build.sh). A new
// Rust, wasm-bindgen or binaryen that moves any of it fails here, saying which, before
// anyone notices the bytes coming back: rustc's panic and formatting functions by name,
// its panic locations in the data, the features the linker was told, wasm-bindgen's
// import module and glue, binaryen's short names and wasm2js's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURES, MINIFIED_MODULE, dropPanics, locationNames, renameGlue } from '../../scripts/postlink.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGET = path.join(ROOT, 'target');
const PKG = path.join(ROOT, 'pkg');
const CORE = 'ai-cert-check-core';
const builds = existsSync(TARGET)
  ? readdirSync(TARGET).filter((d) => d.startsWith('bindgen-')).map((d) => d.slice('bindgen-'.length))
  : [];
/** The bundle each build's post-link step writes (scripts/build.sh). */
const bundleOf = (name) => path.join(PKG, name === CORE ? 'ai-cert-check.js' : `${name}.js`);

test('there is a build to check', () => {
  assert.ok(
    builds.includes(CORE) && existsSync(PKG),
    'no target/bindgen-ai-cert-check-core or pkg/: run ./scripts/build.sh first',
  );
});

for (const name of builds) {
  const dir = path.join(TARGET, `bindgen-${name}`);
  const raw = () => readFileSync(path.join(dir, `${name}_bg.wasm`));
  const glue = () => readFileSync(path.join(dir, `${name}.js`), 'utf8');

  test(`${name}: rustc's panic and formatting functions are named as the panics step expects`, () => {
    const { emptied } = dropPanics(raw(), { formatting: true }); // throws, saying what is missing
    assert.ok(
      emptied.length >= 20,
      `only ${emptied.length} panic and core::fmt functions found by name: rustc's std names changed`,
    );
  });

  test(`${name}: the linker was told the features postlink.mjs lists`, () => {
    const [section] = WebAssembly.Module.customSections(new WebAssembly.Module(raw()), 'target_features');
    assert.ok(
      section,
      'no target_features section: the release profile strips it (strip = true?) or rustc no longer writes it',
    );
    const bytes = Buffer.from(section);
    const features = [];
    for (let i = 1, n = bytes[0]; n--; ) {
      const prefix = String.fromCharCode(bytes[i]);
      const length = bytes[i + 1];
      features.push(prefix + bytes.toString('utf8', i + 2, i + 2 + length));
      i += 2 + length;
    }
    assert.deepEqual(
      features.sort(),
      FEATURES.map((f) => `+${f}`).sort(),
      'the module claims other features than scripts/postlink.mjs lists: rustc or its linker changed',
    );
  });

  test(`${name}: wasm-bindgen's import module and glue are shaped as the names step expects`, () => {
    const module = new WebAssembly.Module(raw());
    // The mapping binaryen would print, with made-up short names.
    const imports = WebAssembly.Module.imports(module).map(({ module: from, name: old }, i) => [from, old, `i${i}`]);
    const exports = WebAssembly.Module.exports(module).map(({ name: old }, i) => [old, `e${i}`]);
    assert.ok(
      imports.every(([from]) => from === `./${name}_bg.js`),
      `the wasm imports from other modules than ./${name}_bg.js: wasm-bindgen changed`,
    );
    renameGlue(glue(), { imports, exports }); // throws, saying what is not where it should be
    for (const fn of ['__wbg_get_imports', '__wbg_finalize_init']) {
      assert.match(
        glue(),
        new RegExp(`^function ${fn}\\(`, 'm'),
        `the glue defines no function ${fn}, which src/element/loader.js calls: wasm-bindgen changed`,
      );
    }
    assert.ok(
      glue().includes(`new URL('${name}_bg.wasm', import.meta.url)`),
      "the glue no longer finds its .wasm beside itself: wasm-bindgen's --target web changed",
    );
  });

  test(`${name}: pkg/ has the short names, no panic locations, and the patched JavaScript build`, () => {
    const wasm = readFileSync(path.join(PKG, `${name}_bg.wasm`));
    const module = new WebAssembly.Module(wasm);
    for (const { module: from, name: short } of WebAssembly.Module.imports(module)) {
      assert.ok(
        from === MINIFIED_MODULE && short.length <= 2,
        `import ${from}.${short} is not shortened: binaryen's minification changed`,
      );
    }
    for (const { name: short } of WebAssembly.Module.exports(module)) {
      assert.ok(short.length <= 2, `export ${short} is not shortened: binaryen's minification changed`);
    }
    // Every source file name left is one the locations step keeps on purpose (a location
    // that code may still read: in the custom build, one of the float formatting's,
    // which serde-wasm-bindgen's messages reach); any other is one it missed.
    const { gone, kept } = locationNames(wasm);
    assert.deepEqual(gone, [], 'the locations step left names it would take out');
    const sources = (wasm.toString('latin1').match(/[\w/.-]+\.rs\b/g) ?? []).filter((n) => !kept.includes(n));
    assert.deepEqual(
      sources,
      [],
      'source file names left in the data: rustc\'s panic locations changed, and the locations step misses some',
    );
    assert.ok(kept.length <= 2, `${kept.length} names kept on purpose: ${kept.join(', ')}`);
    const bundled = readFileSync(bundleOf(name), 'utf8');
    assert.doesNotMatch(bundled, /__wbg_\w+_[0-9a-f]{16}\b/, 'a hashed wasm-bindgen name is left in the bundle');
    const js = readFileSync(path.join(PKG, `${name}.wasm.js`), 'utf8');
    assert.ok(js.includes('structuredClone('), "the JavaScript build lacks the memory-growth fix: wasm2js's output changed");
  });
}
