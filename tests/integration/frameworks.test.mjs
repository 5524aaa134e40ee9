// The packed package in the two blog setups docs/integration.md gives recipes for, each
// a copy of a fixture with the tarball installed: an Astro site (a component with the
// element and a <script> importing the package; `npm run build`, then the dev server)
// and an Eleventy site (passthrough copy of the package's files, a post in Markdown;
// `npm run build`). Each page is loaded in Chromium: the widget must render from the
// site's own copy of the files, with nothing failing on the page.
// Run: node --test tests/integration/frameworks.test.mjs (after ./scripts/build.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  TEST_TIMEOUT,
  assertClean,
  choose,
  freePort,
  installPacked,
  launchBrowser,
  openPage,
  run,
  serveStatic,
  startServer,
  theWidget,
  waitForEvent,
} from './helpers.mjs';

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
  const widget = await theWidget(page);
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

test('Eleventy: its dev server (npm start, eleventy --serve) serves the copied files', { timeout: TEST_TIMEOUT }, async () => {
  const { app } = await installPacked('eleventy-serve', 'eleventy-site');
  const port = await freePort();
  const url = `http://localhost:${port}/posts/certification/`;
  const stop = await startServer(['start', '--silent', '--', '--port', String(port)], app, url);
  try {
    const wasm = await widgetWorks(url);
    assert.deepEqual(wasm, ['/widgets/ai-cert-check/ai-cert-check-core_bg.wasm']);
  } finally {
    stop();
  }
});
