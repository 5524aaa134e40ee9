// The release archive as a blogger gets it: dist/ai-cert-check-<version>.zip (made by
// ./scripts/release.sh) unzipped into an empty folder by another zip reader (Python's
// zipfile), served by a plain static server (Python's http.server, started in that
// folder) and its example post opened in Chromium: the widget must render from the
// archive's files alone and answer a reader. Every file's SHA-384 must be the one the
// hash files give, and the tarball must be the npm package.
// Run: node --test tests/release/ (after ./scripts/release.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, LAUNCH_ARGS } from '../../scripts/chromium.mjs';
import { FILES } from '../../scripts/package-json.mjs';
import { ARCHIVE, DIST, HASHES, TARBALL, TOP, WIDGET_FILES, integrity } from '../../scripts/release.mjs';
import { version } from '../../scripts/meta.mjs';
import { ARTIFACTS, STRONG, TIMEOUT, VERDICT_TITLES } from '../e2e/helpers.mjs';

const opts = { timeout: 90_000 };
let dir;
let top;

/** Every file under `root`, as paths relative to it, sorted. */
function walk(root, sub = '') {
  return readdirSync(path.join(root, sub))
    .flatMap((f) => (statSync(path.join(root, sub, f)).isDirectory() ? walk(root, path.join(sub, f)) : [path.join(sub, f)]))
    .sort();
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ai-cert-check-release-'));
  assert.deepEqual(readdirSync(dir), [], 'an empty folder');
  execFileSync('python3', ['-m', 'zipfile', '-e', path.join(DIST, ARCHIVE), dir]);
  top = path.join(dir, TOP);
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the archive holds one folder: the widget, an example post, a README, the changelog, the licences and the hashes', () => {
  assert.deepEqual(readdirSync(dir), [TOP], `everything is under ${TOP}/`);
  const expected = [
    'CHANGELOG.md',
    'LICENSE-APACHE',
    'LICENSE-MIT',
    'README.md',
    'example.html',
    'integrity.txt',
    ...WIDGET_FILES.map((f) => `widget/${f}`),
  ].sort();
  assert.deepEqual(walk(top), expected);
  // The widget's files are the built ones, byte for byte; every script and .wasm is there.
  for (const f of WIDGET_FILES) assert.ok(readFileSync(path.join(top, 'widget', f)).equals(readFileSync(path.join('pkg', f))), f);
  assert.deepEqual(WIDGET_FILES, FILES.filter((f) => /\.(js|wasm)$/.test(f) && !/^(react|vue)\.js$/.test(f)));
  const readme = readFileSync(path.join(top, 'README.md'), 'utf8');
  assert.match(readme, new RegExp(`^# ai-cert-check ${version.replace(/\./g, '\\.')}$`, 'm'));
  assert.match(readme, /src="\/widgets\/ai-cert-check\/ai-cert-check\.js"/);
  assert.doesNotMatch(readme, /\{\{/, 'every placeholder filled');
  assert.match(readFileSync(path.join(top, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0/);
  assert.match(readFileSync(path.join(top, 'LICENSE-MIT'), 'utf8'), /MIT License|Permission is hereby granted/);
  assert.match(readFileSync(path.join(top, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm'));
});

test('every file\'s SHA-384 is the one integrity.txt and the hash file give', () => {
  const parse = (text) => text.trim().split('\n').map((line) => line.split(/ {2}/));
  const inside = parse(readFileSync(path.join(top, 'integrity.txt'), 'utf8'));
  assert.deepEqual(inside.map(([, f]) => f).sort(), walk(top).filter((f) => f !== 'integrity.txt'));
  for (const [hash, f] of inside) assert.equal(integrity(readFileSync(path.join(top, f))), hash, f);
  const outside = parse(readFileSync(path.join(DIST, HASHES), 'utf8'));
  assert.deepEqual(
    outside.map(([, f]) => f).sort(),
    [...walk(top).map((f) => `${TOP}/${f}`), ARCHIVE, TARBALL].sort(),
    'a hash for every file of the archive, the archive and the tarball',
  );
  for (const [hash, f] of outside) {
    const file = f.startsWith(`${TOP}/`) ? path.join(dir, f) : path.join(DIST, f);
    assert.equal(integrity(readFileSync(file)), hash, f);
    assert.match(hash, /^sha384-[A-Za-z0-9+/]{64}$/);
  }
});

test('the tarball is the npm package of this version', () => {
  const listed = execFileSync('tar', ['-tzf', path.join(DIST, TARBALL)], { encoding: 'utf8' }).trim().split('\n').sort();
  assert.deepEqual(listed, [...FILES, 'package.json'].map((f) => `package/${f}`).sort());
  const pkg = JSON.parse(execFileSync('tar', ['-xzOf', path.join(DIST, TARBALL), 'package/package.json'], { encoding: 'utf8' }));
  assert.equal(pkg.version, version);
});

/** Starts `python3 -m http.server` in `root` on a free port; resolves to `{ origin, stop }`. */
function pythonServer(root) {
  const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', root], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`http.server did not start: ${out}`)), TIMEOUT);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const port = out.match(/port (\d+)/)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ origin: `http://127.0.0.1:${port}`, stop: () => child.kill() });
      }
    });
    child.on('exit', (code) => reject(new Error(`http.server exited (${code}): ${out}`)));
  });
}

test('unzipped and served by a plain static server, the example post\'s widget works in Chromium', opts, async () => {
  const server = await pythonServer(top);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(TIMEOUT);
    const problems = [];
    const fetched = [];
    // Nothing but the archive's own files: any other origin is refused and recorded.
    await context.route((url) => url.origin !== server.origin && url.protocol !== 'data:', (route) => {
      problems.push(`left the archive: ${route.request().url()}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('response', (r) => {
      fetched.push(new URL(r.url()).pathname);
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.origin}/example.html`);
    const widget = page.locator('ai-cert-check');
    await page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot?.querySelector('[part="title"]'));
    assert.equal(await widget.locator('[part="title"]').textContent(), 'Is an AI certification worth it for you?');
    for (const [question, option] of STRONG) {
      await widget.locator('label').filter({ has: page.locator(`input[name="${question}"][value="${option}"]`) }).click();
    }
    await widget.locator('[part="verdict"]').filter({ hasText: VERDICT_TITLES.worth_it }).first().waitFor();
    assert.equal((await widget.evaluate((el) => el.result)).verdict, 'worth_it');
    await page.screenshot({ path: path.join(ARTIFACTS, 'release-example-post.png'), fullPage: true });
    assert.deepEqual(problems, []);
    assert.deepEqual(fetched.sort(), ['/example.html', '/widget/ai-cert-check-core_bg.wasm', '/widget/ai-cert-check.js'].sort());
    await context.close();
  } finally {
    await browser.close();
    server.stop();
  }
});
