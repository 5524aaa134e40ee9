// The three browsers of the cross-browser suite, behind one small interface, so that
// the journey (journey.mjs) is written once.
//
//   Chromium      Debian's chromium, driven by puppeteer-core over CDP
//   Firefox ESR   Debian's firefox-esr, driven by puppeteer-core over its built-in
//                 WebDriver BiDi (no geckodriver: none can be downloaded here)
//   WebKitGTK     Debian's WebKitWebDriver and the MiniBrowser of libwebkit2gtk-4.1-0,
//                 under Xvfb (MiniBrowser has no headless mode), driven by
//                 selenium-webdriver over classic WebDriver
//
// Playwright, which tests/e2e/ uses, cannot drive either of the other two here: stock
// Firefox refuses its protocol and its own browser builds cannot be downloaded
// (../shared/TOOLCHAIN.md). A profile is one fresh browsing state with one page: a
// browser context in puppeteer, a whole driver process in WebKit (WebKitWebDriver takes
// one session per process).
//
// Scripts are sent as text built here (`(${fn})(...args)`), never evaluated in the
// page: pages under a strict Content-Security-Policy allow no eval, and every driver
// runs its own scripts outside the page's policy.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { Builder } from 'selenium-webdriver';
import { CHROMIUM_PATH, LAUNCH_ARGS } from '../../scripts/chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');

/** How long any one wait may take before the step fails. */
export const TIMEOUT = 20_000;
/** Every page is looked at in a window of this size. */
export const VIEWPORT = { width: 1280, height: 900 };

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
/** MiniBrowser lives in libwebkit2gtk-4.1-0's folder under the multiarch lib folder. */
export function miniBrowserPath() {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  const arch = { x64: 'x86_64', arm64: 'aarch64' }[process.arch] ?? process.arch;
  for (const dir of [`/usr/lib/${arch}-linux-gnu`, '/usr/lib']) {
    const file = `${dir}/webkit2gtk-4.1/MiniBrowser`;
    if (existsSync(file)) return file;
  }
  throw new Error('MiniBrowser not found: run ./scripts/setup.sh (Debian package libwebkit2gtk-4.1-0)');
}

/** `(${fn})(...args)` as an expression: the one way a test's function reaches a page. */
function call(fn, args) {
  return `(${fn})(...${JSON.stringify(args)})`;
}

/** An in-page wait: resolves to { ok: value } once `fn(...args)` is truthy, or { timeout }. */
function pollExpression(fn, args, timeout) {
  return `(async () => {
    const end = performance.now() + ${timeout};
    let last = null;
    for (;;) {
      try {
        const value = await ${call(fn, args)};
        if (value) return { ok: value };
        last = value;
      } catch (error) {
        last = String(error);
      }
      if (performance.now() > end) return { timeout: true, last: last === undefined ? null : last };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })()`;
}

/**
 * A page in one profile. The common surface of the three drivers:
 *   goto(url), reload(), run(fn, ...args) -> JSON value, waitFor(what, fn, ...args),
 *   click(fn, ...args) (a real pointer click on the element fn returns),
 *   png() -> the viewport as PNG bytes, screenshot(name, png?) -> file, consoleErrors
 *   (Chromium and Firefox only: what the driver's console listener saw), close()
 *
 * Pixels are read from the viewport's screenshot, cropped by the caller: WebKitGTK's
 * element screenshots come back black under Xvfb.
 */
class Page {
  consoleErrors = [];

  async waitFor(what, fn, ...args) {
    const outcome = await this.run(`() => ${pollExpression(fn, args, TIMEOUT)}`);
    if (!outcome || outcome.timeout) {
      throw new Error(`waited ${TIMEOUT / 1000} s for ${what}; last value: ${JSON.stringify(outcome?.last)}`);
    }
    return outcome.ok;
  }

  /** Writes tests/artifacts/<name>.png: the viewport now, or the PNG `png` taken before. */
  async screenshot(name, png = null) {
    await mkdir(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await writeFile(file, png ?? (await this.png()));
    return file;
  }
}

class PuppeteerPage extends Page {
  constructor(page, context) {
    super();
    this.page = page;
    this.context = context;
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`page error: ${error?.message ?? error}`));
  }

  async goto(url) {
    await this.page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
  }

  async reload() {
    await this.page.reload({ waitUntil: 'load', timeout: TIMEOUT });
  }

  run(fn, ...args) {
    return this.page.evaluate(call(fn, args));
  }

  async element(fn, args) {
    const handle = await this.page.evaluateHandle(call(fn, args));
    const element = handle.asElement();
    if (!element) throw new Error(`no element: ${fn}`);
    return element;
  }

  async click(fn, ...args) {
    await (await this.element(fn, args)).click();
  }

  async png() {
    return Buffer.from(await this.page.screenshot({ type: 'png' }));
  }

  async close() {
    if (this.context) await this.context.close();
    else await this.page.close();
  }
}

