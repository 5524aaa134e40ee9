// Hosts' own checklists, end to end: the three ways of giving one (src, an inline
// script, the JS API), the built-in default, what an author sees when a checklist has
// problems, the second example page, and the playground.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  TEST_TIMEOUT,
  answer,
  assertClean,
  openPage,
  readVerdict,
  routeHtml,
  screenshot,
  useTestServer,
  waitForReady,
  widget,
  withBrowser,
} from './helpers.mjs';
import { badChecklists } from '../bad-checklists/cases.mjs';

const server = useTestServer();

const opts = { timeout: TEST_TIMEOUT };
const RESKILL = readFileSync(path.join(ROOT, 'www/examples/reskill.json'), 'utf8');
const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<link rel="icon" href="data:,"><script type="module" src="/pkg/ai-cert-check.js"></script></head>
<body><main><h1>Host page</h1>${body}<button id="host-button" onclick="this.textContent='clicked'">Host button</button></main></body></html>`;

const wasmRequests = (s) => s.requests.filter((u) => u.endsWith('.wasm')).map((u) => new URL(u).pathname);

async function title(p) {
  return widget(p).evaluate((h) => h.shadowRoot.querySelector('[part="title"]')?.textContent ?? null);
}

test('src: a checklist fetched from the page\'s origin renders and answers; only the custom build loads', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeHtml(s, '/src.html', page('<ai-cert-check src="/examples/reskill.json"><p>fallback</p></ai-cert-check>'));
    await s.page.goto(s.origin + '/src.html');
    await waitForReady(s.page);
    assert.equal(await title(s.page), 'Reskill or stay put?');
    const change = await answer(s.page, 0, 'outlook', 'shrinking');
    assert.equal(change.detail.answers.outlook, 'shrinking');
    assert.equal((await readVerdict(s.page)).id, change.detail.result.verdict);
    assert.deepEqual(wasmRequests(s), ['/pkg/ai-cert-check-custom_bg.wasm']);
    assertClean(assert, s);
    await s.close();
  });
});

test('checklist="id": an inline JSON script renders; the built-in element beside it uses the lean build', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeHtml(
      s,
      '/inline.html',
      page(`<script type="application/json" id="my-list">${RESKILL}</script>
<ai-cert-check checklist="my-list"></ai-cert-check><ai-cert-check></ai-cert-check>`),
    );
    await s.page.goto(s.origin + '/inline.html');
    await waitForReady(s.page, 0);
    await waitForReady(s.page, 1);
    assert.equal(await title(s.page), 'Reskill or stay put?');
    const builtinTitle = await widget(s.page, 1).evaluate((h) => h.shadowRoot.querySelector('[part="title"]').textContent);
    assert.equal(builtinTitle, 'Is an AI certification worth it for you?');
    assert.deepEqual(wasmRequests(s).sort(), ['/pkg/ai-cert-check-core_bg.wasm', '/pkg/ai-cert-check-custom_bg.wasm']);
    assertClean(assert, s);
    await s.close();
  });
});

test('the JS API: mount(element, { checklist }) renders it, and can replace it', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeHtml(s, '/api.html', page('<div id="slot"></div>'));
    await s.page.goto(s.origin + '/api.html');
    await s.page.evaluate(async (json) => {
      const { mount } = await import('/pkg/ai-cert-check.js');
      const el = document.createElement('ai-cert-check');
      document.getElementById('slot').append(el);
      await mount(el, { checklist: JSON.parse(json) });
    }, RESKILL);
    await waitForReady(s.page);
    assert.equal(await title(s.page), 'Reskill or stay put?');
    await s.page.evaluate(async (json) => {
      const { mount } = await import('/pkg/ai-cert-check.js');
      const c = JSON.parse(json);
      c.title = 'Reskill, second edition';
      await mount(document.querySelector('ai-cert-check'), { checklist: c });
    }, RESKILL);
    await s.page.waitForFunction(() =>
      document.querySelector('ai-cert-check').shadowRoot.querySelector('[part="title"]')?.textContent === 'Reskill, second edition');
    assertClean(assert, s);
    await s.close();
  });
});

test('without a checklist the built-in one shows and the custom build is never fetched', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    await waitForReady(s.page);
    assert.equal(await title(s.page), 'Is an AI certification worth it for you?');
    assert.ok(!s.requests.some((u) => u.includes('custom')), s.requests.join('\n'));
    assertClean(assert, s);
    await s.close();
  });
});

test('a checklist with mistakes shows every problem with its path; the host page keeps working', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    const bad = JSON.parse(RESKILL);
    bad.sections[0].questions[0].options[0].colour = 'red';
    bad.sections[0].questions[1].id = 'outlook';
    bad.verdicts[0].when[0].factor = 'luck';
    await routeHtml(
      s,
      '/bad.html',
      page(`<script type="application/json" id="bad">${JSON.stringify(bad)}</script>
