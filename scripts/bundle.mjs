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
// The other builds' modules (custom checklists, other languages) stay files of their
// own, imported on demand.
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

const resolve = {
  name: 'resolve-glue-and-wasm',
  setup(b) {
    b.onResolve({ filter: /^\.\/glue(\.js)?$/ }, () => ({ path: path.resolve(glue) }));
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
  external: ['./ai-cert-check-custom.js', './ai-cert-check-fr.js'],
});
if (result.errors.length) process.exit(1);
