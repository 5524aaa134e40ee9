// The reader's flow (issue 24), as readers meet it on the demo post: on a 390 px phone,
// on a 1280 px desktop and at 200% zoom (a 1280 x 900 window zoomed: 640 x 450 CSS px),
// and for focus also at 320 px and 400% zoom.
// 1. every notice shows where the reader is looking and is announced once; Clear moves
//    the focus to Undo, Undo back to where the reader was;
// 2. Tab never leaves a control under the sticky bar;
// 3. a share link opens on its notice, says whose result it is, offers "Start my own"
//    (and "Back to my answers" only to a reader with saved answers); a tap on a locked
//    option says why and what to do;
// 4. a reload keeps the reader's place; the widget's start moves nothing in view;
// 5. the browser's own print of the whole post keeps the card whole on one page (A4 and
//    Letter, read back from the PDF with Ghostscript), with the page's address and date;
// 6. answered sections fold to one line each; the phone page's length before and after.
// Screenshots go to tests/artifacts/flow-*.png (and the printed pages as PNGs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ARTIFACTS,
  DESKTOP,
  PHONE,
  ROOT,
  STRONG,
  TEST_TIMEOUT,
  answer,
  answerAll,
  assertClean,
  checkedInputs,
  openPage,
  screenshot,
  useTestServer,
  waitForReady,
  widget,
  withBrowser,
} from './helpers.mjs';

const server = useTestServer();
const opts = { timeout: TEST_TIMEOUT * 2 };

/** 200% and 400% zoom of a 1280 x 900 window: the CSS viewport shrinks, pixels grow. */
const ZOOM200 = { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 };
const ZOOM400 = { viewport: { width: 320, height: 225 }, deviceScaleFactor: 4 };
const NARROW = { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DEVICES = [['390', PHONE], ['1280', DESKTOP], ['zoom-200', ZOOM200]];
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

/** Every question answered ("Probably not yet, and not this program": a long card). */
const ALL = [
  ...STRONG,
  ['learning', 'structured'],
  ['alternatives', 'no'],
  ['role', 'consultant'],
  ['daily_work', 'central'],
  ['expectations', 'protection'],
  ['collecting', 'no'],
  ['program', 'yes'],
  ['program_skills', 'yes'],
  ['program_promises', 'yes'],
  ['program_link', 'clear'],
];

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe's WCAG A/AA violations on the whole page (it enters open shadow roots), scrolled to
 * the top: axe counts the part of a control the sticky bar happens to cover against its
 * target size, so where the page is scrolled would decide the result (the test of focus
 * above checks that no control the reader reaches is left under the bar).
 */
async function axeViolations(page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, AXE_TAGS);
}

