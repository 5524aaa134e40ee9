// pkg/custom-elements.json against its schema and against the widget itself. The
// manifest and the docs' tables are written from src/element/contract.mjs; this checks that
// source against what the code really does, so neither can drift:
// - attributes: `observedAttributes` of the defined class, and every attribute of the
//   host that the code reads (entry.js, the Rust web layer, the stylesheet);
// - events: the names the Rust code dispatches, and those a browser sees during a
//   reader's journey (ready, answers, complete, a checklist with problems);
// - CSS parts, custom properties (and their defaults) and slots: read from rendered
//   widgets in Chromium, not from a list;
// - the element's own members (in Chromium, and in entry.d.ts) and the module's exports
//   (imported in Node);
// - src/element/entry.d.ts: the attributes, the element's members and the event map it declares.
// A part, event or attribute added to the code fails here until the contract lists it.
// Run: node --test tests/integration/manifest.test.mjs (after ./scripts/build.sh)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import * as contract from '../../src/element/contract.mjs';
import { DOC_FILES, MODULE, SINGLE_MODULE, SCHEMA_VERSION, manifest, renderDocs } from '../../scripts/manifest.mjs';
import { STRONG, TEST_TIMEOUT, answer, openPage, routeHtml, useTestServer, waitForReady, withBrowser } from '../e2e/helpers.mjs';
import { ROOT, TOOLS } from './helpers.mjs';

const read = (...parts) => readFileSync(path.join(ROOT, ...parts), 'utf8');
const built = JSON.parse(read('pkg', 'custom-elements.json'));
const element = built.modules[0].declarations.find((d) => d.customElement);
const names = (list) => list.map((x) => x.name).sort();
const sorted = (list) => [...list].sort();

