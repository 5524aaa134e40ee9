// Nothing breaks it, nothing leaks (part of the security issue; see docs/api.md for the
// contract): a strict Content-Security-Policy, hostile host pages, injected markup in
// every text a checklist carries, and storage that fails or holds junk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  TEST_TIMEOUT,
  answer,
  answerAll,
  assertClean,
  checkedInputs,
  openPage,
  readVerdict,
  routeHtml,
  useTestServer,
  waitForReady,
  widget,
  withBrowser,
} from './helpers.mjs';

const server = useTestServer();

const opts = { timeout: TEST_TIMEOUT };

/** Pages under a strict policy get their favicon from the origin (a `data:` one is refused). */
const serveIcon = (s) =>
  s.context.route(s.origin + '/icon.svg', (r) =>
    r.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' }),
  );
const STRONG = [
  ['objective', 'promotion'],
  ['practice_now', 'weekly'],
  ['employer', 'yes'],
  ['apply_next', 'project'],
];

test("a strict Content-Security-Policy (no inline script or style) leaves the widget fully working", opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
    await serveIcon(s);
    await s.context.route(s.origin + '/csp.html', (r) =>
      r.fulfill({
        contentType: 'text/html',
        headers: { 'Content-Security-Policy': csp },
        body: `<!doctype html><html lang="en"><head><title>csp</title><link rel="icon" href="/icon.svg">
<script type="module" src="/pkg/ai-cert-check.js"></script></head><body><ai-cert-check></ai-cert-check>
<ai-cert-check src="/examples/reskill.json"></ai-cert-check></body></html>`,
      }),
    );
    await s.context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await s.page.goto(s.origin + '/csp.html');
    await waitForReady(s.page, 0);
    await waitForReady(s.page, 1);
    await answerAll(s.page, 0, STRONG);
    assert.equal((await readVerdict(s.page)).id, 'worth_it');
    // Styled: the widget's stylesheet applied (a constructable stylesheet, not <style>).
    const styled = await widget(s.page).evaluate((h) => ({
      border: getComputedStyle(h.shadowRoot.querySelector('.option')).borderTopStyle,
      sheets: h.shadowRoot.adoptedStyleSheets.length,
      styleElements: h.shadowRoot.querySelectorAll('style').length,
      styleAttributes: h.shadowRoot.querySelectorAll('[style]').length,
    }));
    assert.deepEqual(styled, { border: 'solid', sheets: 1, styleElements: 0, styleAttributes: 0 });
    assert.deepEqual(await s.page.evaluate(() => window.__violations), []);
    assertClean(assert, s);
    await s.close();
  });
});

test('a hostile host page (global resets, !important, patched builtins, the script twice) does not break it', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeHtml(
      s,
      '/hostile.html',
      `<!doctype html><html lang="en"><head><title>hostile</title><link rel="icon" href="data:,">
<style>
  * { all: unset; } html, body { display: block; }
  input { display: none !important; } label { font-size: 60px !important; color: red !important; }
  fieldset, legend, p, ul, li { color: red !important; background: yellow !important; }
</style>
<script>
  Array.prototype.includes = function () { return false; };
  Array.prototype.map = function () { throw new Error('patched map'); };
  window.mount = 'host global'; window.wasm = 'host global'; window.init = 'host global';
</script>
<script type="module" src="/pkg/ai-cert-check.js"></script>
<script type="module" src="/pkg/ai-cert-check.js?again"></script>
</head><body><ai-cert-check></ai-cert-check></body></html>`,
    );
    await s.page.goto(s.origin + '/hostile.html');
    await waitForReady(s.page);
    // Readable and working inside: inputs visible, labels not red or giant.
    const look = await widget(s.page).evaluate((h) => {
      const input = h.shadowRoot.querySelector('input');
      const label = h.shadowRoot.querySelector('label');
      return { inputShown: input.getClientRects().length > 0, color: getComputedStyle(label).color, size: getComputedStyle(label).fontSize };
    });
    assert.equal(look.inputShown, true);
    assert.notEqual(look.color, 'rgb(255, 0, 0)');
    assert.notEqual(look.size, '60px');
    await answerAll(s.page, 0, STRONG);
    assert.equal((await readVerdict(s.page)).id, 'worth_it');
    assert.equal(await s.page.evaluate(() => document.querySelectorAll('ai-cert-check').length), 1);
    assert.equal(await s.page.evaluate(() => [window.mount, window.wasm, window.init].join()), 'host global,host global,host global');
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

// Markup and script in every text of a checklist: titles, questions, help, options,
// reasons, actions, next steps, verdicts, reading titles and addresses, labels.
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"></svg>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "'><img src=x onerror=window.__pwned=1>",
  '<iframe src="javascript:window.parent.__pwned=1"></iframe>',
  '<a href="javascript:window.__pwned=1">x</a>',
  '<details open ontoggle="window.__pwned=1">',
  '<body onload="window.__pwned=1">',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__pwned=1&#62;',
  '<scr<script>ipt>window.__pwned=1</scr</script>ipt>',
  '<object data="data:text/html,<script>parent.__pwned=1</script>">',
  '<style>@import "javascript:window.__pwned=1";</style>',
  '<input autofocus onfocus="window.__pwned=1">',
  '<template><img src=x onerror=window.__pwned=1></template>',
  '{answered}{total}{verdict}<b>',
  '\u202e<img src=x onerror=window.__pwned=1>',
];
const HREFS = ['javascript:window.__pwned=1', 'JaVaScRiPt:window.__pwned=1', ' javascript:window.__pwned=1', 'data:text/html,<script>parent.__pwned=1</script>', 'vbscript:msgbox(1)', 'java\tscript:window.__pwned=1'];

