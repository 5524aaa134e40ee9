// Pages whose Content-Security-Policy forbids WebAssembly (no 'wasm-unsafe-eval'): every
// build falls back to the same Rust code compiled to JavaScript (pkg/*.wasm.js, made by
// scripts/postlink.mjs and loaded by src/element/loader.js). Each build is checked under both
// policies: with WebAssembly allowed the JavaScript build is never fetched; without, the
// .wasm is never fetched and the widget works all the same.
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
  openPage,
  readVerdict,
  routeUnderPolicy,
  useTestServer,
  waitForReady,
  widget,
  withBrowser,
  STRONG,
} from './helpers.mjs';

const server = useTestServer();
const opts = { timeout: TEST_TIMEOUT };

const WITH_WASM = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const WITHOUT_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";


// The four builds a page can load, each on a page of its own: the element, the script,
// and the files that build's .wasm and JavaScript version are.
const BUILDS = [
  { name: 'default', script: '/pkg/ai-cert-check.js', element: '<ai-cert-check storage="none"></ai-cert-check>', files: 'ai-cert-check-core' },
  {
    name: 'own checklist',
    script: '/pkg/ai-cert-check.js',
    element: '<ai-cert-check storage="none" src="/examples/reskill.json"></ai-cert-check>',
    files: 'ai-cert-check-custom',
  },
  { name: 'French', script: '/pkg/ai-cert-check.js', element: '<ai-cert-check storage="none" lang="fr"></ai-cert-check>', files: 'ai-cert-check-fr' },
  {
    name: 'one-file',
    script: '/pkg/ai-cert-check.single.js',
    element: '<ai-cert-check storage="none"></ai-cert-check>',
    files: 'ai-cert-check-core',
  },
];

/** What the page fetched of a build: its .wasm and its JavaScript version. */
function fetched(s, files) {
  const names = s.requests.map((u) => new URL(u).pathname);
  return { wasm: names.includes(`/pkg/${files}_bg.wasm`), js: names.includes(`/pkg/${files}.wasm.js`) };
}

/** Answers the first question's first option and waits until the widget counts it. */
async function answerFirst(page) {
  const first = widget(page).locator('fieldset input').first();
  await first.check();
  await page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot.querySelectorAll('input:checked').length === 1);
}

/** The console errors that are not the one report of the refused probe. */
const otherErrors = (s) => s.consoleErrors.filter((m) => !/WebAssembly/.test(m));

for (const build of BUILDS) {
  test(`${build.name} build: with 'wasm-unsafe-eval' it runs its .wasm; without, its JavaScript version, and works the same`, opts, async () => {
    await withBrowser(async (browser) => {
      for (const [policy, csp] of [['with', WITH_WASM], ['without', WITHOUT_WASM]]) {
        const s = await openPage(browser, server, '/', { goto: false });
        await routeUnderPolicy(s, '/policy.html', csp, { script: build.script, body: build.element });
        await s.page.goto(s.origin + '/policy.html');
        await waitForReady(s.page, 0);
        await answerFirst(s.page);
        const names = await widget(s.page).evaluate((h) => h.shadowRoot.querySelectorAll('fieldset').length);
        assert.ok(names >= 3, `${policy}: the checklist's questions are shown (${names})`);
        const sheets = await widget(s.page).evaluate((h) => h.shadowRoot.adoptedStyleSheets.length);
        assert.equal(sheets, 1, `${policy}: styled`);
        if (policy === 'with') {
          assert.deepEqual(fetched(s, build.files), { wasm: build.name === 'one-file' ? false : true, js: false }, policy);
          assert.deepEqual(await s.page.evaluate(() => window.__violations), []);
          assertClean(assert, s);
        } else {
          assert.deepEqual(fetched(s, build.files), { wasm: false, js: true }, policy);
          // The probe that finds WebAssembly refused is the one violation.
          assert.deepEqual(await s.page.evaluate(() => window.__violations), ['script-src']);
          assert.deepEqual(otherErrors(s), []);
          assert.deepEqual(s.pageErrors, []);
          assert.deepEqual(s.blocked, []);
          assert.deepEqual(s.badResponses, []);
        }
        await s.close();
      }
    });
  });
}

test('without WebAssembly the default build reads right: a full checklist gives the same verdict as with it', opts, async () => {
  await withBrowser(async (browser) => {
    const results = [];
    for (const csp of [WITH_WASM, WITHOUT_WASM]) {
      const s = await openPage(browser, server, '/', { goto: false });
      await routeUnderPolicy(s, '/policy.html', csp, { body: '<ai-cert-check storage="none"></ai-cert-check>' });
      await s.page.goto(s.origin + '/policy.html');
      await waitForReady(s.page, 0);
      await answerAll(s.page, 0, STRONG);
      await answer(s.page, 0, 'expectations', 'salary_raise');
      const verdict = await readVerdict(s.page);
      const result = await s.page.evaluate(async () => {
        const api = await import('/pkg/ai-cert-check.js');
        return api.getResult(document.querySelector('ai-cert-check'));
      });
      const text = await widget(s.page).evaluate((h) => h.shadowRoot.querySelector('[part="result"]')?.textContent ?? h.shadowRoot.textContent);
      results.push({ verdict: verdict.id, result, text });
      await s.close();
    }
    assert.equal(results[1].verdict, results[0].verdict);
    assert.deepEqual(results[1].result, results[0].result);
    assert.equal(results[1].text, results[0].text);
  });
});

