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

test('answers are kept across a reload; "Clear my answers" empties screen and storage, and "Undo" brings them back', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    await waitForReady(s.page);
    await answerAll(s.page, 0, STRONG);
    const key = await savedKey(s.page);
    assert.match(key, /^ai-cert-check-ai-certification\.[0-9a-z]+$/);
    const stored = await s.page.evaluate((k) => localStorage.getItem(k), key);
    assert.match(stored, /^2\.[0-9a-z]+\./);
    assert.equal(key.split('.')[1], stored.split('.')[1], 'the key carries the fingerprint the answers carry');
    await s.page.reload();
    await waitForReady(s.page);
    const strong = STRONG.map(([q, o]) => `${q}=${o}`).sort();
    assert.deepEqual(await checkedInputs(s.page), strong);
    assert.equal((await readVerdict(s.page)).id, 'worth_it');
    const before = (await eventsOf(s.page, 0, CHANGE)).length;
    // Clear is a secondary action: it does not look like the others.
    const looks = await widget(s.page).evaluate((h) => {
      const style = (a) => getComputedStyle(h.shadowRoot.querySelector(`button[data-action="${a}"]`));
      return { clear: style('clear').borderTopColor, share: style('share').borderTopColor };
    });
    assert.notEqual(looks.clear, looks.share, 'clearing is styled as a secondary action');
    await clickAction(s.page, 'clear');
    await s.page.waitForFunction((k) => localStorage.getItem(k) === null, key);
    assert.deepEqual(await checkedInputs(s.page), []);
    assert.equal(await notice(s.page), 'Your answers were cleared.');
    // Clearing is the reader's action: one change event, with no answers.
    const changes = await eventsOf(s.page, 0, CHANGE);
    assert.equal(changes.length, before + 1);
    assert.deepEqual(changes.at(-1).detail.answers, {});
    // Undo restores every answer and the saved state.
    await clickAction(s.page, 'undo');
    await s.page.waitForFunction((k) => localStorage.getItem(k) !== null, key);
    assert.deepEqual(await checkedInputs(s.page), strong);
    assert.equal(await s.page.evaluate((k) => localStorage.getItem(k), key), stored);
    assert.equal((await readVerdict(s.page)).id, 'worth_it');
    assert.equal(await widget(s.page).locator('button[data-action="undo"]').isVisible(), false, 'undo is offered once');
    // Cleared again and answered again: the offer to undo goes.
    await clickAction(s.page, 'clear');
    await s.page.waitForFunction((k) => localStorage.getItem(k) === null, key);
    await answer(s.page, 0, 'objective', 'understand');
    assert.equal(await widget(s.page).locator('button[data-action="undo"]').isVisible(), false);
    await clickAction(s.page, 'clear');
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
    // Headless Chromium has no share sheet, so "Share my result" copies the link.
    assert.equal(await s.page.evaluate(() => typeof navigator.share), 'undefined');
    await clickAction(s.page, 'share');
    await s.page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot.querySelector('.card [part="notice"]').textContent === 'Copied.');
    const link = await s.page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, new RegExp(`^${s.origin}/#${KEY}=2\\.[0-9a-z]+(\\.[0-9a-z]*)+$`));
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

// A link made by the build before the checklist's last change (issue 28): a marketer
// after a promotion who does not know whether certificates count, uses AI weekly with
// a project, and expects an automatic raise and protection (tests/share.rs reads the
// same text natively).
const EARLIER = { fingerprint: 'ojn5wq', text: '1.ojn5wq.1...8.4..2.1.6' };
const EARLIER_ANSWERS = [
  'apply_next=project', 'employer=unknown', 'expectations=protection', 'expectations=salary_raise',
  'objective=promotion', 'practice_now=weekly', 'role=marketer',
];

test('answers saved or shared before the checklist changed still open, and saved ones move to today\'s key', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    await waitForReady(s.page);
    const earlierKey = `${KEY}.${EARLIER.fingerprint}`;
    await s.page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [earlierKey, EARLIER.text]);
    await s.page.reload();
    await waitForReady(s.page);
    assert.deepEqual(await checkedInputs(s.page), EARLIER_ANSWERS);
    const moved = await s.page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    assert.equal(moved[earlierKey], undefined, 'the earlier key is gone');
    const [key] = Object.keys(moved);
    assert.match(key, new RegExp(`^${KEY}\\.[0-9a-z]+$`));
    assert.notEqual(key, earlierKey);
    assert.match(moved[key], /^2\./, "saved again in today's format");
    // Nothing the reader chose is gone from the checklist, so nothing is to be answered again.
    assert.doesNotMatch(await notice(s.page), /answer .* again/);
    assertClean(assert, s);
    await s.close();

    const shared = await openPage(browser, server, '/', { goto: false });
    await shared.page.goto(`${shared.origin}/#${KEY}=${EARLIER.text}`);
    await waitForReady(shared.page);
    assert.deepEqual(await checkedInputs(shared.page), EARLIER_ANSWERS);
    assert.equal((await readVerdict(shared.page)).id, 'not_yet', 'the raise expected decides, as it did then');
    assert.equal(await shared.page.evaluate(() => localStorage.length), 0);
    assertClean(assert, shared);
    await shared.close();
  });
});

