// How the widget starts its .wasm (src/element/loader.js instantiates it itself, not through
// the glue's own init): streamed when the server sends `application/wasm`; compiled from
// the same response's bytes when a server sends another type (the widget still works, one
// request either way); and when the file
// is missing, the element keeps its fallback content, the page keeps working and the
// console says why.
// Run: node --test tests/e2e/wasm-serving.test.mjs (after ./scripts/build.sh)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, STRONG, TEST_TIMEOUT, answerAll, assertClean, openPage, readVerdict, routeHtml, useTestServer, waitForReady, withBrowser } from './helpers.mjs';

const server = useTestServer();
const opts = { timeout: TEST_TIMEOUT };
const WASM = '/pkg/ai-cert-check-core_bg.wasm';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>serving</title>
<link rel="icon" href="data:,"><script type="module" src="/pkg/ai-cert-check.js"></script></head>
<body><ai-cert-check storage="none"><p id="fallback">The checklist needs JavaScript and WebAssembly.</p></ai-cert-check></body></html>`;

/** Opens PAGE with the .wasm served by `fulfill` (a Playwright route handler); records the .wasm requests. */
async function open(browser, fulfill) {
  const s = await openPage(browser, server, '/', { goto: false });
  await routeHtml(s, '/serving.html', PAGE);
  s.wasmRequests = 0;
  await s.context.route(`${s.origin}${WASM}`, (route) => {
    s.wasmRequests++;
    return fulfill(route);
  });
  await s.page.goto(`${s.origin}/serving.html`);
  return s;
}

const bytes = readFileSync(path.join(ROOT, 'pkg', 'ai-cert-check-core_bg.wasm'));

test('served as application/wasm: compiled while it streams, fetched once', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await open(browser, (route) => route.fulfill({ body: bytes, contentType: 'application/wasm' }));
    await waitForReady(s.page);
    await answerAll(s.page, 0, STRONG);
    assert.equal((await readVerdict(s.page)).id, 'worth_it');
    assert.equal(s.wasmRequests, 1);
    assertClean(assert, s);
    await s.close();
  });
});

test('served with another type: compiled from the bytes, and the widget works', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await open(browser, (route) => route.fulfill({ body: bytes, contentType: 'application/octet-stream' }));
    await waitForReady(s.page);
    await answerAll(s.page, 0, STRONG);
    assert.equal((await readVerdict(s.page)).id, 'worth_it');
    assert.equal(s.wasmRequests, 1, 'one request: streaming refused for its type, then the same response\'s bytes');
    assertClean(assert, s);
    await s.close();
  });
});

test('missing: the fallback content stays, the page works on, and the console says why', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await open(browser, (route) => route.fulfill({ status: 404, body: 'not found', contentType: 'text/plain' }));
    // Waits for the widget's own message (recorded by openPage), polling the record.
    const deadline = Date.now() + 15_000;
    while (!s.consoleErrors.some((e) => /<ai-cert-check> could not start/.test(e))) {
      assert.ok(Date.now() < deadline, `the console says why: ${s.consoleErrors}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(await s.page.locator('#fallback').isVisible(), true, 'the fallback content shows');
    assert.equal(await s.page.evaluate(() => !!document.querySelector('ai-cert-check').shadowRoot), false, 'nothing was rendered');
    assert.deepEqual(s.pageErrors, [], 'nothing thrown at the page');
    await s.close();
  });
});
