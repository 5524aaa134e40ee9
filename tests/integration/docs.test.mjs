// docs/integration.md's recipes are the files the other integration tests run: each
// code block marked `<!-- tested: PATH -->` must be that fixture file, byte for byte.
// Run: node --test tests/integration/docs.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

const DOC = 'docs/integration.md';
const text = readFileSync(path.join(ROOT, DOC), 'utf8');
const blocks = [...text.matchAll(/<!-- tested: (\S+) -->\n```\w*\n([\s\S]*?)```\n/g)].map((m) => ({ file: m[1], code: m[2] }));

test(`${DOC}: each recipe marked "tested" is its fixture file`, () => {
  assert.equal(blocks.length, (text.match(/<!-- tested:/g) ?? []).length, 'every marker is followed by a code block');
  for (const { file, code } of blocks) {
    assert.ok(file.startsWith('tests/integration/'), `${file} is a fixture`);
    assert.equal(code, readFileSync(path.join(ROOT, file), 'utf8'), `${DOC}'s block for ${file} differs from the file`);
  }
});

test(`${DOC}: the Vite, React, Next.js, Vue, Astro and Eleventy recipes are among them`, () => {
  const files = blocks.map((b) => b.file);
  for (const file of [
    'tests/integration/vite-app/src/main.ts',
    'tests/integration/vite-app/src/react.tsx',
    'tests/integration/next-app/app/cert-check.jsx',
    'tests/integration/vue-app/vite.config.js',
    'tests/integration/vue-app/src/App.vue',
    'tests/integration/astro-site/src/components/CertCheck.astro',
    'tests/integration/astro-site/astro.config.mjs',
    'tests/integration/eleventy-site/eleventy.config.js',
    'tests/integration/eleventy-site/_includes/post.njk',
    'tests/integration/eleventy-site/posts/certification.md',
  ]) {
    assert.ok(files.includes(file), `${DOC} shows ${file}`);
  }
});
