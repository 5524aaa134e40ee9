// End-to-end tests of the built widget (pkg/) on the demo pages (www/), in Debian's
// headless Chromium. Run: ./scripts/build.sh && node --test tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHANGE,
  CONDITIONAL,
  QUESTIONS,
  READY,
  TEST_TIMEOUT,
  VERDICT_TITLES,
  answer,
  answerAll,
  assertClean,
  checkedInputs,
  eventsOf,
  openPage,
  optionInput,
  readVerdict,
  routeHtml,
  screenshot,
  useTestServer,
  waitForAllReady,
  waitForReady,
  widget,
  withBrowser,
  STRONG,
} from './helpers.mjs';

const server = useTestServer();


const opts = { timeout: TEST_TIMEOUT };

test('the widget renders before any answer: one ready event per instance, host content still visible', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    const { page } = s;
    await waitForAllReady(page, 1);

    // An open shadow root with a form: every question of the contract is a
    // fieldset with a legend, and every option a native input of the right type.
    const shape = await widget(page).evaluate((host) => {
      const root = host.shadowRoot;
      if (!root) return null;
      const out = { form: !!root.querySelector('form'), questions: {} };
      for (const fs of root.querySelectorAll('fieldset')) {
        const inputs = [...fs.querySelectorAll('input')];
        if (!inputs.length) continue;
        out.questions[inputs[0].name] = {
          hidden: fs.hidden,
          legend: (fs.querySelector('legend')?.textContent ?? '').trim(),
          types: [...new Set(inputs.map((i) => i.type))],
          options: inputs.map((i) => i.value),
          labelled: inputs.every((i) => i.labels && i.labels.length > 0),
        };
      }
      return out;
    });
    assert.ok(shape, 'the element has an open shadow root');
    assert.ok(shape.form, 'the shadow root holds a <form>');
    for (const [id, [type, options]] of Object.entries(QUESTIONS)) {
      const q = shape.questions[id];
      if (CONDITIONAL.includes(id)) {
        assert.equal(q.hidden, true, `${id} is not asked before a program is picked`);
      }
      assert.ok(q, `question ${id} is rendered as a fieldset`);
      assert.ok(q.legend.length > 0, `question ${id} has a legend`);
      assert.deepEqual(q.types, [type], `question ${id} uses ${type} inputs`);
      assert.deepEqual([...q.options].sort(), [...options].sort(), `options of ${id}`);
      assert.ok(q.labelled, `every option of ${id} has a label`);
    }
    await assert.doesNotReject(optionInput(page, 0, 'objective', 'promotion').waitFor({ state: 'visible' }));

    // The article around the widget is still there and visible.
    const hostText = await page.evaluate(() =>
      [...document.querySelectorAll('p')]
        .filter((p) => !p.closest('ai-cert-check'))
        .map((p) => {
          const r = p.getBoundingClientRect();
          const cs = getComputedStyle(p);
          return { text: p.textContent.trim(), visible: r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none' };
        }),
    );
    assert.ok(hostText.length > 0, 'the demo page has its own paragraphs');
    assert.ok(hostText.every((p) => p.visible), `host paragraphs visible: ${JSON.stringify(hostText)}`);

    // One answer later (so the widget has settled), still exactly one ready event.
    await answer(page, 0, 'objective', 'understand');
    const ready = await eventsOf(page, 0, READY);
    assert.equal(ready.length, 1, 'ready fires exactly once');
    assert.ok(ready[0].bubbles && ready[0].composed, 'ready bubbles and is composed');
    assertClean(assert, s);
  });
});

test('a reader with a clear goal, weekly practice, an employer who values it and a project sees "Worth it"', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    const { page } = s;
    await waitForReady(page, 0);

    const answers = {};
    for (const [q, o] of STRONG) {
      const ev = await answer(page, 0, q, o);
      answers[q] = o;
      assert.ok(ev.bubbles && ev.composed, 'change bubbles and is composed');
      assert.ok(ev.detail && ev.detail.result, `change event after ${q}=${o} has detail.result`);
      assert.equal(ev.detail.answers[q], o, `detail.answers.${q}`);
      assert.deepEqual(ev.detail.answers, answers, 'detail.answers holds every answer so far');
      const onScreen = await readVerdict(page, 0);
      assert.equal(ev.detail.result.verdict, onScreen.id, `event verdict = verdict on screen after ${q}=${o}`);
      assert.equal(ev.verdictOnScreen, ev.detail.result.verdict, 'the screen was updated before the event was dispatched');
      assert.equal(ev.detail.result.title, VERDICT_TITLES[onScreen.id], 'detail.result.title');
      // A leaning is marked as one until the required questions are answered.
      const leaning = ev.detail.result.provisional ? 'Leaning: ' : '';
      assert.equal(onScreen.text, `${leaning}${VERDICT_TITLES[onScreen.id]}`, 'verdict text');
      // One polite announcement per change of what the bar says.
      assert.equal(onScreen.said.startsWith(`Your verdict: ${onScreen.text}`), true, `announced: ${onScreen.said}`);
      assert.equal(ev.detail.result.answered, Object.keys(answers).length, 'detail.result.answered');
      assert.equal(typeof ev.detail.result.total, 'number');
      assert.equal(typeof ev.detail.result.provisional, 'boolean');
    }
    assert.equal((await eventsOf(page, 0, CHANGE)).length, STRONG.length, 'one change event per click');

    const verdict = await readVerdict(page, 0);
    assert.equal(verdict.id, 'worth_it');
    assert.ok(verdict.text.includes('Worth it'));
    assert.ok(!verdict.text.includes('if you pair it'), verdict.text);
    // The four required answers complete the checklist; the expectations, still open,
    // could change the verdict, so it arrives as a leaning, said as one.
    assert.equal(verdict.said, 'Your verdict: Leaning: Worth it. Your full result is ready below.', 'the arrival is announced');
    assertClean(assert, s);
  });
});

