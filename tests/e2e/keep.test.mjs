// For readers and hosts: keeping, sharing, copying and printing a result; the host's
// API and events; themes; languages; the one-file build. Each in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CHANGE,
  ROOT,
  TEST_TIMEOUT,
  answer,
  answerAll,
  assertClean,
  checkedInputs,
  eventsOf,
  openPage,
  readVerdict,
  routeHtml,
  screenshot,
  useTestServer,
  waitForReady,
  widget,
  withBrowser,
  STRONG,
} from './helpers.mjs';

const server = useTestServer();

const opts = { timeout: TEST_TIMEOUT };
// The share link's fragment key; saved answers are under it, a dot and the checklist's
// fingerprint (`saved(page)` finds them).
const KEY = 'ai-cert-check-ai-certification';
const savedKey = (p, prefix = KEY) =>
  p.evaluate((k) => Object.keys(localStorage).find((key) => key.startsWith(`${k}.`)) ?? null, prefix);
const page = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<link rel="icon" href="data:,"><script type="module" src="/pkg/ai-cert-check.js"></script>${head}</head><body><main>${body}</main></body></html>`;

const notice = (p, nth = 0) => widget(p, nth).evaluate((h) => h.shadowRoot.querySelector('[part="notice"]').textContent);
const clickAction = (p, action, nth = 0) => widget(p, nth).locator(`button[data-action="${action}"]`).click();

test('answers are kept across a reload, and "Clear my answers" empties the screen and storage', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    await waitForReady(s.page);
    await answerAll(s.page, 0, STRONG);
    const key = await savedKey(s.page);
    assert.match(key, /^ai-cert-check-ai-certification\.[0-9a-z]+$/);
    const stored = await s.page.evaluate((k) => localStorage.getItem(k), key);
    assert.match(stored, /^1\.[0-9a-z]+\./);
    assert.equal(key.split('.')[1], stored.split('.')[1], 'the key carries the fingerprint the answers carry');
    await s.page.reload();
    await waitForReady(s.page);
    assert.deepEqual(await checkedInputs(s.page), STRONG.map(([q, o]) => `${q}=${o}`).sort());
    assert.equal((await readVerdict(s.page)).id, 'worth_it');
    const before = (await eventsOf(s.page, 0, CHANGE)).length;
    await clickAction(s.page, 'clear');
    await s.page.waitForFunction((k) => localStorage.getItem(k) === null, key);
    assert.deepEqual(await checkedInputs(s.page), []);
    // Clearing is the reader's action: one change event, with no answers.
    const changes = await eventsOf(s.page, 0, CHANGE);
    assert.equal(changes.length, before + 1);
    assert.deepEqual(changes.at(-1).detail.answers, {});
    await s.page.reload();
    await waitForReady(s.page);
    assert.deepEqual(await checkedInputs(s.page), []);
    assertClean(assert, s);
    await s.close();
  });
});

test('a changed checklist does not restore stale answers', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    const reskill = JSON.parse(readFileSync(path.join(ROOT, 'www/examples/reskill.json'), 'utf8'));
    let served = JSON.stringify(reskill);
    await s.context.route(s.origin + '/list.json', (r) => r.fulfill({ contentType: 'application/json', body: served }));
    await routeHtml(s, '/changing.html', page('<ai-cert-check src="/list.json"></ai-cert-check>'));
    await s.page.goto(s.origin + '/changing.html');
    await waitForReady(s.page);
    const q = reskill.sections[0].questions[0];
    await answer(s.page, 0, q.id, q.options[0].id);
    // Same checklist, reworded: answers stay.
    reskill.title = 'Reskill or stay put? (revised wording)';
    served = JSON.stringify(reskill);
    await s.page.reload();
    await waitForReady(s.page);
    assert.deepEqual(await checkedInputs(s.page), [`${q.id}=${q.options[0].id}`]);
    // An option renamed: the saved answers no longer mean the same thing.
    reskill.sections[0].questions[0].options[0].id = 'renamed';
    served = JSON.stringify(reskill);
    await s.page.reload();
    await waitForReady(s.page);
    assert.deepEqual(await checkedInputs(s.page), []);
    // The answers saved for the checklist as it was are left as they are: they may be
    // another checklist's that reuses the id (see tests/e2e/hostile.test.mjs).
    assert.equal(await s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ai-cert-check-reskill.')).length), 1);
    assertClean(assert, s);
    await s.close();
  });
});

test('storage="none" never writes storage and never restores', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeHtml(s, '/nostore.html', page('<ai-cert-check storage="none"></ai-cert-check>'));
    await s.page.goto(s.origin + '/nostore.html');
    await waitForReady(s.page);
    await answerAll(s.page, 0, STRONG);
    assert.equal(await s.page.evaluate(() => localStorage.length), 0);
    await s.page.reload();
    await waitForReady(s.page);
    assert.deepEqual(await checkedInputs(s.page), []);
    assert.equal(await notice(s.page), '', 'turning saving off is the host\'s choice, not a fault to report');
    await s.close();
  });
});

test('a shared link restores the same result in a fresh browser; a damaged one is ignored with a notice', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { permissions: ['clipboard-read', 'clipboard-write'] });
    await waitForReady(s.page);
    await answerAll(s.page, 0, [...STRONG, ['expectations', 'protection']]);
    await clickAction(s.page, 'link');
    await s.page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot.querySelector('[part="notice"]').textContent === 'Copied.');
    const link = await s.page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, new RegExp(`^${s.origin}/#${KEY}=1\\.[0-9a-z]+(\\.[0-9a-z]*)+$`));
    const original = await readVerdict(s.page);

    const fresh = await openPage(browser, server, '/', { goto: false });
    await fresh.page.goto(link);
    await waitForReady(fresh.page);
    assert.deepEqual(await checkedInputs(fresh.page), await checkedInputs(s.page));
    assert.deepEqual(await readVerdict(fresh.page), original);
    assert.equal(await fresh.page.evaluate(() => localStorage.length), 0, 'opening a link does not overwrite saved answers');
    assertClean(assert, fresh);
    await fresh.close();

    for (const [fragment, why] of [
      [`${KEY}=1.zz.9.9`, /different version of this checklist/],
      [`${KEY}=${link.split('=')[1].replace(/\.[0-9a-z]+$/, '.zzzzzz')}`, /damaged/],
      [`${KEY}=7.abc.1`, /newer version/],
    ]) {
      const other = await openPage(browser, server, '/', { goto: false });
      await other.page.goto(`${other.origin}/#${fragment}`);
      await waitForReady(other.page);
      assert.match(await notice(other.page), /^The answers in this link were not used: /);
      assert.match(await notice(other.page), why);
      assert.deepEqual(await checkedInputs(other.page), [], 'never half-applied');
      await other.close();
    }
    await s.close();
  });
});

