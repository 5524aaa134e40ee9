#!/usr/bin/env node
// Bundles src/web/entry.js and the wasm-bindgen glue into ONE minified ES module.
//
//   node scripts/bundle.mjs <entry.js> <glue.js> <out.js>
//
// entry.js imports the glue as "./glue.js"; that import is resolved to the glue that
// wasm-bindgen wrote (target/bindgen/ai-cert-check-core.js). The glue finds its
// .wasm with `new URL('ai-cert-check-core_bg.wasm', import.meta.url)`, which esbuild
// leaves as is: the .wasm must sit beside the bundle under that name.
import path from 'node:path';
import { build } from 'esbuild';

const [entry, glue, outfile] = process.argv.slice(2);
if (!entry || !glue || !outfile) {
  console.error('usage: node scripts/bundle.mjs <entry.js> <glue.js> <out.js>');
  process.exit(2);
}

const glueAlias = {
  name: 'glue-alias',
  setup(b) {
    b.onResolve({ filter: /^\.\/glue(\.js)?$/ }, () => ({ path: path.resolve(glue) }));
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
  plugins: [glueAlias],
  // The second build's module stays a file of its own, loaded on demand.
  external: ['./ai-cert-check-custom.js'],
});
if (result.errors.length) process.exit(1);
