// The screen is the result (issue 23): seeded random readers act on the demo page (options
// ticked and unticked, conditional questions appearing and disappearing, "Clear my
// answers" and "Undo", the language switch, a share link opened and kept), and after
// every action every visible part of the widget is compared with getResult() and with the
// last change event: the headline (and whether it is marked as a leaning), the summary or
// the leaning's note, the deciding reason, the reasons for and against, the program's
// box, the next steps, what would change it, the related reading, both pictures (the
// marked cell, the dot's cell, the caption) and the progress.
//
// On a failure it prints the seed, the reader and every action up to the failing one;
// `SCREEN_SEED=<seed> node --test tests/e2e/screen.test.mjs` replays the same readers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, PHONE, TIMEOUT, assertClean, openPage, useTestServer, waitForReady, withBrowser } from './helpers.mjs';
import { mulberry32 } from '../../bench/largest.mjs';

const server = useTestServer();

const SEED = Number(process.env.SCREEN_SEED ?? 20261207);
const READERS = Number(process.env.SCREEN_READERS ?? 300);
const ACTIONS = 16;

/**
 * In the page: what every part of widget `host` shows, next to its result. Returns the
 * differences (none when the screen is the result).
 */
async function differences(host, { lang }) {
  // The headline of a leaning and the progress, as each language's labels write them.
  const words = {
    en: { leaning: (t) => `Leaning: ${t}`, progress: (a, n) => `${a} of ${n} answered` },
    fr: { leaning: (t) => `Tendance\u00a0: «\u00a0${t}\u00a0»`, progress: (a, n) => `Réponses\u00a0: ${a} sur ${n}` },
  }[lang];
  window.__api ??= await import('/pkg/ai-cert-check.js');
  const r = await window.__api.getResult(host);
  const root = host.shadowRoot;
  const out = [];
  const same = (what, shown, want) => {
    if (JSON.stringify(shown) !== JSON.stringify(want)) {
      out.push(`${what}: shows ${JSON.stringify(shown)}, the result says ${JSON.stringify(want)}`);
    }
  };
  const visible = (el) => !!el && !el.closest('[hidden]');
  const text = (sel) => root.querySelector(sel)?.textContent ?? null;
  const items = (sel) => {
    const list = root.querySelector(sel);
    return visible(list) ? [...list.querySelectorAll('li')].map((li) => li.textContent.trim()) : [];
  };
  const side = (s) => r.reasons.filter((x) => x.side === s).map((x) => x.text);

  // When the action sent a change event (a reader's action that changed the answers),
  // it carried this same result.
  const events = window.__aicc.eventsFor(host, 'ai-cert-check-change');
  if (events.length > (window.__checkedEvents ?? 0)) {
    same('the last change event', events[events.length - 1].detail.result, JSON.parse(JSON.stringify(r)));
  }
  window.__checkedEvents = events.length;
  const headline = r.verdict === null ? null : r.provisional ? words.leaning(r.title) : r.title;
  const bar = root.querySelector('[part="verdict"]');
  if (r.verdict !== null) same('the bar', bar.textContent, headline);
  same("the bar's verdict", bar.getAttribute('data-verdict') || null, r.verdict);
  same('the progress', text('[part="progress"]'), words.progress(r.answered, r.total));
  same('the card shown', visible(root.querySelector('.card')), r.verdict !== null);
  same('the leaning note in the bar', visible(root.querySelector('.lean')) ? text('.lean') : null, r.leaning);
  if (r.verdict !== null) {
    same('the headline', text('.headline'), headline);
    same('the summary', text('.summary'), r.leaning ?? r.summary);
    const decisive = root.querySelector('.decisive');
    same('the deciding reason', visible(decisive) ? decisive.querySelector('p').textContent : null, side('decisive')[0] ?? null);
    same('the reasons for', items('.pros ul'), side('for'));
    same('the reasons against', items('.cons ul'), side('against'));
    same('the program', items('[part="offer"]'), side('offer'));
    same('the next steps', items('[part="next-steps"]'), r.nextSteps);
    same('what would change it', items('[part="what-if"]'), r.changes.map((c) => c.text));
    same('the reading', items('[part="reading"]'), r.reading.map((x) => x.title));
  }
  for (const figure of root.querySelectorAll('.chart')) {
    const where = figure.closest('.card') ? "the card's picture" : "the bar's picture";
    const dot = figure.querySelector('[part="dot"]');
    same(`${where}: the dot shown`, !dot.hasAttribute('hidden'), r.verdict !== null);
    same(`${where}: the marked cell`, figure.querySelector('g.area[data-current]')?.dataset.verdict ?? null, r.verdict);
    same(`${where}: the caption`, figure.querySelector('figcaption').textContent || null, r.caption);
    if (r.verdict !== null) {
      const [cx, cy] = ['cx', 'cy'].map((a) => Number(dot.getAttribute(a)));
      const cell = [...figure.querySelectorAll('g.area')].find((g) => {
        const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(g.querySelector('rect').getAttribute(a)));
        return cx > x && cx < x + w && cy > y && cy < y + h;
      });
      same(`${where}: the dot's cell`, cell?.dataset.verdict ?? null, r.place);
    }
  }
  return out;
}