test('a reader collecting certificates who expects an automatic raise never sees "Worth it"', opts, async () => {
  const cases = {
    'strong answers + collecting + salary_raise': [...STRONG, ['collecting', 'yes'], ['expectations', 'salary_raise']],
    'collecting + salary_raise first, then strong answers': [['collecting', 'yes'], ['expectations', 'salary_raise'], ...STRONG],
    'every other answer favourable': [
      ['objective', 'promotion'],
      ['learning', 'structured'],
      ['alternatives', 'no'],
      ['role', 'other_expected'],
      ['employer', 'yes'],
      ['daily_work', 'central'],
      ['practice_now', 'daily'],
      ['apply_next', 'project'],
      ['expectations', 'salary_raise'],
      ['collecting', 'yes'],
      ['program', 'yes'],
      ['program_skills', 'yes'],
      ['program_promises', 'no'],
      ['program_link', 'clear'],
    ],
  };
  await withBrowser(async (browser) => {
    for (const [name, pairs] of Object.entries(cases)) {
      const s = await openPage(browser, server, '/');
      await waitForReady(s.page, 0);
      const events = await answerAll(s.page, 0, pairs);
      const last = events[events.length - 1];
      const verdict = await readVerdict(s.page, 0);
      assert.notEqual(verdict.id, 'worth_it', `${name}: verdict on screen`);
      assert.ok(verdict.id in VERDICT_TITLES, `${name}: a known verdict (${verdict.id})`);
      assert.equal(last.detail.result.verdict, verdict.id, `${name}: event and screen agree`);
      assert.deepEqual(last.detail.answers.expectations, ['salary_raise'], `${name}: checkbox answers are a list`);
      assert.equal(last.detail.answers.collecting, 'yes');
      assertClean(assert, s);
      await s.close();
    }
  });
});

test('no request leaves 127.0.0.1, no console errors, no page errors', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    const { page } = s;
    await waitForReady(page, 0);
    const wasm = s.responses.filter((r) => r.url.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `one .wasm loaded: ${JSON.stringify(s.responses)}`);
    assert.equal(wasm[0].status, 200);
    assert.equal(wasm[0].contentType, 'application/wasm');
    assert.ok(wasm[0].url.startsWith(`${s.origin}/pkg/`), wasm[0].url);

    // A whole walk through the checklist, every question answered (the first option
    // of the objective and the program questions, so that all are asked; the last of
    // the others).
    const all = Object.entries(QUESTIONS).map(([q, [, options]]) => [q, options[q.startsWith('program') || q === 'objective' ? 0 : options.length - 1]]);
    const events = await answerAll(page, 0, all);
    const last = events[events.length - 1].detail.result;
    assert.equal(last.answered, all.length);
    assert.equal(last.total, all.length);
    assert.equal(last.provisional, false, 'every question answered: not provisional');

    assert.ok(s.requests.length >= 3, `the page, the script and the wasm were requested: ${s.requests.join(', ')}`);
    assert.ok(s.requests.some((u) => u === `${s.origin}/pkg/ai-cert-check.js`), 'the bundle was loaded');
    for (const u of s.requests) assert.ok(u.startsWith(`${s.origin}/`) || u.startsWith('data:'), `request to ${u}`);
    assertClean(assert, s);
  });
});

