// Shared helpers for the end-to-end tests (node --test, playwright-core, Debian's
// Chromium). Nothing here sleeps for a fixed time: every wait is for a condition.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, LAUNCH_ARGS } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');

/** How long any single wait may take before the test fails. */
export const TIMEOUT = 15_000;
/** The per-test timeout for node:test. */
export const TEST_TIMEOUT = 90_000;

export { CHROMIUM_PATH, LAUNCH_ARGS };

export const READY = 'ai-cert-check-ready';
export const CHANGE = 'ai-cert-check-change';

export const VERDICT_TITLES = {
  worth_it: 'Worth it',
  pair_practice: 'Worth it, if you pair it with practice',
  not_yet: 'Probably not yet',
  build_experience: 'Build experience instead',
};

/**
 * A reader with a clear goal, who uses AI weekly at work, whose employer values
 * certifications and who will apply it right away: "Worth it" in the built-in checklist.
 */
export const STRONG = [
  ['objective', 'promotion'],
  ['practice_now', 'weekly'],
  ['employer', 'yes'],
  ['apply_next', 'project'],
];

/**
 * The built-in checklist as the widget's contract describes it: id -> [type, options].
 * The three questions about the program are asked only of a reader who picked one
 * (`program_link` only of a reader with an objective): see CONDITIONAL.
 */
export const QUESTIONS = {
  objective: ['radio', ['promotion', 'change_role', 'change_industry', 'productivity', 'understand', 'none']],
  learning: ['radio', ['structured', 'overwhelmed', 'self_directed']],
  alternatives: ['radio', ['yes', 'no', 'unsure']],
  role: ['radio', ['business_analyst', 'project_manager', 'consultant', 'marketer', 'operations', 'ai_manager', 'leader', 'other_expected', 'other', 'not_sure']],
  employer: ['radio', ['yes', 'no', 'unknown', 'between_jobs']],
  daily_work: ['radio', ['central', 'some', 'little', 'not_sure']],
  practice_now: ['radio', ['daily', 'weekly', 'sometimes', 'rarely', 'never']],
  apply_next: ['radio', ['project', 'interested', 'little_interest']],
  expectations: ['checkbox', ['guarantee_job', 'salary_raise', 'protection', 'none_of_these']],
  collecting: ['radio', ['yes', 'no']],
  program: ['radio', ['yes', 'not_yet']],
  program_skills: ['radio', ['yes', 'no']],
  program_promises: ['radio', ['yes', 'no']],
  program_link: ['radio', ['clear', 'unclear']],
};

/** The questions asked only after an earlier answer. */
export const CONDITIONAL = ['program_skills', 'program_promises', 'program_link'];

/** The article's readers (tests/readers.json), shared with the native tests. */
export const READERS = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'readers.json'), 'utf8')).readers;

/** A reader's answers as [question, option] pairs in question order (ticks one by one). */
export function picksOf(reader) {
  const order = Object.keys(QUESTIONS);
  return Object.entries(reader.answers)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .flatMap(([q, o]) => [o].flat().map((x) => [q, x]));
}

/** Starts the static server in-process on a free port. */
export function startTestServer() {
  return startServer({ port: 0 });
}

/**
 * A server for the whole test file: started before its first test, closed after its
 * last. The returned object gets the server's `origin`, `url`, `port` and `close`.
 */
export function useTestServer() {
  const server = {};
  before(async () => {
    Object.assign(server, await startTestServer());
    ORIGINS.add(server.origin);
  });
  after(async () => {
    ORIGINS.delete(server.origin);
    await server.close?.();
  });
  return server;
}

// ---------------------------------------------------------------------------------
// Privacy, for every page of every test (the security issue's item 7). Every browser
// context made through launchBrowser/withBrowser, openPage or browser.newContext() on
// such a browser is guarded from its creation; the checks run when the context is
// closed (and, for contexts a test leaves open, when withBrowser ends), and a context
// that broke a rule fails the test there. The rules:
//
// 1. Requests. Nothing outside the test server's origin: such requests are recorded and
//    aborted. On the origin, nothing is sent: only GET or HEAD; no WebSocket, event
//    stream or beacon; data fetches (fetch/XHR) only for the widget's own files (a
//    file that exists in pkg/) or a checklist (.json). Documents, scripts, styles,
//    images and fonts on the origin are the host page's own assets and are allowed
//    (the server serves only www/ and pkg/, and tests route their own pages).
// 2. Cookies. None in the context's jar at the end, and document.cookie empty on
//    every open page.
// 3. Storage. No IndexedDB database and no Cache Storage entry, ever (the widget uses
//    neither). On a page where every <ai-cert-check> has storage="none", no write to
//    localStorage or sessionStorage: setItem/removeItem/clear are recorded as they
//    happen, and the contents at the end must be those the document started with.
// ---------------------------------------------------------------------------------

