// Nothing breaks it, round three (issue 25), in the browser: the widget works wherever
// it is placed and whatever the page around it does. Two checklists of their own on a
// page without WebAssembly; printing from inside another component; two tabs; moved into
// another document; many failed mounts; CJK and Thai pictures; a share link opened in
// the same tab; very large text on a phone; storage that fills and frees up; ids inside
// a component; painting past its box; a replaced `fetch`. Each test failed before the
// change it guards (what it saw then is written beside it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CHANGE,
  READY,
  ROOT,
  STRONG,
  TEST_TIMEOUT,
  answer,
  checkedInputs,
  copiedShareLink,
  eventsOf,
  openPage,
  readVerdict,
  routeHtml,
  routeUnderPolicy,
  screenshot,
  useTestServer,
  waitForReady,
  widget,
  withBrowser,
} from './helpers.mjs';

const server = useTestServer();
const opts = { timeout: TEST_TIMEOUT };

const WITHOUT_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";
const RESKILL = JSON.parse(readFileSync(path.join(ROOT, 'www/examples/reskill.json'), 'utf8'));
const MINIMAL = JSON.parse(readFileSync(path.join(ROOT, 'www/examples/minimal.json'), 'utf8'));

const page = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><script type="module" src="/pkg/ai-cert-check.js"></script>${head}</head>
<body><main>${body}</main></body></html>`;

/** Waits until the element `find()` returns (in the page) has rendered its questions. */
const rendered = (p, find) => p.waitForFunction(`!!(${find})?.shadowRoot?.querySelector('fieldset input')`);

// 1. Two checklists of their own on a page that forbids WebAssembly.

test('two checklists of their own on a page without WebAssembly each keep working, click after click', opts, async () => {
  // Found: the JavaScript build kept its memory view for copies and fills at module
  // level; the copy made last repointed the other's, which stopped on its first click
  // ("<ai-cert-check> stopped: Error: abort") and showed its fallback.
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeUnderPolicy(s, '/two-own.html', WITHOUT_WASM, {
      body:
        '<ai-cert-check storage="none" src="/examples/reskill.json"><p>fallback</p></ai-cert-check>' +
        '<ai-cert-check storage="none" src="/examples/minimal.json"><p>fallback</p></ai-cert-check>',
    });
    await s.page.goto(s.origin + '/two-own.html');
    await waitForReady(s.page, 0);
    await waitForReady(s.page, 1);
    const names = s.requests.map((u) => new URL(u).pathname);
    assert.ok(names.includes('/pkg/ai-cert-check-custom.wasm.js') && !names.includes('/pkg/ai-cert-check-custom_bg.wasm'), 'their JavaScript build runs');
    // Each answered in turn, the first made first: every click is counted by its own
    // widget, and the verdicts are the checklists' own.
    await answer(s.page, 0, 'outlook', 'shrinking');
    await answer(s.page, 1, 'relevant', 'yes');
    await answer(s.page, 0, 'routine', 'most');
    await answer(s.page, 1, 'hours', 'yes');
    await answer(s.page, 0, 'path', 'plateau');
    assert.deepEqual(await checkedInputs(s.page, 0), ['outlook=shrinking', 'path=plateau', 'routine=most']);
    assert.deepEqual(await checkedInputs(s.page, 1), ['hours=yes', 'relevant=yes']);
    assert.equal((await readVerdict(s.page, 1)).id, 'take_it');
    const last = (await eventsOf(s.page, 0, CHANGE)).at(-1);
    assert.equal((await readVerdict(s.page, 0)).id, last.detail.result.verdict);
    assert.deepEqual(s.consoleErrors.filter((m) => !/WebAssembly|wasm-unsafe-eval/.test(m)), [], 'nothing stopped');
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

// 5. Printing from inside another component.

/** A component that shows its own text and, in its shadow root, a widget (or a slot for one). */
const COMPONENT = `<script type="module">
customElements.define('blog-post', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<h2 id="inner-heading">The component\\'s heading</h2><p id="inner-text">The component\\'s text.</p>' +
      (this.hasAttribute('slotted') ? '<div class="frame"><slot></slot></div>' : '<ai-cert-check storage="none"></ai-cert-check>') +
      '<p id="inner-after">After the widget.</p>';
  }
});
</script>`;

test('"Print" from inside another component\'s shadow root, or slotted into one, prints the widget and nothing else', opts, async () => {
  // Found: the page's print sheet hid everything without
  // `:has(ai-cert-check[data-printing])`, which cannot see into shadow trees: the
  // component was hidden, widget and all, and a blank page printed.
  await withBrowser(async (browser) => {
    for (const variant of ['inside', 'slotted']) {
      const s = await openPage(browser, server, '/', { goto: false });
      const body = variant === 'inside'
        ? '<h1 id="page-heading">A post</h1><blog-post></blog-post><p id="page-after">The page goes on.</p>'
        : '<h1 id="page-heading">A post</h1><blog-post slotted><ai-cert-check storage="none"></ai-cert-check></blog-post><p id="page-after">The page goes on.</p>';
      await routeHtml(s, '/component.html', page(body, COMPONENT));
      await s.page.goto(s.origin + '/component.html');
      const find = variant === 'inside' ? "document.querySelector('blog-post').shadowRoot.querySelector('ai-cert-check')" : "document.querySelector('ai-cert-check')";
      await rendered(s.page, find);
      const el = s.page.locator('blog-post ai-cert-check');
      for (const [q, o] of STRONG) await el.locator(`input[name="${q}"][value="${o}"]`).check();
      await s.page.evaluate(() => {
        window.__printed = 0;
        window.print = () => {
          window.__printed += 1;
        };
      });
      await el.locator('[part="actions"] button[data-action="print"]').click();
      assert.equal(await s.page.evaluate(() => window.__printed), 1);
      await s.page.emulateMedia({ media: 'print' });
      const printed = await s.page.evaluate((find) => {
        const host = eval(find);
        const inner = document.querySelector('blog-post').shadowRoot;
        const shown = (e) => !!e && e.getClientRects().length > 0;
        return {
          widget: shown(host),
          card: shown(host.shadowRoot.querySelector('.card')),
          headline: host.shadowRoot.querySelector('.headline').getBoundingClientRect().height,
          others: [
            document.getElementById('page-heading'),
            document.getElementById('page-after'),
            inner.getElementById('inner-heading'),
            inner.getElementById('inner-text'),
            inner.getElementById('inner-after'),
          ].filter(shown).map((e) => e.id),
        };
      }, find);
      await screenshot(s.page, `print-in-component-${variant}`);
      assert.deepEqual(printed.others, [], `${variant}: nothing of the page or the component is printed`);
      assert.ok(printed.widget && printed.card && printed.headline > 0, `${variant}: the widget and its result are printed: ${JSON.stringify(printed)}`);
      // After printing, the page and the component are as they were.
      await s.page.emulateMedia({ media: 'screen' });
      await s.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      const after = await s.page.evaluate(() => ({
        marked: document.querySelectorAll('[data-printing]').length + document.querySelector('blog-post').shadowRoot.querySelectorAll('[data-printing]').length,
        sheets: document.adoptedStyleSheets.length + document.querySelector('blog-post').shadowRoot.adoptedStyleSheets.length,
      }));
      assert.deepEqual(after, { marked: 0, sheets: 0 }, `${variant}: every mark and sheet is gone after printing`);
      assert.deepEqual(s.pageErrors, []);
      await s.close();
    }
  });
});

// 6. Two tabs.

/** The answers of the nth widget, as its API gives them. */
const answersOf = (p, nth = 0) => p.evaluate((n) => document.querySelectorAll('ai-cert-check')[n].answers, nth);

/** Waits until the nth widget's answers are `expected` (in any order). */
const answersBecome = (p, expected, nth = 0) =>
  p.waitForFunction(
    ([n, want]) => JSON.stringify(Object.entries(document.querySelectorAll('ai-cert-check')[n].answers ?? {}).sort()) === want,
    [nth, JSON.stringify(Object.entries(expected).sort())],
  );

// Counts the window's `storage` listeners as they are added and removed.
function countStorageListeners() {
  window.__storageListeners = 0;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (this === window && type === 'storage') window.__storageListeners += 1;
    return add.call(this, type, ...rest);
  };
  EventTarget.prototype.removeEventListener = function (type, ...rest) {
    if (this === window && type === 'storage') window.__storageListeners -= 1;
    return remove.call(this, type, ...rest);
  };
}

test('two tabs: the newest answer to each question wins, the other tab follows, nothing is lost', opts, async () => {
  // Found: each tab saved its whole state and nothing listened to `storage` events: an
  // answer changed in tab B came back as it was in A on A's next answer, without a word.
  await withBrowser(async (browser) => {
    const a = await openPage(browser, server, '/');
    await a.context.addInitScript(countStorageListeners);
    await a.page.reload();
    await waitForReady(a.page);
    await answer(a.page, 0, 'objective', 'promotion');
    const b = await a.context.newPage();
    await b.goto(a.origin + '/');
    await waitForReady(b);
    assert.deepEqual(await answersOf(b), { objective: 'promotion' });

    // B changes A's answer: A follows.
    await answer(b, 0, 'objective', 'change_role');
    await answersBecome(a.page, { objective: 'change_role' });
    assert.deepEqual(await checkedInputs(a.page), ['objective=change_role'], 'on screen too');
    // A answers another question: B's change stays, and B follows.
    await answer(a.page, 0, 'practice_now', 'weekly');
    await answersBecome(b, { objective: 'change_role', practice_now: 'weekly' });
    assert.deepEqual(await answersOf(a.page), { objective: 'change_role', practice_now: 'weekly' });
    assert.equal((await readVerdict(b)).id, (await readVerdict(a.page)).id);
    // Following is not the reader's action in that tab: no change event there.
    assert.equal((await eventsOf(a.page, 0, CHANGE)).length, 2, "A's change events are its own two answers");

    // An answer A could not save (storage refused it) is not lost when B saves another.
    await a.page.evaluate(() => {
      window.__refuse = true;
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (...args) {
        if (window.__refuse) throw new DOMException('full', 'QuotaExceededError');
        return set.apply(this, args);
      };
    });
    await answer(a.page, 0, 'employer', 'yes');
    await answer(b, 0, 'learning', 'structured');
    const merged = { objective: 'change_role', learning: 'structured', employer: 'yes', practice_now: 'weekly' };
    await answersBecome(a.page, merged);
    await a.page.evaluate(() => (window.__refuse = false));
    await answer(a.page, 0, 'apply_next', 'project');
    await answersBecome(b, { ...merged, apply_next: 'project' });

    // Clearing in one tab clears the other.
    await b.locator('ai-cert-check button[data-action="clear"]').click();
    await answersBecome(a.page, {});

    // The listener is the widget's: it goes with it.
    assert.equal(await a.page.evaluate(() => window.__storageListeners), 1, 'one widget, one listener');
    await a.page.evaluate(() => document.querySelector('ai-cert-check').remove());
    await a.page.waitForFunction(() => window.__storageListeners === 0);
    await answer(b, 0, 'objective', 'understand');
    assert.deepEqual(a.pageErrors, []);
    await b.close();
    await a.close();
  });
});

// 7. Moved into another document.

test('moved into a same-origin frame (as a pop-out window does), the widget keeps its styles and answers, and mounts again there', opts, async () => {
  // Found: the widget lost every style (a constructable stylesheet belongs to the
  // document that made it), and a remount there threw NotAllowedError and left it dead.
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeHtml(s, '/blank.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title><link rel="icon" href="data:,"></head><body></body></html>');
    await routeHtml(s, '/move.html', page('<ai-cert-check storage="none" id="w"></ai-cert-check><iframe src="/blank.html" style="width:900px;height:1400px"></iframe>'));
    await s.page.goto(s.origin + '/move.html');
    await waitForReady(s.page);
    await answer(s.page, 0, 'objective', 'promotion');
    const looks = (el) => {
      const win = el.ownerDocument.defaultView;
      const r = el.shadowRoot;
      return {
        border: win.getComputedStyle(r.querySelector('.wrap')).borderTopWidth,
        option: win.getComputedStyle(r.querySelector('.option')).display,
        sheets: r.adoptedStyleSheets.length,
      };
    };
    const before = await s.page.evaluate(`(${looks})(document.getElementById('w'))`);
    assert.deepEqual(before, { border: '1px', option: 'flex', sheets: 1 });
    const moved = await s.page.evaluate(`(async () => {
      const frame = document.querySelector('iframe');
      const doc = frame.contentDocument;
      const el = document.getElementById('w');
      doc.body.append(doc.adoptNode(el));
      await new Promise((r) => setTimeout(r));
      const checked = [...el.shadowRoot.querySelectorAll('input:checked')].map((i) => i.value);
      // The reader answers there.
      el.shadowRoot.querySelector('input[name="practice_now"][value="weekly"]').click();
      return { looks: (${looks})(el), checked, inFrame: el.ownerDocument === doc };
    })()`);
    assert.equal(moved.inFrame, true);
    assert.deepEqual(moved.looks, before, 'styled in the frame as on the page');
    assert.deepEqual(moved.checked, ['promotion'], 'the answers moved with it');
    await s.page.waitForFunction(() =>
      document.querySelector('iframe').contentDocument.querySelector('ai-cert-check').shadowRoot.querySelectorAll('input:checked').length === 2,
    );
    await screenshot(s.page, 'moved-into-frame');
    // A remount there (its storage choice changed) works, styled.
    const remounted = await s.page.evaluate(`(async () => {
      const el = document.querySelector('iframe').contentDocument.querySelector('ai-cert-check');
      const ready = new Promise((r) => el.addEventListener('ai-cert-check-ready', r, { once: true }));
      el.setAttribute('storage', 'local');
      await ready;
      return (${looks})(el);
    })()`);
    assert.deepEqual(remounted, before, 'mounted again in the frame, styled');
    // And moved back to the page.
    const back = await s.page.evaluate(`(async () => {
      const el = document.querySelector('iframe').contentDocument.querySelector('ai-cert-check');
      document.body.prepend(document.adoptNode(el));
      await new Promise((r) => setTimeout(r));
      return (${looks})(el);
    })()`);
    assert.deepEqual(back, before, 'styled again on the page');
    assert.deepEqual(s.pageErrors, []);
    assert.deepEqual(s.consoleErrors, []);
    await s.close();
  });
});

// 8. Failed mounts.

test('thousands of failed mounts leave the built-in widgets working and the memory as it was', opts, async () => {
  // Found: each failing mount threw through the WebAssembly and left its stack frame
  // behind; after about a thousand, every built-in widget on the page threw "memory
  // access out of bounds" on each click.
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeHtml(s, '/fail.html', page('<ai-cert-check storage="none"></ai-cert-check>'));
    await s.page.goto(s.origin + '/fail.html');
    await waitForReady(s.page);
    const outcome = await s.page.evaluate(async () => {
      const api = await import('/pkg/ai-cert-check.js');
      const before = await api.wasmMemoryBytes();
      const quiet = console.error;
      let failed = 0;
      console.error = (...args) => (failed += /could not start: Error: hostile/.test(args.map(String).join(' ')) ? 1 : 0);
      try {
        for (let i = 0; i < 3000; i++) {
          // A host whose element throws when its shadow root is asked for.
          const el = document.createElement('ai-cert-check');
          Object.defineProperty(el, 'shadowRoot', {
            get() {
              throw new Error('hostile');
            },
          });
          document.body.append(el);
          await api.mount(el, {});
          el.remove();
        }
      } finally {
        console.error = quiet;
      }
      return { failed, before, after: await api.wasmMemoryBytes() };
    });
    assert.equal(outcome.failed, 3000, 'every mount failed, and said so');
    assert.equal(outcome.after, outcome.before, 'no memory was kept by the failures');
    const change = await answer(s.page, 0, 'objective', 'promotion');
    assert.equal((await readVerdict(s.page)).id, change.detail.result.verdict, 'the widget answers');
    // And a new one mounts.
    await s.page.evaluate(() => document.querySelector('main').append(Object.assign(document.createElement('ai-cert-check'), { storage: 'none' })));
    await waitForReady(s.page, 1);
    await answer(s.page, 1, 'objective', 'none');
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

// 9. Pictures in Japanese and Thai.

/** The reskill checklist with its verdicts' titles replaced, in order. */
const reskillTitled = (titles) => ({ ...RESKILL, verdicts: RESKILL.verdicts.map((v, i) => ({ ...v, title: titles[i] })) });

/** Every label line of the nth widget's pictures against its cell: [{ line, inside }]. */
const labelsInCells = (p, nth = 0) =>
  widget(p, nth).evaluate((host) => {
    const out = [];
    const box = host.getBoundingClientRect();
    for (const svg of host.shadowRoot.querySelectorAll('.chart svg')) {
      if (!svg.getClientRects().length) continue;
      for (const g of svg.querySelectorAll('.area')) {
        const cell = g.querySelector('rect').getBBox();
        for (const t of g.querySelectorAll('tspan')) {
          const b = t.getBBox();
          const r = t.getBoundingClientRect();
          out.push({
            line: t.textContent,
            inside: b.x >= cell.x - 0.5 && b.x + b.width <= cell.x + cell.width + 0.5 && b.y >= cell.y - 0.5 && b.y + b.height <= cell.y + cell.height + 0.5,
            inWidget: r.left >= box.left && r.right <= box.right,
          });
        }
      }
    }
    return out;
  });

test('picture labels in Japanese and Thai wrap inside their cells, and a title too long for its cell is cut there', opts, async () => {
  // Found: labels wrapped only at spaces; Japanese verdict titles were one line each,
  // which ran under the neighbouring cells and past the widget onto the page.
  const cases = {
    japanese: ['今すぐ新しいスキルを身につけるべきです', '新しいスキルの習得に向けて準備を始めましょう', '今の職場にとどまり、そこで成長しましょう', '今のところはそのままで大丈夫です'],
    thai: ['เรียนรู้ทักษะใหม่ทันทีโดยไม่ต้องรอ', 'เตรียมตัวเรียนรู้ทักษะใหม่อย่างค่อยเป็นค่อยไป', 'อยู่ที่เดิมและเติบโตในงานปัจจุบัน', 'ยังไม่ต้องเปลี่ยนแปลงอะไรในตอนนี้'],
    // The longest title the format allows (200 characters), more than a cell holds.
    long: ['Reskill now', 'Prepare to reskill', 'Stay, and grow where you are', 'Stay put for now: '.repeat(12).slice(0, 200)],
  };
  await withBrowser(async (browser) => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const s = await openPage(browser, server, '/', { goto: false, viewport });
      await routeHtml(s, '/cjk.html', page('<ai-cert-check storage="none" lang="ja"></ai-cert-check><ai-cert-check storage="none" lang="th"></ai-cert-check><ai-cert-check storage="none"></ai-cert-check>'));
      await s.page.goto(s.origin + '/cjk.html');
      await s.page.evaluate(async (lists) => {
        const { mount } = await import('/pkg/ai-cert-check.js');
        const els = document.querySelectorAll('ai-cert-check');
        await Promise.all(lists.map((checklist, i) => mount(els[i], { checklist })));
      }, Object.values(cases).map(reskillTitled));
      for (const [nth, what] of Object.keys(cases).entries()) {
        await answer(s.page, nth, 'outlook', 'shrinking');
        const lines = await labelsInCells(s.page, nth);
        assert.ok(lines.length >= 4, `${what}: the labels are drawn (${lines.length} lines)`);
        const outside = lines.filter((l) => !l.inside || !l.inWidget);
        assert.deepEqual(outside, [], `${what} at ${viewport.width} px: every line inside its cell and the widget`);
        if (what === 'long') assert.ok(lines.some((l) => l.line.endsWith('…')), 'the long title is cut with an ellipsis');
      }
      await screenshot(s.page, `picture-labels-${viewport.width}`);
      assert.deepEqual(s.pageErrors, []);
      await s.close();
    }
  });
});

// A share link opened in the tab already showing the article.

test('a share link opened in the tab already showing the article applies at once, read-only; a damaged one is reported', opts, async () => {
  // Found: only the fragment changed (a `hashchange`, no new page), and nothing
  // happened until a reload.
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { permissions: ['clipboard-read', 'clipboard-write'] });
    await waitForReady(s.page);
    for (const [q, o] of STRONG) await answer(s.page, 0, q, o);
    const link = await copiedShareLink(s.page);
    // The reader's own answers differ from the link's.
    await s.page.evaluate(async () => (await import('/pkg/ai-cert-check.js')).reset(document.querySelector('ai-cert-check')));
    await answer(s.page, 0, 'objective', 'none');
    const saved = await s.page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('ai-cert-check-')));
    await s.page.goto(link); // the same page, another fragment: no load
    await s.page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot.querySelector('[part="shared"]'));
    assert.deepEqual(await checkedInputs(s.page), STRONG.map(([q, o]) => `${q}=${o}`).sort(), "the link's answers show");
    assert.equal(await widget(s.page).locator('fieldset input:not([disabled])').count(), 0, 'read-only');
    const still = await s.page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('ai-cert-check-')));
    assert.deepEqual(still, saved, "the reader's saved answers are untouched");
    assert.equal((await eventsOf(s.page, 0, READY)).length, 1, 'the same widget, not a new page');
    // Back to their own answers.
    await widget(s.page).locator('button[data-action="mine"]').click();
    assert.deepEqual(await checkedInputs(s.page), ['objective=none']);
    // A damaged link in the same tab is reported.
    await s.page.evaluate(() => (location.hash = '#ai-cert-check-ai-certification=zz'));
    await s.page.waitForFunction(() => /not used/.test(document.querySelector('ai-cert-check').shadowRoot.querySelector('[part="notice"]').textContent));
    assert.deepEqual(await checkedInputs(s.page), ['objective=none'], 'and changes nothing');
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

// The bar on a phone with very large text.

test('at 200% text on a 360x640 phone the bar takes little of the screen, and all of it can be read', opts, async () => {
  // Found: it covered 41% of the screen in English, 48% in French.
  await withBrowser(async (browser) => {
    for (const lang of ['en', 'fr']) {
      for (const text of ['200%', '100%']) {
        const s = await openPage(browser, server, '/', { goto: false, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
        await routeHtml(s, '/phone.html', page(`<ai-cert-check storage="none" lang="${lang}"></ai-cert-check>`, `<style>html { font-size: ${text}; }</style>`));
        await s.page.goto(s.origin + '/phone.html');
        await waitForReady(s.page);
        await answer(s.page, 0, 'objective', 'promotion');
        await answer(s.page, 0, 'practice_now', 'daily');
        // Scrolled to the middle of the questions: the bar is stuck to the bottom.
        await widget(s.page).locator('fieldset').nth(2).evaluate((f) => f.scrollIntoView({ block: 'start' }));
        const bar = await widget(s.page).evaluate((h) => {
          const panel = h.shadowRoot.querySelector('[part="result"]');
          const r = panel.getBoundingClientRect();
          const verdict = h.shadowRoot.querySelector('[part="verdict"]').getBoundingClientRect();
          return {
            share: (r.bottom - Math.max(r.top, 0)) / innerHeight,
            stuck: Math.abs(r.bottom - innerHeight) < 2,
            verdictVisible: verdict.top >= r.top - 1 && verdict.top < r.bottom,
            scrolls: panel.scrollHeight > panel.clientHeight + 1,
            overflow: getComputedStyle(panel).overflowY,
          };
        });
        await screenshot(s.page, `phone-bar-${lang}-${text.replace('%', '')}`, { fullPage: false });
        assert.ok(bar.stuck, `${lang} ${text}: the bar is at the bottom of the screen`);
        assert.ok(bar.verdictVisible, `${lang} ${text}: the verdict's first line shows`);
        if (text === '200%') {
          assert.ok(bar.share <= 0.25, `${lang} ${text}: the bar covers ${Math.round(bar.share * 100)}% of the screen`);
          assert.ok(!bar.scrolls || bar.overflow === 'auto', `${lang} ${text}: what does not fit scrolls inside the bar`);
        } else {
          assert.equal(bar.scrolls, false, `${lang} ${text}: at normal text everything fits`);
        }
        assert.deepEqual(s.pageErrors, []);
        await s.close();
      }
    }
  });
});