test('two instances are independent', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/two.html');
    const { page } = s;
    await waitForAllReady(page, 2);
    assert.equal(await page.locator('ai-cert-check').count(), 2);

    const secondBefore = { checked: await checkedInputs(page, 1), verdict: await readVerdict(page, 1) };
    await answerAll(page, 0, STRONG);
    assert.equal((await readVerdict(page, 0)).id, 'worth_it');
    assert.deepEqual(await checkedInputs(page, 1), secondBefore.checked, 'the second one keeps its inputs');
    assert.deepEqual(await readVerdict(page, 1), secondBefore.verdict, 'the second one keeps its verdict');
    assert.equal((await eventsOf(page, 1, CHANGE)).length, 0, 'no change event from the second one');

    // And the other way round.
    const firstBefore = { checked: await checkedInputs(page, 0), verdict: await readVerdict(page, 0) };
    await answerAll(page, 1, [['objective', 'none'], ['practice_now', 'never']]);
    assert.deepEqual(await checkedInputs(page, 1), ['objective=none', 'practice_now=never']);
    assert.deepEqual(await checkedInputs(page, 0), firstBefore.checked, 'the first one keeps its inputs');
    assert.deepEqual(await readVerdict(page, 0), firstBefore.verdict, 'the first one keeps its verdict');
    assert.equal((await eventsOf(page, 0, CHANGE)).length, STRONG.length);

    for (const n of [0, 1]) assert.equal((await eventsOf(page, n, READY)).length, 1, `instance ${n}: one ready event`);
    assertClean(assert, s);
  });
});

const STYLE_PROPS = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'text-decoration-line',
  'text-transform',
  'letter-spacing',
  'display',
  'box-sizing',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-left-width',
  'border-left-style',
  'border-radius',
  'accent-color',
  'outline-style',
];

test('styles are isolated in both directions', opts, async () => {
  await withBrowser(async (browser) => {
    // 1. Host-page styles do not reach inside the shadow root.
    const s = await openPage(browser, server, '/');
    const { page } = s;
    await waitForReady(page, 0);
    const inside = () =>
      widget(page).evaluate(
        (host, props) => {
          const root = host.shadowRoot;
          const els = ['label', 'legend', 'fieldset', 'input', 'form', '[part="verdict"]', 'p', 'button']
            .map((sel) => root.querySelector(sel))
            .filter(Boolean);
          return els.map((el) => {
            const cs = getComputedStyle(el);
            return { tag: el.tagName, ...Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])) };
          });
        },
        STYLE_PROPS,
      );
    const before = await inside();
    assert.ok(before.some((e) => e.tag === 'LABEL'), 'there is a label inside the shadow root');
    await page.addStyleTag({
      content: `
        label { color: rgb(255, 0, 0) !important; font-size: 40px !important; text-transform: uppercase !important; }
        legend, fieldset, form, p, input { color: rgb(255, 0, 0) !important; background-color: rgb(0, 255, 0) !important;
          border: 7px dotted rgb(0, 0, 255) !important; padding: 33px !important; margin: 21px !important; }
        [part="verdict"], [data-verdict] { color: rgb(255, 0, 0) !important; font-size: 50px !important; }`,
    });
    // The style applied to the host page (a host paragraph turns red)...
    await page.waitForFunction(() => {
      const p = [...document.querySelectorAll('p')].find((x) => !x.closest('ai-cert-check'));
      return p && getComputedStyle(p).color === 'rgb(255, 0, 0)';
    });
    // ...and changed nothing inside the widget.
    const after = await inside();
    assert.deepEqual(after, before, 'computed styles inside the shadow root are unchanged');
    const label = after.find((e) => e.tag === 'LABEL');
    assert.notEqual(label.color, 'rgb(255, 0, 0)', 'a label inside the shadow root is not red');
    assertClean(assert, s);
    await s.close();

    // 2. The widget's styles do not leak out: the same host markup has the same
    // computed style on a page without the widget and on a page with it.
    const probe = `
      <form id="probe-form"><fieldset id="probe-fieldset"><legend id="probe-legend">Host legend</legend>
        <label id="probe-label"><input id="probe-radio" type="radio" name="objective" value="promotion"> Host label</label>
        <label><input id="probe-check" type="checkbox" name="expectations" value="salary_raise"> Host check</label>
      </fieldset></form>
      <p id="probe-p">Host paragraph</p><div part="verdict" data-verdict="worth_it" id="probe-verdict">Host verdict</div>`;
    const pageHtml = (withWidget) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <link rel="icon" href="data:,"><title>probe</title>
      ${withWidget ? '<script type="module" src="/pkg/ai-cert-check.js"></script>' : ''}</head>
      <body>${probe}${withWidget ? '<ai-cert-check></ai-cert-check>' : ''}${probe.replaceAll('id="probe-', 'id="probe2-')}</body></html>`;
    const ids = ['form', 'fieldset', 'legend', 'label', 'radio', 'check', 'p', 'verdict'].flatMap((x) => [`#probe-${x}`, `#probe2-${x}`]);
    const probeStyles = async (withWidget) => {
      const p = await openPage(browser, server, '/', { goto: false });
      const path = withWidget ? '/__e2e/probe-with.html' : '/__e2e/probe-without.html';
      await routeHtml(p, path, pageHtml(withWidget));
      await p.page.goto(p.origin + path);
      if (withWidget) await waitForAllReady(p.page, 1);
      const styles = await p.page.evaluate(
        ([sel, props]) => {
          const styleOf = (els) =>
            els.map((el) => {
              const cs = getComputedStyle(el);
              return Object.fromEntries(props.map((prop) => [prop, cs.getPropertyValue(prop)]));
            });
          return {
            probes: styleOf(sel.map((x) => document.querySelector(x))),
            root: styleOf([document.documentElement, document.body]),
          };
        },
        [ids, STYLE_PROPS],
      );
      assertClean(assert, p);
      await p.close();
      return styles;
    };
    const without = await probeStyles(false);
    const withW = await probeStyles(true);
    assert.deepEqual(withW.root, without.root, 'html and body keep their computed style');
    assert.deepEqual(withW.probes, without.probes, 'host form controls, paragraphs and [part] elements keep their computed style');
  });
});

