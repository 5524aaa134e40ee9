// The packed package in a Vite app, as docs/integration.md tells a developer to use it:
// `npm pack pkg/`, the tarball installed into a copy of tests/integration/vite-app/
// (plain TypeScript on index.html, React 19 on react.html), `npm run build`, and the
// built pages loaded in Debian's Chromium from `vite preview`; then the same pages from
// the dev server (`npm run dev`). The widgets must render from the bundled files: the
// hashed .wasm, the French and custom-checklist builds Vite split off, and React 19 must
// hand the widget's events to an `onai-cert-check-change` prop. The details of the real
// events, written out as TypeScript, must type-check against the declarations.
// Run: node --test tests/integration/vite.test.mjs (after ./scripts/build.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServer, preview } from 'vite';
import {
  ROOT,
  TEST_TIMEOUT,
  TSC,
  assertClean,
  choose,
  events,
  installPacked,
  launchBrowser,
  openPage,
  run,
  waitForEvent,
} from './helpers.mjs';

const TITLES = {
  builtin: 'Is an AI certification worth it for you?',
  french: 'Une certification en IA en vaut-elle la peine pour vous ?',
  own: 'Should you take the AI course your employer offers?',
};
/** Answers that complete the built-in checklist's required questions: "Worth it". */
const STRONG = [
  ['objective', 'promotion'],
  ['practice_now', 'weekly'],
  ['employer', 'yes'],
  ['apply_next', 'project'],
];

