// The privacy rules every end-to-end page is held to (tests/e2e/helpers.mjs, "Privacy"):
// these tests show that each rule catches what it is for, and that a clean page of
// the widget passes them all. Every other test gets the rules automatically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_TIMEOUT, answerAll, openPage, privacyGuard, routeHtml, useTestServer, waitForReady, withBrowser } from './helpers.mjs';

const server = useTestServer();
const opts = { timeout: TEST_TIMEOUT };

const page = (body, script = '') => `<!doctype html><html lang="en"><head><title>p</title><link rel="icon" href="data:,">
<script type="module" src="/pkg/ai-cert-check.js"></script></head><body>${body}
<script type="module">${script}</script></body></html>`;

test('the widget with storage="none", answered, breaks no privacy rule', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeHtml(s, '/clean.html', page('<ai-cert-check storage="none"></ai-cert-check><ai-cert-check storage="none" src="/examples/reskill.json"></ai-cert-check>'));
    await s.page.goto(s.origin + '/clean.html');
    await waitForReady(s.page, 0);
    await waitForReady(s.page, 1);
    await answerAll(s.page, 0, [['objective', 'promotion'], ['practice_now', 'weekly']]);
    assert.deepEqual(await privacyGuard(s.context).check(), []);
    await s.close();
  });
});

test('each privacy rule catches a page that breaks it', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    // Everything a page must not do, once each, on a page whose widget does not save.
    await routeHtml(
      s,
      '/leaky.html',
      page(
        '<ai-cert-check storage="none"></ai-cert-check><img src="https://tracker.example/pixel.gif" alt="">',
        `document.cookie = 'tracked=1';
localStorage.setItem('written', 'by setItem');
localStorage.byProperty = 'written as a property';
sessionStorage.setItem('session', 'x');
navigator.sendBeacon('/beacon', 'x');
try { new WebSocket('ws://127.0.0.1:9/socket'); } catch {}
await Promise.allSettled([
  fetch('/collect', { method: 'POST', body: 'answers' }),
  fetch('/index.html'),
  import('/pkg/telemetry.js'),
  new Promise((resolve) => { const r = indexedDB.open('answers-db'); r.onsuccess = r.onerror = resolve; }),
]);
window.leaked = true;`,
      ),
    );
    await s.page.goto(s.origin + '/leaky.html');
    await s.page.waitForFunction(() => window.leaked === true);
    const guard = privacyGuard(s.context);
    const problems = (await guard.check()).join('\n');
    for (const expected of [
      /request outside the origin: GET https:\/\/tracker\.example\/pixel\.gif/,
      /WebSocket opened: ws:\/\/127\.0\.0\.1:9\/socket/,
      /POST request \(sends data\): .*\/collect/,
      /POST request \(sends data\): .*\/beacon/,
      /fetch of something that is neither a widget file nor a checklist: .*\/index\.html/,
      /request for a file the widget does not have: .*\/pkg\/telemetry\.js/,
      /document\.cookie on .*: tracked=1/,
      /cookies set: tracked=1/,
      /IndexedDB databases on .*: answers-db/,
      /storage written: localStorage\.setItem\("written", "by setItem"\)/,
      /storage written: sessionStorage\.setItem\("session", "x"\)/,
      /localStorage changed with storage="none".*byProperty/,
    ]) {
      assert.match(problems, expected);
    }
    assert.deepEqual(s.blocked, ['https://tracker.example/pixel.gif'], 'the outside request was aborted');
    // Left to itself, closing the context fails the test.
    await assert.rejects(s.close(), /privacy rules broken:[^]*tracked=1/);
  });
});

test('a context a test leaves open is checked when withBrowser ends', opts, async () => {
  await assert.rejects(
    withBrowser(async (browser) => {
      const s = await openPage(browser, server, '/', { goto: false });
      await routeHtml(s, '/cookie.html', page('<p>cookie</p>', "document.cookie = 'left=open'; window.done = true;"));
      await s.page.goto(s.origin + '/cookie.html');
      await s.page.waitForFunction(() => window.done === true);
    }),
    /privacy rules broken:[^]*left=open/,
  );
});