test('"Copy summary" puts the headline, reasons, steps and each answer with its question on the clipboard', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { permissions: ['clipboard-read', 'clipboard-write'] });
    await waitForReady(s.page);
    const events = await answerAll(s.page, 0, [['objective', 'promotion'], ['employer', 'yes'], ['practice_now', 'rarely'], ['apply_next', 'project']]);
    const result = events.at(-1).detail.result;
    await clickAction(s.page, 'summary');
    await s.page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot.querySelector('.card [part="notice"]').textContent === 'Copied.');
    const text = await s.page.evaluate(() => navigator.clipboard.readText());
    // The summary says what the screen says: this reader's verdict is a leaning (the
    // expectations are open), so its note stands in for the band's summary.
    const headline = result.provisional ? `Leaning: ${result.title}` : result.title;
    assert.ok(text.startsWith(`Is an AI certification worth it for you?\n\nYour verdict\n${headline}\n${result.leaning ?? result.summary}\n`), text);
    for (const r of result.reasons) assert.ok(text.includes(`- ${r.text}\n`), `reason missing: ${r.text}`);
    for (const step of result.nextSteps) assert.ok(text.includes(step), `step missing: ${step}`);
    assert.ok(text.includes('\n- How often do you use AI in your actual work today? Rarely\n'), text);
    assert.ok(!/::|[<>]/.test(text), 'plain text, no doubled colons');
    await s.close();
  });
});

/** The number of pages of a PDF made by Chromium (its page objects are not compressed). */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('printing: the result card and the chosen answers only, on one page, with the picture whole', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    await waitForReady(s.page);
    await answerAll(s.page, 0, [...STRONG, ['expectations', 'protection'], ['learning', 'structured'], ['role', 'consultant'], ['program', 'yes'], ['program_promises', 'yes']]);
    // "Print" prints the widget alone: the rest of the page (the blog post) is hidden
    // while the print dialog is open. (Headless Chromium has no dialog: record the call.)
    const sheetsBefore = await s.page.evaluate(() => {
      window.__printed = 0;
      window.print = () => { window.__printed += 1; };
      return document.adoptedStyleSheets.length;
    });
    await clickAction(s.page, 'print');
    assert.equal(await s.page.evaluate(() => window.__printed), 1);
    await s.page.emulateMedia({ media: 'print' });
    const pageShown = await s.page.evaluate(() =>
      [...document.body.querySelectorAll('h1, p, header, footer')]
        .filter((e) => !e.closest('ai-cert-check'))
        .filter((e) => e.getClientRects().length > 0).length,
    );
    assert.equal(pageShown, 0, 'nothing of the host page is printed with the widget');
    const layout = await widget(s.page).evaluate((h) => {
      const r = h.shadowRoot;
      const shown = (el) => el.getClientRects().length > 0;
      const all = (sel) => [...r.querySelectorAll(sel)];
      // Every line box of text in the widget, to check that none overlaps another.
      const lines = [];
      const walker = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent.trim() || !shown(n.parentElement) || n.parentElement.closest('svg, .sr')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const b of range.getClientRects()) if (b.width > 1 && b.height > 1) lines.push({ t: n.textContent.slice(0, 30), x: b.left, y: b.top, w: b.width, h: b.height });
      }
      const overlaps = [];
      for (let i = 0; i < lines.length; i++) {
        for (let j = i + 1; j < lines.length; j++) {
          const [a, b] = [lines[i], lines[j]];
          const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
          const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
          if (dx > 1 && dy > 2) overlaps.push(`${a.t} / ${b.t}`);
        }
      }
      return {
        buttons: all('button').filter(shown).length,
        card: shown(r.querySelector('.card')),
        chart: all('.card .chart').filter(shown).length,
        options: all('label.option').filter(shown).map((l) => l.querySelector('input').checked),
        questions: all('fieldset').filter(shown).length,
        cardFirst: r.querySelector('.card').getBoundingClientRect().top < r.querySelector('form').getBoundingClientRect().top,
        overlaps,
      };
    });
    assert.equal(layout.buttons, 0, 'no buttons on paper');
    assert.ok(layout.card && layout.cardFirst, 'the result card comes first');
    assert.equal(layout.chart, 1, 'the picture is printed once');
    assert.ok(layout.options.length >= 9 && layout.options.every(Boolean), 'only the chosen answers are printed');
    assert.equal(layout.questions, 9, 'only the questions answered');
    assert.deepEqual(layout.overlaps, [], 'no two lines of text overlap');
    await s.page.screenshot({ path: path.join(ROOT, 'tests/artifacts/print-emulated.png'), fullPage: true });
    for (const format of ['A4', 'Letter']) {
      if (format !== 'A4') {
        await s.page.emulateMedia({ media: 'screen' });
        await clickAction(s.page, 'print');
        await s.page.emulateMedia({ media: 'print' });
      }
      const pdf = await s.page.pdf({ format, path: path.join(ROOT, `tests/artifacts/print-${format.toLowerCase()}.pdf`) });
      assert.equal(pageCount(pdf), 1, `${format}: one page`);
      // Printing ends with "afterprint" (Chromium fires it for page.pdf too): the page
      // is as it was.
      assert.equal(await s.page.evaluate(() => document.adoptedStyleSheets.length), sheetsBefore);
      assert.equal(await widget(s.page).evaluate((h) => h.hasAttribute('data-printing')), false);
    }
    assertClean(assert, s);
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