class WebDriverPage extends Page {
  constructor(driver, process) {
    super();
    this.driver = driver;
    this.process = process;
  }

  goto(url) {
    return this.driver.get(url);
  }

  reload() {
    return this.driver.navigate().refresh();
  }

  async run(fn, ...args) {
    const outcome = await this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(() => ${call(fn, args)}).then(
         (value) => done({ value: value === undefined ? null : value }),
         (error) => done({ error: String(error && error.stack ? error.stack : error) }));`,
    );
    if (outcome.error) throw new Error(`in the page: ${outcome.error}`);
    return outcome.value;
  }

  async element(fn, args) {
    const element = await this.driver.executeScript(`return ${call(fn, args)};`);
    if (!element || typeof element.click !== 'function') throw new Error(`no element: ${fn}`);
    return element;
  }

  async click(fn, ...args) {
    await (await this.element(fn, args)).click();
  }

  async png() {
    return Buffer.from(await this.driver.takeScreenshot(), 'base64');
  }

  async close() {
    try {
      // A session that no longer answers must not keep the driver alive.
      await Promise.race([this.driver.quit(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    } finally {
      await stopProcess(this.process);
    }
  }
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Driver process groups still running. Each is ended by its page's close(); whatever
 * ends this process first (a crash, a signal, a hook that never returned), they are
 * killed with it, so no Xvfb or MiniBrowser outlives the tests.
 */
const running = new Set();
const killAll = () => {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }
};
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal);
  });
}

/** Ends a process group started with `detached: true` (xvfb-run, Xvfb and the driver). */
async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/** Starts WebKitWebDriver under its own Xvfb and waits until it answers. */
async function startWebKitDriver() {
  const port = await freePort();
  const child = spawn(
    'xvfb-run',
    ['-a', '-s', `-screen 0 ${VIEWPORT.width + 200}x${VIEWPORT.height + 200}x24`, WEBKIT_DRIVER_PATH, `--port=${port}`, '--host=127.0.0.1'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + TIMEOUT;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}): ${stderr}`);
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok && (await response.json()).value?.ready) break;
    } catch {}
    if (Date.now() > end) {
      await stopProcess(child);
      throw new Error(`WebKitWebDriver did not answer on ${url}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url };
}

/**
 * A launched browser: { name, version, open() -> Page in a fresh profile, close() }.
 * The first `open()` is the browser's own first profile.
 */
export async function launch(name) {
  if (name === 'chromium' || name === 'firefox') {
    const options =
      name === 'chromium'
        ? { browser: 'chrome', executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS.filter((a) => a !== '--headless') }
        : { browser: 'firefox', executablePath: FIREFOX_PATH };
    const browser = await puppeteer.launch({ ...options, headless: true, defaultViewport: VIEWPORT, protocolTimeout: 60_000 });
    const pages = [];
    const version = await browser.version();
    return {
      name,
      version,
      async open() {
        let page;
        let context = null;
        if (pages.length === 0) {
          page = (await browser.pages())[0] ?? (await browser.newPage());
        } else {
          context = await browser.createBrowserContext();
          page = await context.newPage();
        }
        // The first page of Firefox keeps its own window size without this.
        await page.setViewport(VIEWPORT);
        const opened = new PuppeteerPage(page, context);
        pages.push(opened);
        return opened;
      },
      close: () => browser.close(),
    };
  }
  if (name === 'webkit') {
    const pages = [];
    let version = null;
    return {
      name,
      get version() {
        return version;
      },
      async open() {
        const { child, url } = await startWebKitDriver();
        let driver;
        try {
          driver = await new Builder()
            .usingServer(url)
            .withCapabilities({
              browserName: 'MiniBrowser',
              'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
            })
            .build();
          await driver.manage().setTimeouts({ script: TIMEOUT + 10_000, pageLoad: TIMEOUT });
          await driver.manage().window().setRect({ x: 0, y: 0, ...VIEWPORT });
          version ??= `WebKitGTK ${(await driver.getCapabilities()).get('browserVersion')}`;
        } catch (error) {
          await stopProcess(child);
          throw error;
        }
        const opened = new WebDriverPage(driver, child);
        pages.push(opened);
        return opened;
      },
      async close() {
        for (const page of pages) await page.close().catch(() => {});
      },
    };
  }
  throw new Error(`unknown browser ${name}`);
}