// In the page: where things are, as the reader sees them. `sel` is a selector in the
// widget's shadow root, or null for the element with the focus.
function geometry([sel, text]) {
  const root = document.querySelector('ai-cert-check').shadowRoot;
  const el = sel ? root.querySelector(sel) : root.activeElement;
  const box = (e) => {
    if (!e) return null;
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  const r = box(el);
  const bar = root.querySelector('.result');
  const barBox = box(bar);
  // The live regions (role="status" or aria-live) whose text has `text`.
  const live = [...root.querySelectorAll('[role="status"], [aria-live]')].filter((e) => text && e.textContent.includes(text));
  return {
    what: el ? `${el.localName}${el.dataset?.action ? `[${el.dataset.action}]` : ''}${el.name ? `[${el.name}=${el.value}]` : ''} "${el.textContent.trim().slice(0, 40)}"` : null,
    box: r,
    // (Half a pixel either way: the layout's sub-pixel positions at 400% zoom.)
    inView: !!r && r.top >= -0.5 && r.bottom <= innerHeight + 0.5 && r.bottom > r.top,
    inBar: !!el && bar.contains(el),
    // Under the bar: the bar covers part of it (the bar is over the questions only on a
    // narrow screen, where it sticks to the bottom of the viewport).
    underBar: !!r && !bar.contains(el) && r.bottom > barBox.top + 0.5 && r.top < barBox.bottom && r.right > barBox.left && r.left < barBox.right,
    live: live.length,
    viewport: innerHeight,
  };
}
const where = (page, sel, text = null) => page.evaluate(geometry, [sel, text]);
const focusedAction = (page) => widget(page).evaluate((h) => h.shadowRoot.activeElement?.dataset?.action ?? h.shadowRoot.activeElement?.localName ?? null);
const click = (page, sel) => widget(page).locator(sel).first().click();

// ---------------------------------------------------------------------------------
// 1. Feedback where the reader is looking

test('every notice shows where the reader is looking, is announced once, and Clear and Undo move the focus', opts, async () => {
  await withBrowser(async (browser) => {
    for (const [name, device] of DEVICES) {
      const s = await openPage(browser, server, '/', { ...device, ...CLIPBOARD });
      await waitForReady(s.page);
      await answerAll(s.page, 0, STRONG);
      // Copies: "Copied." beside the button that was used, in view.
      for (const action of ['share', 'summary']) {
        await widget(s.page).evaluate((h) => { h.shadowRoot.querySelector('.card [part="notice"]').textContent = ''; });
        await click(s.page, `button[data-action="${action}"]`);
        await s.page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot.querySelector('.card [part="notice"]').textContent === 'Copied.');
        const notice = await where(s.page, '.card [part="notice"]', 'Copied.');
        const button = await where(s.page, `button[data-action="${action}"]`);
        assert.ok(notice.inView, `${name} ${action}: "Copied." is in view: ${JSON.stringify(notice)}`);
        assert.ok(Math.abs(notice.box.top - button.box.bottom) < 120, `${name} ${action}: "Copied." is beside the button: ${JSON.stringify([notice.box, button.box])}`);
        assert.equal(notice.live, 1, `${name} ${action}: said in one live region`);
      }
      await screenshot(s.page, `flow-${name}-copied`, { fullPage: false });

      // Clear: the card goes, the focus moves to Undo, which is in view with its notice.
      await click(s.page, 'button[data-action="clear"]');
      await s.page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot.activeElement?.dataset.action === 'undo');
      const undo = await where(s.page, null);
      const cleared = await where(s.page, '.result [part="notice"]', 'Your answers were cleared.');
      assert.ok(undo.inView && !undo.underBar, `${name}: Undo is in view: ${JSON.stringify(undo)}`);
      assert.ok(cleared.inView, `${name}: "Your answers were cleared." is in view: ${JSON.stringify(cleared)}`);
      assert.equal(cleared.live, 1, `${name}: said in one live region`);
      assert.deepEqual(await checkedInputs(s.page), []);
      await screenshot(s.page, `flow-${name}-cleared`, { fullPage: false });

      // Undo, by keyboard: the answers come back, the focus returns to "Clear my answers".
      await s.page.keyboard.press('Enter');
      await s.page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot.activeElement?.dataset.action === 'clear');
      const back = await where(s.page, null);
      assert.ok(back.inView, `${name}: after Undo, "Clear my answers" has the focus, in view: ${JSON.stringify(back)}`);
      assert.deepEqual(await checkedInputs(s.page), STRONG.map(([q, o]) => `${q}=${o}`).sort());
      assertClean(assert, s);
      await s.close();

      // Saving that fails: said in the bar, in view, once.
      const broken = await openPage(browser, server, '/', { ...device, goto: false });
      await broken.context.addInitScript(() => {
        Storage.prototype.setItem = function () {
          throw new DOMException('full', 'QuotaExceededError');
        };
      });
      await broken.page.goto(broken.origin + '/');
      await waitForReady(broken.page);
      await widget(broken.page).locator('input[name="learning"]').first().scrollIntoViewIfNeeded();
      await answer(broken.page, 0, 'learning', 'structured');
      const unsaved = await where(broken.page, '.result [part="notice"]', 'cannot be saved');
      assert.ok(unsaved.inView, `${name}: "cannot be saved" is in view: ${JSON.stringify(unsaved)}`);
      assert.equal(unsaved.live, 1);
      await screenshot(broken.page, `flow-${name}-unsaved`, { fullPage: false });
      assert.deepEqual(await axeViolations(broken.page), [], `${name}: axe with a notice in the bar`);
      await broken.close();
    }
  });
});

