// The journey every reader and host relies on, run in one browser: each of
// chromium.test.mjs, firefox.test.mjs and webkit.test.mjs calls `journey(name)`.
//
// Each step is a test of its own, in order, in one launched browser (a second, fresh
// profile for the share link): the demo page answered by real clicks with the verdict
// and the events following, a reload, a share link, two instances, the dark and light
// themes' controls (default colours, and host-themed), the French build, a checklist
// of the host's own (`src`), and pages that forbid or allow WebAssembly. After each
// step, nothing may have gone wrong in any page it opened: no console error, uncaught
// error, failed load or error response.
//
// The checklist's content is assumed in one place only, JOURNEY below. Everything else
// compares the widget with itself: the verdict on screen with the change event's
// `detail.result` and with `getResult`, titles with the checklist files, and questions
// are found on screen ("the first question with nothing chosen"). No fixed sleeps:
// every wait is for a condition, in the page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { STRONG } from '../e2e/helpers.mjs';
import { launch } from './browsers.mjs';
import { ICON_PATH, startXbServer } from './server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * What the journey assumes of the built-in checklist, and nothing more: the answers it
 * clicks on the demo page, in order, as [question id, option id] (they must answer
 * every required question, and the open ones that could still change the band: a
 * verdict is final only then), and the verdict id they lead to.
 */
export const JOURNEY = {
  answers: [...STRONG, ['expectations', 'none_of_these'], ['collecting', 'no']],
  verdict: 'worth_it',
};

const readJson = (file) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
const FRENCH_TITLE = readJson('src/content/ai-certification.fr.json').title;
const CUSTOM = { page: '/examples/reskill.html', file: '/examples/reskill.json', title: readJson('www/examples/reskill.json').title };