// Storage that fills, then frees up.

test('after storage was full and frees up, answers save again and the notice that said they would be lost goes', opts, async () => {
  // Found: the answers saved again, but the notice still said they could not be.
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await s.context.addInitScript(() => {
      window.__full = false;
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (...args) {
        if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return set.apply(this, args);
      };
    });
    await s.page.goto(s.origin + '/');
    await waitForReady(s.page);
    const notice = () => widget(s.page).evaluate((h) => h.shadowRoot.querySelector('[part="notice"]').textContent);
    await s.page.evaluate(() => (window.__full = true));
    await answer(s.page, 0, 'objective', 'promotion');
    assert.match(await notice(), /cannot be saved/);
    await s.page.evaluate(() => (window.__full = false));
    await answer(s.page, 0, 'practice_now', 'weekly');
    assert.equal(await notice(), '', 'the notice is gone');
    const saved = await s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ai-cert-check-')).length);
    assert.equal(saved, 1, 'the answers are saved');
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

// checklist="id" inside a component.

test('checklist="id" is found in the element\'s own tree: inside a component, not the page\'s element of the same id', opts, async () => {
  // Found: it was looked up in the document only: inside a component it failed, or
  // showed the page's checklist of the same id.
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    const component = `<script type="module">
customElements.define('list-card', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    const script = document.createElement('script');
    script.type = 'application/json';
    script.id = 'list';
    script.textContent = ${JSON.stringify(JSON.stringify(MINIMAL))};
    const el = document.createElement('ai-cert-check');
    el.setAttribute('storage', 'none');
    el.setAttribute('checklist', 'list');
    root.append(script, el);
  }
});
</script>`;
    const pageList = `<script type="application/json" id="list">${JSON.stringify(RESKILL)}</script>`;
    await routeHtml(s, '/ids.html', page(`${pageList}<list-card></list-card><ai-cert-check storage="none" checklist="list"></ai-cert-check>`, component));
    await s.page.goto(s.origin + '/ids.html');
    const title = (find) =>
      s.page.waitForFunction(`(${find})?.shadowRoot?.querySelector('[part="title"]')?.textContent`).then((h) => h.jsonValue());
    assert.equal(await title("document.querySelector('list-card').shadowRoot.querySelector('ai-cert-check')"), MINIMAL.title, "the component's own checklist");
    assert.equal(await title("document.querySelector('main > ai-cert-check')"), RESKILL.title, "the page's, for the page's element");
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

// Painting past the widget's box.

test("a title of stacked combining marks paints nothing outside the widget's box", opts, async () => {
  // Found: a 200-character title of one letter and 199 combining marks painted above
  // the widget, over the host's content.
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeHtml(s, '/marks.html', page('<div id="above" style="height:240px;background:#fff"></div><ai-cert-check storage="none"></ai-cert-check>'));
    await s.page.goto(s.origin + '/marks.html');
    const checklist = { ...MINIMAL, title: 'a' + '\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030a\u030b\u030c'.repeat(20).slice(0, 199) };
    await s.page.evaluate(async (c) => (await import('/pkg/ai-cert-check.js')).mount(document.querySelector('ai-cert-check'), { checklist: c }), checklist);
    assert.equal(checklist.title.length, 200);
    const clip = { x: 0, y: 0, width: 1280, height: 230 };
    const withTitle = await s.page.screenshot({ clip });
    await s.page.evaluate(() => (document.querySelector('ai-cert-check').style.visibility = 'hidden'));
    const without = await s.page.screenshot({ clip });
    await s.page.evaluate(() => (document.querySelector('ai-cert-check').style.visibility = ''));
    await screenshot(s.page, 'combining-marks', { fullPage: false });
    assert.ok(withTitle.equals(without), 'the host content above the widget is painted as without it');
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

// A page that replaced `fetch`.

test('a page that replaced fetch (with one returning a Response, not a promise; or junk) still gets the built-in widget', opts, async () => {
  // Found: with `fetch` returning a Response directly, the built-in widget did not
  // start ("could not start: TypeError"); the custom ones did.
  const fetches = {
    'a Response': () => {
      const real = window.fetch;
      window.fetch = (input, init) =>
        new Response(
          new ReadableStream({
            async start(c) {
              c.enqueue(new Uint8Array(await (await real(input, init)).arrayBuffer()));
              c.close();
            },
          }),
          { headers: { 'content-type': 'application/wasm' } },
        );
    },
    junk: () => {
      window.fetch = () => ({ ok: true, status: 200 });
    },
  };
  await withBrowser(async (browser) => {
    for (const [what, replace] of Object.entries(fetches)) {
      const s = await openPage(browser, server, '/', { goto: false });
      await s.context.addInitScript(replace);
      await routeHtml(s, '/fetch.html', page('<ai-cert-check storage="none"><p>fallback</p></ai-cert-check>'));
      await s.page.goto(s.origin + '/fetch.html');
      await waitForReady(s.page);
      const change = await answer(s.page, 0, 'objective', 'promotion');
      assert.equal((await readVerdict(s.page)).id, change.detail.result.verdict, `${what}: the widget works`);
      assert.deepEqual([s.pageErrors, s.consoleErrors], [[], []], what);
      await s.close();
    }
  });
});
