// How the widget loads, as a host page sees it: the host's own content paints before
// any of the widget's files has arrived, and the .wasm is compiled from the download
// as it streams in (one request, no copy into a buffer first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_TIMEOUT, assertClean, openPage, routeHtml, useTestServer, waitForReady, widget, withBrowser } from './helpers.mjs';

const server = useTestServer();
const opts = { timeout: TEST_TIMEOUT };

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<link rel="icon" href="data:,">
<script type="module" src="/pkg/ai-cert-check.js"></script></head>
<body><h1>A host article</h1><p id="host-text">The article's own words, readable at once.</p>
<ai-cert-check storage="none"><p id="fallback">The checklist is loading.</p></ai-cert-check>
</body></html>`;

// Installed before the page's scripts: notes every way a module can be compiled.
function recordCompiles() {
  const calls = (window.__compiles = []);
  const kind = (x) =>
    x instanceof Response
      ? `Response ${new URL(x.url).pathname}`
      : x instanceof Promise
        ? 'Promise'
        : x instanceof WebAssembly.Module
          ? 'Module'
          : `bytes ${x?.byteLength ?? '?'}`;
  for (const name of ['instantiateStreaming', 'compileStreaming', 'instantiate', 'compile']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (source, ...rest) {
      calls.push(`${name}: ${kind(source)}`);
      return original.call(this, source, ...rest);
    };
  }
}

test('the .wasm is compiled as it streams in: one request, handed to instantiateStreaming', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await s.context.addInitScript(recordCompiles);
    await routeHtml(s, '/host.html', PAGE);
    await s.page.goto(s.origin + '/host.html');
    await waitForReady(s.page, 0);

    const wasm = s.requests.filter((u) => u.endsWith('.wasm')).map((u) => new URL(u).pathname);
    assert.deepEqual(wasm, ['/pkg/ai-cert-check-core_bg.wasm'], 'one download of the default build');
    const served = s.responses.find((r) => r.url.endsWith('.wasm'));
    assert.equal(served.contentType, 'application/wasm', 'served with the type streaming compilation needs');
    assert.deepEqual(await s.page.evaluate(() => window.__compiles), [
      'instantiateStreaming: Response /pkg/ai-cert-check-core_bg.wasm',
    ]);
    assertClean(assert, s);
    await s.close();
  });
});

test("the host page paints before the widget's files arrive, showing what the author put inside the element", opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeHtml(s, '/host.html', PAGE);
    // Hold the widget's script and .wasm until the test lets them go.
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    const held = [];
    await s.context.route(/\/pkg\/.*\.(js|wasm)$/, async (route) => {
      held.push(new URL(route.request().url()).pathname);
      await gate;
      await route.continue();
    });

    await s.page.goto(s.origin + '/host.html', { waitUntil: 'commit' });
    await s.page.waitForFunction(() =>
      performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint'),
    );
    assert.deepEqual(held, ['/pkg/ai-cert-check.js'], 'the widget script is still on its way');
    assert.ok(await s.page.locator('#host-text').isVisible(), "the host's text is on screen");
    assert.ok(await s.page.locator('#fallback').isVisible(), "the element shows the author's fallback meanwhile");
    assert.equal(await widget(s.page).evaluate((h) => h.shadowRoot), null, 'nothing mounted yet');

    release();
    await waitForReady(s.page, 0);
    assert.deepEqual(held, ['/pkg/ai-cert-check.js', '/pkg/ai-cert-check-core_bg.wasm']);
    assert.ok(await widget(s.page).locator('fieldset').first().isVisible(), 'then the checklist is shown');
    assert.equal(await s.page.locator('#fallback').isVisible(), false, 'in place of the fallback');
    assertClean(assert, s);
    await s.close();
  });
});