test('"Copy summary" puts the verdict, reasons and next steps on the clipboard', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { permissions: ['clipboard-read', 'clipboard-write'] });
    await waitForReady(s.page);
    const events = await answerAll(s.page, 0, [['objective', 'promotion'], ['practice_now', 'rarely'], ['employer', 'yes'], ['apply_next', 'project']]);
    const result = events.at(-1).detail.result;
    await clickAction(s.page, 'summary');
    await s.page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot.querySelector('[part="notice"]').textContent === 'Copied.');
    const text = await s.page.evaluate(() => navigator.clipboard.readText());
    assert.ok(text.startsWith(`Is an AI certification worth it for you?\n\nYour verdict: ${result.title}\n`), text);
    for (const r of result.reasons) assert.ok(text.includes(r.text), `reason missing: ${r.text}`);
    for (const step of result.nextSteps) assert.ok(text.includes(step), `step missing: ${step}`);
    assert.ok(!/[<>]/.test(text), 'plain text');
    await s.close();
  });
});

test('printing shows the checklist and result without buttons', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    await waitForReady(s.page);
    await answerAll(s.page, 0, STRONG);
    const visible = () => widget(s.page).evaluate((h) => {
      const r = h.shadowRoot;
      const shown = (sel) => [...r.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0);
      return { buttons: shown('button'), verdict: shown('[part="verdict"]'), questions: shown('fieldset'), reasons: shown('[part="reasons"] li') };
    });
    assert.deepEqual(await visible(), { buttons: true, verdict: true, questions: true, reasons: true });
    await s.page.emulateMedia({ media: 'print' });
    assert.deepEqual(await visible(), { buttons: false, verdict: true, questions: true, reasons: true });
    await s.page.pdf({ path: path.join(ROOT, 'tests/artifacts/print.pdf') }).catch(() => {});
    await s.close();
  });
});

