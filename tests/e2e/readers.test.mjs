// The article's readers (tests/readers.json, the rows marked e2e), answered by real
// clicks in the browser, on a phone and on a desktop: the bar, the card, the picture
// and the change event all give the advice the engine's table pins down, and every
// sentence on screen agrees with the answers (the row's `shows` and `never`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ARTIFACTS,
  CHANGE,
  READERS,
  DESKTOP,
  PHONE,
  TEST_TIMEOUT,
  VERDICT_TITLES,
  answerAll,
  assertClean,
  cardText,
  eventsOf,
  openPage,
  picksOf,
  readVerdict,
  screenshot,
  useTestServer,
  waitForReady,
  widget,
  withBrowser,
} from './helpers.mjs';

const server = useTestServer();
const opts = { timeout: TEST_TIMEOUT };


/** The reason's cause as the table writes it: `question=option` or `rule:id`. */
const causeOf = (r) => (r.rule ? `rule:${r.rule}` : `${r.question}=${r.option}`);

/** Where the dot is, and which cell and label boxes contain it, in the visible picture. */
function picture(page) {
  return widget(page).evaluate((host) => {
    const charts = [...host.shadowRoot.querySelectorAll('.chart')].filter((f) => f.getClientRects().length > 0);
    return charts.map((figure) => {
      const dot = figure.querySelector('[part="dot"]');
      const cx = Number(dot.getAttribute('cx'));
      const cy = Number(dot.getAttribute('cy'));
      const r = Number(dot.getAttribute('r'));
      const inside = (b) => cx - r >= b.x && cx + r <= b.x + b.width && cy - r >= b.y && cy + r <= b.y + b.height;
      const overlaps = (b) => cx + r > b.x && cx - r < b.x + b.width && cy + r > b.y && cy - r < b.y + b.height;
      const areas = [...figure.querySelectorAll('g.area')];
      return {
        hidden: dot.hasAttribute('hidden'),
        cells: areas.filter((g) => inside(g.querySelector('rect').getBBox())).map((g) => g.dataset.verdict),
        overLabel: areas.filter((g) => overlaps(g.querySelector('text').getBBox())).map((g) => g.dataset.verdict),
        current: figure.querySelector('g.area[data-current]')?.dataset.verdict ?? null,
        caption: figure.querySelector('figcaption').textContent,
      };
    });
  });
}

const rows = READERS.filter((r) => r.e2e);
assert.ok(rows.length >= 5, 'at least five readers end to end');

rows.forEach((reader, i) => {
  const device = i % 2 === 0 ? PHONE : DESKTOP;
  const where = device === PHONE ? 'phone' : 'desktop';
  test(`${reader.name} (${where}): the advice of the table, in sentences that agree`, opts, async () => {
    await withBrowser(async (browser) => {
      const s = await openPage(browser, server, '/', device);
      await waitForReady(s.page);
      await answerAll(s.page, 0, picksOf(reader));
      const events = await eventsOf(s.page, 0, CHANGE);
      const { result } = events[events.length - 1].detail;

      // The verdict: in the event, in the bar, in the card, in the picture; final, or a
      // leaning marked as one with what could change it.
      assert.equal(result.verdict, reader.band);
      assert.equal(result.provisional, !reader.final);
      const headline = reader.final ? result.title : `Leaning: ${result.title}`;
      assert.equal(result.leaning !== null, !reader.final);
      const bar = await readVerdict(s.page);
      assert.equal(bar.id, reader.band);
      assert.equal(bar.text, headline, 'the bar says the headline');
      const card = await cardText(s.page);
      assert.ok(card.includes(headline), 'the card says the headline');
      assert.ok(card.includes(result.leaning ?? result.summary), 'the card says the summary, or what could change a leaning');
      for (const p of await picture(s.page)) {
        // The dot where the answers place the reader, the headline's cell marked, and the
        // caption says both (and what decided, when they differ).
        assert.equal(p.hidden, false);
        assert.deepEqual(p.cells, [result.place], "the dot is inside the cell of the answers' place");
        assert.deepEqual(p.overLabel, [], 'the dot is over no label');
        assert.equal(p.current, reader.band);
        assert.equal(p.caption, result.caption);
        assert.ok(p.caption.includes(`\u201c${VERDICT_TITLES[reader.band]}\u201d`), p.caption);
      }

      // The deciding reason first, then the rest; the program; the steps.
      assert.equal(causeOf(result.reasons[0]), reader.decisive);
      assert.equal(result.reasons[0].side, 'decisive');
      const decisive = await widget(s.page).evaluate((h) => h.shadowRoot.querySelector('.decisive p').textContent);
      assert.equal(decisive, result.reasons[0].text);
      assert.equal(result.offer, reader.offer ?? null);
      const steps = await widget(s.page).evaluate((h) =>
        [...h.shadowRoot.querySelectorAll('[part="next-steps"] li')].map((li) => li.textContent),
      );
      assert.equal(steps.length, reader.steps.length);
      assert.deepEqual(steps, result.nextSteps);
      assert.deepEqual(
        result.changes.map((c) => c.verdict),
        [...reader.up, ...reader.down],
      );

      // Every sentence agrees with the answers: the card's, and the picture's caption
      // wherever the picture shows (beside the questions on a desktop).
      const seen = [card, ...(await picture(s.page)).map((p) => p.caption)].join('\n');
      for (const phrase of reader.shows) assert.ok(seen.includes(phrase), `shows ${JSON.stringify(phrase)}:\n${seen}`);
      for (const phrase of reader.never) assert.ok(!seen.includes(phrase), `never ${JSON.stringify(phrase)}:\n${seen}`);

      const name = `reader-${i + 1}-${where}`;
      await screenshot(s.page, name, { fullPage: false });
      await widget(s.page).locator('.card').screenshot({ path: `${ARTIFACTS}/${name}-card.png` });
      assertClean(assert, s);
      await s.close();
    });
  });
});
