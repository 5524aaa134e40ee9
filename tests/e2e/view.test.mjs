// What a reader sees, on a phone and on a desktop: the bar that stays in view while
// answering, the panel beside the questions with no scroll box of its own, the arrival
// of the result card, hover and choice told apart, the demo blog's reading as links,
// and the screenshots (light, dark, French) written to tests/artifacts/ to be looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DESKTOP,
  PHONE,
  TEST_TIMEOUT,
  answer,
  answerAll,
  assertClean,
  openPage,
  readVerdict,
  screenshot,
  useTestServer,
  waitForReady,
  widget,
  withBrowser,
} from './helpers.mjs';

const server = useTestServer();
const opts = { timeout: TEST_TIMEOUT };


// A reader who gets a leaning first, then a verdict that changes on the way.
const HALF = [['objective', 'understand'], ['learning', 'overwhelmed'], ['alternatives', 'unsure']];
const REST = [['role', 'marketer'], ['employer', 'unknown'], ['practice_now', 'weekly'], ['apply_next', 'interested'], ['expectations', 'none_of_these'], ['collecting', 'no'], ['program', 'yes'], ['program_skills', 'yes'], ['program_promises', 'no'], ['program_link', 'clear']];

/** The API's result for the first widget. */
const apiResult = (page) =>
  page.evaluate(async () => (await import('/pkg/ai-cert-check.js')).getResult(document.querySelector('ai-cert-check')));

test('on a phone the bar stays in view while answering and names the band the API gives; tapping it shows the card', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', PHONE);
    await waitForReady(s.page);
    let checked = 0;
    for (const [q, o] of [...HALF, ...REST]) {
      await answer(s.page, 0, q, o);
      const bar = await widget(s.page).evaluate((host) => {
        const b = host.shadowRoot.querySelector('[part="bar"]').getBoundingClientRect();
        return { top: b.top, bottom: b.bottom, height: innerHeight };
      });
      assert.ok(bar.top >= 0 && bar.bottom <= bar.height, `after ${q}=${o} the bar is in the viewport: ${JSON.stringify(bar)}`);
      const [shown, result] = [await readVerdict(s.page), await apiResult(s.page)];
      assert.equal(shown.id, result.verdict, `after ${q}=${o}`);
      assert.equal(shown.text, result.provisional ? `Leaning: ${result.title}` : result.title);
      checked++;
    }
    assert.equal(checked, HALF.length + REST.length);
    // The bar is a button: it brings the full result into view and moves focus there.
    await widget(s.page).locator('[part="bar"]').click();
    await s.page.waitForFunction(() => {
      const card = document.querySelector('ai-cert-check').shadowRoot.querySelector('.card');
      const r = card.getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0 && card.matches(':focus');
    });
    assertClean(assert, s);
    await s.close();
  });
});

test('on a desktop the panel beside the questions is short, and nothing of the result scrolls in a box of its own', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', DESKTOP);
    await waitForReady(s.page);
    await answerAll(s.page, 0, [...HALF, ...REST]);
    const layout = await widget(s.page).evaluate((host) => {
      const root = host.shadowRoot;
      const boxes = [...root.querySelectorAll('*')].filter((el) => {
        const cs = getComputedStyle(el);
        return /auto|scroll/.test(cs.overflowY + cs.overflowX) && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
      });
      const glance = root.querySelector('.result').getBoundingClientRect();
      const form = root.querySelector('form').getBoundingClientRect();
      return {
        scrollBoxes: boxes.map((b) => `${b.localName}.${b.className}`),
        glanceHeight: glance.height,
        beside: glance.left > form.right,
        position: getComputedStyle(root.querySelector('.result')).position,
      };
    });
    assert.deepEqual(layout.scrollBoxes, [], 'no scroll box inside the widget');
    assert.ok(layout.beside, 'the panel is beside the questions');
    assert.equal(layout.position, 'sticky');
    assert.ok(layout.glanceHeight < 900 * 0.75, `the panel fits the screen: ${layout.glanceHeight}px`);
    assertClean(assert, s);
    await s.close();
  });
});

