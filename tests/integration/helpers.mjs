// Shared helpers for the integration tests: the package as a developer gets it (`npm
// pack pkg/`, then `npm install` of the tarball into a copy of a fixture app), the tools
// run as that developer runs them, and Debian's Chromium driven by playwright-core.
// Nothing here sleeps for a fixed time: every wait is for a condition.
//
// The pages here are not the repository's (bundler output, other origins, frameworks'
// servers), so tests/e2e/helpers.mjs's privacy guard, which knows pkg/'s file names on
// one origin, does not fit them; manifest.test.mjs, which loads pkg/ itself, uses it.
//
// Work folders are under tests/integration/.work/ (never committed), one per test file.
// The fixture apps install only the tarball; their tools (Vite, React, Next.js, Vue,
// TypeScript, Astro, Eleventy) come from tests/integration/node_modules (tests/integration/
// package.json pins them; scripts/setup.sh installs them), found as Node and the tools
// find any package: in the nearest node_modules up the tree.
import { execFile, spawn } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, LAUNCH_ARGS } from '../../scripts/chromium.mjs';
import { mimeType } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'tests', 'integration');
export const WORK = path.join(FIXTURES, '.work');
/** The tools' own node_modules. */
export const TOOLS = path.join(FIXTURES, 'node_modules');
/** `tsc`, run with Node. */
export const TSC = path.join(TOOLS, 'typescript', 'bin', 'tsc');
export const PKG = path.join(ROOT, 'pkg');
/** How long any single wait in a page may take. */
export const TIMEOUT = 15_000;
/** The per-test timeout for node:test (a build and a browser in one test). */
export const TEST_TIMEOUT = 120_000;

const exec = promisify(execFile);