const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'";
const WITH_WASM = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** A page of the test's own: the widget's script, `body`, no inline script or style. */
const hostPage = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<link rel="icon" href="${ICON_PATH}"><script type="module" src="/pkg/ai-cert-check.js"></script></head>
<body><main>${body}</main></body></html>`;

const BOTH_BUILDS = hostPage(
  '<ai-cert-check storage="none"><p>fallback</p></ai-cert-check>' +
    `<ai-cert-check storage="none" src="${CUSTOM.file}"><p>fallback</p></ai-cert-check>`,
);

// Two checklists of the host's own under a policy that forbids WebAssembly: two copies
// of the JavaScript build, each of which must keep to its own memory.
const TWO_OWN = hostPage(
  `<ai-cert-check storage="none" src="${CUSTOM.file}"><p>fallback</p></ai-cert-check>` +
    '<ai-cert-check storage="none" src="/examples/minimal.json"><p>fallback</p></ai-cert-check>',
);
// A widget and a same-origin frame it is moved into, as a pop-out window takes it.
const MOVE = hostPage('<ai-cert-check storage="none"></ai-cert-check><iframe src="/__xb/blank.html" style="width:900px;height:900px"></iframe>');

const STEP = { timeout: 180_000 };

/**
 * Pages with a dark and a light widget, by the elements' ids: the widget's own colours
 * on a plain page, and the themes page's host-themed instances. (Nothing in the widget
 * scrolls in a box of its own, so it has no scrollbar of its own to colour.)
 */
const THEMED = [
  { what: 'default colours', page: '/__xb/themes.html', dark: 'dark', light: 'light' },
  { what: 'themed by the host', page: '/themes.html', dark: 'midnight', light: 'paper' },
];
const THEMES_PAGE = hostPage(
  '<ai-cert-check id="dark" theme="dark" storage="none"></ai-cert-check><ai-cert-check id="light" theme="light" storage="none"></ai-cert-check>',
);

// ---------------------------------------------------------------------------------
// In-page functions. They are sent to the page as text, so each stands alone.
// ---------------------------------------------------------------------------------

const readyCount = (min) => {
  const hosts = document.querySelectorAll('ai-cert-check');
  const ready = new Set(window.__xb.events.filter((e) => e.type === 'ai-cert-check-ready').map((e) => e.host));
  return hosts.length >= min && ready.size >= hosts.length && hosts.length;
};
const eventsOf = (n, type) => window.__xb.events.filter((e) => e.host === n && (!type || e.type === `ai-cert-check-${type}`));
const optionLabel = (n, q, o) => {
  const input = document.querySelectorAll('ai-cert-check')[n].shadowRoot.querySelector(`input[name="${q}"][value="${o}"]`);
  return input && (input.closest('label') ?? input);
};
const isChecked = (n, q, o) =>
  !!document.querySelectorAll('ai-cert-check')[n].shadowRoot.querySelector(`input[name="${q}"][value="${o}"]`)?.checked;
/** The first single-choice question on screen with nothing chosen: [question, first option]. */
const firstOpen = (n) => {
  const root = document.querySelectorAll('ai-cert-check')[n].shadowRoot;
  for (const radio of root.querySelectorAll('input[type="radio"]')) {
    if (radio.offsetParent === null) continue;
    if (![...root.querySelectorAll(`input[name="${radio.name}"]`)].some((i) => i.checked)) return [radio.name, radio.value];
  }
  return null;
};
const checkedOf = (n) =>
  [...document.querySelectorAll('ai-cert-check')[n].shadowRoot.querySelectorAll('input:checked')].map((i) => `${i.name}=${i.value}`).sort();
const verdictOf = (n) => {
  const v = document.querySelectorAll('ai-cert-check')[n].shadowRoot.querySelector('[part="verdict"]');
  return v && v.offsetParent !== null ? { id: v.getAttribute('data-verdict'), text: v.textContent.replace(/\s+/g, ' ').trim() } : null;
};
/** How the widget looks, on the page or moved into its frame: styled, and how many answers it shows. */
const looksOf = (inFrame) => {
  const el = (inFrame ? document.querySelector('iframe').contentDocument : document).querySelector('ai-cert-check');
  const css = (selector) => el.ownerDocument.defaultView.getComputedStyle(el.shadowRoot.querySelector(selector));
  return { border: css('.wrap').borderTopWidth, option: css('.option').display, checked: el.shadowRoot.querySelectorAll('input:checked').length };
};
const titleOf = (n) => document.querySelectorAll('ai-cert-check')[n].shadowRoot.querySelector('[part="title"]')?.textContent.trim() ?? null;
const apiCall = async (n, name) => {
  const api = await import(new URL('/pkg/ai-cert-check.js', location.href).href);
  return api[name](document.querySelectorAll('ai-cert-check')[n]);
};

// ---------------------------------------------------------------------------------
// Steps' tools, on the Node side.
// ---------------------------------------------------------------------------------

/** What each open page allows itself: the browser's report of a refused probe. */
const allowance = new WeakMap();

/**
 * Everything wrong so far in `tab`'s current page, and clears it: what its recorder
 * caught (console.error calls, uncaught errors, failed loads), and what the driver's
 * console listener saw but for the browser's own messages the page allows.
 */
async function takeErrors(tab) {
  const recorded = await tab
    .run(() => window.__xb?.errors.splice(0) ?? ['the recorder is missing from this page'])
    .catch((e) => [`could not read the recorder: ${e.message}`]);
  const allowed = allowance.get(tab);
  return [...recorded, ...tab.consoleErrors.splice(0).filter((e) => !allowed?.test(e))];
}

/**
 * Watches one step: `visit` goes to a page after collecting what went wrong on the one
 * before; `clean()` asserts that nothing did, on any page of the step, and that the
 * server answered every request. `allowed` matches the browser's own console report of
 * a refused WebAssembly probe, on pages that forbid it (never the page's own errors).
 */
function watch(server) {
  const problems = [];
  let mark = server.mark();
  return {
    async visit(tab, url, { allowed = null } = {}) {
      if (allowance.has(tab)) problems.push(...(await takeErrors(tab)));
      allowance.set(tab, allowed);
      await tab.goto(url.startsWith('http') ? url : server.origin + url);
    },
    async reload(tab) {
      problems.push(...(await takeErrors(tab)));
      await tab.reload();
    },
    async clean(...tabs) {
      for (const tab of tabs) problems.push(...(await takeErrors(tab)));
      const bad = server.requestsSince(mark).filter((r) => r.status >= 400);
      mark = server.mark();
      problems.push(...bad.map((r) => `${r.status} for ${r.method} ${r.path}`));
      assert.deepEqual(problems.splice(0), [], 'errors in the pages of this step');
    },
  };
}

/**
 * Answers as a reader: a real click on the option's label in the nth widget, then waits
 * for the change event. Returns that event (as the recorder saw it).
 */
async function answer(tab, n, question, option) {
  const before = (await tab.run(eventsOf, n, 'change')).length;
  assert.equal(await tab.run(isChecked, n, question, option), false, `${question}=${option} is not chosen yet`);
  await tab.click(optionLabel, n, question, option);
  const changes = await tab.waitFor(
    `a change event after clicking ${question}=${option}`,
    (n, count) => {
      const changes = window.__xb.events.filter((e) => e.host === n && e.type === 'ai-cert-check-change');
      return changes.length > count && changes;
    },
    n,
    before,
  );
  assert.equal(changes.length, before + 1, `one change event for the click on ${question}=${option}`);
  assert.equal(await tab.run(isChecked, n, question, option), true, `clicking ${question}=${option} chose it`);
  return changes[changes.length - 1];
}

/** Answers the first question with nothing chosen, by its first option. */
async function answerFirstOpen(tab, n) {
  const open = await tab.run(firstOpen, n);
  assert.ok(open, `widget ${n} has a question with nothing chosen`);
  return { pair: open, event: await answer(tab, n, ...open) };
}

/** The event's result is the one on screen when it was dispatched. */
function assertFollows(event, what) {
  assert.equal(event.bubbles && event.composed, true, `${what}: the event bubbles out of the shadow root`);
  assert.ok(event.detail?.result?.title, `${what}: the event carries a result`);
  assert.equal(event.verdict, event.detail.result.verdict, `${what}: the verdict on screen is the event's`);
  // A leaning is shown as one until the required questions are answered.
  const shown = event.detail.result.provisional ? `Leaning: ${event.detail.result.title}` : event.detail.result.title;
  assert.equal(event.verdictText, shown, `${what}: the verdict's text on screen is the event's title`);
}

