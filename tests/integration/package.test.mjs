// The npm package as `npm pack pkg/` makes it and a developer installs it: what the
// tarball holds, what its package.json says, and what Node resolves through its exports
// map from an app that installed it. Importing it in Node, as server-side rendering
// does, must do nothing and throw nothing. The one-file build's size in the docs must be
// the measured one.
// Run: node --test tests/integration/package.test.mjs (after ./scripts/build.sh)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { FILES, packageJson } from '../../scripts/package-json.mjs';
import { PKG, ROOT, TEST_TIMEOUT, installPacked, run } from './helpers.mjs';

let work;
let installed;
before(async () => {
  work = await installPacked('package');
  installed = JSON.parse(readFileSync(path.join(work.app, 'node_modules', 'ai-cert-check', 'package.json'), 'utf8'));
});

test('the tarball holds the builds, the declarations, the manifest, a README and the licenses', { timeout: TEST_TIMEOUT }, async () => {
  const [packed] = JSON.parse(await run('npm', ['pack', '--dry-run', '--json', PKG]));
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [...FILES, 'package.json'].sort());
  for (const f of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'custom-elements.json', 'ai-cert-check.d.ts', 'react.d.ts']) {
    assert.ok(files.includes(f), f);
  }
  assert.equal(readFileSync(path.join(PKG, 'LICENSE-MIT'), 'utf8'), readFileSync(path.join(ROOT, 'LICENSE-MIT'), 'utf8'));
  assert.match(readFileSync(path.join(PKG, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0, January 2004/);
  const readme = readFileSync(path.join(PKG, 'README.md'), 'utf8');
  assert.match(readme, /npm install ai-cert-check/);
  // npm shows the README without the repository: every link is absolute, to this version.
  const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
  assert.ok(links.length >= 3, `the README links to the docs: ${links}`);
  for (const link of links) assert.match(link, new RegExp(`^https://github\\.com/[^/]+/[^/]+/blob/v${installed.version.replace(/\./g, '\\.')}/`), link);
});

test('package.json: license, repository, homepage, bugs, keywords, customElements and the exports map', () => {
  const cargo = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(installed.version, cargo.match(/^version = "(.+)"$/m)[1]);
  assert.equal(installed.license, 'MIT OR Apache-2.0');
  const repository = cargo.match(/^repository = "(.+)"$/m)[1];
  assert.equal(installed.repository.url, `git+${repository}.git`);
  assert.ok(installed.homepage.startsWith(repository));
  assert.equal(installed.bugs.url, `${repository}/issues`);
  assert.ok(installed.keywords.includes('web-component') && installed.keywords.includes('custom-element'));
  assert.equal(installed.customElements, 'custom-elements.json');
  assert.deepEqual(Object.keys(installed.exports).sort(), [
    '.',
    './ai-cert-check.js',
    './ai-cert-check.single.js',
    './custom-elements.json',
    './package.json',
    './react',
    './vscode.html-custom-data.json',
    './vue',
    './web-types.json',
  ]);
  assert.equal(installed['web-types'], './web-types.json', 'JetBrains IDEs find the Web Types');
  assert.equal(installed.sideEffects, true, 'importing defines the element: bundlers must keep the import');
  assert.deepEqual(installed, packageJson(), 'pkg/ is stale: run ./scripts/build.sh');
});

// Run in the app that installed the tarball, by Node, where there is no DOM: every
// entry of the exports map, as a server-side renderer would import them.
const IN_NODE = `
import { createRequire } from "node:module";
const out = { before: typeof globalThis.customElements };
const main = await import("ai-cert-check");
const single = await import("ai-cert-check/ai-cert-check.single.js");
const react = await import("ai-cert-check/react");
const manifest = (await import("ai-cert-check/custom-elements.json", { with: { type: "json" } })).default;
const require = createRequire(import.meta.url);
out.pkg = require("ai-cert-check/package.json").version;
out.mainFile = require.resolve("ai-cert-check");
out.version = main.version;
out.singleVersion = single.version;
out.exports = Object.keys(main).sort();
out.sameApi = JSON.stringify(Object.keys(react).sort()) === JSON.stringify(out.exports);
out.tag = manifest.modules[0].declarations.find((d) => d.customElement).tagName;
out.after = typeof globalThis.customElements;
out.htmlElement = typeof globalThis.HTMLElement;
// React 19 rendering the element on the server: the tag, its attributes and its
// fallback; the event prop is for the browser.
const { createElement } = await import("react");
const { renderToString } = await import("react-dom/server");
out.html = renderToString(
  createElement("ai-cert-check", { theme: "dark", "onai-cert-check-change": () => {} }, createElement("p", null, "fallback")),
);
console.log(JSON.stringify(out));
`;

test('in Node (server-side rendering): every export resolves and imports without a DOM, defining nothing', { timeout: TEST_TIMEOUT }, async () => {
  const stdout = await run(process.execPath, ['--input-type=module', '-e', IN_NODE], { cwd: work.app });
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 1, `the imports printed nothing of their own: ${stdout}`);
  const out = JSON.parse(lines[0]);
  assert.equal(out.before, 'undefined');
  assert.equal(out.after, 'undefined', 'nothing was defined');
  assert.equal(out.htmlElement, 'undefined', 'no DOM stand-in was left behind');
  assert.equal(out.mainFile, path.join(work.app, 'node_modules', 'ai-cert-check', 'ai-cert-check.js'));
  assert.equal(out.version, installed.version, 'the module says its version');
  assert.equal(out.singleVersion, installed.version);
  assert.equal(out.pkg, installed.version);
  assert.ok(out.exports.includes('mount') && out.exports.includes('version'), out.exports.join(', '));
  assert.equal(out.sameApi, true, 'ai-cert-check/react exports the same API');
  assert.equal(out.tag, 'ai-cert-check');
  assert.equal(out.html, '<ai-cert-check theme="dark"><p>fallback</p></ai-cert-check>', 'React 19 on the server');
});

test('the one-file build\'s size in the docs is the measured one (gzip -9, within 0.5 KB)', () => {
  const kb = gzipSync(readFileSync(path.join(PKG, 'ai-cert-check.single.js')), { level: constants.Z_BEST_COMPRESSION }).length / 1024;
  for (const file of ['docs/api.md', 'docs/integration.md']) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const claims = [...text.matchAll(/ai-cert-check\.single\.js[^.]*?about (\d+(?:\.\d+)?) KB gzip/g)].map((m) => Number(m[1]));
    assert.ok(claims.length > 0, `${file} gives the one-file build's size as "ai-cert-check.single.js ... about N KB gzip"`);
    for (const claim of claims) assert.ok(Math.abs(claim - kb) <= 0.5, `${file} says about ${claim} KB; it is ${kb.toFixed(1)} KB`);
  }
});