/** Origins of the test servers running in this process (one per test file). */
const ORIGINS = new Set();
/** The files of the built widget: the only files the widget may fetch. */
const PKG_FILES = new Set(readdirSync(path.join(ROOT, 'pkg')).map((f) => `/pkg/${f}`));
const SENDING_TYPES = new Set(['websocket', 'eventsource', 'ping', 'beacon', 'cspviolationreport']);
const PRIVACY_BINDING = '__aiccPrivacyWrite';

/** What is wrong with one request, or null. Exported for the tests of the rules. */
export function requestProblem({ url, method, resourceType }) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return `unparsable request ${url}`;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || url === 'about:blank') return null;
  if (!ORIGINS.has(u.origin)) return `request outside the origin: ${method} ${url}`;
  if (method !== 'GET' && method !== 'HEAD') return `${method} request (sends data): ${url}`;
  if (SENDING_TYPES.has(resourceType)) return `${resourceType} request: ${url}`;
  if ((resourceType === 'fetch' || resourceType === 'xhr') && !PKG_FILES.has(u.pathname) && !u.pathname.endsWith('.json')) {
    return `${resourceType} of something that is neither a widget file nor a checklist: ${url}`;
  }
  if (u.pathname.startsWith('/pkg/') && !PKG_FILES.has(u.pathname)) return `request for a file the widget does not have: ${url}`;
  return null;
}

// Installed before any page script: records writes to Web Storage with whether every
// widget on the page then had storage="none", and what storage held at the start.
function watchStorage(binding) {
  const proto = Storage.prototype;
  const methods = { setItem: proto.setItem, removeItem: proto.removeItem, clear: proto.clear };
  const report = window[binding];
  const every = Array.prototype.every;
  const query = Document.prototype.querySelectorAll;
  const getAttribute = Element.prototype.getAttribute;
  const savingOff = () => {
    const els = query.call(document, 'ai-cert-check');
    return els.length > 0 && every.call(els, (el) => getAttribute.call(el, 'storage') === 'none');
  };
  const snapshot = (s) => {
    const out = {};
    try {
      for (let i = 0; i < s.length; i++) out[s.key(i)] = s.getItem(s.key(i));
    } catch {
      return null;
    }
    return out;
  };
  let initial = null;
  try {
    initial = { local: snapshot(window.localStorage), session: snapshot(window.sessionStorage) };
  } catch {
    // Storage itself refused (a test makes it throw): nothing to compare.
  }
  Object.defineProperty(window, '__aiccStorageAtStart', { value: initial });
  for (const [name, original] of Object.entries(methods)) {
    proto[name] = function (...args) {
      if (savingOff()) {
        let which = 'storage';
        try {
          which = this === window.localStorage ? 'localStorage' : this === window.sessionStorage ? 'sessionStorage' : 'storage';
        } catch {}
        let call = '';
        for (let i = 0; i < args.length; i++) call += `${i ? ', ' : ''}"${String(args[i])}"`;
        report?.(`${which}.${name}(${call}) on ${location.href} with storage="none"`);
      }
      return original.apply(this, args);
    };
  }
}

// Run in each open page at the end: cookies, databases, caches, storage against its start.
async function pageState() {
  const out = { cookie: document.cookie, databases: [], caches: [], storageChanged: [] };
  // Plain loops: a hostile test page may have patched Array.prototype.
  try {
    for (const d of await indexedDB.databases()) out.databases.push(d.name);
  } catch {}
  try {
    out.caches = await caches.keys();
  } catch {}
  const els = document.querySelectorAll('ai-cert-check');
  const off = els.length > 0 && [...els].every((el) => el.getAttribute('storage') === 'none');
  const start = window.__aiccStorageAtStart;
  if (off && start) {
    for (const [name, before] of [['localStorage', start.local], ['sessionStorage', start.session]]) {
      if (!before) continue;
      const s = window[name];
      const now = {};
      for (let i = 0; i < s.length; i++) now[s.key(i)] = s.getItem(s.key(i));
      if (JSON.stringify(now) !== JSON.stringify(before)) {
        out.storageChanged.push(`${name} changed with storage="none" on ${location.href}: ${JSON.stringify(before)} -> ${JSON.stringify(now)}`);
      }
    }
  }
  return out;
}