/**
 * Waits until at least `min` widgets are on the page and every one has fired ready.
 * If they do not, the failure says what the page reported meanwhile.
 */
async function waitReady(tab, min = 1) {
  try {
    return await tab.waitFor(`${min} widget(s) ready`, readyCount, min);
  } catch (error) {
    const errors = await tab.run(() => window.__xb?.errors ?? []).catch(() => []);
    throw new Error(`${error.message}\nthe page reported: ${JSON.stringify([...errors, ...tab.consoleErrors])}`);
  }
}

/** Luminance (0 dark, 1 light) of every pixel of `rect` in a PNG of the viewport. */
function luminances(png, rect, scale = 1) {
  const out = [];
  const x0 = Math.round(rect.x * scale);
  const y0 = Math.round(rect.y * scale);
  for (let y = y0; y < y0 + Math.round(rect.height * scale); y++) {
    for (let x = x0; x < x0 + Math.round(rect.width * scale); x++) {
      const i = (y * png.width + x) * 4;
      out.push((0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2]) / 255);
    }
  }
  return out;
}
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * The mean luminance of the middle of the first match of `selector` in widget `id`,
 * read from the pixels on screen once it is scrolled into view: what a reader sees of a
 * native control, which no computed style tells. WebKitGTK's screenshot can show the
 * frame before the scroll, so the screenshot is taken again until the pixel beside the
 * control is the colour its option's background computes to.
 */
async function middleLuminance(tab, id, selector) {
  const where = await tab.run(
    async (id, selector) => {
      const el = document.getElementById(id).shadowRoot.querySelector(selector);
      el.scrollIntoView({ block: 'center' });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const r = el.getBoundingClientRect();
      const option = el.closest('label') ?? el.parentElement;
      const o = option.getBoundingClientRect();
      return {
        dpr: devicePixelRatio,
        // The middle of the control, away from its border and focus ring.
        rect: { x: r.x + r.width * 0.3, y: r.y + r.height * 0.3, width: r.width * 0.4, height: r.height * 0.4 },
        // A pixel of the option's padding, left of the control.
        beside: { x: (o.x + r.x) / 2, y: r.y + r.height / 2, width: 1, height: 1 },
        background: getComputedStyle(option).backgroundColor.match(/[\d.]+/g).slice(0, 3).map(Number),
      };
    },
    id,
    selector,
  );
  const expected = (0.2126 * where.background[0] + 0.7152 * where.background[1] + 0.0722 * where.background[2]) / 255;
  const seen = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const png = PNG.sync.read(await tab.png());
    const beside = luminances(png, where.beside, where.dpr)[0];
    if (Math.abs(beside - expected) < 0.02) return mean(luminances(png, where.rect, where.dpr));
    seen.push(beside.toFixed(3));
  }
  throw new Error(`the screenshot never showed ${selector} of #${id} in view: beside it ${seen} instead of ${expected.toFixed(3)}`);
}

