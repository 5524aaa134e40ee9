// The verdict explains itself (issue: why, what would change it, where you stand):
// the article's Candidate A and Candidate B, each seen in a real browser at phone
// width, with the picture's dot in the right area and the what-would-change sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ARTIFACTS,
  TEST_TIMEOUT,
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

// Candidate A: has certificates, rarely uses AI in their work.
const CANDIDATE_A = [
  ['objective', 'promotion'],
  ['collecting', 'yes'],
  ['practice_now', 'rarely'],
  ['apply_next', 'interested'],
  ['employer', 'unknown'],
];
// Candidate B: no certificate, uses AI regularly to improve productivity.
const CANDIDATE_B = [
  ['objective', 'productivity'],
  ['collecting', 'no'],
  ['practice_now', 'daily'],
  ['apply_next', 'project'],
  ['employer', 'no'],
  ['alternatives', 'yes'],
];

/** What the explanation shows: the area the dot is drawn in, the reasons and what-ifs. */
function explanation(page) {
  return widget(page).evaluate((host) => {
    const root = host.shadowRoot;
    const dot = root.querySelector('[part="dot"]');
    const svg = dot.ownerSVGElement;
    // Where the dot is going (its attributes), not where a transition has got it to.
    const cx = Number(dot.getAttribute('cx'));
    const cy = Number(dot.getAttribute('cy'));
    // The area whose rectangle contains the dot's centre.
    const areas = [...svg.querySelectorAll('g.area')].filter((g) => {
      const r = g.querySelector('rect').getBBox();
      return cx >= r.x && cx <= r.x + r.width && cy >= r.y && cy <= r.y + r.height;
    });
    const text = (sel) => [...root.querySelectorAll(sel)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
    return {
      dotAreas: areas.map((g) => g.getAttribute('data-verdict')),
      currentArea: svg.querySelector('g.area[data-current]')?.getAttribute('data-verdict') ?? null,
      svgTitle: svg.querySelector('title')?.textContent ?? '',
      svgDesc: svg.querySelector('desc')?.textContent ?? '',
      labelledBy: svg.getAttribute('aria-labelledby'),
      caption: root.querySelector('.chart-text')?.textContent ?? '',
      reasons: text('[part="reasons"] li'),
      whatIf: text('[part="what-if"] li'),
      progress: root.querySelector('[part="progress"]').textContent,
    };
  });
}

test("Candidate A sees where they stand, why, and the one change that helps most", opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { viewport: { width: 320, height: 800 }, isMobile: true, hasTouch: true });
    await waitForReady(s.page);
    await answerAll(s.page, 0, CANDIDATE_A);
    assert.equal((await readVerdict(s.page)).id, 'build_experience');
    const e = await explanation(s.page);
    // Scores alone: a low career case (collecting pulls it down), thin practice.
    assert.deepEqual(e.dotAreas, ['not_yet']);
    assert.equal(e.currentArea, 'not_yet');
    assert.match(e.svgTitle, /Where you stand/);
    assert.match(e.svgDesc, /Practical application: 1 on a scale from/);
    assert.equal(e.caption, e.svgDesc, 'the picture is also in text');
    assert.ok(e.labelledBy.split(' ').length === 2);
    // The decisive reason first: the collected, unused certificates.
    assert.match(e.reasons[0], /certificates you rarely use/);
    assert.equal(e.progress, '5 of 13 answered');
    // What would change it: putting the certificates to use lifts it a band.
    assert.equal(
      e.whatIf[0],
      'If you put the certificates you already hold to use, this becomes \u201cProbably not yet\u201d.',
    );
    await widget(s.page).locator('.result').scrollIntoViewIfNeeded();
    await screenshot(s.page, 'explain-candidate-a-320');
    await widget(s.page).locator('.result').screenshot({ path: `${ARTIFACTS}/explain-candidate-a-320-result.png` });
    assertClean(assert, s);
    await s.close();
  });
});

test('Candidate B sees the dot in "Build experience instead" and what would make it worth it', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { viewport: { width: 320, height: 800 }, isMobile: true, hasTouch: true });
    await waitForReady(s.page);
    await answerAll(s.page, 0, CANDIDATE_B);
    assert.equal((await readVerdict(s.page)).id, 'build_experience');
    const e = await explanation(s.page);
    assert.deepEqual(e.dotAreas, ['build_experience']);
    assert.match(e.reasons.join(' '), /Candidate B/);
    assert.match(e.whatIf[0], /^If you answer \u201cYes, they count\u201d to .*this becomes \u201cWorth it\u201d\.$/);
    // Never "use AI less" as a way up.
    assert.ok(!e.whatIf.some((w) => /rarely use AI|stop using AI/.test(w)), e.whatIf.join(' | '));
    await screenshot(s.page, 'explain-candidate-b-320');
    await widget(s.page).locator('.result').screenshot({ path: `${ARTIFACTS}/explain-candidate-b-320-result.png` });
    assertClean(assert, s);
    await s.close();
  });
});

test('the dot moves to the right area as answers change', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    await waitForReady(s.page);
    const before = await explanation(s.page);
    assert.deepEqual(before.dotAreas, ['not_yet']);
    assert.deepEqual(before.whatIf, [], 'nothing to suggest before any answer');
    await answerAll(s.page, 0, [['objective', 'promotion'], ['employer', 'yes']]);
    assert.deepEqual((await explanation(s.page)).dotAreas, ['pair_practice']);
    await answerAll(s.page, 0, [['practice_now', 'weekly'], ['apply_next', 'project']]);
    const strong = await explanation(s.page);
    assert.deepEqual(strong.dotAreas, ['worth_it']);
    assert.equal(strong.currentArea, 'worth_it');
    // At the top, only the way down is shown.
    assert.equal(strong.whatIf.length, 1);
    assert.match(strong.whatIf[0], /this drops to/);
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
    await answerAll(s.page, 0, [['expectations', 'protection'], ['expectations', 'guarantee_job'], ['objective', 'none']]);
    const links = await widget(s.page).evaluate((host) =>
      [...host.shadowRoot.querySelectorAll('.reading li')].map((li) => {
        const a = li.querySelector('a');
        return [li.textContent.trim(), a ? a.getAttribute('href') : null];
      }),
    );
    const byTitle = Object.fromEntries(links);
    assert.equal(byTitle['How to Assess Your AI Career Risk'], '/posts/career-risk/');
    assert.equal(byTitle['Do Employers Actually Care About AI Skills'], null, 'a javascript: address is never a link');
    assert.equal(byTitle['Reskill or Stay Put: A Rational Framework'], 'mailto:editor@example.com');
    await s.close();
  });
});
