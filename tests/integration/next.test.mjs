// The packed package in a Next.js App Router app, as docs/integration.md's recipe has it:
// a server component page with a client component (`"use client"`) that imports the
// package and listens to the widget's events through a ref. `next build`, then
// `next start`, and the page loaded in Chromium: the server sends the fallback, the
// browser defines the element, the widget renders from Next's own copy of the files, and
// a reader's answer reaches React state through the ref's listener.
// Run: node --test tests/integration/next.test.mjs (after ./scripts/build.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  TEST_TIMEOUT,
  assertClean,
  choose,
  events,
  freePort,
  installPacked,
  launchBrowser,
  openPage,
  run,
  startServer,
  theWidget,
  waitForEvent,
} from './helpers.mjs';

const ENV = { NEXT_TELEMETRY_DISABLED: '1' };
let work;
let browser;
before(async () => {
  work = await installPacked('next', 'next-app');
  await run('npm', ['run', 'build', '--silent'], { cwd: work.app, env: ENV });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('next build emits the .wasm files as hashed assets', { timeout: TEST_TIMEOUT }, () => {
  const media = readdirSync(path.join(work.app, '.next', 'static', 'media'));
  for (const stem of ['ai-cert-check-core_bg', 'ai-cert-check-fr_bg', 'ai-cert-check-custom_bg']) {
    assert.ok(media.some((f) => f.startsWith(`${stem}.`) && f.endsWith('.wasm')), `${stem}.<hash>.wasm in .next/static/media: ${media}`);
  }
});

test('next start: the server sends the fallback, the client component\'s widget renders and its events reach React through a ref', { timeout: TEST_TIMEOUT }, async () => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const stop = await startServer(['start', '--silent', '--', '-p', String(port), '-H', '127.0.0.1'], work.app, `${origin}/`, ENV);
  try {
    // What the server sends: the element with its fallback, no widget (that is the browser's).
    const html = await (await fetch(`${origin}/`)).text();
    assert.match(html, /<ai-cert-check storage="none"><p>Answer a few questions/);
    const session = await openPage(browser, `${origin}/`);
    const { page } = session;
    const widget = await theWidget(page);
    await choose(widget, 'objective', 'promotion');
    await waitForEvent(page, 'ai-cert-check-change', 'widget');
    const { result } = (await events(page, 'ai-cert-check-change', 'widget'))[0].detail;
    // React state set by the ref's listener, rendered by React.
    await page.locator('#verdict').filter({ hasText: result.title }).waitFor();
    const wasm = session.responses.filter((r) => r.path.endsWith('.wasm'));
    assert.deepEqual(wasm.map((r) => r.path.replace(/\.[\w-]+\.wasm$/, '.wasm')), ['/_next/static/media/ai-cert-check-core_bg.wasm']);
    assert.equal(wasm[0].type, 'application/wasm');
    assertClean(assert, session);
    await session.context.close();
  } finally {
    stop();
  }
});