// ---------------------------------------------------------------------------------
// 2. Focus is never hidden

/** Tabs from the language switch through every stop of the widget; returns the stops. */
async function tabThrough(page) {
  await page.focus('#lang');
  const stops = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const inWidget = await page.evaluate(() => document.activeElement?.localName === 'ai-cert-check');
    if (!inWidget) {
      if (stops.length) break;
      continue;
    }
    // Let a smooth or deferred scroll finish: two frames.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    stops.push(await where(page, null));
  }
  return stops;
}

// One test per screen, so that each stays well inside its time limit on a busy machine.
for (const [name, device] of [['320', NARROW], ['390', PHONE], ['zoom-200', ZOOM200], ['zoom-400', ZOOM400], ['1280', DESKTOP]]) {
  test(`Tab never leaves a control under the sticky bar: ${name}`, opts, async () => {
    await withBrowser(async (browser) => {
      // Before any answer; every question answered (the card's links and buttons too);
      // and with a long notice in the bar (saving unavailable), which makes it taller.
      for (const state of ['empty', 'answered', 'notice']) {
        const s = await openPage(browser, server, '/', { ...device, goto: false });
        if (state === 'notice') {
          await s.context.addInitScript(() => {
            Storage.prototype.setItem = function () {
              throw new DOMException('full', 'QuotaExceededError');
            };
          });
        }
        await s.page.goto(s.origin + '/');
        await waitForReady(s.page);
        if (state !== 'empty') await answerAll(s.page, 0, state === 'answered' ? ALL : [['objective', 'promotion']]);
        await s.page.evaluate(() => window.scrollTo(0, 0));
        const stops = await tabThrough(s.page);
        assert.ok(stops.length >= (state === 'answered' ? 20 : 12), `${name} ${state}: ${stops.length} stops`);
        const hidden = stops.filter((f) => !f.inView || f.underBar).map((f) => `${f.what} ${JSON.stringify(f.box)} (viewport ${f.viewport})`);
        assert.deepEqual(hidden, [], `${name} ${state}: focused controls hidden or under the bar`);
        if (state === 'notice' && name === 'zoom-400') await screenshot(s.page, `flow-focus-${name}-${state}`, { fullPage: false });
        await s.close();
      }
    });
  });
}

// ---------------------------------------------------------------------------------
// 3. A shared result lands on itself

/** A share link for `pairs`, made by another reader in another context. */
async function shareLinkFor(browser, pairs) {
  const other = await openPage(browser, server, '/', { ...DESKTOP, ...CLIPBOARD });
  await waitForReady(other.page);
  await answerAll(other.page, 0, pairs);
  await click(other.page, 'button[data-action="share"]');
  await other.page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot.querySelector('.card [part="notice"]').textContent === 'Copied.');
  const link = await other.page.evaluate(() => navigator.clipboard.readText());
  await other.close();
  return link;
}

const headings = (page) => widget(page).evaluate((h) => [...h.shadowRoot.querySelectorAll('h3[id]')].map((e) => e.textContent));
const sharedButtons = (page) => widget(page).evaluate((h) => [...h.shadowRoot.querySelectorAll('[part="shared"] button')].map((b) => b.textContent));

