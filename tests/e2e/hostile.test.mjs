// Nothing breaks it, round two (issue 16): what an attacker or a careless author did to
// the built widget that once broke it, each as it was found. A fault in one widget
// never reaches another or the host; the last request wins; a shared link never
// overwrites saved answers; every limit is enforced before the work; host prototypes
// never leak in; failures say what they are. (The item on the cost of one
// click is measured by the benchmark, not here.)
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
  answerAll,
  checkedInputs,
  eventsOf,
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

const MINIMAL = readFileSync(path.join(ROOT, 'www/examples/minimal.json'), 'utf8');
const KEY = 'ai-cert-check-ai-certification';
const page = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<link rel="icon" href="data:,"><script type="module" src="/pkg/ai-cert-check.js"></script>${head}</head>
<body><main>${body}<button id="host-button" onclick="this.textContent='clicked'">Host button</button></main></body></html>`;

/** The minimal example with `extra` (JSON text) as one more key. */
const minimalWith = (extra) => MINIMAL.trimEnd().replace(/}$/, `, ${extra}}`);
const nested = (levels) => '['.repeat(levels) + ']'.repeat(levels);
/** The path of the 33rd level under `$.x`: 32 is the most a checklist may nest. */
const TOO_DEEP = `$.x${'[0]'.repeat(31)}`;

/** The problems listed by the nth widget, once it lists them. */
async function problemsOf(p, nth) {
  const list = await p.waitForFunction((n) => {
    const el = document.querySelectorAll('ai-cert-check')[n];
    const items = el?.shadowRoot?.querySelectorAll('[part="problems"] li');
    return items?.length ? [...items].map((li) => li.textContent) : null;
  }, nth);
  return list.jsonValue();
}

/** The title on screen in the nth widget. */
const titleOf = (p, nth = 0) => widget(p, nth).evaluate((h) => h.shadowRoot?.querySelector('[part="title"]')?.textContent ?? null);

/**
 * Holds requests for `pathname` until `release()` (then passes them on to the routes
 * set before, or to the server); `arrived` resolves on the first one.
 */
async function hold(s, pathname) {
  let release;
  let seen;
  const gate = new Promise((r) => (release = r));
  const arrived = new Promise((r) => (seen = r));
  await s.context.route(s.origin + pathname, async (route) => {
    seen();
    await gate;
    await route.fallback();
  });
  return { release, arrived };
}

// 1. A fault in one widget never reaches another or the host.

test('a checklist nested 10,000 levels deep shows one problem at its path, and the checklists already working keep working', opts, async () => {
  // Found: a 22 KB file of nested arrays under an unknown key exhausted the custom
  // build's stack ("memory access out of bounds"); no problem was shown, and the other
  // custom widgets on the page, already working, threw on every click from then on.
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await s.context.route(s.origin + '/deep.json', (r) =>
      r.fulfill({ contentType: 'application/json', body: minimalWith(`"x": ${nested(10_000)}`) }),
    );
    await routeHtml(s, '/deep.html', page('<ai-cert-check src="/examples/reskill.json"></ai-cert-check><ai-cert-check src="/examples/minimal.json"></ai-cert-check><div id="slot"></div>'));
    await s.page.goto(s.origin + '/deep.html');
    await waitForReady(s.page, 0);
    await waitForReady(s.page, 1);
    await answer(s.page, 1, 'relevant', 'yes');
    // Then the hostile ones arrive: the file, and the same nesting as an object through
    // the JS API.
    await s.page.evaluate(async (text) => {
      const { mount } = await import('/pkg/ai-cert-check.js');
      const slot = document.getElementById('slot');
      const file = document.createElement('ai-cert-check');
      file.setAttribute('src', '/deep.json');
      const api = document.createElement('ai-cert-check');
      slot.append(file, api);
      const checklist = JSON.parse(text);
      let deep = [];
      for (let i = 1; i < 10_000; i++) deep = [deep];
      checklist.x = deep;
      await mount(api, { checklist });
    }, MINIMAL);
    for (const nth of [2, 3]) {
      const problems = await problemsOf(s.page, nth);
      assert.deepEqual(problems.length, 1, problems.join('\n'));
      assert.ok(problems[0].startsWith(`${TOO_DEEP}: is nested more than 32 levels deep`), problems[0].slice(0, 200));
    }
    // The others work on: answers change the verdict and are saved.
    const change = await answer(s.page, 0, 'outlook', 'shrinking');
    assert.equal((await readVerdict(s.page, 0)).id, change.detail.result.verdict);
    await answer(s.page, 1, 'hours', 'yes');
    assert.equal((await readVerdict(s.page, 1)).id, 'take_it');
    const saved = await s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ai-cert-check-')).sort());
    assert.equal(saved.length, 2, saved.join());
    await s.page.click('#host-button');
    assert.equal(await s.page.textContent('#host-button'), 'clicked');
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

// In the page, before anything else: every WebAssembly instance's imports are wrapped,
// so that a test can make the next import call throw, as a trap unwinds the instance's
// frames midway (its stack pointer left where the fault was).
function injectFaults() {
  window.__faultNext = false;
  const wrap = (imports) => {
    const out = {};
    for (const [module, fns] of Object.entries(imports ?? {})) {
      out[module] = {};
      for (const [name, fn] of Object.entries(fns)) {
        out[module][name] =
          typeof fn !== 'function'
            ? fn
            : function (...args) {
                if (window.__faultNext) {
                  window.__faultNext = false;
                  throw new WebAssembly.RuntimeError('injected fault');
                }
                return fn.apply(this, args);
              };
      }
    }
    return out;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (source, imports) {
      return original.call(this, source, wrap(imports));
    };
  }
}

test('a fault inside one custom widget stops that widget alone: its fallback shows, the console says why, the others and the host page keep working', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await s.context.addInitScript(injectFaults);
    await routeHtml(
      s,
      '/fault.html',
      page(`<ai-cert-check id="victim" storage="none" src="/examples/minimal.json"><p id="fallback">The checklist, as text.</p></ai-cert-check>