function poison(checklist, n) {
  const pick = (i) => PAYLOADS[(n + i) % PAYLOADS.length];
  let i = 0;
  const walk = (v) => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out = {};
      for (const [k, x] of Object.entries(v)) {
        const text = ['title', 'intro', 'text', 'help', 'label', 'reason', 'action', 'next_step', 'summary'].includes(k);
        if (typeof x === 'string' && text) out[k] = `${x} ${pick(i++)}`.slice(0, 190);
        else if (k === 'next_steps') out[k] = x.map(() => pick(i++));
        else out[k] = walk(x);
      }
      return out;
    }
    return v;
  };
  const c = walk(checklist);
  c.reading = (c.reading ?? []).map((r, j) => ({ ...r, href: HREFS[(n + j) % HREFS.length] }));
  c.labels = { ...(c.labels ?? {}), verdict_heading: pick(1), reasons_heading: pick(2), what_if_up: `${pick(3)} {change} {verdict}` };
  return c;
}

test('markup in every text of a checklist is shown as text: no script runs, no element appears, no unsafe link', opts, async () => {
  const base = JSON.parse(readFileSync(path.join(ROOT, 'www/examples/reskill.json'), 'utf8'));
  await withBrowser(async (browser) => {
    for (let n = 0; n < PAYLOADS.length; n += 4) {
      const s = await openPage(browser, server, '/', { goto: false });
      // Rejected (javascript: addresses are refused by validation): shown as problems.
      const withHrefs = poison(base, n);
      // Accepted: the same payloads with the addresses dropped.
      const noHrefs = { ...withHrefs, reading: withHrefs.reading.map(({ href, ...r }) => r) };
      await routeHtml(s, '/xss.html', `<!doctype html><html lang="en"><head><title>x</title><link rel="icon" href="data:,">
<script type="module" src="/pkg/ai-cert-check.js"></script></head><body>
<script type="application/json" id="a">${JSON.stringify(noHrefs).replace(/</g, '\\u003c')}</script>
<script type="application/json" id="b">${JSON.stringify(withHrefs).replace(/</g, '\\u003c')}</script>
<ai-cert-check checklist="a" storage="none"></ai-cert-check><ai-cert-check checklist="b" storage="none"></ai-cert-check></body></html>`);
      await s.page.goto(s.origin + '/xss.html');
      await waitForReady(s.page, 0);
      await s.page.waitForFunction(() => document.querySelectorAll('ai-cert-check')[1].shadowRoot?.querySelector('[part="problems"]'));
      // Answer everything in the accepted one, so reasons, what-ifs and steps render.
      const questions = await widget(s.page, 0).evaluate((h) => [...h.shadowRoot.querySelectorAll('fieldset')].map((f) => {
        const i = f.querySelector('input');
        return [i.name, i.value];
      }));
      for (const [q, o] of questions) await answer(s.page, 0, q, o);
      const report = await s.page.evaluate(() => {
        const allowed = new Set(['DIV', 'FORM', 'HEADER', 'H2', 'H3', 'H4', 'P', 'SECTION', 'FIELDSET', 'LEGEND', 'SPAN', 'LABEL', 'INPUT', 'ASIDE', 'UL', 'OL', 'LI', 'STRONG', 'A', 'FIGURE', 'FIGCAPTION', 'BUTTON', 'CODE', 'svg', 'title', 'desc', 'g', 'rect', 'text', 'tspan', 'circle']);
        const strange = [];
        const links = [];
        for (const host of document.querySelectorAll('ai-cert-check')) {
          for (const e of host.shadowRoot.querySelectorAll('*')) {
            if (!allowed.has(e.tagName)) strange.push(e.tagName);
            for (const a of e.attributes) if (/^on/i.test(a.name)) strange.push(`${e.tagName}[${a.name}]`);
            if (e.tagName === 'A') links.push(e.getAttribute('href'));
          }
        }
        return { pwned: window.__pwned ?? null, strange, links };
      });
      assert.equal(report.pwned, null, `a payload ran (from ${n})`);
      assert.deepEqual(report.strange, []);
      for (const href of report.links) assert.match(href, /^(https?:|mailto:|[^:]*$)/i, href);
      // The text is there, as text.
      const text = await widget(s.page, 0).evaluate((h) => h.shadowRoot.textContent);
      assert.ok(text.includes('<') && text.includes('window.__pwned'), 'payloads shown literally');
      assert.deepEqual(s.pageErrors, []);
      await s.close();
    }
  });
});