test('a share link opens on its notice: someone else’s answers, "A shared result", "Start my own"; a tap on a locked option says why', opts, async () => {
  await withBrowser(async (browser) => {
    const link = await shareLinkFor(browser, ALL);
    for (const [name, device] of DEVICES) {
      // A reader with no saved answers.
      const s = await openPage(browser, server, '/', { ...device, goto: false });
      await s.page.goto(link);
      await waitForReady(s.page);
      await s.page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot.activeElement?.getAttribute('part') === 'shared');
      const landing = await where(s.page, '[part="shared"]');
      assert.ok(landing.inView, `${name}: the page opens on the shared notice: ${JSON.stringify(landing)}`);
      assert.match(await widget(s.page).locator('[part="shared"]').textContent(), /someone else’s answers.*the result is theirs/);
      assert.deepEqual(await headings(s.page), ['A shared result', 'A shared result'], `${name}: the result's headings say whose it is`);
      assert.deepEqual(await sharedButtons(s.page), ['Start my own', 'Keep these answers'], `${name}: no "Back to my answers" without saved answers`);
      await screenshot(s.page, `flow-${name}-shared`, { fullPage: false });
      assert.deepEqual(await axeViolations(s.page), [], `${name}: axe on the shared view`);

      // A tap on a locked option: nothing changes, and the bar says why and what to do.
      const before = await checkedInputs(s.page);
      await click(s.page, 'button[data-action="fold"]');
      const option = widget(s.page).locator('label.option').nth(2);
      await option.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await option.click({ force: true });
      await s.page.waitForFunction(() => /Start my own/.test(document.querySelector('ai-cert-check').shadowRoot.querySelector('.result [part="notice"]').textContent));
      const why = await where(s.page, '.result [part="notice"]', 'someone else’s answers');
      assert.ok(why.inView, `${name}: why it is locked, in view: ${JSON.stringify(why)}`);
      assert.equal(why.live, 1);
      assert.deepEqual(await checkedInputs(s.page), before, 'the tap changed nothing');
      await screenshot(s.page, `flow-${name}-locked`, { fullPage: false });

      // "Start my own": an empty form that answers, the reader's headings, nothing saved.
      await widget(s.page).getByRole('button', { name: 'Start my own' }).click();
      assert.deepEqual(await checkedInputs(s.page), []);
      assert.equal(await widget(s.page).locator('[part="shared"]').count(), 0);
      assert.deepEqual(await headings(s.page), ['Your verdict', 'Your verdict']);
      assert.equal(await focusedAction(s.page), 'input', 'the focus is on the first option');
      assert.equal(await s.page.evaluate(() => Object.keys(localStorage).length), 0, 'nothing saved');
      await answer(s.page, 0, 'objective', 'understand');
      assertClean(assert, s);
      await s.close();
    }

    // A reader with saved answers is offered them back; keeping says so, in view.
    const s = await openPage(browser, server, '/', PHONE);
    await waitForReady(s.page);
    await answerAll(s.page, 0, [['objective', 'none']]);
    await s.page.goto('about:blank');
    await s.page.goto(link);
    await waitForReady(s.page);
    assert.deepEqual(await sharedButtons(s.page), ['Start my own', 'Keep these answers', 'Back to my answers']);
    await widget(s.page).getByRole('button', { name: 'Keep these answers' }).click();
    const kept = await where(s.page, '.result [part="notice"]', 'These answers are now yours.');
    assert.ok(kept.inView, `"These answers are now yours." in view: ${JSON.stringify(kept)}`);
    assert.equal(kept.live, 1);
    assert.deepEqual(await headings(s.page), ['Your verdict', 'Your verdict']);
    await screenshot(s.page, 'flow-390-kept', { fullPage: false });
    assertClean(assert, s);
    await s.close();

    // Kept where saving fails: the bar says that, not that they were kept.
    const full = await openPage(browser, server, '/', { ...PHONE, goto: false });
    await full.context.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await full.page.goto(link);
    await waitForReady(full.page);
    await widget(full.page).getByRole('button', { name: 'Keep these answers' }).click();
    assert.match(await widget(full.page).locator('.result [part="notice"]').textContent(), /cannot be saved/);
    await full.close();
  });
});

