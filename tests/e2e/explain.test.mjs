// The result explains itself: the picture in plain words, an empty start, the dot
// following the answers into the cell of the verdict, and related reading as links.
// (The article's readers, each with their advice, are tests/e2e/readers.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT,
  answerAll,
  assertClean,
  openPage,
  readVerdict,
  useTestServer,
  waitForReady,
  widget,
  withBrowser,
} from './helpers.mjs';

const server = useTestServer();

const opts = { timeout: TEST_TIMEOUT };

/** What the visible picture shows: the cell the dot is in, the current cell, the words. */
function explanation(page) {
  return widget(page).evaluate((host) => {
    const root = host.shadowRoot;
    const figure = [...root.querySelectorAll('.chart')].find((f) => f.getClientRects().length > 0);
    const dot = figure.querySelector('[part="dot"]');
    const svg = dot.ownerSVGElement;
    // Where the dot is going (its attributes), not where a transition has got it to.
    const cx = Number(dot.getAttribute('cx'));
    const cy = Number(dot.getAttribute('cy'));
    const areas = [...svg.querySelectorAll('g.area')].filter((g) => {
      const r = g.querySelector('rect').getBBox();
      return cx >= r.x && cx <= r.x + r.width && cy >= r.y && cy <= r.y + r.height;
    });
    const text = (sel) => [...root.querySelectorAll(sel)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
    return {
      dotShown: !dot.hasAttribute('hidden') && getComputedStyle(dot).display !== 'none',
      dotAreas: areas.map((g) => g.getAttribute('data-verdict')),
      currentArea: svg.querySelector('g.area[data-current]')?.getAttribute('data-verdict') ?? null,
      svgTitle: svg.querySelector('title')?.textContent ?? '',
      svgDesc: svg.querySelector('desc')?.textContent ?? '',
      axes: text('.chart:not([hidden]) .axis').slice(0, 2),
      labelledBy: svg.getAttribute('aria-labelledby'),
      caption: figure.querySelector('.chart-text')?.textContent ?? '',
      whatIf: text('[part="what-if"] li'),
      // What a reader sees, the picture aside: every visible text node outside an SVG.
      seen: (() => {
        const out = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (n.textContent.trim() && !el.closest('svg, .sr') && el.getClientRects().length > 0) out.push(n.textContent.trim());
        }
        return out.join('\n');
      })(),
    };
  });
}

test('the picture explains itself in plain words, with no raw scores on screen', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    await waitForReady(s.page);
    await answerAll(s.page, 0, [['objective', 'promotion'], ['employer', 'yes'], ['practice_now', 'weekly'], ['apply_next', 'project']]);
    const e = await explanation(s.page);
    assert.match(e.svgTitle, /Where you stand/);
    assert.deepEqual(e.axes, ['Reasons to get certified \u2192', 'Putting AI to work \u2192']);
    assert.equal(e.svgDesc, 'Left to right: Reasons to get certified. Bottom to top: Putting AI to work. You are in the \u201cWorth it\u201d area.');
    assert.equal(e.caption, 'You are in the \u201cWorth it\u201d area.', 'a one-line caption');
    assert.equal(e.labelledBy.split(' ').length, 2);
    assert.ok(!/scale|score/i.test(e.seen) && !/\d/.test(e.caption + e.svgDesc), 'no raw scores on screen');
    assertClean(assert, s);
    await s.close();
  });
});

test('before the first answer: no band, no dot, no summary; then the dot follows the answers', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    await waitForReady(s.page);
    const before = await explanation(s.page);
    assert.equal(before.dotShown, false, 'no dot before any answer');
    assert.equal(before.currentArea, null);
    assert.equal(before.caption, '');
    assert.deepEqual(before.whatIf, [], 'nothing to suggest before any answer');
    const v = await readVerdict(s.page);
    assert.equal(v.id, '');
    assert.equal(v.text, 'Answer the first question to see where you stand.');
    assert.equal(await widget(s.page).locator('.card').isVisible(), false, 'no result card yet');
    for (const band of ['Worth it', 'Probably not yet', 'Build experience instead']) {
      assert.ok(!before.seen.includes(band), `no "${band}" on screen but in the picture's cells`);
    }

    await answerAll(s.page, 0, [['objective', 'promotion'], ['employer', 'yes']]);
    const leaning = await explanation(s.page);
    assert.equal(leaning.dotShown, true);
    assert.deepEqual(leaning.dotAreas, ['pair_practice']);
    assert.match((await readVerdict(s.page)).text, /^Leaning: Worth it, if you pair it with practice$/);
    await answerAll(s.page, 0, [['practice_now', 'weekly'], ['apply_next', 'project']]);
    const strong = await explanation(s.page);
    assert.deepEqual(strong.dotAreas, ['worth_it']);
    assert.equal(strong.currentArea, 'worth_it');
    // At the top, only the way down is shown.
    assert.equal(strong.whatIf.length, 1);
    assert.match(strong.whatIf[0], /this would become \u201cWorth it, if you pair it with practice\u201d/);
    // A deciding answer changes the band, not where the answers place the reader: the
    // dot stays in the cell of its scores, the band's cell is marked, and the caption
    // says both and what decided.
    await answerAll(s.page, 0, [['expectations', 'guarantee_job']]);
    const decided = await explanation(s.page);
    assert.deepEqual(decided.dotAreas, ['worth_it']);
    assert.equal(decided.currentArea, 'not_yet');
    assert.equal(
      decided.caption,
      'Your answers\u2019 weights put you in \u201cWorth it\u201d (the dot), but \u201cYou expect it to guarantee a job\u201d decides your verdict: \u201cProbably not yet\u201d (marked).',
    );
    assertClean(assert, s);
    await s.close();
  });
});

test('related reading links use only the host\'s safe addresses', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await s.context.route(s.origin + '/links.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><script type="module" src="/pkg/ai-cert-check.js"></script></head><body>
<ai-cert-check reading-links='{"career-risk": "/posts/career-risk/", "employers-care": "javascript:alert(1)", "reskill": "mailto:editor@example.com"}'></ai-cert-check></body></html>`,
      }),
    );
    await s.page.goto(s.origin + '/links.html');
    await waitForReady(s.page);
    await answerAll(s.page, 0, [['objective', 'none'], ['expectations', 'protection']]);
    const links = await widget(s.page).evaluate((host) =>
      [...host.shadowRoot.querySelectorAll('.reading li')].map((li) => {
        const a = li.querySelector('a');
        return [li.textContent.trim(), a ? a.getAttribute('href') : null];
      }),
    );
    const byTitle = Object.fromEntries(links);
    assert.equal(byTitle['How to Assess Your AI Career Risk'], '/posts/career-risk/');
    assert.equal(byTitle['Reskill or Stay Put: A Rational Framework'], 'mailto:editor@example.com');
    assert.ok(links.length <= 3, 'at most three titles');
    // A javascript: address is never a link.
    await answerAll(s.page, 0, [['objective', 'promotion'], ['employer', 'yes']]);
    const isLink = await widget(s.page).evaluate((host) => {
      const li = [...host.shadowRoot.querySelectorAll('.reading li')].find((l) => l.textContent.includes('Do Employers'));
      return li ? !!li.querySelector('a') : 'missing';
    });
    assert.equal(isLink, false, 'a javascript: address is never a link');
    await s.close();
  });
});
