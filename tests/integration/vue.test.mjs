// The packed package in a Vue 3 app, as docs/integration.md's recipe has it: Vite with
// @vitejs/plugin-vue told that <ai-cert-check> is a custom element (isCustomElement), a
// single-file component that imports `ai-cert-check/vue`, sets the element's `answers`
// property, listens with `@ai-cert-check-change` and calls `reset()` through a template
// ref. Its templates type-check under vue-tsc with strict templates against the types the
// package ships (and src/Mistakes.vue's mistakes are caught); the built app and the dev
// server are loaded in Chromium, where Vue must not warn that it cannot resolve the tag.
// Run: node --test tests/integration/vue.test.mjs (after ./scripts/build.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createServer, preview } from 'vite';
import { FIXTURES, TEST_TIMEOUT, assertClean, choose, installPacked, launchBrowser, openPage, run, theWidget, waitForEvent } from './helpers.mjs';

let work;
let browser;
before(async () => {
  work = await installPacked('vue', 'vue-app');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the templates type-check with vue-tsc and strict templates, against the types the package ships', { timeout: TEST_TIMEOUT }, async () => {
  const config = JSON.parse(readFileSync(path.join(work.app, 'tsconfig.json'), 'utf8'));
  assert.equal(config.compilerOptions.strict, true);
  assert.equal(config.vueCompilerOptions.strictTemplates, true);
  await run(process.execPath, [path.join(FIXTURES, 'vue-tsc.cjs'), '-p', 'tsconfig.json'], { cwd: work.app });
});

// Installed before any page script: keeps what is logged with console.warn (Vue's
// development warnings) in `window.__warnings`.
function recordWarnings() {
  window.__warnings = [];
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    window.__warnings.push(args.map(String).join(' '));
    warn(...args);
  };
}

/**
 * Loads the app at `origin`: the widget renders with the answers the component gave it
 * as a property, a reader's answer reaches Vue's state through `@ai-cert-check-change`,
 * and the button's `reset()` through the template ref clears them.
 */
async function appWorks(origin) {
  const session = await openPage(browser, `${origin}/`, { init: recordWarnings });
  const { page } = session;
  const widget = await theWidget(page);
  // `:answers` was set as the element's property.
  await widget.locator('input[name="objective"][value="promotion"]:checked').waitFor();
  await choose(widget, 'practice_now', 'weekly');
  await waitForEvent(page, 'ai-cert-check-change', 'widget');
  const title = await widget.evaluate((el) => el.result.title);
  await page.locator('#verdict').filter({ hasText: title }).waitFor();
  await page.click('#clear');
  await page.locator('#verdict').filter({ hasText: 'none yet' }).waitFor();
  assert.deepEqual(await widget.evaluate((el) => el.answers), {});
  return session;
}

test('the built app (vite build, vite preview): the widget renders, takes its answers property, and Vue hears its events', { timeout: TEST_TIMEOUT }, async () => {
  await run('npm', ['run', 'build', '--silent'], { cwd: work.app });
  const server = await preview({ root: work.app, logLevel: 'error', preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
  try {
    const session = await appWorks(`http://127.0.0.1:${server.httpServer.address().port}`);
    assertClean(assert, session);
    await session.context.close();
  } finally {
    await server.close();
  }
});

test('the dev server: the same, and Vue does not warn that it cannot resolve <ai-cert-check>', { timeout: TEST_TIMEOUT }, async () => {
  const server = await createServer({ root: work.app, logLevel: 'error', server: { host: '127.0.0.1', port: 0, strictPort: true, open: false, hmr: false } });
  await server.listen();
  try {
    const session = await appWorks(`http://127.0.0.1:${server.httpServer.address().port}`);
    // Vue's development build warns of a tag it cannot resolve ("Failed to resolve
    // component"): the isCustomElement setting is what keeps it quiet.
    assert.ok(await session.page.evaluate(() => Array.isArray(window.__warnings)), 'warnings were recorded');
    assert.deepEqual(await session.page.evaluate(() => window.__warnings), [], 'console warnings');
    assertClean(assert, session);
    await session.context.close();
  } finally {
    await server.close();
  }
});
