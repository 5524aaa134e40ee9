#!/usr/bin/env node
// Shortens the names the wasm and its wasm-bindgen glue use to talk to each other.
//
//   node scripts/shorten-names.mjs <in.wasm> <in-glue.js> <out.wasm> <out-glue.js>
//
// wasm-bindgen names every import `__wbg_<method>_<16 hex digits of hash>` and every
// import's module `./<name>_bg.js`; the hashes do not compress, and each name is stored
// twice (wasm and glue). Renaming them to `a`, `b`, ... saves about 2 KB gzip of the
// reader's download (measured; see README, Size). binaryen's --minify-imports only
// touches imports from "env", so this does it: it rewrites the wasm's import and export
// sections and the same names in the glue, then checks that every new name is present
// in the glue and no old one is left. A mismatch fails the build; the end-to-end tests
// run the renamed build.
import { readFileSync, writeFileSync } from 'node:fs';
import { readUleb, uleb } from './wasm-binary.mjs';

const [inWasm, inGlue, outWasm, outGlue] = process.argv.slice(2);
if (!outGlue) {
  console.error('usage: node scripts/shorten-names.mjs <in.wasm> <in-glue.js> <out.wasm> <out-glue.js>');
  process.exit(2);
}

const wasm = readFileSync(inWasm);
let glue = readFileSync(inGlue, 'utf8');

function name(s) {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([uleb(bytes.length), bytes]);
}

function readName(buf, pos) {
  const [len, p] = readUleb(buf, pos);
  return [buf.toString('utf8', p, p + len), p + len];
}

// Short names: a, b, ..., z, A, ..., Z, aa, ab, ...
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function shortName(i) {
  let s = '';
  do {
    s = ALPHABET[i % ALPHABET.length] + s;
    i = Math.floor(i / ALPHABET.length) - 1;
  } while (i >= 0);
  return s;
}

const MODULE = 'w';
const importNames = new Map(); // old field name -> new
const exportNames = new Map();
let oldModule = null;

// Import descriptors: the bytes after the two names, by kind.
function skipImportDesc(buf, pos) {
  const kind = buf[pos++];
  if (kind === 0x00) return readUleb(buf, pos)[1]; // func: type index
  if (kind === 0x01) {
    pos++; // table: reftype
    const flags = buf[pos++];
    pos = readUleb(buf, pos)[1];
    return flags & 1 ? readUleb(buf, pos)[1] : pos;
  }
  if (kind === 0x02) {
    const flags = buf[pos++];
    pos = readUleb(buf, pos)[1];
    return flags & 1 ? readUleb(buf, pos)[1] : pos;
  }
  if (kind === 0x03) return pos + 2; // global: valtype, mutability
  if (kind === 0x04) return readUleb(buf, pos + 1)[1]; // tag
  throw new Error(`unknown import kind ${kind}`);
}

const parts = [wasm.subarray(0, 8)];
let pos = 8;
while (pos < wasm.length) {
  const id = wasm[pos];
  const [size, start] = readUleb(wasm, pos + 1);
  const end = start + size;
  if (id === 2 || id === 7) {
    const [count, p0] = readUleb(wasm, start);
    let p = p0;
    const entries = [uleb(count)];
    for (let i = 0; i < count; i++) {
      if (id === 2) {
        const [module, p1] = readName(wasm, p);
        const [field, p2] = readName(wasm, p1);
        const p3 = skipImportDesc(wasm, p2);
        const glueImport = module.endsWith('_bg.js');
        if (glueImport) {
          if (oldModule && oldModule !== module) throw new Error(`two glue modules: ${oldModule}, ${module}`);
          oldModule = module;
          if (!importNames.has(field)) importNames.set(field, shortName(importNames.size));
        }
        entries.push(
          name(glueImport ? MODULE : module),
          name(glueImport ? importNames.get(field) : field),
          wasm.subarray(p2, p3),
        );
        p = p3;
      } else {
        const [field, p1] = readName(wasm, p);
        const kind = wasm[p1];
        const p2 = readUleb(wasm, p1 + 1)[1];
        // `memory` keeps its name: the entry script reads it from init()'s result.
        const short = field === 'memory' ? field : shortName(exportNames.size);
        exportNames.set(field, short);
        entries.push(name(short), wasm.subarray(p1, p2));
        p = p2;
      }
    }
    if (p !== end) throw new Error(`section ${id}: parsed ${p - start} of ${size} bytes`);
    const body = Buffer.concat(entries);
    parts.push(Buffer.from([id]), uleb(body.length), body);
  } else {
    parts.push(wasm.subarray(pos, end));
  }
  pos = end;
}

// The glue: the import object's module key and field keys, and `wasm.<export>`.
if (!oldModule) throw new Error('no imports from the glue module found');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const moduleKey = new RegExp(`(["'])${escape(oldModule)}\\1`, 'g');
if (!moduleKey.test(glue)) throw new Error(`the glue never names ${oldModule}`);
glue = glue.replace(moduleKey, `"${MODULE}"`);
for (const [old, short] of importNames) {
  const re = new RegExp(`\\b${escape(old)}\\b(?=\\s*:)`, 'g');
  const n = (glue.match(re) ?? []).length;
  if (n !== 1) throw new Error(`import ${old} is defined ${n} times in the glue`);
  glue = glue.replace(re, short);
}
for (const [old, short] of exportNames) {
  glue = glue.replace(new RegExp(`\\bwasm\\.${escape(old)}\\b`, 'g'), `wasm.${short}`);
}
for (const old of importNames.keys()) {
  if (new RegExp(`\\b${escape(old)}\\b`).test(glue)) throw new Error(`import ${old} is still named in the glue`);
}
for (const [old, short] of exportNames) {
  if (old !== short && new RegExp(`\\bwasm\\.${escape(old)}\\b`).test(glue)) {
    throw new Error(`export ${old} is still used as wasm.${old} in the glue`);
  }
}

writeFileSync(outWasm, Buffer.concat(parts));
writeFileSync(outGlue, glue);
console.log(`shortened ${importNames.size} import and ${exportNames.size} export names`);