/**
 * Puts `context` under the privacy rules above. Returns its guard:
 * { problems, check(): Promise<string[]>, off() } (off() is for the tests of the rules
 * themselves, after they have checked the problems they caused).
 */
async function guardContext(context) {
  const guard = { problems: [], blocked: [], enabled: true, checked: false };
  const note = (problem) => {
    if (problem) guard.problems.push(problem);
  };
  await context.route(
    (url) => !ORIGINS.has(url.origin) && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => {
      guard.blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  context.on('request', (r) => note(requestProblem({ url: r.url(), method: r.method(), resourceType: r.resourceType() })));
  context.on('page', (page) => page.on('websocket', (ws) => note(`WebSocket opened: ${ws.url()}`)));
  await context.exposeBinding(PRIVACY_BINDING, (_source, what) => note(`storage written: ${what}`));
  await context.addInitScript(watchStorage, PRIVACY_BINDING);
  guard.check = async () => {
    const problems = [...guard.problems];
    for (const page of context.pages()) {
      if (page.isClosed()) continue;
      let state;
      try {
        state = await page.evaluate(pageState);
      } catch (err) {
        continue; // a page mid-navigation or crashed: its own test reports that
      }
      // The evaluation's answer comes after every binding call the page made before it.
      problems.push(...guard.problems.slice(problems.length));
      if (state.cookie) problems.push(`document.cookie on ${page.url()}: ${state.cookie}`);
      if (state.databases.length) problems.push(`IndexedDB databases on ${page.url()}: ${state.databases.join(', ')}`);
      if (state.caches.length) problems.push(`Cache Storage on ${page.url()}: ${state.caches.join(', ')}`);
      problems.push(...state.storageChanged);
    }
    const cookies = await context.cookies().catch(() => []);
    if (cookies.length) problems.push(`cookies set: ${cookies.map((c) => `${c.name}=${c.value} (${c.domain})`).join('; ')}`);
    return problems;
  };
  guard.off = () => {
    guard.enabled = false;
  };
  const close = context.close.bind(context);
  context.close = async (...args) => {
    const problems = guard.enabled && !guard.checked ? await guard.check() : [];
    guard.checked = true;
    await close(...args);
    if (problems.length) throw new Error(`privacy rules broken:\n  ${problems.join('\n  ')}`);
  };
  GUARDS.set(context, guard);
  return guard;
}

const GUARDS = new WeakMap();

/** The privacy guard of a context (see guardContext). */
export function privacyGuard(context) {
  return GUARDS.get(context);
}

/** Launches Debian's Chromium headless, every new context guarded. The caller must close it. */
export async function launchBrowser() {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, headless: true });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    await guardContext(context);
    return context;
  };
  return browser;
}

/**
 * Runs `fn(browser)` with a fresh browser and always closes it. Contexts the test left
 * open are checked against the privacy rules first (when the test itself passed).
 */
export async function withBrowser(fn) {
  const browser = await launchBrowser();
  let passed = false;
  try {
    const result = await fn(browser);
    passed = true;
    return result;
  } finally {
    const problems = [];
    if (passed) {
      for (const context of browser.contexts()) {
        const guard = GUARDS.get(context);
        if (guard?.enabled && !guard.checked) problems.push(...(await guard.check()));
      }
    }
    await browser.close();
    if (problems.length) throw new Error(`privacy rules broken:\n  ${problems.join('\n  ')}`);
  }
}

// Installed before any page script runs: records every ready/change event that
// reaches the window (they are composed and bubble), with the host element, a
// copy of the detail and the verdict on screen at the moment of dispatch.
function recordWidgetEvents([ready, change]) {
  const hosts = [];
  const events = [];
  const record = (event) => {
    const host = event.target;
    let index = hosts.indexOf(host);
    if (index < 0) {
      hosts.push(host);
      index = hosts.length - 1;
    }
    let detail = null;
    try {
      detail = event.detail == null ? null : JSON.parse(JSON.stringify(event.detail));
    } catch (err) {
      detail = { unserializable: String(err) };
    }
    const verdict = host && host.shadowRoot ? host.shadowRoot.querySelector('[part="verdict"]') : null;
    events.push({
      type: event.type,
      host: index,
      bubbles: event.bubbles,
      composed: event.composed,
      detail,
      verdictOnScreen: verdict ? verdict.getAttribute('data-verdict') : null,
      verdictTextOnScreen: verdict ? verdict.textContent.trim() : null,
    });
  };
  window.addEventListener(ready, record, true);
  window.addEventListener(change, record, true);
  window.__aicc = {
    hosts,
    events,
    eventsFor(el, type) {
      return events.filter((e) => hosts[e.host] === el && (!type || e.type === type));
    },
  };
}

