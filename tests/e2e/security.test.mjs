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
  routeUnderPolicy,
  useTestServer,
  waitForReady,
  widget,
  withBrowser,
  STRONG,
} from './helpers.mjs';
import { CANARY, PAYLOADS, SAFE_ODD_HREFS, UNSAFE_HREFS } from './xss-payloads.mjs';

const server = useTestServer();

const opts = { timeout: TEST_TIMEOUT };

test("a strict Content-Security-Policy (no inline script or style) leaves the widget fully working", opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
    await routeUnderPolicy(s, '/csp.html', csp, {
      body: '<ai-cert-check></ai-cert-check><ai-cert-check src="/examples/reskill.json"></ai-cert-check>',
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

// Injection (part of the security issue, item 2): the corpus of tests/e2e/xss-payloads.mjs
// in every text field a checklist has, in every link field, in a share link's fragment
// and in stored answers. One page, many mounts through the JS API (a navigation per
// payload would take minutes): mount k puts payload (k + f) mod N in text field f, so
// over N mounts every payload lands in every field. After each mount the reader answers
// (by clicking), copies the link and the summary and clears; then nothing may have run
// (the canary global stays unset), the widget's shadow root holds only the elements and
// attributes the widget makes, the page only what the test put there, every link
// resolves to http(s) or mailto, and the texts read back as the very characters given.

/** Every tag the widget creates (HTML upper case, SVG lower case), and every attribute. */
const WIDGET_TAGS = ['DIV', 'FORM', 'HEADER', 'H2', 'H3', 'H4', 'P', 'SECTION', 'FIELDSET', 'LEGEND', 'SPAN', 'LABEL', 'INPUT', 'ASIDE', 'UL', 'OL', 'LI', 'STRONG', 'A', 'FIGURE', 'FIGCAPTION', 'BUTTON', 'CODE', 'svg', 'title', 'desc', 'g', 'rect', 'text', 'tspan', 'circle'];
const WIDGET_ATTRIBUTES = ['class', 'part', 'id', 'role', 'tabindex', 'type', 'name', 'value', 'href', 'rel', 'hidden', 'data-verdict', 'data-action', 'data-current', 'data-question', 'data-final', 'data-arrived', 'data-poor', 'data-folded', 'aria-labelledby', 'aria-describedby', 'aria-live', 'aria-atomic', 'aria-expanded', 'viewBox', 'x', 'y', 'width', 'height', 'dy', 'r', 'cx', 'cy', 'transform'];

/**
 * Every interface word of `labels`, with the placeholders each fills: read from the one
 * table of labels (src/engine/labels.rs), so a label added there is poisoned here too.
 */
const LABELS = Object.fromEntries(
  [...readFileSync(path.join(ROOT, 'src', 'engine', 'labels.rs'), 'utf8').matchAll(/^\s+(\w+) = "(.*)";$/gm)].map(([, name, text]) => [
    name,
    (text.match(/\{\w+\}/g) ?? []).map((p) => ` ${p}`).join(''),
  ]),
);
const SHORT = 200;
const LONG = 1000;
/** Cut to `max` characters (Unicode ones, as the validator counts). */
const clip = (text, max) => Array.from(text).slice(0, max).join('');

/**
 * `base` with a payload in every text field (optional ones added where missing) and
 * an odd but allowed address on every reading: payload (k + f) mod N in field f.
 * Returns the checklist and how many text fields it has.
 */
function poison(base, k) {
  const c = structuredClone(base);
  let f = 0;
  const next = (max, suffix = '') => clip(PAYLOADS[(k + f++) % PAYLOADS.length], max - suffix.length) + suffix;
  c.title = next(SHORT);
  c.intro = next(LONG);
  for (const factor of c.factors) factor.label = next(SHORT);
  for (const section of c.sections) {
    section.title = next(SHORT);
    for (const q of section.questions) {
      q.text = next(LONG);
      q.help = next(LONG);
      for (const o of q.options) {
        o.label = next(SHORT);
        o.reason = next(LONG);
        o.action = next(SHORT);
        o.next_step = next(LONG);
      }
    }
  }
  for (const v of c.verdicts) {
    v.title = next(SHORT);
    v.title_poor_offer = next(SHORT);
    v.summary = next(LONG);
    v.next_steps = [next(LONG), next(LONG)];
  }
  for (const r of c.rules ?? []) r.reason = next(LONG);
  for (const step of c.steps ?? []) step.text = next(LONG);
  c.reading.forEach((r, j) => {
    r.title = next(SHORT);
    r.href = SAFE_ODD_HREFS[(k + j) % SAFE_ODD_HREFS.length];
  });
  c.labels = Object.fromEntries(Object.entries(LABELS).map(([name, suffix]) => [name, next(SHORT, suffix)]));
  return { checklist: c, fields: f };
}

/** The same, refused: unsafe addresses on every reading and a payload as a section id. */
function poisonRefused(base, k) {
  const { checklist } = poison(base, k);
  checklist.reading.forEach((r, j) => {
    r.href = UNSAFE_HREFS[(k + j) % UNSAFE_HREFS.length];
  });
  checklist.sections[0].id = PAYLOADS[k % PAYLOADS.length];
  return checklist;
}

// In the page: the checks run after every mount. Returns what is wrong, as strings.
function installAudit([canary, tags, attributes]) {
  const allowedTags = new Set(tags);
  const allowedAttributes = new Set(attributes);
  const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'srcdoc', 'background', 'poster'];
  const lightDom = new Set();
  window.__audit = {
    /** Remembers the page's own elements: only hosts the test adds may join them. */
    start() {
      for (const e of document.querySelectorAll('*')) lightDom.add(e);
    },
    run(hosts) {
      const wrong = [];
      if (Object.hasOwn(window, canary) || window[canary] !== undefined) wrong.push(`the canary ${canary} is set: ${String(window[canary])}`);
      if (document.baseURI !== location.href) wrong.push(`base URI changed to ${document.baseURI}`);
      for (const e of document.querySelectorAll('*')) {
        if (!lightDom.has(e) && !(e.tagName === 'AI-CERT-CHECK' && e.hasAttribute('data-test'))) wrong.push(`element in the page: <${e.tagName}>`);
      }
      for (const host of hosts) {
        const root = host.shadowRoot;
        if (!root) {
          wrong.push('a host without a shadow root');
          continue;
        }
        if (root.adoptedStyleSheets.length !== 1) wrong.push(`${root.adoptedStyleSheets.length} adopted style sheets`);
        for (const e of root.querySelectorAll('*')) {
          if (!allowedTags.has(e.tagName)) wrong.push(`element <${e.tagName}>`);
          if (e.shadowRoot) wrong.push(`a shadow root inside, on <${e.tagName}>`);
          for (const a of e.attributes) {
            if (!allowedAttributes.has(a.name)) wrong.push(`attribute ${a.name}="${a.value}" on <${e.tagName}>`);
          }
          for (const name of URL_ATTRIBUTES) {
            const value = e.getAttribute(name) ?? e.getAttributeNS('http://www.w3.org/1999/xlink', name.replace('xlink:', ''));
            if (value == null) continue;
            let protocol;
            try {
              protocol = new URL(value, document.baseURI).protocol;
            } catch {
              protocol = 'unparsable';
            }
            if (!['http:', 'https:', 'mailto:'].includes(protocol)) wrong.push(`${name}="${value}" on <${e.tagName}> (${protocol})`);
          }
        }
      }
      return wrong;
    },
  };
}

test(`${PAYLOADS.length} payloads in every text and link field of a checklist: shown as text, nothing runs, no element or link appears`, { timeout: 180_000 }, async () => {
  const base = JSON.parse(readFileSync(path.join(ROOT, 'www/examples/reskill.json'), 'utf8'));
  const readingIds = base.reading.map((r) => r.id);
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false, permissions: ['clipboard-read', 'clipboard-write'] });
    await s.context.addInitScript(installAudit, [CANARY, WIDGET_TAGS, WIDGET_ATTRIBUTES]);
    await routeHtml(s, '/xss.html', `<!doctype html><html lang="en"><head><title>xss</title><link rel="icon" href="data:,">
<script type="module" src="/pkg/ai-cert-check.js"></script></head><body><main id="slot"></main></body></html>`);
    await s.page.goto(s.origin + '/xss.html');
    await s.page.evaluate(() => window.__audit.start());
    let fields = 0;
    let hosts = 0;
    // In batches, so a failure names its mount and no single evaluation runs long.
    for (let k0 = 0; k0 < PAYLOADS.length; k0 += 17) {
      const batch = [];
      for (let k = k0; k < Math.min(k0 + 17, PAYLOADS.length); k++) {
        const poisoned = poison(base, k);
        fields = poisoned.fields;
        // Unsafe addresses from the page: on even mounts, by attribute or by the API.
        const links = Object.fromEntries(readingIds.map((id, j) => [id, UNSAFE_HREFS[(k + j) % UNSAFE_HREFS.length]]));
        batch.push({ k, checklist: poisoned.checklist, refused: poisonRefused(base, k), links: k % 2 === 0 ? links : null, byAttribute: k % 4 === 0 });
      }
      const results = await s.page.evaluate(async (mounts) => {
        const { mount, setAnswers } = await import('/pkg/ai-cert-check.js');
        const slot = document.getElementById('slot');
        const out = [];
        const add = () => {
          const el = document.createElement('ai-cert-check');
          el.setAttribute('data-test', '');
          el.setAttribute('storage', 'none');
          slot.append(el);
          return el;
        };
        const waitFor = async (test) => {
          for (let i = 0; i < 500 && !test(); i++) await new Promise((r) => setTimeout(r, 10));
          return test();
        };
        for (const { k, checklist, refused, links, byAttribute } of mounts) {
          const wrong = [];
          const el = add();
          if (links && byAttribute) el.setAttribute('reading-links', JSON.stringify(links));
          await mount(el, { checklist, readingLinks: links && !byAttribute ? links : undefined });
          const root = el.shadowRoot;
          const q = (sel) => root.querySelector(sel);
          if (q('[part="problems"]')) {
            out.push({ k, wrong: [`refused: ${q('[part="problems"]').textContent}`] });
            continue;
          }
          try {
          // Answers: none (k % 4 == 1), one by clicking (3), all by clicking (0) or all
          // through the API (2), option (k + question) of each question.
          const fieldsets = [...root.querySelectorAll('fieldset')];
          const choice = (fs, i) => {
            const inputs = fs.querySelectorAll('input');
            return inputs[(k + i) % inputs.length];
          };
          if (k % 4 === 2) {
            await setAnswers(el, Object.fromEntries(fieldsets.map((fs, i) => {
              const input = choice(fs, i);
              return [input.name, input.type === 'checkbox' ? [input.value] : input.value];
            })));
          } else {
            const clicking = k % 4 === 1 ? [] : k % 4 === 3 ? fieldsets.slice(0, 1) : fieldsets;
            clicking.forEach((fs, i) => choice(fs, i).closest('label').click());
          }
          const verdictTitle = q('[part="verdict"]').textContent;
          // Every eighth mount, copies the link and the summary (the notice says how it
          // went) and reads the summary back; every mount clears at the end.
          if (k % 8 === 0) {
            for (const action of ['share', 'summary']) {
              // The notice beside the buttons (a copy is confirmed where it was asked for).
              const near = q('.card [part="notice"]');
              near.textContent = '';
              q(`button[data-action="${action}"]`).click();
              if (!(await waitFor(() => near.textContent !== ''))) wrong.push(`no notice after copying the ${action}`);
              else if (near.textContent !== checklist.labels.copied) wrong.push(`copying the ${action} said ${near.textContent}`);
            }
            const summary = await navigator.clipboard.readText();
            if (!summary.includes(verdictTitle)) wrong.push('the copied summary lacks the verdict title as text');
          }
          // The texts, exactly as given.
          const expect = [
            ['h2.title', checklist.title],
            ['.intro', checklist.intro],
            // A section's title is the first text of the button in its heading (the
            // answers chosen follow it).
            ['h3.section-title > button', checklist.sections[0].title, (e) => e?.firstChild?.textContent],
            ['legend .text', checklist.sections[0].questions[0].text],
            ['.help', checklist.sections[0].questions[0].help],
            ['label.option span', checklist.sections[0].questions[0].options[0].label],
            ['.result-heading', checklist.labels.verdict_heading],
            ['button[data-action="summary"]', checklist.labels.copy_summary],
          ];
          for (const [sel, text, read = (e) => e?.textContent] of expect) {
            if (read(q(sel)) !== text) wrong.push(`${sel} reads ${JSON.stringify(read(q(sel)))}, not ${JSON.stringify(text)}`);
          }
          // The bar: the invitation before any answer, a verdict's title after (or its
          // leaning, filled into the poisoned `leaning` label).
          const titles = checklist.verdicts.flatMap((v) => [v.title, checklist.labels.leaning.replace('{verdict}', v.title)]);
          if (verdictTitle !== checklist.labels.no_answers && !titles.includes(verdictTitle)) wrong.push(`verdict on screen ${JSON.stringify(verdictTitle)}`);
          const reasons = [...root.querySelectorAll('[part="reasons"] li, .decisive:not([hidden]) p')].map((e) => e.textContent);
          for (const r of reasons) {
            const given = checklist.sections.some((sec) => sec.questions.some((qq) => qq.options.some((o) => o.reason === r)))
              || (checklist.rules ?? []).some((rule) => rule.reason === r);
            if (!given) wrong.push(`reason ${JSON.stringify(r)}`);
          }
          // Unsafe addresses from the page never became links.
          const anchors = root.querySelectorAll('a');
          if (links && anchors.length) wrong.push(`${anchors.length} links made from unsafe addresses`);
          q('button[data-action="clear"]').click();
          } catch (err) {
            // Injected markup can break the widget's own structure: say so, then audit.
            wrong.push(`interacting failed: ${err}`);
          }

          // The same checklist with unsafe addresses and a payload as an id: refused, each
          // problem listed as text.
          const bad = add();
          await mount(bad, { checklist: refused });
          const problems = [...bad.shadowRoot.querySelectorAll('[part="problems"] li')].map((li) => ({
            path: li.querySelector('code').textContent,
            text: li.textContent,
          }));
          refused.reading.forEach((r, j) => {
            const p = problems.find((x) => x.path === `$.reading[${j}].href`);
            if (!p) wrong.push(`no problem for the address ${JSON.stringify(r.href)}`);
            else if (!p.text.includes(r.href)) wrong.push(`the problem for ${JSON.stringify(r.href)} does not quote it: ${p.text}`);
          });
          const idProblem = problems.find((x) => x.path === '$.sections[0].id');
          if (!idProblem || !idProblem.text.includes(refused.sections[0].id)) wrong.push('the id problem does not quote the payload');

          wrong.push(...window.__audit.run([el, bad]));
          out.push({ k, wrong });
        }
        return out;
      }, batch);
      hosts += batch.length * 2;
      for (const { k, wrong } of results) assert.deepEqual(wrong, [], `mount ${k} (payload ${k}: ${JSON.stringify(PAYLOADS[k])})`);
    }
    // Everything once more, after every mount and interaction.
    const final = await s.page.evaluate(() => window.__audit.run([...document.querySelectorAll('ai-cert-check')]));
    assert.deepEqual(final, []);
    assert.equal(hosts, PAYLOADS.length * 2);
    assert.ok(fields > 150, `${fields} text fields`);
    // The page asked for nothing but itself and the widget's files.
    const asked = [...new Set(s.requests.map((u) => new URL(u).pathname))].sort();
    assert.deepEqual(asked.filter((p) => p !== '/xss.html' && !p.startsWith('/pkg/')), []);
    // The refused checklists' problems are logged to the console, as documented.
    const logged = s.consoleErrors.filter((e) => !/^<ai-cert-check>: \$\./.test(e));
    assertClean(assert, { ...s, consoleErrors: logged });
    await s.close();
  });
});

