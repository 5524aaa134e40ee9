// The packed package's TypeScript declarations, as a developer's `tsc --strict` sees
// them: tests/integration/types/usage.ts and usage.tsx use every public type (each
// mistake marked `@ts-expect-error` must be caught), against the tarball installed from
// `npm pack pkg/`, resolved through its exports map under both "bundler" and "NodeNext"
// module resolution. Without React's types, the main declarations still check and React
// is not in the program: only `ai-cert-check/react` names it.
// Run: node --test tests/integration/types.test.mjs (after ./scripts/build.sh)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_TIMEOUT, TSC, installPacked, run } from './helpers.mjs';
let work;
before(async () => {
  work = await installPacked('types', 'types');
});
const tsc = (...args) => run(process.execPath, [TSC, ...args], { cwd: work.app });

test('usage.ts and usage.tsx type-check with module resolution "bundler" (tsc --strict)', { timeout: TEST_TIMEOUT }, async () => {
  const config = JSON.parse(readFileSync(path.join(work.app, 'tsconfig.json'), 'utf8'));
  assert.equal(config.compilerOptions.strict, true);
  assert.equal(config.compilerOptions.skipLibCheck, false, 'the declarations themselves are checked');
  await tsc('-p', 'tsconfig.json');
});

test('usage.ts and usage.tsx type-check with module resolution "NodeNext"', { timeout: TEST_TIMEOUT }, async () => {
  await tsc('-p', 'tsconfig.nodenext.json');
});

test('`import type {} from "ai-cert-check/react"` alone types the element in JSX', { timeout: TEST_TIMEOUT }, async () => {
  await tsc('-p', 'tsconfig.types-only.json');
});

test('without React\'s types the main declarations check, and React is not in the program', { timeout: TEST_TIMEOUT }, async () => {
  await tsc('-p', 'tsconfig.no-react.json');
  const files = (await tsc('-p', 'tsconfig.no-react.json', '--listFilesOnly')).split('\n');
  assert.ok(files.some((f) => f.endsWith('node_modules/ai-cert-check/ai-cert-check.d.ts')), 'the installed declarations are used');
  assert.deepEqual(files.filter((f) => /react/i.test(f)), [], 'files of React in a program that does not use it');
});

test('the usage files use every type and value the declarations export', () => {
  const exported = (file) => {
    const dts = readFileSync(path.join(work.app, 'node_modules', 'ai-cert-check', file), 'utf8');
    return [...dts.matchAll(/^export (?:declare )?(?:function|const|type|interface) (\w+)/gm)].map((m) => m[1]);
  };
  const usage = ['usage.ts', 'usage.tsx', 'types-only.tsx'].map((f) => readFileSync(path.join(work.app, f), 'utf8')).join('\n');
  const names = [...exported('ai-cert-check.d.ts'), ...exported('react.d.ts')];
  assert.ok(names.length > 20, `found the exports: ${names}`);
  for (const name of names) assert.match(usage, new RegExp(`\\b${name}\\b`), `${name} is not used in usage.ts or usage.tsx`);
});