/** The devices the reader tests use: a phone (390 px, touch) and a desktop (1280 px). */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

/**
 * Opens `pathname` on the test server in a new context and page. Records every
 * request, console error, page error, failed request and >= 400 response; any
 * request that would leave the server's origin is recorded and aborted.
 * Returns a session: { context, page, requests, blocked, consoleErrors, pageErrors,
 * failedRequests, badResponses, responses, origin, close }.
 */
export async function openPage(browser, server, pathname = '/', options = {}) {
  const { viewport = DESKTOP.viewport, colorScheme = 'light', goto = true, ...rest } = options;
  const context = await browser.newContext({ viewport, colorScheme, serviceWorkers: 'block', ...rest });
  context.setDefaultTimeout(TIMEOUT);
  const origin = server.origin;
  const session = {
    context,
    origin,
    requests: [],
    blocked: [],
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    badResponses: [],
    responses: [],
  };
  // Requests outside the origin are aborted and recorded by the context's privacy guard.
  session.blocked = privacyGuard(context).blocked;
  await context.addInitScript(recordWidgetEvents, [READY, CHANGE]);
  const page = await context.newPage();
  session.page = page;
  page.on('request', (r) => session.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') session.consoleErrors.push(`${m.text()} @ ${JSON.stringify(m.location())}`);
  });
  page.on('pageerror', (e) => session.pageErrors.push(String(e && e.stack ? e.stack : e)));
  page.on('requestfailed', (r) => session.failedRequests.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    session.responses.push({ url: r.url(), status: r.status(), contentType: r.headers()['content-type'] ?? '' });
    if (r.status() >= 400) session.badResponses.push(`${r.status()} ${r.url()}`);
  });
  session.close = () => context.close();
  if (goto) await page.goto(origin + pathname);
  return session;
}

/** Asserts nothing left the origin and nothing went wrong on the page. */
export function assertClean(assert, session) {
  const outside = session.requests.filter((u) => !u.startsWith(session.origin + '/') && !u.startsWith('data:'));
  assert.deepEqual(outside, [], `requests left ${session.origin}`);
  assert.deepEqual(session.blocked, [], 'requests to other origins were attempted');
  assert.deepEqual(session.pageErrors, [], 'page errors');
  assert.deepEqual(session.consoleErrors, [], 'console errors');
  assert.deepEqual(session.failedRequests, [], 'failed requests');
  assert.deepEqual(session.badResponses, [], 'error responses');
}

/** The nth <ai-cert-check> in document order. */
export function widget(page, nth = 0) {
  return page.locator('ai-cert-check').nth(nth);
}

/** The recorded events of the nth widget (optionally of one type). */
export function eventsOf(page, nth = 0, type = undefined) {
  return page.evaluate(
    ([n, t]) => window.__aicc.eventsFor(document.querySelectorAll('ai-cert-check')[n], t),
    [nth, type],
  );
}

/** Waits until every <ai-cert-check> in the document (at least `min`) has fired its ready event. */
export async function waitForAllReady(page, min = 1) {
  await page.waitForFunction(
    ([m, type]) => {
      const els = [...document.querySelectorAll('ai-cert-check')];
      return els.length >= m && els.every((el) => window.__aicc.eventsFor(el, type).length > 0);
    },
    [min, READY],
    { timeout: TIMEOUT },
  );
}

/** Waits until the nth widget has fired its ready event. */
export async function waitForReady(page, nth = 0) {
  await page.waitForFunction(
    ([n, type]) => {
      const el = document.querySelectorAll('ai-cert-check')[n];
      return !!el && window.__aicc.eventsFor(el, type).length > 0;
    },
    [nth, READY],
    { timeout: TIMEOUT },
  );
}

/** The input for one option of one question inside the nth widget. */
export function optionInput(page, nth, question, option) {
  return widget(page, nth).locator(`input[name="${question}"][value="${option}"]`);
}

/**
 * Answers by clicking the option's label (a real click, as a reader would), waits
 * for the widget's change event and returns that event.
 * For checkboxes the click toggles; `checked` says which state is wanted.
 */