let work;
let browser;
before(async () => {
  work = await installPacked('vite', 'vite-app');
  // The app's checklist of its own (fetched by `src` on index.html, imported by
  // src/react.tsx): the repository's smallest example, not a copy of it.
  const minimal = path.join(ROOT, 'www', 'examples', 'minimal.json');
  mkdirSync(path.join(work.app, 'public'), { recursive: true });
  copyFileSync(minimal, path.join(work.app, 'public', 'minimal.json'));
  copyFileSync(minimal, path.join(work.app, 'src', 'minimal.json'));
  await run('npm', ['run', 'build', '--silent'], { cwd: work.app });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Serves the built app with `vite preview` for `fn(origin)`. */
async function withPreview(fn) {
  const server = await preview({ root: work.app, logLevel: 'error', preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
  try {
    return await fn(`http://127.0.0.1:${server.httpServer.address().port}`);
  } finally {
    await server.close();
  }
}

/** Serves the app with the dev server (`npm run dev`) for `fn(origin)`. */
async function withDevServer(fn) {
  const server = await createServer({
    root: work.app,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: true, open: false, hmr: false },
  });
  await server.listen();
  try {
    return await fn(`http://127.0.0.1:${server.httpServer.address().port}`);
  } finally {
    await server.close();
  }
}

/** The widget `#id`'s title and whether it shows a list of problems. */
function shown(page, id) {
  return page.locator(`#${id}`).evaluate((host) => ({
    // French puts a no-break space before "?": compare words.
    title: host.shadowRoot?.querySelector('[part="title"]')?.textContent.replace(/\s+/g, ' ') ?? null,
    problems: !!host.shadowRoot?.querySelector('[part="problems"]'),
    questions: host.shadowRoot?.querySelectorAll('[part="question"]').length ?? 0,
  }));
}

/**
 * Loads the plain page at `origin`, checks every widget renders, answers the built-in
 * one and returns the session with the events' details.
 */
async function plainPage(origin) {
  const session = await openPage(browser, `${origin}/`);
  const { page } = session;
  for (const id of ['builtin', 'french', 'own']) await waitForEvent(page, 'ai-cert-check-ready', id);
  await waitForEvent(page, 'ai-cert-check-invalid', 'broken');

  for (const id of ['builtin', 'french', 'own']) {
    const s = await shown(page, id);
    assert.equal(s.title, TITLES[id], `#${id}'s title`);
    assert.ok(s.questions > 0, `#${id} shows its questions`);
  }
  assert.equal((await shown(page, 'broken')).problems, true, 'the broken checklist shows its problems');

  const widget = page.locator('#builtin');
  for (const [i, [question, option]] of STRONG.entries()) {
    await choose(widget, question, option);
    await waitForEvent(page, 'ai-cert-check-change', 'builtin', i + 1);
  }
  await waitForEvent(page, 'ai-cert-check-complete', 'builtin');
  const change = (await events(page, 'ai-cert-check-change', 'builtin')).at(-1).detail;
  assert.equal(change.result.verdict, 'worth_it');
  // The host page's own listener, from src/main.ts, saw the same event.
  await page.locator('#verdict').filter({ hasText: change.result.title }).waitFor();
  // The module says its version (src/api.ts shows it).
  const { version } = JSON.parse(readFileSync(path.join(work.app, 'node_modules', 'ai-cert-check', 'package.json'), 'utf8'));
  assert.equal(await page.locator('#version').textContent(), version);
  // A checklist of one's own: "No" caps it at "Skip this one", whose reading has an address.
  await choose(page.locator('#own'), 'relevant', 'no');
  await waitForEvent(page, 'ai-cert-check-change', 'own');
  const own = (await events(page, 'ai-cert-check-change', 'own'))[0].detail;
  // The widget logs a checklist's problems to the console, as documented: the broken
  // one's, and nothing else.
  assert.deepEqual(session.consoleErrors, ['<ai-cert-check>: $: missing field `id` (hint: compare with docs/checklist-format.md or schema/checklist.schema.json)']);
  session.consoleErrors.length = 0;
  assertClean(assert, session);
  return { session, change, own, invalid: (await events(page, 'ai-cert-check-invalid', 'broken'))[0].detail };
}

test('npm run build emits the .wasm files and the on-demand builds as hashed assets', { timeout: TEST_TIMEOUT }, () => {
  const assets = readdirSync(path.join(work.app, 'dist', 'assets'));
  for (const stem of ['ai-cert-check-core_bg', 'ai-cert-check-fr_bg', 'ai-cert-check-custom_bg']) {
    assert.ok(assets.some((f) => f.startsWith(`${stem}-`) && f.endsWith('.wasm')), `${stem}-<hash>.wasm in dist/assets: ${assets.join(', ')}`);
  }
  for (const stem of ['ai-cert-check-fr', 'ai-cert-check-custom', 'ai-cert-check-core.wasm', 'ai-cert-check-fr.wasm', 'ai-cert-check-custom.wasm']) {
    assert.ok(assets.some((f) => f.startsWith(`${stem}-`) && f.endsWith('.js')), `${stem}-<hash>.js in dist/assets: ${assets.join(', ')}`);
  }
});

test('the app as committed type-checks against the installed package (tsc --strict)', { timeout: TEST_TIMEOUT }, async () => {
  const tsconfig = JSON.parse(readFileSync(path.join(work.app, 'tsconfig.json'), 'utf8'));
  assert.equal(tsconfig.compilerOptions.strict, true);
  await run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: work.app });
});

let built;
test('the built plain page: every widget renders from the bundled files and the page hears its events', { timeout: TEST_TIMEOUT }, async () => {
  await withPreview(async (origin) => {
    built = await plainPage(origin);
    const { session } = built;
    const wasm = session.responses.filter((r) => r.path.endsWith('.wasm'));
    assert.deepEqual(
      wasm.map((r) => r.path.replace(/-[\w-]{8}\.wasm$/, '.wasm')).sort(),
      ['/assets/ai-cert-check-core_bg.wasm', '/assets/ai-cert-check-custom_bg.wasm', '/assets/ai-cert-check-fr_bg.wasm'],
      'each build fetched its hashed .wasm once',
    );
    for (const r of wasm) {
      assert.equal(r.status, 200, r.path);
      assert.equal(r.type, 'application/wasm', `${r.path} is served for streaming compilation`);
    }
    assert.ok(!session.responses.some((r) => /\.wasm-[\w-]+\.js$/.test(r.path)), 'no JavaScript build fetched where WebAssembly runs');
    await session.context.close();
  });
});

/**
 * Loads the React page at `origin`: the widget renders, its `onai-cert-check-change`
 * prop sets React state the page shows, and the checklist object given with `mount`
 * from an effect is shown.
 */
async function reactPage(origin) {
  const session = await openPage(browser, `${origin}/react.html`);
  const { page } = session;
  await waitForEvent(page, 'ai-cert-check-ready', 'widget');
  assert.equal((await shown(page, 'widget')).title, TITLES.builtin);
  await choose(page.locator('#widget'), 'objective', 'promotion');
  await waitForEvent(page, 'ai-cert-check-change', 'widget');
  const { result } = (await events(page, 'ai-cert-check-change', 'widget'))[0].detail;
  // React state set by the prop's handler, rendered by React.
  await page.locator('#verdict').filter({ hasText: result.title }).waitFor();
  await page.locator('#own [part="title"]').filter({ hasText: TITLES.own }).waitFor();
  assertClean(assert, session);
  await session.context.close();
}

test('the built React 19 page: <ai-cert-check> renders, its onai-cert-check-change prop gets the events, mount() from an effect works', { timeout: TEST_TIMEOUT }, async () => {
  await withPreview(reactPage);
});

test('the real event details type-check against the declarations (tsc --strict)', { timeout: TEST_TIMEOUT }, async () => {
  assert.ok(built, 'the built plain page ran');
  // Fresh object literals: tsc rejects a missing field, an extra field and a wrong type,
  // at every depth. A change to the result's shape fails here until entry.d.ts follows.
  const source =
    'import type { AiCertCheckChangeDetail, AiCertCheckInvalidDetail, AiCertCheckResult } from "ai-cert-check";\n' +
    `export const change: AiCertCheckChangeDetail = ${JSON.stringify(built.change, null, 2)};\n` +
    `export const own: AiCertCheckChangeDetail = ${JSON.stringify(built.own, null, 2)};\n` +
    `export const invalid: AiCertCheckInvalidDetail = ${JSON.stringify(built.invalid, null, 2)};\n` +
    `export const result: AiCertCheckResult = ${JSON.stringify(built.change.result, null, 2)};\n`;
  assert.ok(built.change.result.reasons.length > 0, 'the result has reasons');
  assert.ok(built.own.result.reading.some((r) => r.href), 'a result has reading with an address');
  assert.ok(built.invalid.problems.length > 0, 'the invalid event lists problems');
  writeFileSync(path.join(work.app, 'src', 'real-values.ts'), source);
  await run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: work.app });
});

test('the dev server (npm run dev): the same widgets render', { timeout: TEST_TIMEOUT }, async () => {
  await withDevServer(async (origin) => {
    const { session } = await plainPage(origin);
    await session.context.close();
    await reactPage(origin);
  });
});