<ai-cert-check storage="none" src="/examples/minimal.json"></ai-cert-check>
<ai-cert-check storage="none" src="/examples/reskill.json"></ai-cert-check>
<ai-cert-check storage="none"></ai-cert-check>`),
    );
    await s.page.goto(s.origin + '/fault.html');
    for (let nth = 0; nth < 4; nth++) await waitForReady(s.page, nth);
    assert.equal(await s.page.isVisible('#fallback'), false);
    // The reader clicks an option of the first; the first import it calls fails.
    await s.page.evaluate(() => {
      window.__faultNext = true;
      document.getElementById('victim').shadowRoot.querySelector('label').click();
    });
    await s.page.locator('#fallback').waitFor({ state: 'visible' });
    assert.ok(
      s.consoleErrors.some((e) => e.includes('<ai-cert-check> stopped:') && e.includes('injected fault')),
      s.consoleErrors.join('\n'),
    );
    // More clicks on what is left of it reach nothing and throw nothing.
    await s.page.evaluate(() => document.getElementById('victim').shadowRoot.dispatchEvent(new Event('click')));
    // The others work on, the one of the same checklist included.
    await answer(s.page, 1, 'relevant', 'yes');
    await answer(s.page, 2, 'outlook', 'shrinking');
    await answerAll(s.page, 3, STRONG);
    assert.equal((await readVerdict(s.page, 3)).id, 'worth_it');
    await s.page.click('#host-button');
    assert.equal(await s.page.textContent('#host-button'), 'clicked');
    assert.deepEqual(s.pageErrors, []);
    // The API says the stopped one is not mounted, rather than answering for it.
    const error = await s.page.evaluate(async () => {
      const api = await import('/pkg/ai-cert-check.js');
      return api.getAnswers(document.getElementById('victim')).then(() => 'answered', (e) => e.message);
    });
    assert.match(error, /is not mounted/);
    await s.close();
  });
});

// 2. The last request wins.

test('the last request wins: src changed mid-load, removed and re-added mid-load, lang set just after connecting', opts, async () => {
  await withBrowser(async (browser) => {
    const checklist = (title) => MINIMAL.replace(/"title": "[^"]*"/, `"title": ${JSON.stringify(title)}`);
    for (const how of ['src changed', 'removed, changed, re-added']) {
      const s = await openPage(browser, server, '/', { goto: false });
      await s.context.route(/\/(old|new)\.json$/, (r) =>
        r.fulfill({ contentType: 'application/json', body: checklist(r.request().url().endsWith('old.json') ? 'Old' : 'New') }),
      );
      // The old file answers first: the case where it used to win.
      const old = await hold(s, '/old.json');
      const fresh = await hold(s, '/new.json');
      await routeHtml(s, '/race.html', page('<div id="slot"><ai-cert-check src="/old.json"></ai-cert-check></div>'));
      await s.page.goto(s.origin + '/race.html');
      await old.arrived;
      await s.page.evaluate((removing) => {
        const el = document.querySelector('ai-cert-check');
        if (removing) el.remove();
        el.setAttribute('src', '/new.json');
        if (removing) document.getElementById('slot').append(el);
      }, how !== 'src changed');
      await fresh.arrived;
      const oldDone = s.page.waitForEvent('requestfinished', (r) => r.url().endsWith('/old.json'));
      old.release();
      await oldDone;
      fresh.release();
      await waitForReady(s.page, 0);
      assert.equal(await titleOf(s.page), 'New', how);
      assert.equal((await eventsOf(s.page, 0, READY)).length, 1, `${how}: one mount, the last one`);
      assert.deepEqual(s.pageErrors, []);
      await s.close();
    }

    // lang="fr" just after connecting: the English build answers first.
    const s = await openPage(browser, server, '/', { goto: false });
    const french = await hold(s, '/pkg/ai-cert-check-fr_bg.wasm');
    await routeHtml(s, '/lang.html', page('<div id="slot"></div>'));
    await s.page.goto(s.origin + '/lang.html');
    const english = s.page.waitForEvent('requestfinished', (r) => r.url().endsWith('/ai-cert-check-core_bg.wasm'));
    await s.page.evaluate(() => {
      const el = document.createElement('ai-cert-check');
      document.getElementById('slot').append(el);
      el.setAttribute('lang', 'fr');
    });
    await english;
    await french.arrived;
    french.release();
    await waitForReady(s.page, 0);
    assert.match(await titleOf(s.page), /^Une certification/);
    assert.equal((await eventsOf(s.page, 0, READY)).length, 1);
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

// 3. A shared view is read-only until the reader keeps it; saved answers are theirs.

test('a shared link is shown read-only and saves nothing until the reader keeps it; their own answers come back on demand', opts, async () => {
  // Found: the first click in a shared view overwrote the reader's own saved answers
  // (13 became 2), though the contract said it did not.
  await withBrowser(async (browser) => {
    // The link, from another reader.
    const other = await openPage(browser, server, '/', { permissions: ['clipboard-read', 'clipboard-write'] });
    await waitForReady(other.page);
    await answer(other.page, 0, ...STRONG[0]);
    // Headless Chromium has no share sheet: "Share my result" copies the link.
    await widget(other.page).locator('button[data-action="share"]').click();
    await other.page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot.querySelector('.card [part="notice"]').textContent === 'Copied.');
    const link = await other.page.evaluate(() => navigator.clipboard.readText());
    await other.close();

    // This reader's own answers, saved.
    const s = await openPage(browser, server, '/');
    await waitForReady(s.page);
    await answerAll(s.page, 0, STRONG.slice(1));
    const storage = () => s.page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    const mine = await storage();
    const myInputs = await checkedInputs(s.page);

    // A new load of the page (only the fragment differs: going there would not reload).
    await s.page.goto('about:blank');
    await s.page.goto(link);
    await waitForReady(s.page);
    const shared = [`${STRONG[0][0]}=${STRONG[0][1]}`];
    assert.deepEqual(await checkedInputs(s.page), shared);
    const notice = widget(s.page).locator('[part="shared"]');
    assert.match(await notice.textContent(), /someone else’s answers, from a link/);
    const options = await widget(s.page).evaluate((h) => [...h.shadowRoot.querySelectorAll('fieldset input')].map((i) => i.disabled));
    assert.ok(options.length > 10 && options.every(Boolean), 'every option is read-only');
    // A click on an option changes nothing, fires nothing, saves nothing. (The answered
    // sections of a shared view are folded: the first is unfolded to reach one.)
    await widget(s.page).locator('button[data-action="fold"]').first().click();
    await widget(s.page).locator('label.option').nth(3).click({ force: true });
    assert.deepEqual(await checkedInputs(s.page), shared);
    assert.equal((await eventsOf(s.page, 0, CHANGE)).length, 0);
    assert.equal(await storage(), mine);
    // So do the host's calls.
    await s.page.evaluate(async ([q, o]) => {
      const api = await import('/pkg/ai-cert-check.js');
      await api.setAnswers(document.querySelector('ai-cert-check'), { [q]: o });
    }, STRONG[2]);
    assert.equal(await storage(), mine);

    // "Back to my answers": the reader's own, which they can change again.
    await notice.getByRole('button', { name: 'Back to my answers' }).click();
    assert.deepEqual(await checkedInputs(s.page), myInputs);
    assert.equal(await notice.count(), 0);
    assert.equal(await storage(), mine);
    assert.equal(await widget(s.page).evaluate((h) => h.shadowRoot.activeElement?.tagName), 'INPUT', 'the focus stays in the widget');

    // The same link again, kept this time: its answers become the reader's.
    await s.page.reload();
    await waitForReady(s.page);
    await notice.getByRole('button', { name: 'Keep these answers' }).click();
    assert.equal(await notice.count(), 0);
    assert.notEqual(await storage(), mine);
    await answer(s.page, 0, ...STRONG[1]);
    await s.page.goto(s.origin + '/');
    await waitForReady(s.page);
    const kept = [...shared, `${STRONG[1][0]}=${STRONG[1][1]}`].sort();
    assert.deepEqual(await checkedInputs(s.page), kept);
    const keptStorage = await storage();

    // "Clear my answers" in a shared view: the view ends and the reader's own saved
    // answers are cleared; Undo brings back theirs, not the link's.
    await s.page.goto('about:blank');
    await s.page.goto(link);
    await waitForReady(s.page);
    assert.equal(await notice.count(), 1);
    await widget(s.page).getByRole('button', { name: 'Clear my answers' }).click();
    assert.equal(await notice.count(), 0);
    assert.deepEqual(await checkedInputs(s.page), []);
    assert.equal(await storage(), '[]');
    const enabled = await widget(s.page).evaluate((h) => [...h.shadowRoot.querySelectorAll('fieldset input')].every((i) => !i.disabled));
    assert.ok(enabled, 'the options can be changed again');
    await widget(s.page).locator('button[data-action="undo"]').click();
    assert.deepEqual(await checkedInputs(s.page), kept);
    assert.equal(await storage(), keptStorage);
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

test("another checklist that reuses the id leaves the reader's saved answers alone; answers saved before keys had a fingerprint move over", opts, async () => {
  // Found: opening another checklist with the same id on the same site deleted the
  // reader's saved answers.
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    const second = JSON.parse(MINIMAL);
    second.sections[0].questions[0].options[0].id = 'yes_fully';
    await s.context.route(s.origin + '/second.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(second) }));
    await routeHtml(s, '/first.html', page('<ai-cert-check src="/examples/minimal.json"></ai-cert-check>'));
    await routeHtml(s, '/second.html', page('<ai-cert-check src="/second.json"></ai-cert-check>'));
    await s.page.goto(s.origin + '/first.html');
    await waitForReady(s.page);
    await answerAll(s.page, 0, [['relevant', 'yes'], ['hours', 'one']]);
    const first = await s.page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    const [[key, text]] = JSON.parse(first);
    assert.match(key, /^ai-cert-check-team-ai-course\.[0-9a-z]+$/);

    await s.page.goto(s.origin + '/second.html');
    await waitForReady(s.page);
    assert.deepEqual(await checkedInputs(s.page), []);
    assert.equal(await s.page.evaluate(() => JSON.stringify(Object.entries(localStorage))), first, 'opening it changes nothing');
    await answer(s.page, 0, 'relevant', 'yes_fully');
    assert.equal(await s.page.evaluate(() => localStorage.length), 2, 'each checklist has its own entry');

    await s.page.goto(s.origin + '/first.html');
    await waitForReady(s.page);
    assert.deepEqual(await checkedInputs(s.page), ['hours=one', 'relevant=yes']);

    // Answers saved by the widget before this change, under the id alone: restored, and
    // moved under the new key.
    await s.page.evaluate(([k, t]) => {
      localStorage.clear();
      localStorage.setItem('ai-cert-check-team-ai-course', t);
    }, [key, text]);
    await s.page.reload();
    await waitForReady(s.page);
    assert.deepEqual(await checkedInputs(s.page), ['hours=one', 'relevant=yes']);
    assert.deepEqual(await s.page.evaluate(() => Object.entries(localStorage)), [[key, text]]);
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

// 4. Limits before work.

test('limits in the widget: a file over 2 MB is refused by its size, 100,000 problems list 50 and a count, a 3-million-character value is quoted cut to about 4,000', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    const big = MINIMAL.trimEnd() + ' '.repeat(3_000_000);
    const keys = Array.from({ length: 100_000 }, (_, i) => `"k${i}": 0`).join(', ');
    await s.context.route(s.origin + '/big.json', (r) => r.fulfill({ contentType: 'application/json', body: big }));
    await s.context.route(s.origin + '/keys.json', (r) => r.fulfill({ contentType: 'application/json', body: minimalWith(keys) }));
    await routeHtml(s, '/limits.html', page('<ai-cert-check src="/big.json"></ai-cert-check><ai-cert-check src="/keys.json"></ai-cert-check><ai-cert-check id="api"></ai-cert-check>'));
    await s.page.goto(s.origin + '/limits.html');
    await s.page.evaluate(async (text) => {
      const { mount } = await import('/pkg/ai-cert-check.js');
      const checklist = JSON.parse(text);
      checklist.version = 'x'.repeat(3_000_000);
      await mount(document.getElementById('api'), { checklist });
    }, MINIMAL);

    const [size] = await problemsOf(s.page, 0);
    assert.match(size, /^\$: is more than 2,000,000 bytes long, the most a checklist may be/);

    const many = await problemsOf(s.page, 1);
    assert.equal(many.length, 51);
    assert.match(many[50], /^\$: and 99950 more problems, not listed/);
    // Logged once each, not 100,000 times.
    const logged = s.consoleErrors.filter((e) => e.includes('unknown field `k'));
    assert.equal(logged.length, 50);

    const [long] = await problemsOf(s.page, 2);
    assert.ok(long.length < 4_400, `${long.length} characters`);
    assert.match(long, /^\$: invalid type: string "x{3900,}…x+", expected u32/);
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