/**
 * What the theme step measures in one widget: the colour scheme of every control and of
 * the result panel, the inside of its first unchecked radio and checkbox (pixels), and
 * the buttons' background.
 */
async function measureTheme(tab, id) {
  const radioLuminance = await middleLuminance(tab, id, 'input[type="radio"]:not(:checked)');
  const boxLuminance = await middleLuminance(tab, id, 'input[type="checkbox"]:not(:checked)');
  // The result panel sticks to the top of the viewport while its widget is in view.
  const where = await tab.run((id) => {
    const root = document.getElementById(id).shadowRoot;
    const result = root.querySelector('[part="result"]');
    root.querySelector('[part="form"]').scrollIntoView({ block: 'center' });
    // The action buttons are in the result card, which shows once there is an answer.
    if (root.querySelector('.card').hidden) root.querySelector('input[type="radio"]').click();
    const buttons = [...root.querySelectorAll('button')].filter((b) => b.offsetParent !== null && !b.classList.contains('secondary') && !b.classList.contains('bar'));
    return {
      dpr: devicePixelRatio,
      schemes: [...new Set([...root.querySelectorAll('input, button')].map((c) => getComputedStyle(c).colorScheme))],
      resultScheme: getComputedStyle(result).colorScheme,
      buttons: [...new Set(buttons.map((b) => getComputedStyle(b).backgroundColor))],
    };
  }, id);
  const channel = (css) => css.match(/[\d.]+/g).slice(0, 3).map(Number);
  const png = await tab.png();
  const measured = {
    ...where,
    radioLuminance,
    boxLuminance,
    buttonLuminance: Math.max(...where.buttons.map((c) => mean(channel(c)) / 255)),
  };
  // The screenshot, for the artifacts (not in the report).
  Object.defineProperty(measured, 'png', { value: png });
  return measured;
}

// ---------------------------------------------------------------------------------
// The journey.
// ---------------------------------------------------------------------------------