test(`${PAYLOADS.length} payloads in a share link's fragment and in stored answers: never run, never applied`, { timeout: 120_000 }, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await s.context.addInitScript(installAudit, [CANARY, WIDGET_TAGS, WIDGET_ATTRIBUTES]);
    await routeHtml(s, '/share.html', `<!doctype html><html lang="en"><head><title>share</title><link rel="icon" href="data:,">
<script type="module" src="/pkg/ai-cert-check.js"></script></head><body><main id="slot"></main></body></html>`);
    // Once through a real navigation, as a reader opening a link would.
    await s.page.goto(`${s.origin}/share.html#ai-cert-check-ai-certification=${encodeURIComponent(PAYLOADS[0])}`);
    await s.page.evaluate(() => window.__audit.start());
    // Then every payload, raw and encoded, in the address (replaceState, no navigation:
    // the widget reads the fragment when it mounts) and in storage.
    const results = await s.page.evaluate(async (payloads) => {
      const KEY = 'ai-cert-check-ai-certification';
      const slot = document.getElementById('slot');
      const mountOne = async () => {
        const el = document.createElement('ai-cert-check');
        el.setAttribute('data-test', '');
        const ready = new Promise((r) => el.addEventListener('ai-cert-check-ready', r, { once: true }));
        slot.append(el);
        await ready;
        return el;
      };
      const out = [];
      for (const [i, payload] of payloads.entries()) {
        const wrong = [];
        const hosts = [];
        for (const fragment of [`${KEY}=${payload}`, `${KEY}=${encodeURIComponent(payload)}`, `x=1&${KEY}=1.${payload}&${encodeURIComponent(payload)}`]) {
          history.replaceState(null, '', `#${fragment}`);
          const el = await mountOne();
          hosts.push(el);
          const notice = el.shadowRoot.querySelector('[part="notice"]').textContent;
          if (!/were not used/.test(notice)) wrong.push(`fragment ${JSON.stringify(fragment)}: notice ${JSON.stringify(notice)}`);
          if (el.shadowRoot.querySelectorAll('input:checked').length) wrong.push(`fragment ${JSON.stringify(fragment)} was applied`);
          if (localStorage.getItem(KEY) !== null) wrong.push('a link wrote storage');
        }
        history.replaceState(null, '', location.pathname);
        // Under the key saved answers had before it carried the checklist's fingerprint
        // (which the widget still reads, to move them under the new one).
        localStorage.setItem(KEY, payload);
        const el = await mountOne();
        hosts.push(el);
        if (el.shadowRoot.querySelectorAll('input:checked').length) wrong.push('stored payload was applied');
        // Never applied, and left as it is: the widget deletes nothing it did not write.
        if (localStorage.getItem(KEY) !== payload) wrong.push('stored payload was changed');
        localStorage.clear();
        wrong.push(...window.__audit.run(hosts));
        for (const h of hosts) h.remove();
        out.push({ i, wrong });
      }
      return out;
    }, PAYLOADS);
    for (const { i, wrong } of results) assert.deepEqual(wrong, [], `payload ${i}: ${JSON.stringify(PAYLOADS[i])}`);
    assert.equal(results.length, PAYLOADS.length);
    assert.deepEqual(await s.page.evaluate(() => window.__audit.run([])), []);
    assertClean(assert, s);
    await s.close();
  });
});

test('storage that throws, is full or holds junk: the widget works, says saving is unavailable, keeps the answers on screen', opts, async () => {
  await withBrowser(async (browser) => {
    for (const [name, script, saysUnavailable] of [
      ['throws on access', () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }), true],
      ['is full', () => { Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; }, true],
      ['holds junk', () => { localStorage.setItem('ai-cert-check-ai-certification', '<img src=x onerror=window.__xss=1>'); localStorage.setItem('other', 'x'); }, false],
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
      assert.equal(await s.page.evaluate(() => window.__xss ?? null), null);
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