// 5. Own properties only.

test('a polluted Object.prototype adds nothing: no link from it, no field in a checklist, no checklist in mount options', opts, async () => {
  // Found: with Object.prototype["employers-care"] set by the page and
  // reading-links='{}', a link to the page's value was shown. Here the reading is the
  // minimal example's "cert"; and an inherited `effects` list, which the checklist's
  // options without effects would otherwise be read as having.
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await s.context.addInitScript(() => {
      Object.prototype.cert = 'https://evil.example/';
      Object.prototype.effects = [{ factor: 'value', weight: 1, colour: 'red' }];
    });
    await routeHtml(
      s,
      '/proto.html',
      page(`<ai-cert-check storage="none" src="/examples/minimal.json" reading-links='{}'></ai-cert-check>
<ai-cert-check storage="none" id="api"></ai-cert-check><ai-cert-check storage="none"></ai-cert-check>`),
    );
    await s.page.goto(s.origin + '/proto.html');
    await waitForReady(s.page, 0);
    // A cap to "skip" shows the reading "cert", whose own address is "../".
    await answer(s.page, 0, 'relevant', 'no');
    const links = await widget(s.page, 0).evaluate((h) => [...h.shadowRoot.querySelectorAll('a')].map((a) => a.href));
    assert.deepEqual(links, [new URL('../', s.origin + '/proto.html').href]);

    // Through the API: reading links and options are read for their own properties only.
    const shown = await s.page.evaluate(async (text) => {
      const { mount } = await import('/pkg/ai-cert-check.js');
      Object.prototype.checklist = JSON.parse(text);
      Object.prototype.readingLinks = { cert: 'https://evil.example/api' };
      const el = document.getElementById('api');
      await mount(el, {});
      const title = el.shadowRoot.querySelector('[part="title"]').textContent;
      await mount(el, { checklist: JSON.parse(text) });
      el.shadowRoot.querySelector('input[name="relevant"][value="no"]').click();
      delete Object.prototype.checklist;
      delete Object.prototype.readingLinks;
      return { title, links: [...el.shadowRoot.querySelectorAll('a')].map((a) => a.href) };
    }, MINIMAL);
    assert.equal(shown.title, await titleOf(s.page, 2), 'mount(el, {}) shows the built-in checklist');
    assert.deepEqual(shown.links, [new URL('../', s.origin + '/proto.html').href]);
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

test('inherited fields never reach a checklist read by serde-wasm-bindgen: files, inline scripts and objects', opts, async () => {
  // Issue 18: serde-wasm-bindgen reads a struct's fields with `object[field]` and
  // `field in object`, both of which follow the prototype chain: an
  // Object.prototype.cap would have capped every option to "skip", an
  // Object.prototype.ask_if made every question conditional (the first one on itself, a
  // problem), a help text appeared under every question. The custom build reads a copy
  // of the checklist's own properties with no prototype (src/web/custom.rs, own_copy);
  // this fails if any inherited field is read, by the JSON text path (src, inline
  // script) or the object path (mount).
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await s.context.addInitScript(() => {
      Object.prototype.cap = 'skip';
      Object.prototype.ask_if = [{ question: 'relevant', any_of: ['no'] }];
      Object.prototype.help = 'POLLUTED help';
      Object.prototype.intro = 'POLLUTED intro';
    });
    await routeHtml(
      s,
      '/inherited.html',
      page(`<ai-cert-check storage="none" src="/examples/minimal.json"></ai-cert-check>
<script type="application/json" id="inline-list">${MINIMAL.replace('"intro": "Three or four questions, about a minute.",', '')}</script>
<ai-cert-check storage="none" checklist="inline-list"></ai-cert-check>
<ai-cert-check storage="none" id="api"></ai-cert-check>`),
    );
    await s.page.goto(s.origin + '/inherited.html');
    await s.page.evaluate(async (text) => {
      const { mount } = await import('/pkg/ai-cert-check.js');
      const checklist = JSON.parse(text);
      delete checklist.intro;
      await mount(document.getElementById('api'), { checklist });
    }, MINIMAL);
    const shown = await s.page.waitForFunction(() => {
      const all = [...document.querySelectorAll('ai-cert-check')].map((el) => {
        const root = el.shadowRoot;
        const problems = root?.querySelector('[part="problems"]');
        if (problems) return { problems: problems.textContent };
        return root?.querySelector('[part="title"]') && root.querySelector('input') ? { text: root.textContent } : null;
      });
      return all.every(Boolean) ? all : null;
    });
    for (const [i, w] of (await shown.jsonValue()).entries()) {
      assert.equal(w.problems, undefined, `widget ${i} lists problems`);
      assert.doesNotMatch(w.text, /POLLUTED/, `widget ${i} shows an inherited text`);
    }
    for (const nth of [0, 1, 2]) {
      await answer(s.page, nth, 'relevant', 'yes');
      await answer(s.page, nth, 'why', 'skill');
      await answer(s.page, nth, 'hours', 'yes');
      assert.equal((await readVerdict(s.page, nth)).id, 'take_it', `widget ${nth}: no inherited cap`);
    }
    // validate, as the playground calls it: the same copy.
    const problems = await s.page.evaluate(async (text) => {
      const checker = await (await import('/pkg/ai-cert-check-custom.js')).start();
      return [checker.validate(text), checker.validate(JSON.parse(text))].map((list) => list.map((p) => `${p.path}: ${p.message}`));
    }, MINIMAL);
    assert.deepEqual(problems, [[], []]);
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

// 6. Clear messages.

test('another definition of <ai-cert-check> is reported in the console; loading the script twice is not', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeHtml(
      s,
      '/taken.html',
      page(
        '<ai-cert-check><p id="fallback">Read on.</p></ai-cert-check>',
        '<script>customElements.define("ai-cert-check", class extends HTMLElement {});</script>',
      ),
    );
    const said = s.page.waitForEvent('console', (m) => m.type() === 'error' && m.text().includes('another script defined <ai-cert-check>'));
    await s.page.goto(s.origin + '/taken.html');
    await said;
    assert.equal(await s.page.isVisible('#fallback'), true);
    await s.close();

    const twice = await openPage(browser, server, '/', { goto: false });
    await routeHtml(twice, '/twice.html', page('<ai-cert-check></ai-cert-check>', '<script type="module" src="/pkg/ai-cert-check.js?again"></script>'));
    await twice.page.goto(twice.origin + '/twice.html');
    await waitForReady(twice.page);
    await twice.page.evaluate(() => import('/pkg/ai-cert-check.js?again'));
    assert.deepEqual(twice.consoleErrors, []);
    await twice.close();
  });
});

test('a share value that is not ours ("x") is reported as not readable, not as made by a newer version', opts, async () => {
  await withBrowser(async (browser) => {
    for (const [value, why] of [
      ['x', /damaged/],
      ['zz.1', /damaged/],
      ['7.abc.1', /newer version/],
    ]) {
      const s = await openPage(browser, server, '/', { goto: false });
      await s.page.goto(`${s.origin}/#${KEY}=${value}`);
      await waitForReady(s.page);
      const notice = await widget(s.page).evaluate((h) => h.shadowRoot.querySelector('[part="notice"]').textContent);
      assert.match(notice, why, value);
      await s.close();
    }
  });
});