test('custom-elements.json is valid against the Custom Elements Manifest schema', () => {
  const schema = JSON.parse(readFileSync(path.join(TOOLS, 'custom-elements-manifest', 'schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const ok = validate(built);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
  assert.equal(built.schemaVersion, SCHEMA_VERSION);
  // And the schema is not one that accepts anything.
  assert.equal(validate({ schemaVersion: SCHEMA_VERSION, modules: [{ kind: 'javascript-module' }] }), false);
});

test('custom-elements.json is what src/element/contract.mjs says, and package.json points to it', () => {
  assert.deepEqual(built, manifest(), 'pkg/ is stale: run ./scripts/build.sh');
  assert.equal(element.tagName, 'ai-cert-check');
  const pkg = JSON.parse(read('pkg', 'package.json'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.equal(pkg.exports['./custom-elements.json'], './custom-elements.json');
  for (const module of built.modules) assert.ok(readdirSync(path.join(ROOT, 'pkg')).includes(module.path), `pkg/${module.path}`);
  assert.deepEqual(built.modules.map((m) => m.path), [MODULE, SINGLE_MODULE]);
});

test('the docs\' tables are the ones src/element/contract.mjs writes (node scripts/manifest.mjs --docs)', () => {
  for (const file of DOC_FILES) {
    const text = read(file);
    assert.match(text, /<!-- contract:[a-z-]+ -->/, `${file} has generated tables`);
    assert.equal(renderDocs(text, file), text, `${file} differs from src/element/contract.mjs: run node scripts/manifest.mjs --docs`);
  }
  const api = read('docs', 'api.md');
  for (const block of ['attributes', 'remounts', 'events', 'result', 'css-properties', 'css-parts']) {
    assert.ok(api.includes(`<!-- contract:${block} -->`), `docs/api.md shows the ${block}`);
  }
});

test('the element\'s members: the contract\'s, in entry.d.ts, and reflecting the attributes they name', () => {
  const dts = read('src', 'element', 'entry.d.ts');
  const body = dts.match(/export interface AiCertCheckElement extends HTMLElement \{([\s\S]*?)\n\}/)?.[1];
  assert.ok(body, 'entry.d.ts declares the AiCertCheckElement interface');
  const declared = new Set(matches(body, /^ {2}(?:readonly |get |set )?(\w+)[(?:]/gm));
  declared.delete('addEventListener');
  declared.delete('removeEventListener');
  const own = contract.members.filter((m) => !m.inherited);
  assert.deepEqual([...declared].sort(), names(own), 'entry.d.ts vs src/element/contract.mjs members');
  for (const m of contract.members.filter((m) => m.attribute)) {
    assert.ok(names(contract.attributes).includes(m.attribute), `${m.name} reflects an attribute of the contract`);
    assert.equal(element.attributes.find((a) => a.name === m.attribute).fieldName, m.name, `the manifest links ${m.attribute} to ${m.name}`);
  }
  // Every attribute but reading-links (JSON, read once) has a property.
  assert.deepEqual(
    names(contract.attributes).filter((a) => !contract.members.some((m) => m.attribute === a)),
    ['reading-links'],
  );
  assert.deepEqual(names(element.members), names(contract.members));
});

/** Every string literal `name` in `code` matched by `pattern` (its first group). */
const matches = (code, pattern) => [...code.matchAll(pattern)].map((m) => m[1]);

test('the attributes are the ones the code reads from the element', () => {
  const entry = read('src', 'element', 'entry.js');
  const rust = readdirSync(path.join(ROOT, 'src', 'web'))
    .filter((f) => f.endsWith('.rs'))
    .map((f) => read('src', 'web', f))
    .join('\n');
  const css = read('src', 'element', 'style.css');
  const read_ = new Set([
    ...matches(entry, /\belement\.getAttribute\("([\w-]+)"\)/g),
    ...matches(entry, /\bthis\.getAttribute\("([\w-]+)"\)/g),
    // The language: the nearest element with the attribute.
    ...matches(entry, /\.closest\("\[([\w-]+)\]"\)/g),
    ...matches(rust, /\bhost\.get_attribute\("([\w-]+)"\)/g),
    ...matches(rust, /\bhost\s*\.closest\("\[([\w-]+)\]"\)/g),
    ...matches(css, /:host\(\[([\w-]+)[\]=~|^$*]/g),
  ]);
  // `hidden` is HTML's own (`:host([hidden]) { display: none }`), not the widget's.
  read_.delete('hidden');
  assert.deepEqual(sorted(read_), names(contract.attributes), 'attributes read by src/element/entry.js, src/web/ and the stylesheet vs listed in src/element/contract.mjs');
  assert.deepEqual(names(element.attributes), names(contract.attributes));

  // The declarations type the same attributes (the JSX props and the docs use them).
  const dts = read('src', 'element', 'entry.d.ts');
  const body = dts.match(/export interface AiCertCheckAttributes \{([\s\S]*?)\n\}/)?.[1];
  assert.ok(body, 'entry.d.ts declares AiCertCheckAttributes');
  assert.deepEqual(sorted(matches(body, /^ {2}"?([\w-]+)"?\?:/gm)), names(contract.attributes));
});

test('the events are the ones the Rust code dispatches and entry.d.ts types', () => {
  const rust = readdirSync(path.join(ROOT, 'src', 'web'))
    .filter((f) => f.endsWith('.rs'))
    .map((f) => read('src', 'web', f))
    .join('\n');
  // `dispatch(&host, "ai-cert-check-change", &detail)`: the full name, as listeners write it.
  const dispatched = matches(rust, /\bdispatch\(\s*&?[\w.]+,\s*"([\w-]+)"/g);
  assert.ok(dispatched.length >= 4, `found the dispatch calls: ${dispatched}`);
  assert.deepEqual(sorted(new Set(dispatched)), names(contract.events));

  const dts = read('src', 'element', 'entry.d.ts');
  const body = dts.match(/export interface AiCertCheckEventMap \{([\s\S]*?)\n\}/)?.[1];
  assert.ok(body, 'entry.d.ts declares AiCertCheckEventMap');
  const declared = [...body.matchAll(/^ {2}"([\w-]+)": (.+);$/gm)].map((m) => ({ name: m[1], type: m[2] }));
  assert.deepEqual(
    declared.sort((a, b) => a.name.localeCompare(b.name)),
    contract.events.map((e) => ({ name: e.name, type: e.type })).sort((a, b) => a.name.localeCompare(b.name)),
  );
  for (const map of ['HTMLElementEventMap', 'DocumentEventMap', 'WindowEventMap']) {
    assert.match(dts, new RegExp(`interface ${map} extends AiCertCheckEventMap \\{\\}`), `${map} has the events`);
  }
  assert.match(dts, /interface HTMLElementTagNameMap \{\s*"ai-cert-check": AiCertCheckElement;/);
});

test('the module exports what the contract and entry.d.ts list (imported in Node)', async () => {
  const listed = [contract.className, ...contract.functions, ...contract.variables].map((f) => f.name ?? f).sort();
  for (const file of [MODULE, SINGLE_MODULE]) {
    const module = await import(pathToFileURL(path.join(ROOT, 'pkg', file)).href);
    assert.deepEqual(Object.keys(module).sort(), listed, `pkg/${file}'s exports`);
  }
  const dts = read('src', 'element', 'entry.d.ts');
  assert.deepEqual(sorted(matches(dts, /^export (?:declare )?(?:function|const) (\w+)/gm)), listed, 'entry.d.ts\'s value exports');
});

// ---------------------------------------------------------------------------------
// In the browser: the widget as a reader meets it.
// ---------------------------------------------------------------------------------

const server = useTestServer();

// Installed before any page script: records the type of every event dispatched on an
// <ai-cert-check>, whoever dispatches it.
function recordDispatches() {
  window.__dispatched = [];
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event) {
    if (this instanceof Element && this.localName === 'ai-cert-check') window.__dispatched.push(event.type);
    return dispatch.call(this, event);
  };
}

const PAGE = `<!doctype html><html lang="en"><head><title>contract</title><link rel="icon" href="data:,">
<script type="module" src="/pkg/ai-cert-check.js"></script></head><body>
<ai-cert-check id="builtin" storage="none"></ai-cert-check>
<script type="application/json" id="bad">{ "version": 1 }</script>
<ai-cert-check id="broken" checklist="bad" storage="none"></ai-cert-check>
</body></html>`;

test('in Chromium: events, parts, custom properties, slots, members and observedAttributes are the contract\'s', { timeout: TEST_TIMEOUT }, async () => {
  await withBrowser(async (browser) => {
    const session = await openPage(browser, server, '/', { goto: false });
    const { page } = session;
    await session.context.addInitScript(recordDispatches);
    await routeHtml(session, '/contract.html', PAGE);
    await page.goto(`${server.origin}/contract.html`);
    await page.waitForFunction(() => window.__dispatched.includes('ai-cert-check-invalid'));
    await waitForReady(page, 0);
    // A reader's journey: every answer fires change; the last required one, complete.
    for (const [question, option] of STRONG) await answer(page, 0, question, option);
    await page.waitForFunction(() => window.__dispatched.includes('ai-cert-check-complete'));

    const seen = await page.evaluate((inheritedNames) => {
      const hosts = [...document.querySelectorAll('ai-cert-check')];
      const roots = hosts.map((h) => h.shadowRoot);
      const parts = new Set();
      for (const root of roots) for (const el of root.querySelectorAll('[part]')) for (const p of el.part) parts.add(p);
      // The custom properties the stylesheet reads, and what its :host rule sets.
      const used = new Set();
      const defaults = {};
      const sheets = new Set(roots.flatMap((r) => (r.adoptedStyleSheets.length ? r.adoptedStyleSheets : [...r.styleSheets])));
      for (const sheet of sheets) {
        for (const rule of sheet.cssRules) {
          for (const m of rule.cssText.matchAll(/var\((--acc-[\w-]+)/g)) used.add(m[1]);
          if (rule.selectorText === ':host') {
            for (const name of rule.style) if (name.startsWith('--acc-')) defaults[name] = rule.style.getPropertyValue(name).trim();
          }
        }
      }
      const Element = customElements.get('ai-cert-check');
      const lifecycle = ['constructor', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'adoptedCallback'];
      return {
        dispatched: [...new Set(window.__dispatched)],
        parts: [...parts],
        used: [...used],
        defaults,
        slots: roots.flatMap((r) => [...r.querySelectorAll('slot')].map((s) => s.name || '(default)')),
        observed: Element.observedAttributes,
        members: Object.getOwnPropertyNames(Element.prototype).filter((n) => !lifecycle.includes(n)),
        statics: Object.getOwnPropertyNames(Element).filter((n) => !['length', 'name', 'prototype', 'observedAttributes'].includes(n)),
        inherited: inheritedNames.map((n) => Object.hasOwn(HTMLElement.prototype, n)),
      };
    }, contract.members.filter((m) => m.inherited).map((m) => m.name));
    // The notice a share link's answers come with: the reader's link, opened.
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.locator('ai-cert-check').nth(0).locator('button[data-action="share"]').click();
    const link = await (await page.waitForFunction(async () => {
      const text = await navigator.clipboard.readText().catch(() => '');
      return text.includes('#') && text;
    })).jsonValue();
    await page.goto('about:blank');
    await page.goto(link);
    const shared = page.locator('ai-cert-check').nth(0).locator('[part~="shared"]');
    await shared.waitFor();
    for (const p of await shared.evaluate((el) => [...el.part])) if (!seen.parts.includes(p)) seen.parts.push(p);
    await session.close();

    assert.deepEqual(sorted(seen.dispatched), names(contract.events), 'events dispatched on the element');
    assert.deepEqual(sorted(seen.parts), names(contract.cssParts), 'parts of the rendered widgets (src/element/contract.mjs cssParts)');
    assert.deepEqual(sorted(seen.used), names(contract.cssProperties), 'custom properties the stylesheet reads (contract cssProperties)');
    const squeeze = (v) => v.replace(/\s+/g, '');
    for (const p of contract.cssProperties) {
      assert.ok(p.name in seen.defaults, `${p.name} has a default on :host`);
      assert.equal(squeeze(seen.defaults[p.name]), squeeze(p.default), `${p.name}'s default`);
    }
    assert.deepEqual(seen.slots, names(contract.slots), 'slots in the rendered widgets');
    assert.deepEqual(sorted(seen.observed), names(contract.attributes.filter((a) => a.remounts)), 'observedAttributes are the attributes that remount');
    assert.deepEqual(sorted([...seen.members, ...seen.statics]), names(contract.members.filter((m) => !m.inherited)), 'the element\'s own members');
    assert.ok(seen.inherited.every(Boolean), 'the inherited members are HTMLElement\'s');
  });
});