// ---------------------------------------------------------------------------------
// 4. Reload keeps the place

test('a reload keeps the reader’s place, in the questions, the card or the article below, on a phone, a desktop and at 200% zoom', opts, async () => {
  // Found: on a phone the page jumped from 2,837 px to 7,448 px on every reload (the
  // position was restored before the widget rendered, so it was cut to the page's end).
  await withBrowser(async (browser) => {
    for (const [name, device] of DEVICES) {
      const s = await openPage(browser, server, '/', device);
      await waitForReady(s.page);
      await answerAll(s.page, 0, ALL);
      for (const at of [0.25, 0.6, 0.95, 1.15]) {
        const y = await widget(s.page).evaluate((h, f) => {
          const r = h.getBoundingClientRect();
          return Math.round(scrollY + r.top + r.height * f);
        }, at);
        await s.page.evaluate((to) => window.scrollTo(0, to), y);
        const before = await s.page.evaluate(() => scrollY);
        await s.page.reload();
        await waitForReady(s.page);
        // Settled: the same position for two frames in a row.
        const after = await s.page.evaluate(async () => {
          let last = -1;
          for (let i = 0; i < 100 && scrollY !== last; i++) {
            last = scrollY;
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          }
          return scrollY;
        });
        assert.ok(Math.abs(after - before) <= 2, `${name}, ${at} of the widget's height: ${before} px before the reload, ${after} px after`);
      }
      assertClean(assert, s);
      await s.close();
    }
  });
});