test("the JavaScript build's memory grows and strings passed after the growth arrive intact", opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeUnderPolicy(s, '/policy.html', WITHOUT_WASM, { body: '<ai-cert-check storage="none"></ai-cert-check>' });
    await s.page.goto(s.origin + '/policy.html');
    await waitForReady(s.page, 0);
    assert.deepEqual(fetched(s, 'ai-cert-check-core'), { wasm: false, js: true });
    const outcome = await s.page.evaluate(async () => {
      const api = await import('/pkg/ai-cert-check.js');
      const el = document.querySelector('ai-cert-check');
      const before = await api.wasmMemoryBytes();
      // About 3 MB of answers, every pair valid (a question that takes several options,
      // the same option again and again): passing it makes the memory grow, and the
      // answers apply only if every byte arrived as written.
      const pairs = { expectations: new Array(200_000).fill('salary_raise'), objective: 'promotion' };
      let error = null;
      try {
        await api.setAnswers(el, pairs);
      } catch (e) {
        error = String(e);
      }
      const after = await api.wasmMemoryBytes();
      // And again, once grown: a short string that must arrive exactly.
      await api.setAnswers(el, { objective: 'understand', expectations: ['protection'] });
      return { before, after, error, answers: await api.getAnswers(el) };
    });
    assert.equal(outcome.error, null, 'the 3 MB answers were refused: they arrived corrupted');
    assert.ok(outcome.after >= outcome.before + 3_000_000, `memory grew: ${outcome.before} -> ${outcome.after}`);
    assert.deepEqual(outcome.answers, { objective: 'understand', expectations: ['protection'] });
    const checked = await widget(s.page).evaluate((h) => [...h.shadowRoot.querySelectorAll('input:checked')].map((i) => i.value).sort());
    assert.equal(checked.length, 2, `two options on screen: ${checked}`);
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

test("the own-checklist JavaScript build: megabytes of a checklist's text grow the memory and arrive intact", opts, async () => {
  // Texts are capped at 1,000 characters, but a misspelt key is quoted in its problem
  // (its first 1,000 characters): a 3 MB key, beyond the build's first memory, must
  // come back as written. Without the growth fix it arrives as zeros.
  const checklist = JSON.parse(readFileSync(path.join(ROOT, 'www/examples/minimal.json'), 'utf8'));
  const key = 'k' + Array.from({ length: 150_000 }, (_, i) => `${i}é€😀`).join('_');
  const quoted = [...key].slice(0, 1000).join('') + '…';
  checklist.sections[0].questions[0][key] = true;
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeUnderPolicy(s, '/policy.html', WITHOUT_WASM, { body: '<ai-cert-check storage="none" id="w"></ai-cert-check>' });
    await s.page.goto(s.origin + '/policy.html');
    await waitForReady(s.page, 0);
    const problems = await s.page.evaluate(async (c) => {
      const api = await import('/pkg/ai-cert-check.js');
      const el = document.getElementById('w');
      await api.mount(el, { checklist: c });
      return [...el.shadowRoot.querySelectorAll('[part="problems"] li')].map((li) => li.textContent);
    }, checklist);
    assert.deepEqual(fetched(s, 'ai-cert-check-custom'), { wasm: false, js: true });
    assert.equal(problems.length, 1, `one problem: ${problems.map((p) => p.slice(0, 80))}`);
    assert.ok(problems[0].includes(`unknown field \`${quoted}\``), `the key in the problem is not the key given: ${problems[0].slice(0, 120)}`);
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});

test("where neither WebAssembly nor the JavaScript build can run, the author's content stays and the page keeps working", opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await s.context.route(/\.wasm\.js$/, (r) => r.fulfill({ status: 404, body: 'gone' }));
    await routeUnderPolicy(s, '/nowasm.html', WITHOUT_WASM, {
      body: '<ai-cert-check><p id="fallback">Read the article below.</p></ai-cert-check><button id="b">Host button</button>',
    });
    // The widget tries, cannot start, and says so in the console.
    const failed = s.page.waitForEvent('console', { predicate: (m) => m.type() === 'error' && /could not start/.test(m.text()) });
    await s.page.goto(s.origin + '/nowasm.html');
    await failed;
    assert.equal(await s.page.isVisible('#fallback'), true);
    assert.equal(await s.page.evaluate(() => document.querySelector('ai-cert-check').shadowRoot), null);
    await s.page.click('#b');
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
});
