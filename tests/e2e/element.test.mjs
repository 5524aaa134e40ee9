// The element as a web developer uses it, in Chromium: its class (exported, named,
// `instanceof`), properties that reflect its attributes, `answers`, `result`, `reset()`
// and the per-element `ready` promise; the API's errors (DOMExceptions whose `name` says
// their kind); and its language taken like the platform's (the nearest `lang`, the
// document's included, and changes of its own).
// Run: node --test tests/e2e/element.test.mjs (after ./scripts/build.sh)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHANGE,
  STRONG,
  TEST_TIMEOUT,
  answer,
  assertClean,
  checkedInputs,
  eventsOf,
  openPage,
  routeHtml,
  useTestServer,
  waitForReady,
  widget,
  withBrowser,
} from './helpers.mjs';

const server = useTestServer();
const opts = { timeout: TEST_TIMEOUT };

const ENGLISH = 'Is an AI certification worth it for you?';
const FRENCH = 'Une certification en IA en vaut-elle la peine pour vous ?';

const page = (body, lang = 'en') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>element</title>
<link rel="icon" href="data:,"><script type="module" src="/pkg/ai-cert-check.js"></script></head><body>${body}</body></html>`;

/** Opens `html` at `/element.html` on the test server. */
async function open(browser, html) {
  const s = await openPage(browser, server, '/', { goto: false });
  await routeHtml(s, '/element.html', html);
  await s.page.goto(`${s.origin}/element.html`);
  return s;
}

/** The title each widget shows, by element id (French has a no-break space before "?"). */
const titles = (p) =>
  p.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('ai-cert-check')].map((el) => [
        el.id,
        el.shadowRoot?.querySelector('[part="title"]')?.textContent.replace(/\s+/g, ' ') ?? null,
      ]),
    ),
  );

test('the class is exported, named in developer tools, and `instanceof` works', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await open(browser, page('<ai-cert-check id="a" storage="none"></ai-cert-check>'));
    await waitForReady(s.page);
    const seen = await s.page.evaluate(async () => {
      const { AiCertCheckElement } = await import('/pkg/ai-cert-check.js');
      const el = document.getElementById('a');
      return {
        defined: customElements.get('ai-cert-check') === AiCertCheckElement,
        instance: el instanceof AiCertCheckElement,
        made: document.createElement('ai-cert-check') instanceof AiCertCheckElement,
        other: document.createElement('div') instanceof AiCertCheckElement,
        name: AiCertCheckElement.name,
        constructor: el.constructor.name,
      };
    });
    assert.deepEqual(seen, { defined: true, instance: true, made: true, other: false, name: 'AiCertCheckElement', constructor: 'AiCertCheckElement' });
    // What the developer tools show for the element: the class name V8 reports over the
    // DevTools protocol (a minified class would show its one-letter name).
    const cdp = await s.context.newCDPSession(s.page);
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.getElementById("a")' });
    assert.equal(result.className, 'AiCertCheckElement');
    await cdp.detach();
    assertClean(assert, s);
    await s.close();
  });
});

test('theme, src, checklist, storage and lang reflect their attributes', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await open(browser, page('<ai-cert-check id="a" storage="none" theme="dark"></ai-cert-check>'));
    await waitForReady(s.page);
    const seen = await s.page.evaluate(() => {
      const el = document.getElementById('a');
      const before = { theme: el.theme, storage: el.storage, src: el.src, checklist: el.checklist, lang: el.lang };
      el.theme = 'light';
      const themed = el.getAttribute('theme');
      el.setAttribute('theme', 'auto');
      const read = el.theme;
      el.removeAttribute('theme');
      const cleared = el.theme;
      const own = Object.getOwnPropertyNames(Object.getPrototypeOf(el)).sort();
      return { before, themed, read, cleared, own };
    });
    assert.deepEqual(seen.before, { theme: 'dark', storage: 'none', src: '', checklist: '', lang: '' });
    assert.equal(seen.themed, 'light', 'setting the property sets the attribute');
    assert.equal(seen.read, 'auto', 'the property reads the attribute');
    assert.equal(seen.cleared, '', 'an absent attribute reads as ""');
    for (const name of ['theme', 'src', 'checklist', 'storage', 'answers', 'result', 'reset', 'ready']) {
      assert.ok(seen.own.includes(name), `${name} is the element's own: ${seen.own}`);
    }
    // The theme set through the property reaches the screen.
    await s.page.evaluate(() => {
      document.getElementById('a').theme = 'dark';
    });
    const scheme = await widget(s.page).evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('[part~="base"]')).colorScheme);
    assert.equal(scheme, 'dark');
    // `lang` is HTMLElement's own, and switching it switches the language.
    await s.page.evaluate(() => {
      document.getElementById('a').lang = 'fr';
    });
    await s.page.waitForFunction((t) => document.getElementById('a').shadowRoot.querySelector('[part="title"]')?.textContent.replace(/\s+/g, ' ') === t, FRENCH);
    // `src` set through the property loads that checklist.
    await s.page.evaluate(() => {
      document.getElementById('a').src = '/examples/reskill.json';
    });
    await s.page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('[part="title"]')?.textContent === 'Reskill or stay put?');
    assertClean(assert, s);
    await s.close();
  });
});