test('events fire once per reader action with the right detail, never for host calls; the API reads and sets answers', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    await waitForReady(s.page);
    const p = s.page;
    await p.evaluate(() => {
      window.__complete = 0;
      document.addEventListener('ai-cert-check-complete', (e) => {
        window.__complete += 1;
        window.__completeDetail = e.detail;
      });
    });
    // Three required answers: no complete yet.
    await answerAll(p, 0, STRONG.slice(0, 3));
    assert.equal(await p.evaluate(() => window.__complete), 0);
    const last = await answer(p, 0, ...STRONG[3]);
    assert.equal(await p.evaluate(() => window.__complete), 1);
    assert.deepEqual(await p.evaluate(() => window.__completeDetail.answers), last.detail.answers);
    assert.equal((await eventsOf(p, 0, CHANGE)).length, 4);
    // More answers after completing: change events, but complete does not repeat.
    await answer(p, 0, 'learning', 'structured');
    assert.equal(await p.evaluate(() => window.__complete), 1);

    // The host's API: read, set, reset. No events for any of it.
    const api = await p.evaluate(async () => {
      const m = await import('/pkg/ai-cert-check.js');
      const el = document.querySelector('ai-cert-check');
      const out = { answers: await m.getAnswers(el), verdict: (await m.getResult(el)).verdict };
      await m.setAnswers(el, { objective: 'none', expectations: ['salary_raise', 'protection'] });
      out.afterSet = await m.getAnswers(el);
      out.verdictAfterSet = (await m.getResult(el)).verdict;
      try {
        await m.setAnswers(el, { objective: 'astronaut' });
      } catch (e) {
        out.error = e.message ?? String(e);
      }
      out.afterError = await m.getAnswers(el);
      await m.reset(el);
      out.afterReset = await m.getAnswers(el);
      return out;
    });
    assert.deepEqual(api.answers, { objective: 'promotion', learning: 'structured', employer: 'yes', practice_now: 'weekly', apply_next: 'project' });
    assert.equal(api.verdict, 'worth_it');
    assert.deepEqual(api.afterSet, { objective: 'none', expectations: ['salary_raise', 'protection'] });
    assert.equal(api.verdictAfterSet, 'not_yet');
    assert.match(api.error, /no such option "astronaut"/);
    assert.deepEqual(api.afterError, api.afterSet, 'a bad call changes nothing');
    assert.deepEqual(api.afterReset, {});
    assert.equal((await eventsOf(p, 0, CHANGE)).length, 5, 'host calls fire no change events');
    assert.equal(await p.evaluate(() => window.__complete), 1);
    // The screen follows host calls too.
    assert.deepEqual(await checkedInputs(p), []);
    assertClean(assert, s);
    await s.close();
  });
});

test('themes: custom properties and theme="light|dark" change the computed styles inside the shadow root', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/themes.html', { colorScheme: 'light' });
    await waitForReady(s.page, 0);
    await waitForReady(s.page, 2);
    const bg = (nth) => widget(s.page, nth).evaluate((h) => getComputedStyle(h.shadowRoot.querySelector('.wrap')).backgroundColor);
    assert.equal(await bg(0), 'rgb(22, 27, 34)', 'theme="dark" in a light page');
    assert.equal(await bg(1), 'rgb(251, 247, 239)', '--acc-bg from the host page');
    assert.equal(await bg(2), 'rgb(255, 255, 255)', 'auto follows the light setting');
    const font = await widget(s.page, 1).evaluate((h) => getComputedStyle(h.shadowRoot.querySelector('.wrap')).fontFamily);
    assert.match(font, /Georgia/);
    const radius = await widget(s.page, 1).evaluate((h) => getComputedStyle(h.shadowRoot.querySelector('.option')).borderTopLeftRadius);
    assert.equal(radius, '0px');
    await screenshot(s.page, 'themes-light');
    await s.page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await bg(2), 'rgb(22, 27, 34)', 'auto follows the dark setting');
    assert.equal(await bg(1), 'rgb(251, 247, 239)', 'theme="light" stays light');
    await screenshot(s.page, 'themes-dark');
    assertClean(assert, s);
    await s.close();
  });
});

test('lang="fr" switches every visible string to French, also when set after mounting', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    await waitForReady(s.page);
    await answerAll(s.page, 0, [...STRONG, ['expectations', 'protection']]);
    await s.page.selectOption('#lang', 'fr');
    await s.page.waitForFunction(() =>
      document.querySelector('ai-cert-check').shadowRoot.querySelector('[part="title"]')?.textContent.startsWith('Une certification'));
    const text = await widget(s.page).evaluate((h) => h.shadowRoot.querySelector('.wrap').innerText);
    // Answers carry over (same checklist, same ids), so reasons and what-ifs show too.
    assert.match(text, /Probablement pas encore/);
    const english = ['the', 'your', 'you', 'and', 'with', 'answered', 'Worth it', 'Why', 'Next steps', 'Related reading', 'Copy summary', 'Where you stand', 'required', 'If you'];
    for (const word of english) {
      assert.ok(!new RegExp(`\\b${word}\\b`, 'i').test(text), `English "${word}" in: ${text.match(new RegExp(`.{0,40}\\b${word}\\b.{0,40}`, 'i'))?.[0]}`);
    }
    await screenshot(s.page, 'lang-fr');
    await s.page.selectOption('#lang', 'en');
    await s.page.waitForFunction(() =>
      document.querySelector('ai-cert-check').shadowRoot.querySelector('[part="title"]')?.textContent.startsWith('Is an AI'));
    assertClean(assert, s);
    await s.close();
  });
});

test('the one-file build works on its own: one script, no other request', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeHtml(s, '/single.html', `<!doctype html><html lang="en"><head><title>t</title><link rel="icon" href="data:,">
<script type="module" src="/pkg/ai-cert-check.single.js"></script></head><body><ai-cert-check></ai-cert-check></body></html>`);
    await s.page.goto(s.origin + '/single.html');
    await waitForReady(s.page);
    await answerAll(s.page, 0, STRONG);
    assert.equal((await readVerdict(s.page)).id, 'worth_it');
    assert.deepEqual(s.requests.map((u) => new URL(u).pathname), ['/single.html', '/pkg/ai-cert-check.single.js']);
    assertClean(assert, s);
    await s.close();
  });
});