export function journey(name) {
  describe(`the journey in ${name}`, () => {
    let server;
    let browser;
    let tab;
    const seen = {};

    before(async () => {
      server = await startXbServer();
      server.page('/__xb/strict.html', { csp: STRICT, html: BOTH_BUILDS });
      server.page('/__xb/with-wasm.html', { csp: WITH_WASM, html: BOTH_BUILDS });
      server.page('/__xb/themes.html', { html: THEMES_PAGE });
      server.page('/__xb/fr.html', { html: hostPage('<ai-cert-check lang="fr" storage="none"></ai-cert-check>') });
      server.page('/__xb/two-own.html', { csp: STRICT, html: TWO_OWN });
      server.page('/__xb/move.html', { html: MOVE });
      server.page('/__xb/blank.html', { html: hostPage('') });
      browser = await launch(name);
      tab = await browser.open();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test(`${name}: the demo page renders and is answered by real clicks; the verdict and the events follow`, STEP, async (t) => {
      t.diagnostic(`${name}: ${browser.version}`);
      const step = watch(server);
      await step.visit(tab, '/');
      await waitReady(tab);
      const questions = await tab.run(() => document.querySelector('ai-cert-check').shadowRoot.querySelectorAll('fieldset').length);
      assert.ok(questions >= 3, `the checklist's questions are shown (${questions})`);
      assert.equal(await tab.run((n) => document.querySelectorAll('ai-cert-check')[n].shadowRoot.querySelector('[part="form"]')?.offsetHeight > 0, 0), true, 'the form is on screen');

      const changes = [];
      for (const [q, o] of JOURNEY.answers) {
        const event = await answer(tab, 0, q, o);
        assertFollows(event, `after ${q}=${o}`);
        for (const [aq, ao] of JOURNEY.answers.slice(0, changes.length + 1)) {
          assert.deepEqual([event.detail.answers[aq]].flat(), [ao], `the event's answers hold ${aq}=${ao}`);
        }
        changes.push(event);
      }
      const last = changes[changes.length - 1];
      const onScreen = await tab.run(verdictOf, 0);
      assert.equal(onScreen.id, JOURNEY.verdict, 'the verdict the journey expects');
      assert.deepEqual(onScreen, { id: last.detail.result.verdict, text: last.detail.result.title }, 'the verdict on screen is the last event’s');
      assert.deepEqual(await tab.run(apiCall, 0, 'getResult'), last.detail.result, 'getResult says what the last event said');
      assert.equal(last.detail.result.provisional, false, 'every required question is answered');

      const all = await tab.run(eventsOf, 0);
      assert.deepEqual(all.map((e) => e.type).filter((t) => t !== 'ai-cert-check-change'), ['ai-cert-check-ready', 'ai-cert-check-complete'], 'ready once, complete once');
      assert.equal(all.filter((e) => e.type === 'ai-cert-check-change').length, JOURNEY.answers.length, 'one change event per click');
      seen.checked = await tab.run(checkedOf, 0);
      seen.verdict = onScreen;
      await tab.screenshot(`xbrowser-${name}-demo`);
      await step.clean(tab);
    });

    test(`${name}: the answers survive a reload`, STEP, async () => {
      assert.ok(seen.checked, 'the demo step answered');
      const step = watch(server);
      await step.reload(tab);
      await waitReady(tab);
      assert.deepEqual(await tab.run(checkedOf, 0), seen.checked, 'the same answers are chosen');
      assert.deepEqual(await tab.run(verdictOf, 0), seen.verdict, 'the same verdict shows');
      assert.deepEqual((await tab.run(eventsOf, 0)).map((e) => e.type), ['ai-cert-check-ready'], 'restoring is not a reader’s action: no change event');
      await step.clean(tab);
    });

    test(`${name}: a share link restores the answers in a fresh profile`, STEP, async () => {
      assert.ok(seen.checked, 'the demo step answered');
      const step = watch(server);
      await step.visit(tab, '/');
      await waitReady(tab);
      await tab.click(() => document.querySelector('ai-cert-check').shadowRoot.querySelector('[part="actions"] [data-action="share"]'));
      const { copy, notice } = await tab.waitFor('the share link to be copied and the reader told', () => {
        const notice = document.querySelector('ai-cert-check').shadowRoot.querySelector('.card [part="notice"]').textContent;
        const copy = window.__xb.copied[0];
        return copy?.done && notice && { copy, notice };
      });
      assert.equal(copy.done, 'copied', `the browser put the link on the clipboard (the reader was told "${notice}")`);
      const link = copy.text;
      assert.ok(link.startsWith(`${server.origin}/#ai-cert-check-`), `a link to this page carrying the answers: ${link}`);

      const fresh = await browser.open();
      try {
        await step.visit(fresh, link);
        await waitReady(fresh);
        assert.equal(await fresh.run(() => window.__xb.storedAtStart), 0, 'the fresh profile had nothing saved');
        assert.deepEqual(await fresh.run(checkedOf, 0), seen.checked, 'the link brought the same answers');
        assert.deepEqual(await fresh.run(verdictOf, 0), seen.verdict, 'and the same verdict');
        // The page opens on the notice that says whose answers these are, whole in view.
        const landing = await fresh.run(() => {
          const r = document.querySelector('ai-cert-check').shadowRoot.querySelector('[part="shared"]').getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, height: innerHeight };
        });
        assert.ok(landing.top >= 0 && landing.bottom <= landing.height, `the shared notice is in view: ${JSON.stringify(landing)}`);
        await fresh.screenshot(`xbrowser-${name}-shared`);
        await step.clean(tab, fresh);
      } finally {
        await fresh.close();
      }
    });

    test(`${name}: two instances on one page stay independent`, STEP, async () => {
      const step = watch(server);
      await step.visit(tab, '/two.html');
      assert.equal(await waitReady(tab, 2), 2);
      const start = [await tab.run(checkedOf, 0), await tab.run(checkedOf, 1)];
      const first = await answerFirstOpen(tab, 0);
      assertFollows(first.event, 'first widget');
      assert.deepEqual(await tab.run(checkedOf, 1), start[1], 'the second widget’s answers did not move');
      assert.deepEqual(await tab.run(eventsOf, 1, 'change'), [], 'and it fired no event');
      const afterFirst = await tab.run(checkedOf, 0);
      const second = await answerFirstOpen(tab, 1);
      assertFollows(second.event, 'second widget');
      assert.deepEqual(await tab.run(checkedOf, 0), afterFirst, 'the first widget’s answers did not move');
      assert.equal((await tab.run(eventsOf, 0, 'change')).length, 1, 'and it fired no more events');
      await step.clean(tab);
    });

    // The widget's own colours on a plain host page (no colour scheme of its own, as
    // most blogs), and the themes page's host-themed instances.
    for (const { page, dark: darkId, light: lightId, what } of THEMED) {
      test(`${name}: the dark theme's colours reach every control, radios and checkboxes included (${what})`, STEP, async (t) => {
        const step = watch(server);
        await step.visit(tab, page);
        await waitReady(tab, 2);
        const dark = await measureTheme(tab, darkId);
        await tab.screenshot(`xbrowser-${name}-dark-${darkId}`, dark.png);
        const light = await measureTheme(tab, lightId);
        const why = `dark: ${JSON.stringify(dark)}\nlight: ${JSON.stringify(light)}`;
        t.diagnostic(`${name}, ${what}: ${why}`);
        assert.ok(dark.radioLuminance < 0.4 && dark.boxLuminance < 0.4, `an unchecked radio and checkbox are drawn dark in the dark theme\n${why}`);
        assert.ok(light.radioLuminance > 0.6 && light.boxLuminance > 0.6, `and light in the light theme\n${why}`);
        assert.deepEqual([dark.schemes, dark.resultScheme], [['dark'], 'dark'], `every control of the dark widget is in the dark scheme\n${why}`);
        assert.deepEqual([light.schemes, light.resultScheme], [['light'], 'light'], `and of the light one in the light scheme\n${why}`);
        assert.ok(dark.buttonLuminance < 0.3 && light.buttonLuminance > 0.7, `the buttons are dark in the dark theme, light in the light one\n${why}`);
        await step.clean(tab);
      });
    }

    test(`${name}: the French build loads for lang="fr" and answers in French`, STEP, async () => {
      const step = watch(server);
      const mark = server.mark();
      await step.visit(tab, '/__xb/fr.html');
      await waitReady(tab);
      assert.equal(await tab.run(titleOf, 0), FRENCH_TITLE, 'the French checklist shows');
      const fetched = server.requestsSince(mark).map((r) => r.path);
      assert.ok(fetched.includes('/pkg/ai-cert-check-fr.js') && fetched.includes('/pkg/ai-cert-check-fr_bg.wasm'), `the French build was loaded: ${fetched}`);
      let event;
      for (const [q, o] of JOURNEY.answers) event = await answer(tab, 0, q, o);
      assertFollows(event, 'in French');
      assert.equal(event.detail.result.verdict, JOURNEY.verdict, 'the same answers give the same verdict');
      assert.notEqual(event.detail.result.title, seen.verdict?.text, 'named in French');
      await tab.screenshot(`xbrowser-${name}-french`);
      await step.clean(tab);
    });

    test(`${name}: a checklist of the host's own (src) loads and is answered`, STEP, async () => {
      const step = watch(server);
      const mark = server.mark();
      await step.visit(tab, CUSTOM.page);
      await waitReady(tab);
      assert.equal(await tab.run(titleOf, 0), CUSTOM.title, 'the host’s checklist shows');
      const fetched = server.requestsSince(mark).map((r) => r.path);
      assert.ok(fetched.includes(CUSTOM.file) && fetched.includes('/pkg/ai-cert-check-custom_bg.wasm'), `its file and the custom build were loaded: ${fetched}`);
      // Every question, as a reader going down the list would (questions may appear
      // as others are answered): each answer's event matches the screen.
      let event;
      for (let i = 0; i < 40 && (await tab.run(firstOpen, 0)); i++) {
        event = (await answerFirstOpen(tab, 0)).event;
        assertFollows(event, `answer ${i + 1}`);
      }
      assert.equal(await tab.run(firstOpen, 0), null, 'every single-choice question answered');
      assert.deepEqual(await tab.run(apiCall, 0, 'getResult'), event.detail.result, 'getResult says what the last event said');
      await tab.screenshot(`xbrowser-${name}-custom`);
      await step.clean(tab);
    });

    for (const [policy, csp, path] of [
      ['forbids WebAssembly', STRICT, '/__xb/strict.html'],
      ['allows WebAssembly', WITH_WASM, '/__xb/with-wasm.html'],
    ]) {
      const forbidden = csp === STRICT;
      test(`${name}: on a page that ${policy}, both builds run ${forbidden ? 'their JavaScript versions' : 'their .wasm'} and work`, STEP, async () => {
        const step = watch(server);
        const mark = server.mark();
        // The browser's own report of the refused probe is the one error allowed.
        await step.visit(tab, path, { allowed: forbidden ? /WebAssembly|wasm-unsafe-eval/ : null });
        assert.equal(await waitReady(tab, 2), 2, 'both widgets started');
        for (const n of [0, 1]) {
          const { event } = await answerFirstOpen(tab, n);
          assertFollows(event, `widget ${n}`);
        }
        const fetched = server.requestsSince(mark).map((r) => r.path);
        const got = (file) => fetched.includes(`/pkg/${file}`);
        for (const build of ['ai-cert-check-core', 'ai-cert-check-custom']) {
          assert.deepEqual(
            { wasm: got(`${build}_bg.wasm`), js: got(`${build}.wasm.js`) },
            { wasm: !forbidden, js: forbidden },
            `${build}: which of its files was fetched`,
          );
        }
        const violations = await tab.run(() => window.__xb.violations);
        if (forbidden) {
          // Each build's probe may be reported (Chromium and Firefox do, once per
          // build); nothing else.
          assert.ok(violations.length <= 2 && violations.every((v) => v.directive === 'script-src'), `at most the two probes' violations: ${JSON.stringify(violations)}`);
        } else {
          assert.deepEqual(violations, [], 'no violation');
        }
        await tab.screenshot(`xbrowser-${name}-${forbidden ? 'no-wasm' : 'wasm'}`);
        await step.clean(tab);
      });
    }

    test(`${name}: two checklists of the host's own on a page that forbids WebAssembly each keep working`, STEP, async () => {
      // Each copy of the JavaScript build owns its memory: the copy made last once
      // repointed the other's memory copies and fills, which stopped on its first click.
      const step = watch(server);
      await step.visit(tab, '/__xb/two-own.html', { allowed: /WebAssembly|wasm-unsafe-eval/ });
      assert.equal(await waitReady(tab, 2), 2, 'both widgets started');
      for (const n of [0, 1, 0, 1, 0]) {
        const { event } = await answerFirstOpen(tab, n);
        assertFollows(event, `widget ${n}`);
      }
      assert.equal((await tab.run(checkedOf, 0)).length, 3, 'every click of the first widget counted');
      assert.equal((await tab.run(checkedOf, 1)).length, 2, 'and of the second');
      await step.clean(tab);
    });

    test(`${name}: moved into a same-origin frame, the widget keeps its styles and answers, and mounts again there`, STEP, async () => {
      // A constructable stylesheet belongs to one document: the widget lost its styles
      // when moved, and a remount there threw NotAllowedError.
      const step = watch(server);
      await step.visit(tab, '/__xb/move.html');
      await waitReady(tab);
      await answerFirstOpen(tab, 0);
      const before = await tab.run(looksOf, false);
      assert.deepEqual(before, { border: '1px', option: 'flex', checked: 1 });
      await tab.waitFor('the frame to load', () => document.querySelector('iframe').contentDocument?.readyState === 'complete');
      await tab.run(() => {
        const doc = document.querySelector('iframe').contentDocument;
        doc.body.append(doc.adoptNode(document.querySelector('ai-cert-check')));
      });
      assert.deepEqual(await tab.run(looksOf, true), before, 'styled in the frame, its answers moved with it');
      // The reader answers there (a click in the frame's document).
      await tab.run(() => {
        const root = document.querySelector('iframe').contentDocument.querySelector('ai-cert-check').shadowRoot;
        const open = [...root.querySelectorAll('input[type="radio"]')].find((r) => ![...root.querySelectorAll(`input[name="${r.name}"]`)].some((i) => i.checked));
        open.click();
      });
      await tab.waitFor('the answer in the frame to count', () => document.querySelector('iframe').contentDocument.querySelector('ai-cert-check').shadowRoot.querySelectorAll('input:checked').length === 2);
      // Mounted again there (its storage choice changed).
      await tab.run(() => {
        const el = document.querySelector('iframe').contentDocument.querySelector('ai-cert-check');
        window.__remounted = false;
        el.addEventListener('ai-cert-check-ready', () => (window.__remounted = true), { once: true });
        el.setAttribute('storage', 'local');
      });
      await tab.waitFor('the widget to mount again in the frame', () => window.__remounted);
      assert.deepEqual({ ...(await tab.run(looksOf, true)), checked: 1 }, before, 'mounted again in the frame, styled');
      await tab.screenshot(`xbrowser-${name}-moved`);
      await step.clean(tab);
    });
  });
}