/** In the page: one action of the reader on widget `host`; what it did, or null. */
function act(host, { kind, pick }) {
  const root = host.shadowRoot;
  if (kind === 'clear' || kind === 'undo') {
    const button = root.querySelector(`[data-action="${kind}"]`);
    if (!button || button.closest('[hidden]') || button.disabled) return null;
    button.click();
    return kind;
  }
  // An option of a question that is asked: a radio chosen, a box ticked or unticked. A
  // question is picked first (each alike), then one of its options; a third of the time
  // the tick-all question, where several boxes make sentences that depend on each other.
  const inputs = [...root.querySelectorAll('input')].filter((i) => !i.disabled && !i.closest('[hidden]'));
  if (!inputs.length) return null;
  const names = [...new Set(inputs.map((i) => i.name))];
  const boxes = inputs.filter((i) => i.type === 'checkbox');
  const [first, second] = [pick * 3 % 1, pick * 7 % 1];
  const group = boxes.length && pick < 1 / 3 ? boxes : inputs.filter((i) => i.name === names[Math.floor(first * names.length)]);
  const input = group[Math.floor(second * group.length)];
  input.click();
  const box = input.type === 'checkbox' ? (input.checked ? ' ticked' : ' unticked') : '';
  return `${input.name.replace(/^.*-q-/, '')} = ${input.value}${box}`;
}

test(`${READERS} random readers: after every action the screen is the result`, { timeout: 900_000 }, async () => {
  await withBrowser(async (browser) => {
    const random = mulberry32(SEED);
    for (const [d, device] of [PHONE, DESKTOP].entries()) {
      const s = await openPage(browser, server, '/', { ...device, goto: false });
      // One round trip per action: act, then compare.
      await s.context.addInitScript(`window.__differences = ${differences}; window.__act = ${act};
        window.__step = async (host, action, lang) => {
          const what = action ? window.__act(host, action) : 'checked';
          return { what, why: what === null ? [] : await window.__differences(host, { lang }) };
        };`);
      await s.page.goto(`${server.origin}/`);
      await waitForReady(s.page);
      const readies = () => s.page.evaluate(() => window.__aicc.events.filter((e) => e.type === 'ai-cert-check-ready').length);
      let lang = 'en';
      for (let reader = d; reader < READERS; reader += 2) {
        const done = [];
        for (let i = 0; i < ACTIONS; i++) {
          const roll = random();
          const pick = random();
          let what;
          if (roll < 0.04) {
            // The language switch: the widget starts again in the other language, the
            // reader's answers kept.
            lang = lang === 'en' ? 'fr' : 'en';
            const before = await readies();
            await s.page.selectOption('#lang', lang);
            await s.page.waitForFunction((n) => window.__aicc.events.filter((e) => e.type === 'ai-cert-check-ready').length > n, before, { timeout: TIMEOUT });
            what = `language: ${lang}`;
          } else if (roll < 0.06) {
            // These answers as a share link, opened in this tab (a new page load).
            const saved = await s.page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('ai-cert-check-ai-certification.')));
            if (!saved) continue;
            const url = new URL('/', server.origin);
            url.hash = `ai-cert-check-ai-certification=${saved[1]}`;
            // From another page: a link followed, not a fragment changed in place.
            await s.page.goto('about:blank');
            await s.page.goto(url.href);
            await waitForReady(s.page);
            if (lang !== 'en') {
              const before = await readies();
              await s.page.selectOption('#lang', lang);
              await s.page.waitForFunction((n) => window.__aicc.events.filter((e) => e.type === 'ai-cert-check-ready').length > n, before, { timeout: TIMEOUT });
            }
            what = `share link opened: ${saved[1]}`;
          }
          const kind = roll < 0.1 ? 'clear' : roll < 0.14 ? 'undo' : 'pick';
          const step = await s.page
            .locator('ai-cert-check')
            .evaluate((h, [a, l]) => window.__step(h, a, l), [what ? null : { kind, pick }, lang]);
          if (step.what === null) continue;
          what ??= step.what;
          done.push(what);
          const why = step.why;
          if (why.length) {
            assert.fail(
              `seed ${SEED}, reader ${reader} (${device === PHONE ? 'phone' : 'desktop'}, ${lang}), after:\n  ${done.join('\n  ')}\n${why.join('\n')}`,
            );
          }
          if (what.startsWith('share link opened')) {
            // The reader keeps the link's answers and goes on from them.
            const kept = await s.page.locator('ai-cert-check').evaluate((h) => {
              const keep = h.shadowRoot.querySelector('[data-action="keep"]');
              keep?.click();
              return !!keep;
            });
            if (kept) done.push('kept the shared answers');
          }
        }
        // The next reader starts from nothing.
        await s.page.locator('ai-cert-check').evaluate(async (h) => (await import('/pkg/ai-cert-check.js')).reset(h));
      }
      assertClean(assert, s);
      await s.close();
    }
  });
});
