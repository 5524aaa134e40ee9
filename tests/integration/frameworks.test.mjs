// The packed package in the two blog setups docs/integration.md gives recipes for, each
// a copy of a fixture with the tarball installed: an Astro site (a component with the
// element and a <script> importing the package; `npm run build`, then the dev server)
// and an Eleventy site (passthrough copy of the package's files, a post in Markdown;
// `npm run build`). Each page is loaded in Chromium: the widget must render from the
// site's own copy of the files, with nothing failing on the page.
// Run: node --test tests/integration/frameworks.test.mjs (after ./scripts/build.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  TEST_TIMEOUT,
  TIMEOUT,
  assertClean,
  choose,
  installPacked,
  launchBrowser,
  openPage,
  run,
  serveStatic,
  waitForEvent,
} from './helpers.mjs';

const TITLE = 'Is an AI certification worth it for you?';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * Loads `url`, waits for the (only) widget, answers one question as a reader would, and
 * returns the paths of the .wasm files the page fetched.
 */
async function widgetWorks(url) {
  const session = await openPage(browser, url);
  const { page } = session;
  // Give the element an id the recorder reports (the recipes' elements have none).
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'ai-cert-check-ready'));
  await page.evaluate(() => {
    document.querySelector('ai-cert-check').id = 'widget';
  });
  const widget = page.locator('ai-cert-check');
  const title = await widget.evaluate((host) => host.shadowRoot.querySelector('[part="title"]').textContent);
  assert.equal(title, TITLE);
  await choose(widget, 'objective', 'promotion');
  await waitForEvent(page, 'ai-cert-check-change', 'widget');
  assertClean(assert, session);
  const wasm = session.responses.filter((r) => r.path.endsWith('.wasm'));
  for (const r of wasm) assert.equal(r.type, 'application/wasm', r.path);
  await session.context.close();
  return wasm.map((r) => r.path);
}

test('Astro: npm run build, the built site served as static files', { timeout: TEST_TIMEOUT }, async () => {
  const { app } = await installPacked('astro', 'astro-site');
  await run('npm', ['run', 'build', '--silent'], { cwd: app });
  const assets = readdirSync(path.join(app, 'dist', '_astro'));
  assert.ok(assets.some((f) => /^ai-cert-check-core_bg\.[\w-]+\.wasm$/.test(f)), `the hashed .wasm in dist/_astro: ${assets}`);
  const site = await serveStatic(path.join(app, 'dist'));
  try {
    const wasm = await widgetWorks(`${site.origin}/`);
    assert.equal(wasm.length, 1);
    assert.match(wasm[0], /^\/_astro\/ai-cert-check-core_bg\.[\w-]+\.wasm$/);
  } finally {
    await site.close();
  }
});

test('Astro: the dev server (npm run dev)', { timeout: TEST_TIMEOUT }, async () => {
  const { app } = await installPacked('astro-dev', 'astro-site');
  const { dev } = await import('astro');
  const server = await dev({ root: app, logLevel: 'error', server: { host: '127.0.0.1', port: 0 }, devToolbar: { enabled: false } });
  try {
    const wasm = await widgetWorks(`http://127.0.0.1:${server.address.port}/`);
    assert.deepEqual(wasm, ['/node_modules/ai-cert-check/ai-cert-check-core_bg.wasm']);
  } finally {
    await server.stop();
  }
});

test('Eleventy: npm run build with the passthrough copy, the site served as static files', { timeout: TEST_TIMEOUT }, async () => {
  const { app } = await installPacked('eleventy', 'eleventy-site');
  await run('npm', ['run', 'build', '--silent'], { cwd: app });
  const copied = readdirSync(path.join(app, '_site', 'widgets', 'ai-cert-check')).sort();
  assert.ok(copied.includes('ai-cert-check.js') && copied.includes('ai-cert-check-core_bg.wasm'), `copied: ${copied}`);
  const site = await serveStatic(path.join(app, '_site'));
  try {
    const wasm = await widgetWorks(`${site.origin}/posts/certification/`);
    assert.deepEqual(wasm, ['/widgets/ai-cert-check/ai-cert-check-core_bg.wasm']);
  } finally {
    await site.close();
  }
});

/** A port nothing listens on now. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('Eleventy: its dev server (npm start, eleventy --serve) serves the copied files', { timeout: TEST_TIMEOUT }, async () => {
  const { app } = await installPacked('eleventy-serve', 'eleventy-site');
  const port = await freePort();
  // Its own process group, so that npm and Eleventy under it stop together.
  const child = spawn('npm', ['start', '--silent', '--', '--port', String(port)], { cwd: app, detached: true, stdio: 'ignore' });
  const url = `http://localhost:${port}/posts/certification/`;
  try {
    const deadline = Date.now() + TIMEOUT * 2;
    for (;;) {
      const ok = await fetch(url).then((r) => r.ok, () => false);
      if (ok) break;
      if (child.exitCode !== null) throw new Error(`eleventy --serve exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`eleventy --serve did not answer at ${url}`);
      await delay(200); // polling the server until it answers, not a fixed wait
    }
    const wasm = await widgetWorks(url);
    assert.deepEqual(wasm, ['/widgets/ai-cert-check/ai-cert-check-core_bg.wasm']);
  } finally {
    process.kill(-child.pid, 'SIGTERM');
  }
});