test('storage that throws, is full or holds junk: the widget works, says saving is unavailable, keeps the answers on screen', opts, async () => {
  await withBrowser(async (browser) => {
    for (const [name, script, saysUnavailable] of [
      ['throws on access', () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }), true],
      ['is full', () => { Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; }, true],
      ['holds junk', () => { localStorage.setItem('ai-cert-check-ai-certification', '<img src=x onerror=window.__pwned=1>'); localStorage.setItem('other', 'x'); }, false],
      ['holds a future format', () => localStorage.setItem('ai-cert-check-ai-certification', '9.zz.1.1'), false],
    ]) {
      const s = await openPage(browser, server, '/', { goto: false });
      await s.context.addInitScript(script);
      await s.page.goto(s.origin + '/');
      await waitForReady(s.page);
      await answerAll(s.page, 0, STRONG);
      assert.equal((await readVerdict(s.page)).id, 'worth_it', name);
      assert.deepEqual(await checkedInputs(s.page), STRONG.map(([q, o]) => `${q}=${o}`).sort(), name);
      const notice = await widget(s.page).evaluate((h) => h.shadowRoot.querySelector('[part="notice"]').textContent);
      if (saysUnavailable) assert.match(notice, /cannot be saved/, name);
      else assert.equal(notice, '', name);
      assert.equal(await s.page.evaluate(() => window.__pwned ?? null), null);
      assert.deepEqual(s.pageErrors, [], name);
      await s.close();
    }
  });
});