test('the arrival of the result: the card is marked complete once the required questions are answered', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', DESKTOP);
    await waitForReady(s.page);
    const card = () =>
      widget(s.page).evaluate((host) => {
        const c = host.shadowRoot.querySelector('.card');
        return { shown: !c.hidden, final: c.hasAttribute('data-final'), arrived: c.hasAttribute('data-arrived'), animation: getComputedStyle(c).animationName };
      });
    assert.deepEqual(await card(), { shown: false, final: false, arrived: false, animation: 'none' });
    await answerAll(s.page, 0, [['objective', 'promotion'], ['employer', 'yes'], ['practice_now', 'weekly']]);
    assert.deepEqual(await card(), { shown: true, final: false, arrived: false, animation: 'none' }, 'a leaning: the card, not yet complete');
    await answer(s.page, 0, 'apply_next', 'project');
    // The required questions answered: the full result arrives, still a leaning (an
    // expectation not yet answered could change it).
    assert.deepEqual(await card(), { shown: true, final: false, arrived: true, animation: 'arrive' }, 'the arrival is visible');
    await answerAll(s.page, 0, [['expectations', 'none_of_these'], ['collecting', 'no']]);
    assert.equal((await card()).final, true, 'nothing open could change it: final');
    assertClean(assert, s);
    await s.close();
  });
});

test('a hovered option looks different from a chosen one, in light, dark and forced colours', opts, async () => {
  await withBrowser(async (browser) => {
    for (const [colorScheme, forcedColors] of [['light', 'none'], ['dark', 'none'], ['light', 'active']]) {
      const s = await openPage(browser, server, '/', { ...DESKTOP, colorScheme, forcedColors });
      await waitForReady(s.page);
      await answer(s.page, 0, 'objective', 'promotion');
      const look = (value) =>
        widget(s.page).evaluate((host, v) => {
          const label = host.shadowRoot.querySelector(`input[name="objective"][value="${v}"]`).closest('label');
          const cs = getComputedStyle(label);
          return [cs.backgroundColor, cs.borderTopColor, cs.fontWeight, cs.outlineStyle, cs.outlineWidth, cs.boxShadow].join(' | ');
        }, value);
      await widget(s.page).locator('input[name="objective"][value="change_role"]').hover();
      const [hovered, chosen, plain] = [await look('change_role'), await look('promotion'), await look('productivity')];
      assert.notEqual(hovered, chosen, `${colorScheme} ${forcedColors}: hover and choice differ`);
      assert.notEqual(hovered, plain, `${colorScheme} ${forcedColors}: hover shows`);
      assertClean(assert, s);
      await s.close();
    }
  });
});

test('the demo blog gives the related reading its addresses: at most three, as links to its pages', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', DESKTOP);
    await waitForReady(s.page);
    await answerAll(s.page, 0, [['objective', 'none'], ['expectations', 'protection']]);
    const links = await widget(s.page).evaluate((host) =>
      [...host.shadowRoot.querySelectorAll('[part="reading"] li')].map((li) => li.querySelector('a')?.getAttribute('href') ?? null),
    );
    assert.ok(links.length >= 1 && links.length <= 3, JSON.stringify(links));
    for (const href of links) {
      assert.match(href, /^posts\/[a-z-]+\.html$/);
      const r = await s.page.request.get(new URL(href, s.origin + '/').toString());
      assert.equal(r.status(), 200, `${href} is a page of the demo blog`);
    }
    assertClean(assert, s);
    await s.close();
  });
});

test('screenshots at 390 px (2x) and 1280 px, light and dark, French: before, half-way, complete', opts, async () => {
  await withBrowser(async (browser) => {
    for (const [device, width] of [[PHONE, 390], [DESKTOP, 1280]]) {
      for (const colorScheme of ['light', 'dark']) {
        const s = await openPage(browser, server, '/', { ...device, colorScheme });
        await waitForReady(s.page);
        const w = widget(s.page);
        const shoot = async (state) => {
          await w.locator('[part="bar"]').scrollIntoViewIfNeeded();
          await screenshot(s.page, `view-${width}-${colorScheme}-${state}`, { fullPage: false });
        };
        await w.scrollIntoViewIfNeeded();
        await screenshot(s.page, `view-${width}-${colorScheme}-initial`, { fullPage: false });
        await answerAll(s.page, 0, HALF);
        await shoot('half');
        await answerAll(s.page, 0, REST);
        await shoot('complete');
        await w.locator('.card').scrollIntoViewIfNeeded();
        await screenshot(s.page, `view-${width}-${colorScheme}-card`, { fullPage: false });
        assertClean(assert, s);
        await s.close();
      }
      const fr = await openPage(browser, server, '/', { ...device });
      await waitForReady(fr.page);
      await fr.page.selectOption('#lang', 'fr');
      await fr.page.waitForFunction(() => document.querySelector('ai-cert-check').shadowRoot.querySelector('h2')?.textContent.includes('IA'));
      await answerAll(fr.page, 0, [...HALF, ...REST]);
      const bar = await readVerdict(fr.page);
      assert.equal(bar.text, 'Ça en vaut la peine');
      await widget(fr.page).locator('.card').scrollIntoViewIfNeeded();
      await screenshot(fr.page, `view-${width}-french-card`, { fullPage: false });
      assertClean(assert, fr);
      await fr.close();
    }
  });
});