<ai-cert-check checklist="bad"></ai-cert-check><ai-cert-check src="/examples/missing.json"></ai-cert-check>`),
    );
    await s.page.addInitScript(() => {
      window.invalidEvents = [];
      document.addEventListener('ai-cert-check-invalid', (e) => window.invalidEvents.push(e.detail.problems.map((p) => `${p.kind} ${p.path}`)));
    });
    await s.page.goto(s.origin + '/bad.html');
    const shown = await s.page.waitForFunction(() => {
      const els = [...document.querySelectorAll('ai-cert-check')];
      const lists = els.map((e) => e.shadowRoot?.querySelector('[part="problems"]'));
      if (lists.some((l) => !l)) return null;
      return lists.map((l) => [...l.querySelectorAll('li')].map((li) => li.textContent));
    });
    const [problems, missing] = await shown.jsonValue();
    // All three mistakes at once: the unknown key, and the rule problems.
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0], /^\$\.sections\[0\]\.questions\[0\]\.options\[0\]\.colour: unknown field `colour`/);
    assert.match(problems[1], /^\$\.sections\[0\]\.questions\[1\]\.id: duplicate question id "outlook"/);
    assert.match(problems[2], /^\$\.verdicts\[0\]\.when\[0\]\.factor: refers to factor "luck", which does not exist/);
    assert.equal(missing.length, 1);
    assert.match(missing[0], /^\$: could not load "\/examples\/missing\.json": HTTP 404/);
    // The event says the same, each problem with its kind for code to match on.
    const events = await s.page.waitForFunction(() => window.invalidEvents.length === 2 && window.invalidEvents);
    assert.deepEqual((await events.jsonValue()).sort((a, b) => b.length - a.length), [
      [
        'shape $.sections[0].questions[0].options[0].colour',
        'duplicate $.sections[0].questions[1].id',
        'reference $.verdicts[0].when[0].factor',
      ],
      ['load $'],
    ]);
    // Logged for the author, too.
    assert.ok(s.consoleErrors.some((e) => e.includes('unknown field `colour`')), s.consoleErrors.join('\n'));
    // The host page still works.
    await s.page.click('#host-button');
    assert.equal(await s.page.textContent('#host-button'), 'clicked');
    assert.deepEqual(s.pageErrors, []);
    await screenshot(s.page, 'custom-problems');
    await s.close();
  });
});

test('a rule problem alone is shown with its path', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    const bad = JSON.parse(RESKILL);
    bad.verdicts[0].when[0].factor = 'luck';
    await routeHtml(s, '/rule.html', page(`<script type="application/json" id="bad">${JSON.stringify(bad)}</script><ai-cert-check checklist="bad"></ai-cert-check>`));
    await s.page.goto(s.origin + '/rule.html');
    const text = await (await s.page.waitForFunction(() =>
      document.querySelector('ai-cert-check').shadowRoot?.querySelector('[part="problems"]')?.textContent)).jsonValue();
    assert.match(text, /\$\.verdicts\[0\]\.when\[0\]\.factor: refers to factor "luck", which does not exist/);
    await s.close();
  });
});

test('the second example page embeds "Reskill or stay put?"', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/examples/reskill.html');
    await waitForReady(s.page);
    assert.equal(await title(s.page), 'Reskill or stay put?');
    // No verdict before the first answer; one after it.
    assert.equal((await readVerdict(s.page)).id, '');
    const first = await answer(s.page, 0, 'outlook', 'shrinking');
    assert.equal((await readVerdict(s.page)).id, first.detail.result.verdict);
    assert.ok(first.detail.result.verdict);
    await screenshot(s.page, 'example-reskill');
    assertClean(assert, s);
    await s.close();
  });
});

test('playground: typing a mistake lists it with its path; fixing it shows the widget; the snippet embeds it', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/playground.html', { viewport: { width: 1400, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const p = s.page;
    await p.waitForFunction(() => document.getElementById('status').textContent.startsWith('Valid'));
    await waitForReady(p);
    const good = await p.locator('#json').inputValue();
    const bad = good.replace(/"version":\s*1,/, '"version": 1, "colour": "red",');
    assert.notEqual(bad, good);
    await p.locator('#json').fill(bad);
    await p.waitForFunction(() => document.getElementById('status').className === 'bad');
    assert.match(await p.locator('#problems').textContent(), /\$\.colour: unknown field `colour`/);
    await p.locator('#json').fill(good.replace(/"title":\s*"[^"]*"/, '"title": "My own decision"'));
    await p.waitForFunction(() =>
      document.querySelector('ai-cert-check').shadowRoot.querySelector('[part="title"]')?.textContent === 'My own decision');
    assert.equal(await p.locator('#problems li').count(), 0);
    await p.click('#copy');
    await p.waitForFunction(() => document.getElementById('copied').textContent === 'Copied.');
    const snippet = await p.evaluate(() => navigator.clipboard.readText());
    assert.match(snippet, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/pkg\/ai-cert-check\.js"><\/script>/);
    assert.match(snippet, /<ai-cert-check checklist="[\w-]+-checklist"><\/ai-cert-check>/);
    await screenshot(p, 'playground');
    // The snippet works as it is on a page of its own.
    await routeHtml(s, '/pasted.html', `<!doctype html><html lang="en"><head><title>p</title><link rel="icon" href="data:,"></head><body>${snippet}</body></html>`);
    await p.goto(s.origin + '/pasted.html');
    await waitForReady(p);
    assert.equal(await title(p), 'My own decision');
    assertClean(assert, s);
    await s.close();
  });
});

test('in the browser every bad checklist gets the problems its .expected file lists, as natively', opts, async () => {
  // tests/bad_checklists.rs checks these natively (serde_json); this is the browser's
  // reader (serde-wasm-bindgen over an own-property copy of the JS object, src/web/custom.rs),
  // through a copy of the custom build's `validate`.
  // Each a patch of www/examples/minimal.json (tests/bad-checklists/cases.mjs).
  const cases = badChecklists().map(({ name, text, expected }) => ({ name, checklist: JSON.parse(text), expected }));
  assert.ok(cases.length >= 20, `${cases.length} bad checklists`);
  // One case differs by design: natively serde_json refuses 1e999 while parsing; in the
  // browser JSON.parse makes it Infinity, and the weight's own rule reports it, at its path.
  const browserOnly = {
    'non-finite-weight': [['$.sections[1].questions[0].options[0].effects[0].weight', 'value', 'is not a finite number']],
  };
  for (const c of cases) c.expected = browserOnly[c.name] ?? c.expected;
  // Same paths, other words: JavaScript has one kind of number, and serde-wasm-bindgen
  // says every number it did not expect is a "floating point", written as serde writes
  // floats (`42.0`), where serde_json says "integer `42`". Only the words for what was
  // found differ; the path and what was expected are the same.
  const wording = { 'invalid type: integer `42`, expected a string': 'invalid type: floating point `42.0`, expected a string' };
  for (const c of cases) c.expected = c.expected.map(([p, kind, fragment]) => [p, kind, wording[fragment] ?? fragment]);
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    const got = await s.page.evaluate(async (all) => {
      const checker = await (await import('/pkg/ai-cert-check-custom.js')).start();
      return all.map(({ name, checklist }) => ({ name, problems: checker.validate(checklist).map((p) => [p.path, p.kind, p.message]) }));
    }, cases);
    const wrong = [];
    for (const [i, c] of cases.entries()) {
      const problems = got[i].problems;
      const fits =
        problems.length === c.expected.length &&
        c.expected.every(([p, kind, fragment], j) => problems[j][0] === p && problems[j][1] === kind && problems[j][2].includes(fragment));
      if (!fits) wrong.push(`${c.name}: expected ${JSON.stringify(c.expected)}\n  got ${JSON.stringify(problems)}`);
    }
    assert.equal(wrong.join('\n'), '');
    await s.close();
  });
});

test('in the browser every wrong value is a problem at its path with a clear message, from text and from an object', opts, async () => {
  // Issue 18: serde-wasm-bindgen reads checklists; its messages for wrong types, missing
  // fields and numbers that are not whole or out of range must still say what and where.
  // Where serde_json words it otherwise (native, in the comment), the path is the same.
  const minimal = JSON.parse(readFileSync(path.join(ROOT, 'www/examples/minimal.json'), 'utf8'));
  const cases = [
    // serde_json: the same.
    [(c) => { c.version = 5e9; }, '$', 'invalid value: integer `5000000000`, expected u32'],
    // serde_json: "invalid type: floating point `1.5`, expected u32".
    [(c) => { c.version = 1.5; }, '$', 'invalid type: floating point `1.5`, expected u32'],
    // serde_json: "invalid value: integer `-1`, expected u32".
    [(c) => { c.version = -1; }, '$', 'invalid type: floating point `-1.0`, expected u32'],
    [(c) => { c.verdicts[0].rank = 2.5; }, '$.verdicts[0]', 'invalid type: floating point `2.5`, expected u32'],
    [(c) => { c.verdicts[0].rank = 1e10; }, '$.verdicts[0]', 'invalid value: integer `10000000000`, expected u32'],
    [(c) => { c.title = { text: 'x' }; }, '$', 'invalid type: map, expected a string'],
    [(c) => { c.sections[0].title = ['x']; }, '$.sections[0]', 'invalid type: sequence, expected a string'],
    // serde_json: "invalid type: string \"value\", expected a sequence".
    [(c) => { c.factors = 'value'; }, '$', 'invalid type: a string, number or boolean, expected a sequence'],
    [(c) => { c.sections[0].questions[0].required = 'yes'; }, '$.sections[0].questions[0]', 'invalid type: string "yes", expected a boolean'],
    [(c) => { c.sections[0].questions[0].options[0].effects[0].weight = '2'; }, '$.sections[0].questions[0].options[0].effects[0]', 'invalid type: string "2", expected f64'],
    // serde_json: "invalid type: null, expected f64" (serde's own word for null is "unit value").
    [(c) => { c.sections[0].questions[0].options[0].effects[0].weight = null; }, '$.sections[0].questions[0].options[0].effects[0]', 'invalid type: unit value, expected f64'],
    [(c) => { delete c.verdicts[2].summary; }, '$.verdicts[2]', 'missing field `summary`'],
    [(c) => { c.sections[0].questions[0].options[0].colour = 'red'; }, '$.sections[0].questions[0].options[0].colour', 'unknown field `colour`'],
    [(c) => { c.reading[0].href = 7; }, '$.reading[0]', 'invalid type: floating point `7.0`, expected a string'],
  ];
  const inputs = cases.map(([change]) => {
    const c = structuredClone(minimal);
    change(c);
    return c;
  });
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    const got = await s.page.evaluate(async (all) => {
      const checker = await (await import('/pkg/ai-cert-check-custom.js')).start();
      const said = (list) => list.map((p) => [p.path, p.message]);
      return all.map((c) => ({ object: said(checker.validate(c)), text: said(checker.validate(JSON.stringify(c))) }));
    }, inputs);
    const wrong = [];
    for (const [i, [, where, message]] of cases.entries()) {
      for (const from of ['object', 'text']) {
        const problems = got[i][from];
        if (problems.length !== 1 || problems[0][0] !== where || problems[0][1] !== message) {
          wrong.push(`case ${i} (${from}): expected ${JSON.stringify([[where, message]])}\n  got ${JSON.stringify(problems)}`);
        }
      }
    }
    assert.equal(wrong.join('\n'), '');
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});