/** Runs `command args` in `cwd`; on failure the error carries its output. Resolves to stdout. */
export async function run(command, args, { cwd = ROOT, env } = {}) {
  try {
    const { stdout } = await exec(command, args, {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`, { cause: error });
  }
}

/**
 * A fresh work folder `tests/integration/.work/<name>/` holding the packed tarball and a copy
 * of the fixture folder `tests/integration/<fixture>/` (if given) as `app/`, with the
 * tarball installed by npm. Resolves to `{ dir, app, tarball }`.
 */
export async function installPacked(name, fixture) {
  const dir = path.join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await run('npm', ['pack', PKG, '--pack-destination', dir, '--silent']);
  const tarball = path.join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz')));
  const app = path.join(dir, 'app');
  if (fixture) cpSync(path.join(FIXTURES, fixture), app, { recursive: true });
  else mkdirSync(app);
  // Without a package.json here npm would install into the nearest folder that has one:
  // the repository.
  const own = path.join(app, 'package.json');
  if (!existsSync(own)) writeFileSync(own, JSON.stringify({ name, private: true, type: 'module' }) + '\n');
  // --offline: the tarball has no dependencies, so nothing needs the registry.
  await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--offline', tarball], { cwd: app });
  if (!readdirSync(path.join(app, 'node_modules')).includes('ai-cert-check')) throw new Error(`npm did not install into ${app}`);
  return { dir, app, tarball };
}

/** Launches Debian's Chromium headless (scripts/chromium.mjs). The caller closes it. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, headless: true });
}

// Installed before any page script: records every ai-cert-check-* event that reaches
// the window (they bubble and are composed), with the id of its element and a copy of
// its detail.
function recordEvents(types) {
  window.__events = [];
  for (const type of types) {
    window.addEventListener(
      type,
      (event) => {
        window.__events.push({
          type,
          id: event.target.id,
          detail: event.detail === undefined ? undefined : JSON.parse(JSON.stringify(event.detail)),
        });
      },
      true,
    );
  }
}

export const EVENTS = ['ai-cert-check-ready', 'ai-cert-check-change', 'ai-cert-check-complete', 'ai-cert-check-invalid'];

/**
 * Opens `url` in a new context. Records the page's requests and responses, console
 * errors, page errors, failed requests, responses >= 400 and the widget's events.
 * Requests to any origin but the page's and those in `allow` are aborted and recorded.
 * `init` is a script run in the page before any of its own (recorders).
 */
export async function openPage(browser, url, { allow = [], init } = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  context.setDefaultTimeout(TIMEOUT);
  const origins = new Set([new URL(url).origin, ...allow]);
  const session = { context, responses: [], outside: [], consoleErrors: [], pageErrors: [], failed: [], bad: [] };
  await context.route(
    (u) => !origins.has(u.origin) && u.protocol !== 'data:' && u.protocol !== 'blob:',
    (route) => {
      session.outside.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  await context.addInitScript(recordEvents, EVENTS);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  session.page = page;
  page.on('console', (m) => {
    if (m.type() === 'error') session.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => session.pageErrors.push(String(e?.stack ?? e)));
  page.on('requestfailed', (r) => session.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    session.responses.push({ path: new URL(r.url()).pathname, status: r.status(), type: r.headers()['content-type'] ?? '' });
    if (r.status() >= 400) session.bad.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(url);
  return session;
}

/** Asserts nothing went wrong on the page and nothing left its origin. */
export function assertClean(assert, session) {
  assert.deepEqual(session.outside, [], 'requests to other origins');
  assert.deepEqual(session.pageErrors, [], 'page errors');
  assert.deepEqual(session.consoleErrors, [], 'console errors');
  assert.deepEqual(session.failed, [], 'failed requests');
  assert.deepEqual(session.bad, [], 'error responses');
}

/** The events recorded so far, optionally of one type and/or one element id. */
export function events(page, type, id) {
  return page.evaluate(([t, i]) => window.__events.filter((e) => (!t || e.type === t) && (!i || e.id === i)), [type, id]);
}

/** Waits until the element `#id` has fired `type` at least `count` times. */
export async function waitForEvent(page, type, id, count = 1) {
  await page.waitForFunction(
    ([t, i, n]) => window.__events.filter((e) => e.type === t && e.id === i).length >= n,
    [type, id, count],
    { timeout: TIMEOUT },
  );
}

/**
 * Waits for the page's one widget (a recipe's element, which has no id) to be ready,
 * gives it the id `widget` (which the event recorder then reports), checks that it shows
 * the built-in checklist, and returns its locator.
 */
export async function theWidget(page) {
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'ai-cert-check-ready'));
  await page.evaluate(() => {
    document.querySelector('ai-cert-check').id = 'widget';
  });
  const widget = page.locator('#widget');
  const title = await widget.evaluate((host) => host.shadowRoot.querySelector('[part="title"]').textContent);
  if (title !== 'Is an AI certification worth it for you?') throw new Error(`the widget shows "${title}"`);
  return widget;
}

/** Clicks the label of one option in the widget `locator`, as a reader would. */
export async function choose(widget, question, option) {
  // `has` is matched inside each label: the input's locator starts from the page.
  await widget.locator('label').filter({ has: widget.page().locator(`input[name="${question}"][value="${option}"]`) }).click();
}

/**
 * Serves the files under `dir` at `base` (a path prefix ending in `/`) on 127.0.0.1, any
 * free port, with `headers` on every file (a page's own origin, or a CDN's). `/` and
 * folders serve their index.html. Resolves to `{ origin, requests, close }`; `requests`
 * lists the paths asked for.
 */
export async function serveStatic(dir, { base = '/', headers = {} } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    requests.push(pathname);
    let file = null;
    if (pathname.startsWith(base)) {
      const rest = decodeURIComponent(pathname.slice(base.length));
      const candidate = path.resolve(dir, rest.endsWith('/') || rest === '' ? `${rest}index.html` : rest);
      if (candidate.startsWith(path.resolve(dir) + path.sep)) file = candidate;
    }
    let info = null;
    try {
      info = file && (await stat(file));
      if (info?.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
    } catch {
      info = null;
    }
    if (!info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': mimeType(file), 'Content-Length': info.size, ...headers });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** A port nothing listens on now (for servers that cannot take port 0). */
export async function freePort() {
  const server = createNetServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `npm <args>` in `cwd` in its own process group, and waits until `url` answers.
 * Resolves to a function that stops the whole group.
 */
export async function startServer(args, cwd, url, env = {}) {
  const child = spawn('npm', args, { cwd, detached: true, stdio: 'ignore', env: { ...process.env, ...env } });
  const stop = () => process.kill(-child.pid, 'SIGTERM');
  const deadline = Date.now() + TIMEOUT * 2;
  for (;;) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return stop;
    if (child.exitCode !== null) throw new Error(`npm ${args.join(' ')} exited with ${child.exitCode}`);
    if (Date.now() > deadline) {
      stop();
      throw new Error(`npm ${args.join(' ')} did not answer at ${url}`);
    }
    await delay(200); // polling the server until it answers, not a fixed wait
  }
}