export async function answer(page, nth, question, option, { checked = true } = {}) {
  const input = optionInput(page, nth, question, option);
  await input.waitFor({ state: 'attached' });
  if ((await input.isChecked()) === checked) {
    throw new Error(`${question}=${option} is already ${checked ? 'checked' : 'unchecked'}`);
  }
  // A folded section (a returning reader's answered ones) is opened first by its title,
  // as a reader would.
  const folded = widget(page, nth).locator('section[data-folded]').filter({ has: page.locator(`input[name="${question}"][value="${option}"]`) });
  if ((await folded.count()) > 0) await folded.locator('button.fold').click();
  const before = (await eventsOf(page, nth, CHANGE)).length;
  const label = widget(page, nth).locator('label').filter({ has: input });
  if ((await label.count()) > 0) {
    await label.first().click();
  } else {
    const id = await input.getAttribute('id');
    const forLabel = id ? widget(page, nth).locator(`label[for="${id}"]`) : null;
    if (forLabel && (await forLabel.count()) > 0) await forLabel.first().click();
    else await input.click();
  }
  await page.waitForFunction(
    ([n, type, count]) =>
      window.__aicc.eventsFor(document.querySelectorAll('ai-cert-check')[n], type).length > count,
    [nth, CHANGE, before],
    { timeout: TIMEOUT },
  );
  if ((await input.isChecked()) !== checked) {
    throw new Error(`clicking the label of ${question}=${option} did not ${checked ? 'check' : 'uncheck'} it`);
  }
  const changes = await eventsOf(page, nth, CHANGE);
  return changes[changes.length - 1];
}

/** Answers several questions in order: [[question, option], ...]. Returns the events. */
export async function answerAll(page, nth, pairs) {
  const events = [];
  for (const [q, o] of pairs) events.push(await answer(page, nth, q, o));
  return events;
}

/**
 * The verdict on screen in the nth widget, as the bar shows it: { id, text, said }
 * (`id` is '' before the first answer; `said` is what the polite live region last
 * announced).
 */
export async function readVerdict(page, nth = 0) {
  const el = widget(page, nth).locator('[part="verdict"]').first();
  await el.waitFor({ state: 'attached' });
  return el.evaluate((v) => ({
    id: v.getAttribute('data-verdict') ?? '',
    text: v.textContent.replace(/\s+/g, ' ').trim(),
    said: v.getRootNode().querySelector('.result [aria-live="polite"]')?.textContent ?? null,
  }));
}

/** Every sentence of the result card of the nth widget, as a reader sees it. */
export function cardText(page, nth = 0) {
  return widget(page, nth).evaluate((host) => host.shadowRoot.querySelector('.card').innerText);
}

/** The values of every checked input in the nth widget, sorted: ["q=o", ...]. */
export function checkedInputs(page, nth = 0) {
  return widget(page, nth).evaluate((host) =>
    [...host.shadowRoot.querySelectorAll('input:checked')].map((i) => `${i.name}=${i.value}`).sort(),
  );
}

/**
 * Clicks the nth widget's "Share my result" and returns the link it copied (headless
 * Chromium has no share sheet: the link goes to the clipboard). The page's context
 * needs the clipboard permissions.
 */
export async function copiedShareLink(page, nth = 0) {
  await widget(page, nth).locator('[part="actions"] button[data-action="share"]').click();
  // ("Copied." is said beside the buttons.)
  await page.waitForFunction((n) => document.querySelectorAll('ai-cert-check')[n].shadowRoot.querySelector('[part="actions"] > [part="notice"]').textContent === 'Copied.', nth);
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Writes a screenshot to tests/artifacts/<name>.png and returns its path. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * Serves a page at `pathname` under the Content-Security-Policy `csp`: `body` in its
 * body and the widget's `script` in its head, no inline script or style, and a favicon
 * from the origin (such a policy refuses a `data:` one). The page's policy violations
 * are recorded, by directive, in `window.__violations`.
 */
export async function routeUnderPolicy(session, pathname, csp, { script = '/pkg/ai-cert-check.js', body }) {
  await session.context.route(session.origin + '/icon.svg', (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' }),
  );
  await session.context.route(session.origin + pathname, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': csp },
      body: `<!doctype html><html lang="en"><head><title>policy</title><link rel="icon" href="/icon.svg">
<script type="module" src="${script}"></script></head><body>${body}</body></html>`,
    }),
  );
  await session.context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  });
}

/** Serves `html` at `pathname` on the test server's origin for this context only. */
export async function routeHtml(session, pathname, html) {
  await session.context.route(session.origin + pathname, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}