test('the widget’s start moves nothing the reader is looking at', opts, async () => {
  // A reader who scrolled into the article below before the widget started: its
  // rendering above them does not move the paragraph they are reading.
  await withBrowser(async (browser) => {
    for (const [name, device] of DEVICES) {
      const s = await openPage(browser, server, '/', { ...device, goto: false });
      let release;
      const held = new Promise((r) => (release = r));
      await s.context.route(/ai-cert-check-core_bg\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      await s.page.goto(s.origin + '/');
      const before = await s.page.evaluate(() => {
        const p = [...document.querySelectorAll('article p')].at(-1);
        p.scrollIntoView();
        return { text: p.textContent.slice(0, 30), top: p.getBoundingClientRect().top };
      });
      release();
      await waitForReady(s.page);
      const after = await s.page.evaluate(() => [...document.querySelectorAll('article p')].at(-1).getBoundingClientRect().top);
      assert.ok(Math.abs(after - before.top) <= 2, `${name}: "${before.text}" was at ${before.top} px, is at ${after} px`);
      await s.close();
    }
  });
});

// ---------------------------------------------------------------------------------
// 5. Print as readers print

/** The text of each page of `pdf` (Ghostscript's txtwrite), and each page as a PNG. */
function pdfPages(pdf, name) {
  const dir = mkdtempSync(path.join(tmpdir(), 'flow-pdf-'));
  try {
    const file = path.join(dir, 'print.pdf');
    writeFileSync(file, pdf);
    for (const old of readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-page-`))) rmSync(path.join(ARTIFACTS, old));
    execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=txtwrite', `-sOutputFile=${dir}/page-%d.txt`, file]);
    execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=png16m', '-r60', `-sOutputFile=${ARTIFACTS}/${name}-page-%d.png`, file]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort((a, b) => parseInt(a.slice(5)) - parseInt(b.slice(5)));
    return pages.map((f) => readFileSync(path.join(dir, f), 'utf8').replace(/\s+/g, ' '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasGhostscript = (() => {
  try {
    execFileSync('gs', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

test('the browser’s own print of the whole post keeps the card whole on one page, with the page’s address and the date (A4 and Letter)', opts, async () => {
  assert.ok(hasGhostscript, 'Ghostscript (gs) reads the printed pages back: ./scripts/setup.sh installs it');
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', DESKTOP);
    await waitForReady(s.page);
    await answerAll(s.page, 0, ALL);
    const today = await s.page.evaluate(() => new Date().toLocaleDateString('sv'));
    const stamp = `From ${s.origin}/, ${today}.`;
    // The card's first words and its last, as printed.
    const first = 'Probably not yet, and not this program';
    const last = 'Reskill or Stay Put: A Rational Framework';
    for (const format of ['A4', 'Letter']) {
      // Ctrl+P: the whole post, the browser's default margins; no click on Print.
      const pdf = await s.page.pdf({ format, margin: { top: '0.4in', bottom: '0.4in', left: '0.4in', right: '0.4in' } });
      const pages = pdfPages(pdf, `flow-print-post-${format.toLowerCase()}`);
      const pageOf = (text) => pages.findIndex((p) => p.includes(text));
      assert.ok(pages.length >= 2, `${format}: ${pages.length} pages`);
      for (const text of [first, 'The program you picked', 'Next steps', last, stamp]) {
        assert.equal(pageOf(text), pageOf(first), `${format}: "${text}" is on the card's page (${pageOf(text) + 1} and ${pageOf(first) + 1} of ${pages.length})`);
      }
      assert.ok(pages.some((p) => p.includes('What employers are buying')), `${format}: the article is printed too`);
      // The answers follow the card.
      assert.ok(pageOf('Is its connection to your objective clear?') >= pageOf(first), `${format}: the answers after the card`);
      // An answer beside a long question keeps its width (it was squeezed to a letter a
      // line beside the question floated at its left).
      assert.ok(pageOf('Yes, they count') >= 0, `${format}: "Yes, they count" printed whole`);
    }
    // The Print button's page: the widget alone, with the same line.
    await s.page.evaluate(() => {
      window.print = () => {};
    });
    for (const format of ['A4', 'Letter']) {
      // (Each print ends with "afterprint", after which the page prints whole again.)
      await click(s.page, 'button[data-action="print"]');
      const pages = pdfPages(await s.page.pdf({ format }), `flow-print-button-${format.toLowerCase()}`);
      assert.equal(pages.length, 1, `${format}: the Print button's page is one page`);
      assert.ok(pages[0].includes(stamp), `${format}: it says "${stamp}": ${pages[0].slice(-300)}`);
      assert.ok(pages[0].includes('Yes, they count'), `${format}: the answers printed whole`);
      assert.ok(!pages[0].includes('What employers are buying'), `${format}: the Print button prints the widget alone`);
    }
    // An address with "$&" in it is written as it is ("$&" is not a pattern here).
    await s.page.goto(s.origin + '/?from=$&');
    await waitForReady(s.page);
    assert.equal(await widget(s.page).locator('.printed').textContent(), `From ${s.origin}/?from=$&, ${today}.`);
    assertClean(assert, s);
    await s.close();
  });
});

// ---------------------------------------------------------------------------------
// 6. Shorter on a phone