test('el.ready, el.answers, el.result and el.reset(): the element\'s own API, no events fired', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await open(browser, page('<div id="slot"></div>'));
    const seen = await s.page.evaluate(async () => {
      // Made and configured before it is in the document, as frameworks do.
      const el = document.createElement('ai-cert-check');
      el.storage = 'none';
      const ready = el.ready;
      const out = { before: { answers: el.answers, result: el.result } };
      document.getElementById('slot').append(el);
      out.resolved = await ready;
      out.answers = el.answers;
      out.result = el.result.verdict;
      el.answers = { objective: 'promotion', practice_now: 'weekly', employer: 'yes', apply_next: 'project' };
      out.afterSet = el.answers;
      out.verdict = el.result.verdict;
      out.readyAgain = await el.ready;
      try {
        el.answers = { objective: 'astronaut' };
      } catch (e) {
        out.error = { name: e.name, message: e.message, isError: e instanceof Error };
      }
      out.afterError = el.answers;
      out.reset = await el.reset();
      out.afterReset = el.answers;
      return out;
    });
    assert.deepEqual(seen.before, { answers: null, result: null }, 'null until rendered');
    assert.equal(seen.resolved, undefined, 'ready resolves to nothing');
    assert.deepEqual(seen.answers, {});
    assert.equal(seen.result, null, 'no verdict before the first answer');
    assert.deepEqual(seen.afterSet, { objective: 'promotion', practice_now: 'weekly', employer: 'yes', apply_next: 'project' }, 'set at once');
    assert.equal(seen.verdict, 'worth_it');
    assert.equal(seen.readyAgain, undefined, 'a rendered element is ready at once');
    assert.deepEqual(seen.error, { name: 'DataError', message: '<ai-cert-check> no such option "astronaut"', isError: true });
    assert.deepEqual(seen.afterError, seen.afterSet, 'a bad set changes nothing');
    assert.equal(seen.reset, undefined);
    assert.deepEqual(seen.afterReset, {});
    assert.deepEqual(await checkedInputs(s.page), [], 'the screen follows');
    assert.deepEqual(await eventsOf(s.page, 0, CHANGE), [], 'host calls fire no change events');
    // Answers set before the element is rendered (before it is even in the document, as
    // frameworks do) apply once it is.
    const early = await s.page.evaluate(async () => {
      const made = [];
      for (const connectFirst of [true, false]) {
        const el = document.createElement('ai-cert-check');
        el.storage = 'none';
        if (connectFirst) document.getElementById('slot').append(el);
        el.answers = { objective: 'none' };
        if (!connectFirst) document.getElementById('slot').append(el);
        await el.ready;
        // Applied after the element is ready: wait for the screen to show it.
        while (!el.shadowRoot.querySelector('input[name="objective"][value="none"]').checked) await new Promise(requestAnimationFrame);
        made.push({ answers: el.answers, verdict: el.result.verdict });
      }
      return made;
    });
    assert.deepEqual(early, [
      { answers: { objective: 'none' }, verdict: 'not_yet' },
      { answers: { objective: 'none' }, verdict: 'not_yet' },
    ]);
    // The reader's answer shows in the property.
    await answer(s.page, 0, ...STRONG[0]);
    assert.deepEqual(await widget(s.page, 0).evaluate((el) => el.answers), { objective: 'promotion' });
    assertClean(assert, s);
    await s.close();
  });
});

