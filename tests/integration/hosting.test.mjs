// The widget's files on another origin than the page, as a CDN or a static host serves
// them (docs/integration.md, "A CDN or another origin", "Subresource Integrity"): one
// local server is the page's origin, another is the "CDN", serving pkg/ under a
// versioned path with the headers the docs give. Module scripts and the fetch of the
// .wasm are CORS requests there: with `Access-Control-Allow-Origin` every build works,
// without it the module is refused. An `integrity` attribute on the one-file build (the
// hash the docs' command computes) lets it run; a wrong one blocks it.
// Run: node --test tests/integration/hosting.test.mjs (after ./scripts/build.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PKG, TEST_TIMEOUT, WORK, assertClean, launchBrowser, openPage, serveStatic, waitForEvent } from './helpers.mjs';

const VERSION = JSON.parse(readFileSync(path.join(PKG, 'package.json'), 'utf8')).version;
const BASE = `/npm/ai-cert-check@${VERSION}/`;
/** What docs/integration.md tells a host to send for the widget's files. */
const CDN_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'public, max-age=31536000, immutable',
};
const PAGES = path.join(WORK, 'hosting');

let browser;
let withCors;
let withoutCors;
let site;
before(async () => {
  browser = await launchBrowser();
  withCors = await serveStatic(PKG, { base: BASE, headers: CDN_HEADERS });
  withoutCors = await serveStatic(PKG, { base: BASE, headers: { 'Cache-Control': CDN_HEADERS['Cache-Control'] } });
  rmSync(PAGES, { recursive: true, force: true });
  mkdirSync(PAGES, { recursive: true });
  writeFileSync(path.join(PAGES, 'minimal.json'), readFileSync(path.join(PKG, '..', 'www', 'examples', 'minimal.json')));
  site = await serveStatic(PAGES);
});
after(async () => {
  await Promise.all([withCors?.close(), withoutCors?.close(), site?.close()]);
  await browser?.close();
});

/** Writes a page on the site's origin loading `script` (with `attributes`) and returns its URL. */
function page(name, script, body, attributes = '') {
  writeFileSync(
    path.join(PAGES, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${name}</title>
<script type="module" src="${script}"${attributes}></script></head><body>${body}</body></html>`,
  );
  return `${site.origin}/${name}.html`;
}

// Records the script elements that failed to load (a refused module or a failed
// integrity check fires `error` on its element).
function recordScriptErrors() {
  window.__scriptErrors = [];
  window.addEventListener('error', (e) => e.target?.localName === 'script' && window.__scriptErrors.push(e.target.src), true);
}

test('from another origin with CORS: the default build, French and a checklist of the page\'s own all start', { timeout: TEST_TIMEOUT }, async () => {
  const url = page(
    'cors',
    `${withCors.origin}${BASE}ai-cert-check.js`,
    `<ai-cert-check id="builtin" storage="none"></ai-cert-check>
<ai-cert-check id="french" lang="fr" storage="none"></ai-cert-check>
<ai-cert-check id="own" src="/minimal.json" storage="none"></ai-cert-check>`,
  );
  const session = await openPage(browser, url, { allow: [withCors.origin] });
  for (const id of ['builtin', 'french', 'own']) await waitForEvent(session.page, 'ai-cert-check-ready', id);
  assertClean(assert, session);
  for (const file of ['ai-cert-check.js', 'ai-cert-check-core_bg.wasm', 'ai-cert-check-fr.js', 'ai-cert-check-fr_bg.wasm', 'ai-cert-check-custom.js', 'ai-cert-check-custom_bg.wasm']) {
    assert.ok(withCors.requests.includes(`${BASE}${file}`), `${file} came from the CDN`);
  }
  assert.ok(site.requests.includes('/minimal.json'), 'the checklist came from the page\'s origin');
  await session.context.close();
});

test('from another origin without CORS: the browser refuses the module (the page keeps its fallback)', { timeout: TEST_TIMEOUT }, async () => {
  const url = page('no-cors', `${withoutCors.origin}${BASE}ai-cert-check.js`, '<ai-cert-check id="builtin"><p>fallback</p></ai-cert-check>');
  const session = await openPage(browser, url, { allow: [withoutCors.origin], init: recordScriptErrors });
  await session.page.waitForFunction(() => window.__scriptErrors.length > 0);
  assert.equal(await session.page.evaluate(() => customElements.get('ai-cert-check')), undefined);
  assert.equal(await session.page.locator('ai-cert-check p').textContent(), 'fallback');
  await session.context.close();
});

/** `sha384-<base64>` of a file, as `openssl dgst -sha384 -binary FILE | openssl base64 -A` prints it. */
const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(path.join(PKG, file))).digest('base64')}`;

test('Subresource Integrity: the one-file build runs with its hash and is blocked with a wrong one', { timeout: TEST_TIMEOUT }, async () => {
  const src = `${withCors.origin}${BASE}ai-cert-check.single.js`;
  const good = page('sri', src, '<ai-cert-check id="builtin" storage="none"></ai-cert-check>', ` integrity="${sri('ai-cert-check.single.js')}" crossorigin="anonymous"`);
  const from = withCors.requests.length;
  const session = await openPage(browser, good, { allow: [withCors.origin] });
  await waitForEvent(session.page, 'ai-cert-check-ready', 'builtin');
  assertClean(assert, session);
  assert.deepEqual(withCors.requests.slice(from), [`${BASE}ai-cert-check.single.js`], 'one file, all covered by its hash');
  await session.context.close();

  const bad = page('sri-bad', src, '<ai-cert-check id="builtin"><p>fallback</p></ai-cert-check>', ` integrity="${sri('ai-cert-check.js')}" crossorigin="anonymous"`);
  const blocked = await openPage(browser, bad, { allow: [withCors.origin], init: recordScriptErrors });
  await blocked.page.waitForFunction(() => window.__scriptErrors.length > 0);
  assert.equal(await blocked.page.evaluate(() => customElements.get('ai-cert-check')), undefined);
  await blocked.context.close();
});

test('Subresource Integrity on the multi-file entry: it runs (the hash covers that file only)', { timeout: TEST_TIMEOUT }, async () => {
  const url = page(
    'sri-multi',
    `${withCors.origin}${BASE}ai-cert-check.js`,
    '<ai-cert-check id="builtin" storage="none"></ai-cert-check>',
    ` integrity="${sri('ai-cert-check.js')}" crossorigin="anonymous"`,
  );
  const session = await openPage(browser, url, { allow: [withCors.origin] });
  await waitForEvent(session.page, 'ai-cert-check-ready', 'builtin');
  assertClean(assert, session);
  await session.context.close();
});