test('answered sections fold to one line each, by tap or keyboard, and unfold; a returning reader finds them folded', opts, async () => {
  const foldedCount = (page) => widget(page).evaluate((h) => h.shadowRoot.querySelectorAll('form section[data-folded]').length);
  await withBrowser(async (browser) => {
    for (const [name, device] of DEVICES) {
      const s = await openPage(browser, server, '/', device);
      await waitForReady(s.page);
      await answerAll(s.page, 0, ALL);
      const measure = () =>
        widget(s.page).evaluate((h) => {
          const card = h.shadowRoot.querySelector('.card').getBoundingClientRect();
          const top = h.getBoundingClientRect();
          return { page: document.documentElement.scrollHeight, toCard: Math.round(card.top - top.top), screen: innerHeight };
        });
      const open = await measure();
      const titles = widget(s.page).locator('h3 > button[data-action="fold"]');
      const sections = await titles.count();
      assert.equal(sections, 6);
      // The first by keyboard (Enter on its title), the others by tap or click.
      await titles.first().focus();
      await s.page.keyboard.press('Enter');
      for (let i = 1; i < sections; i++) await titles.nth(i).click();
      const folded = await measure();
      const lines = await widget(s.page).evaluate((h) =>
        [...h.shadowRoot.querySelectorAll('form section')].map((sec) => {
          const b = sec.querySelector('.fold');
          return { expanded: b.getAttribute('aria-expanded'), line: b.innerText, shown: [...sec.querySelectorAll('fieldset')].filter((f) => f.getClientRects().length).length };
        }),
      );
      assert.ok(lines.every((l) => l.expanded === 'false' && l.shown === 0), 'every section folded to its title, and says so');
      assert.equal(lines[0].line, 'Your goal Get a promotion', 'the title and the answer chosen');
      assert.equal(lines[5].line, 'The program you are considering Yes, I have one in mind; Yes; Yes; Yes, clearly');
      // What a screen reader gets: the section's heading, with a collapsed button in it
      // named by the title and the answers.
      const ax = await widget(s.page).locator('form section').first().ariaSnapshot();
      assert.match(ax, /heading "Your goal Get a promotion" \[level=3\]/);
      assert.match(ax, /button "Your goal Get a promotion"/);
      assert.equal(await widget(s.page).getByRole('button', { name: 'Your goal Get a promotion', expanded: false }).count(), 1, 'a collapsed button');
      assert.ok(!/radio/.test(ax), 'no option of a folded section is exposed');
      assert.ok(folded.toCard < open.toCard / 2, `${name}: the card is nearer: ${open.toCard} px from the widget's top open, ${folded.toCard} px folded`);
      console.log(`# ${name}: page ${open.page} px open, ${folded.page} px folded; the card ${open.toCard} px from the widget's top open (${(open.toCard / open.screen).toFixed(1)} screens), ${folded.toCard} px folded (${(folded.toCard / folded.screen).toFixed(1)} screens)`);
      if (name === '390') {
        assert.ok(folded.toCard < 2 * folded.screen, `${name}: folded, the result is within two screens of the widget's top`);
        await titles.first().scrollIntoViewIfNeeded();
        await screenshot(s.page, `flow-${name}-folded`, { fullPage: false });
      }
      assert.deepEqual(await axeViolations(s.page), [], `${name}: axe with folded sections`);
      // A folded section's options are out of the tab order; Space unfolds it again.
      await titles.first().focus();
      await s.page.keyboard.press('Tab');
      assert.equal(await widget(s.page).evaluate((h) => h.shadowRoot.activeElement.dataset.action), 'fold', 'Tab goes from one folded title to the next');
      await s.page.keyboard.press('Shift+Tab');
      await s.page.keyboard.press('Space');
      assert.equal(await titles.first().getAttribute('aria-expanded'), 'true');
      for (let i = 1; i < sections; i++) await titles.nth(i).click();
      assert.equal(await foldedCount(s.page), 0);
      assert.deepEqual(await measure(), open, 'unfolded, the page is as it was');

      // A returning reader (a new visit) finds the answered sections folded; a reload
      // leaves them as they were (the reader's place is kept).
      await s.page.goto(s.origin + '/');
      await waitForReady(s.page);
      assert.equal(await foldedCount(s.page), 6, 'folded on a return');
      await s.page.reload();
      await waitForReady(s.page);
      assert.equal(await foldedCount(s.page), 0, 'open after a reload');
      // Clearing unfolds everything.
      await s.page.goto(s.origin + '/');
      await waitForReady(s.page);
      await click(s.page, 'button[data-action="clear"]');
      assert.equal(await foldedCount(s.page), 0, 'open after clearing');
      assertClean(assert, s);
      await s.close();
    }
  });
});