test('screenshots at phone and desktop width, light and dark; no horizontal scroll at 320 px', opts, async () => {
  await withBrowser(async (browser) => {
    const noHorizontalScroll = (page) =>
      page.evaluate(() => {
        const se = document.scrollingElement;
        return { scrollWidth: se.scrollWidth, clientWidth: se.clientWidth };
      });
    const shots = [
      { name: 'phone-light', viewport: { width: 320, height: 800 }, colorScheme: 'light' },
      { name: 'desktop-light', viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
      { name: 'desktop-dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
    ];
    for (const shot of shots) {
      const s = await openPage(browser, server, '/', { viewport: shot.viewport, colorScheme: shot.colorScheme });
      await waitForReady(s.page, 0);
      if (shot.viewport.width === 320) {
        const w = await noHorizontalScroll(s.page);
        assert.ok(w.scrollWidth <= w.clientWidth, `no horizontal scroll before answering at 320 px: ${JSON.stringify(w)}`);
      }
      await answerAll(s.page, 0, [...STRONG, ['expectations', 'protection']]);
      if (shot.viewport.width === 320) {
        const w = await noHorizontalScroll(s.page);
        assert.ok(w.scrollWidth <= w.clientWidth, `no horizontal scroll after answering at 320 px: ${JSON.stringify(w)}`);
      }
      const file = await screenshot(s.page, shot.name, { fullPage: true });
      assert.ok(file.endsWith(`${shot.name}.png`));
      assertClean(assert, s);
      await s.close();
    }
  });
});

test('without the script, the author\'s fallback content shows', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/', { goto: false });
    await routeHtml(
      s,
      '/__e2e/fallback.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>fallback</title></head>
       <body><h1>A post</h1><ai-cert-check><p>Take the checklist</p></ai-cert-check></body></html>`,
    );
    await s.page.goto(s.origin + '/__e2e/fallback.html');
    const fallback = s.page.locator('ai-cert-check p', { hasText: 'Take the checklist' });
    await fallback.waitFor({ state: 'visible' });
    assert.equal(await fallback.isVisible(), true);
    assert.equal(await s.page.evaluate(() => customElements.get('ai-cert-check')), undefined);
    assert.equal(await widget(s.page).evaluate((el) => el.shadowRoot), null, 'no shadow root without the script');
    assertClean(assert, s);
  });
});

test('an element added later mounts and fires its ready event; removing it throws no error', opts, async () => {
  await withBrowser(async (browser) => {
    const s = await openPage(browser, server, '/');
    const { page } = s;
    await waitForAllReady(page, 1);
    const n = await page.locator('ai-cert-check').count();

    await page.evaluate(() => document.body.appendChild(document.createElement('ai-cert-check')));
    await waitForReady(page, n);
    const ready = await eventsOf(page, n, READY);
    assert.equal(ready.length, 1, 'the new element fired one ready event');
    await optionInput(page, n, 'objective', 'promotion').waitFor({ state: 'visible' });
    const ev = await answer(page, n, 'objective', 'promotion');
    assert.equal(ev.detail.answers.objective, 'promotion');
    assert.equal((await eventsOf(page, 0, CHANGE)).length, 0, 'the first widget was not touched');

    await page.evaluate((i) => document.querySelectorAll('ai-cert-check')[i].remove(), n);
    assert.equal(await page.locator('ai-cert-check').count(), n);
    // The page goes on working after the removal: the first widget still answers.
    const ev0 = await answer(page, 0, 'objective', 'change_role');
    assert.equal(ev0.detail.answers.objective, 'change_role');
    assert.deepEqual(s.pageErrors, [], 'no error on removal');
    assertClean(assert, s);
  });
});