test('20 instances with different checklists stay independent; 1,000 mount/unmount cycles leave memory and listeners flat', { timeout: 180_000 }, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    const minimal = readFileSync(path.join(ROOT, 'www/examples/minimal.json'), 'utf8');
    const kinds = [
      '<ai-cert-check storage="none"></ai-cert-check>',
      '<ai-cert-check storage="none" src="/examples/reskill.json"></ai-cert-check>',
      '<ai-cert-check storage="none" checklist="m"></ai-cert-check>',
      '<ai-cert-check storage="none" lang="fr"></ai-cert-check>',
    ];
    const many = Array.from({ length: 20 }, (_, i) => kinds[i % 4]).join('\n');
    await routeHtml(s, '/many.html', `<!doctype html><html lang="en"><head><title>many</title><link rel="icon" href="data:,">
<script type="module" src="/pkg/ai-cert-check.js"></script></head><body>
<script type="application/json" id="m">${minimal.replace(/</g, '\\u003c')}</script>${many}<div id="slot"></div></body></html>`);
    await s.page.goto(s.origin + '/many.html');
    for (let i = 0; i < 20; i++) await waitForReady(s.page, i);
    // Answer the first of each kind; every other instance keeps no answers.
    for (const nth of [0, 1, 2, 3]) {
      const [q, o] = await widget(s.page, nth).evaluate((h) => {
        const i = h.shadowRoot.querySelector('input');
        return [i.name, i.value];
      });
      await answer(s.page, nth, q, o);
    }
    for (let nth = 4; nth < 20; nth++) assert.deepEqual(await checkedInputs(s.page, nth), [], `instance ${nth}`);

    assert.deepEqual(s.pageErrors, []);
    await s.close();

    // Mount and unmount the same kind of element 1,000 times, in a page without the
    // test helpers' event recorder (it keeps every host it sees, and so their nodes).
    const context = await browser.newContext();
    const p = await context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    await context.route(server.origin + '/cycles.html', (r) =>
      r.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><head><title>c</title><link rel="icon" href="data:,"><script type="module" src="/pkg/ai-cert-check.js"></script></head><body><div id="slot"></div></body></html>',
      }),
    );
    await p.goto(server.origin + '/cycles.html');
    const cdp = await context.newCDPSession(p);
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { jsEventListeners, nodes } = await cdp.send('Memory.getDOMCounters');
      const wasm = await p.evaluate(async () => (await import('/pkg/ai-cert-check.js')).wasmMemoryBytes());
      return { jsEventListeners, nodes, wasm };
    };
    const cycles = (n) =>
      p.evaluate(async (count) => {
        const slot = document.getElementById('slot');
        for (let i = 0; i < count; i++) {
          const el = document.createElement('ai-cert-check');
          el.setAttribute('storage', 'none');
          const ready = new Promise((resolve) => el.addEventListener('ai-cert-check-ready', resolve, { once: true }));
          slot.append(el);
          await ready;
          el.remove();
          await new Promise((resolve) => queueMicrotask(resolve));
        }
      }, n);
    await cycles(100); // warm-up: the allocator's size classes fill once
    const before = await measure();
    await cycles(1000);
    const after = await measure();
    // Tolerances: WebAssembly memory does not grow at all (pages are never returned,
    // so any leak shows as growth); listeners within 5 and nodes within 10% + 50 of the
    // start (a widget is about 400 nodes, so one leaked per hundred cycles would show).
    assert.equal(after.wasm, before.wasm, `wasm memory ${before.wasm} -> ${after.wasm}`);
    assert.ok(after.jsEventListeners <= before.jsEventListeners + 5, `listeners ${before.jsEventListeners} -> ${after.jsEventListeners}`);
    assert.ok(after.nodes <= before.nodes * 1.1 + 50, `nodes ${before.nodes} -> ${after.nodes}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

test('markup in a share link or in stored answers never runs and is never applied', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    for (const [i, payload] of PAYLOADS.entries()) {
      const bad = encodeURIComponent(payload);
      // In the fragment, for this checklist: ignored whole, with a notice.
      await s.page.goto(`${s.origin}/?case=${i}#ai-cert-check-ai-certification=${bad}`);
      await waitForReady(s.page);
      const seen = await widget(s.page).evaluate((h) => ({
        notice: h.shadowRoot.querySelector('[part="notice"]').textContent,
        checked: h.shadowRoot.querySelectorAll('input:checked').length,
      }));
      assert.match(seen.notice, /were not used/, payload);
      assert.equal(seen.checked, 0, payload);
      // In storage: ignored and removed.
      await s.page.evaluate((p) => localStorage.setItem('ai-cert-check-ai-certification', p), payload);
      await s.page.goto(`${s.origin}/?stored=${i}`);
      await waitForReady(s.page);
      assert.equal(await widget(s.page).evaluate((h) => h.shadowRoot.querySelectorAll('input:checked').length), 0, payload);
      assert.equal(await s.page.evaluate(() => localStorage.getItem('ai-cert-check-ai-certification')), null, payload);
      assert.equal(await s.page.evaluate(() => window.__pwned ?? null), null, payload);
    }
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});
