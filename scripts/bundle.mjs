#!/usr/bin/env node
// Bundles an entry module and the wasm-bindgen glue into ONE minified ES module.
//
//   node scripts/bundle.mjs <entry.js> <glue.js> <out.js> [--inline-wasm <file.wasm>]
//
// The entry imports the glue as "./glue.js"; that import is resolved to the glue that
// wasm-bindgen wrote. The glue finds its .wasm with `new URL('<name>_bg.wasm',
// import.meta.url)`, which esbuild leaves as is: the .wasm must sit beside the bundle.
// The entry also imports "./wasm-inline.js": normally src/web/wasm-inline.js (no bytes:
// fetch the .wasm); with --inline-wasm, a module holding the .wasm itself in base64,
// which makes the one-file build for hosts that can upload only one script.
// The other builds' modules (custom checklists, other languages) and every build's
// JavaScript version (`*.wasm.js`, scripts/wasm2js.mjs) stay files of their own,
// imported on demand.
//
// src/web/loader.js starts the JavaScript version with the glue's own import object
// and finish step, which wasm-bindgen's `--target web` glue has but does not export:
// this exports them (and fails if the glue no longer defines them).
//
// The entry's `AI_CERT_CHECK_VERSION` becomes the crate's version (Cargo.toml), which
// the module exports as `version`.
//
// An entry may import "./glue-factory.js" instead of "./glue.js" (src/web/custom-entry.js
// does): its default export is a function that returns a fresh copy of the glue and of
// src/web/copy.js (a copy's loader), with state of their own (the module's `wasm`, its heap of JS
// objects, its finalizers). The two are bundled by esbuild as one module, which this
// wraps in that function, its one `export { ... }` statement turned into the object
// the function returns (the build fails if esbuild writes it otherwise). A build that gives each element a copy of its own needs it: one
// module holds one instance, and swapping another instance into it would send the
// finalizers of the old one's objects to the new one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const args = process.argv.slice(2);
const inlineAt = args.indexOf('--inline-wasm');
const inlineWasm = inlineAt >= 0 ? args.splice(inlineAt, 2)[1] : null;
const [entry, glue, outfile] = args;
if (!entry || !glue || !outfile || (inlineAt >= 0 && !inlineWasm)) {
  console.error('usage: node scripts/bundle.mjs <entry.js> <glue.js> <out.js> [--inline-wasm <file.wasm>]');
  process.exit(2);
}

const cargoToml = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
const version = cargoToml.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m)?.[1];
if (!version) {
  console.error('bundle: no version in the [package] section of Cargo.toml');
  process.exit(1);
}

const GLUE_INTERNALS = ['__wbg_get_imports', '__wbg_finalize_init'];

// The loader of a copy (src/web/copy.js), beside the entry.
const copyLoader = path.resolve(path.dirname(entry), 'copy.js');

const resolve = {
  name: 'resolve-glue-and-wasm',
  setup(b) {
    b.onResolve({ filter: /^\.\/glue-factory\.js$/ }, () => ({ path: 'glue-factory', namespace: 'factory' }));
    b.onLoad({ filter: /.*/, namespace: 'factory' }, async () => {
      // The glue's public API (its `export function` and `export class` items; not
      // `initSync` or the default init, which a copy does not use) and the copy's loader.
      const api = [...readFileSync(glue, 'utf8').matchAll(/^export (?:function|class) (\w+)/gm)].map((m) => m[1]);
      if (!api.length) throw new Error(`${glue} exports no function or class: wasm-bindgen's glue changed`);
      const inner = await build({
        stdin: {
          contents: `export { ${api.join(', ')} } from ${JSON.stringify(path.resolve(glue))};\nexport { load } from ${JSON.stringify(copyLoader)};\n`,
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
        plugins: [resolve],
      });
      const code = inner.outputFiles[0].text;
      const exported = /^export\s*\{([^}]*)\};?\s*$/m;
      const found = code.match(exported);
      if (!found || code.match(new RegExp(exported.source, 'gm')).length !== 1 || /^(export|import)\b/m.test(code.replace(exported, ''))) {
        throw new Error('the glue-factory bundle does not end in one export statement: esbuild changed');
      }
      const fields = found[1].split(',').map((item) => {
        const [local, name = local] = item.trim().split(/\s+as\s+/);
        return `${JSON.stringify(name)}: ${local}`;
      });
      return {
        contents: `export default function create() {\n${code.replace(exported, '')}\nreturn { ${fields.join(', ')} };\n}\n`,
        loader: 'js',
      };
    });
    b.onResolve({ filter: /^\.\/glue(\.js)?$/ }, () => ({ path: path.resolve(glue) }));
    b.onLoad({ filter: /.*/ }, (args) => {
      if (args.path !== path.resolve(glue)) return undefined;
      const code = readFileSync(args.path, 'utf8');
      for (const name of GLUE_INTERNALS) {
        if (!new RegExp(`^function ${name}\\(`, 'm').test(code)) {
          throw new Error(`${glue} defines no function ${name}: wasm-bindgen's glue changed`);
        }
      }
      return { contents: `${code}\nexport { ${GLUE_INTERNALS.join(', ')} };\n`, loader: 'js' };
    });
    if (inlineWasm) {
      b.onResolve({ filter: /^\.\/wasm-inline\.js$/ }, () => ({ path: 'wasm-inline', namespace: 'inline' }));
      b.onLoad({ filter: /.*/, namespace: 'inline' }, () => ({
        contents:
          `const b = atob(${JSON.stringify(readFileSync(inlineWasm).toString('base64'))});\n` +
          'const bytes = new Uint8Array(b.length);\n' +
          'for (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);\n' +
          'export default bytes;\n',
        loader: 'js',
      }));
    }
  },
};

const result = await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [resolve],
  define: { AI_CERT_CHECK_VERSION: JSON.stringify(version) },
  external: ['./ai-cert-check-custom.js', './ai-cert-check-fr.js', './*.wasm.js'],
});
if (result.errors.length) process.exit(1);