test('el.ready waits for an element\'s own checklist, and rejects for one with problems', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await open(
      browser,
      page(`<script type="application/json" id="bad">{ "version": 1 }</script>
<ai-cert-check id="own" src="/examples/reskill.json" storage="none"></ai-cert-check>
<ai-cert-check id="broken" checklist="bad" storage="none"></ai-cert-check>`),
    );
    s.consoleErrors.length = 0;
    const seen = await s.page.evaluate(async () => {
      await customElements.whenDefined('ai-cert-check');
      const own = document.getElementById('own');
      const broken = document.getElementById('broken');
      await own.ready;
      const error = await broken.ready.then(() => null, (e) => ({ name: e.name, isError: e instanceof Error, message: e.message }));
      return { title: own.shadowRoot.querySelector('[part="title"]').textContent, answers: own.answers, error };
    });
    assert.equal(seen.title, 'Reskill or stay put?');
    assert.deepEqual(seen.answers, {});
    assert.equal(seen.error.name, 'InvalidStateError');
    assert.equal(seen.error.isError, true);
    assert.match(seen.error.message, /^<ai-cert-check> is not mounted/);
    s.consoleErrors.length = 0; // the broken checklist's problems, logged as documented
    assertClean(assert, s);
    await s.close();
  });
});

test('every error of the API is an Error with a stable name; ready() resolves to nothing', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await open(browser, page('<ai-cert-check id="a" storage="none"></ai-cert-check>'));
    await waitForReady(s.page);
    const seen = await s.page.evaluate(async () => {
      const api = await import('/pkg/ai-cert-check.js');
      const el = document.getElementById('a');
      const caught = (promise) =>
        promise.then(
          () => 'resolved',
          (e) => ({ name: e.name, isError: e instanceof Error, message: e.message }),
        );
      const detached = document.createElement('ai-cert-check');
      return {
        ready: await api.ready(),
        unknownOption: await caught(api.setAnswers(el, { objective: 'astronaut' })),
        unknownQuestion: await caught(api.setAnswers(el, { favourite_colour: 'blue' })),
        twoForOne: await caught(api.setAnswers(el, { objective: ['promotion', 'none'] })),
        notAnId: await caught(api.setAnswers(el, { 'objective&x': 'promotion' })),
        notMounted: await caught(api.getResult(detached)),
        notMountedAnswers: await caught(api.getAnswers(detached)),
        notMountedReset: await caught(api.reset(detached)),
        notMountedSet: await caught(api.setAnswers(detached, {})),
        answers: await api.getAnswers(el),
      };
    });
    assert.equal(seen.ready, undefined);
    const data = (message) => ({ name: 'DataError', isError: true, message: `<ai-cert-check> ${message}` });
    assert.deepEqual(seen.unknownOption, data('no such option "astronaut"'));
    assert.deepEqual(seen.unknownQuestion, data('no question "favourite_colour"'));
    assert.deepEqual(seen.twoForOne, data('only one option may be chosen for "objective"'));
    assert.deepEqual(seen.notAnId, data('not an id: objective&x=promotion'));
    for (const key of ['notMounted', 'notMountedAnswers', 'notMountedReset', 'notMountedSet']) {
      assert.equal(seen[key].name, 'InvalidStateError', key);
      assert.equal(seen[key].isError, true, key);
      assert.match(seen[key].message, /^<ai-cert-check> is not mounted/, key);
    }
    assert.deepEqual(seen.answers, {}, 'nothing was changed by the bad calls');
    assertClean(assert, s);
    await s.close();
  });
});

test('lang like the platform: the nearest lang, then the document\'s; its own attribute followed', opts, async () => {
  await withBrowser(async (browser) => {
    // The document says French: every widget without a nearer lang is French.
    const s = await open(
      browser,
      page(
        `<ai-cert-check id="doc" storage="none"></ai-cert-check>
<div lang="en-GB"><section><ai-cert-check id="ancestor" storage="none"></ai-cert-check></section></div>
<div lang="en"><ai-cert-check id="own" lang="fr-CA" storage="none"></ai-cert-check></div>`,
        'fr',
      ),
    );
    for (let i = 0; i < 3; i++) await waitForReady(s.page, i);
    assert.deepEqual(await titles(s.page), { doc: FRENCH, ancestor: ENGLISH, own: FRENCH });
    // Its own attribute changed: it follows; removed: the ancestor's again.
    await s.page.evaluate(() => document.getElementById('own').setAttribute('lang', 'en'));
    await s.page.waitForFunction((t) => document.getElementById('own').shadowRoot.querySelector('[part="title"]')?.textContent === t, ENGLISH);
    await s.page.evaluate(() => document.getElementById('ancestor').setAttribute('lang', 'fr'));
    await s.page.waitForFunction(
      (t) => document.getElementById('ancestor').shadowRoot.querySelector('[part="title"]')?.textContent.replace(/\s+/g, ' ') === t,
      FRENCH,
    );
    assertClean(assert, s);
    await s.close();
  });
});
