#!/usr/bin/env node
// Where one click's time goes on the largest checklist (bench/largest.mjs): Chromium's
// sampling profiler (CDP, 50 us) around the same clicks the benchmark times, on the
// own-checklist build with its function names kept. Prints self and total time per
// function (the wasm's Rust names, the glue's and Blink's entries), per click.
//
//   node bench/profile-largest.mjs [--clicks N] [--wasm FILE] [--top N] [--out FILE.cpuprofile]
//
// --wasm: the .wasm to load in place of pkg/ai-cert-check-custom_bg.wasm; by default a
// copy with names, made here from the build's own input to wasm-opt:
//   node_modules/.bin/wasm-opt -Oz --debuginfo target/bindgen-ai-cert-check-custom/ai-cert-check-custom_bg.lean.wasm
// (the same optimisation as the shipped file, names kept; run ./scripts/build.sh first).
import { chromium } from 'playwright-core';
import { execFileSync, fork } from 'node:child_process';
import { cpSync, copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, LAUNCH_ARGS } from '../scripts/chromium.mjs';
import { largestChecklist, worstAnswers } from './largest.mjs';
import { largestClicks } from './run.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');

const o = { clicks: 40, top: 40, wasm: null, out: null };
for (let i = 2; i < process.argv.length; i += 2) {
  const [flag, value] = [process.argv[i], process.argv[i + 1]];
  if (flag === '--clicks') o.clicks = Number(value);
  else if (flag === '--top') o.top = Number(value);
  else if (flag === '--wasm') o.wasm = path.resolve(value);
  else if (flag === '--out') o.out = path.resolve(value);
  else throw new Error(`unknown option ${flag}`);
}

const site = mkdtempSync(path.join(os.tmpdir(), 'aicc-profile-'));
cpSync(path.join(ROOT, 'pkg'), path.join(site, 'pkg'), { recursive: true });
cpSync(path.join(BENCH, 'reference'), path.join(site, 'ref'), { recursive: true });
for (const f of readdirSync(path.join(BENCH, 'pages'))) copyFileSync(path.join(BENCH, 'pages', f), path.join(site, f));
const big = largestChecklist();
writeFileSync(path.join(site, 'largest.json'), JSON.stringify(big));
const wasm = path.join(site, 'pkg', 'ai-cert-check-custom_bg.wasm');
if (o.wasm) copyFileSync(o.wasm, wasm);
else {
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'wasm-opt'), [
    '-Oz', '--debuginfo', '--strip-producers', '--strip-target-features',
    path.join(ROOT, 'target', 'bindgen-ai-cert-check-custom', 'ai-cert-check-custom_bg.lean.wasm'), '-o', wasm,
  ]);
}

const child = fork(path.join(BENCH, 'server.mjs'), [site], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const origin = await new Promise((resolve) => child.once('message', (m) => resolve(m.origin)));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, headless: true });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(origin + '/largest-widget.html');
  await page.waitForFunction(() => document.querySelector('ai-cert-check')?.shadowRoot?.querySelector('[part="verdict"]'), null, { timeout: 120_000 });
  await page.evaluate(async (answers) => {
    await (await import('/pkg/ai-cert-check.js')).setAnswers(document.querySelector('ai-cert-check'), answers);
  }, worstAnswers(big));
  await page.waitForTimeout(500);
  const clicks = largestClicks(big, o.clicks, 3);
  // A few clicks first, so that the profile sees optimised code, as a reader's later clicks do.
  for (const [q, v] of clicks.slice(0, 4)) await page.evaluate(click, { q, v });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  let busy = 0;
  for (const [q, v] of clicks) busy += await page.evaluate(click, { q, v });
  const { profile } = await cdp.send('Profiler.stop');
  if (o.out) writeFileSync(o.out, JSON.stringify(profile));
  report(profile, clicks.length, busy);
} finally {
  await browser.close();
  child.kill();
  rmSync(site, { recursive: true, force: true });
}

// One click and the forced style + layout after it; returns its time.
async function click({ q, v }) {
  const root = document.querySelector('ai-cert-check').shadowRoot;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const t0 = performance.now();
  root.querySelector(`input[name="${q}"][value="${v}"]`).click();
  root.querySelector('[part="verdict"]').getBoundingClientRect();
  return performance.now() - t0;
}

/** Self and total time per function name, in ms per click. */
function report(profile, clicks, busy) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (dt[i + 1] ?? 0) / 1000;
    let n = nodes.get(profile.samples[i]);
    if (['(idle)', '(program)', '(garbage collector)'].includes(n.callFrame.functionName) && n.callFrame.functionName === '(idle)') continue;
    self.set(name(n), (self.get(name(n)) ?? 0) + ms);
    const seen = new Set();
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const k = name(nodes.get(id));
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, o.top);
  console.log(`${clicks} clicks, click + forced layout: ${(busy / clicks).toFixed(2)} ms per click on average`);
  console.log('\nself time, ms per click:');
  for (const [k, v] of top(self)) console.log(`${(v / clicks).toFixed(3).padStart(8)}  ${k}`);
  console.log('\ntotal time (self + callees), ms per click:');
  for (const [k, v] of top(total)) console.log(`${(v / clicks).toFixed(3).padStart(8)}  ${k}`);
}
