// The editors' data the package ships, as editors use it: VS Code's HTML language
// service (vscode-html-languageservice, the library behind VS Code's HTML support) given
// the package's vscode.html-custom-data.json must complete <ai-cert-check>, its
// attributes and their values, with the docs; the Web Types (JetBrains) must describe the
// same element as the manifest, and package.json must name them.
// Run: node --test tests/integration/editors.test.mjs (after ./scripts/build.sh)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PKG } from './helpers.mjs';

// A CommonJS module whose exports Node cannot name from ESM.
const { TextDocument, getLanguageService, newHTMLDataProvider } = createRequire(import.meta.url)('vscode-html-languageservice');

const read = (file) => JSON.parse(readFileSync(path.join(PKG, file), 'utf8'));
const manifest = read('custom-elements.json');
const element = manifest.modules[0].declarations.find((d) => d.customElement);

/** Completions at `|` in `html`, as VS Code would offer them with (or without) our data. */
function complete(html, withData = true) {
  const service = getLanguageService({
    customDataProviders: withData ? [newHTMLDataProvider('ai-cert-check', read('vscode.html-custom-data.json'))] : [],
    useDefaultDataProvider: true,
  });
  const offset = html.indexOf('|');
  const document = TextDocument.create('file:///post.html', 'html', 1, html.replace('|', ''));
  const items = service.doComplete(document, document.positionAt(offset), service.parseHTMLDocument(document)).items;
  // A label may come twice (`lang` is also HTML's own global attribute): keep them all.
  const byLabel = new Map();
  for (const item of items) byLabel.set(item.label, [...(byLabel.get(item.label) ?? []), item]);
  return byLabel;
}

test('VS Code completes the tag, with its description', () => {
  const items = complete('<body><ai-|</body>');
  const [tag] = items.get('ai-cert-check') ?? [];
  assert.ok(tag, `completions: ${[...items.keys()].slice(0, 20)}`);
  assert.match(tag.documentation.value, /explained decision widget/);
  // Not an HTML element VS Code knows on its own.
  assert.equal(complete('<body><ai-|</body>', false).get('ai-cert-check'), undefined);
});

test('VS Code completes every attribute, and the values of theme and storage', () => {
  const attributes = complete('<ai-cert-check |></ai-cert-check>');
  for (const a of element.attributes) {
    assert.ok(attributes.has(a.name), `attribute ${a.name}`);
    // `lang` is also HTML's own global attribute: VS Code shows that one's docs.
    if (a.name === 'lang') continue;
    const docs = attributes.get(a.name).map((item) => item.documentation?.value ?? '');
    assert.ok(docs.includes(a.description), `${a.name}'s description among ${docs.length}`);
  }
  assert.deepEqual([...complete('<ai-cert-check theme="|"></ai-cert-check>').keys()].sort(), ['auto', 'dark', 'light']);
  assert.deepEqual([...complete('<ai-cert-check storage="|"></ai-cert-check>').keys()], ['none']);
});

test('the Web Types describe the manifest\'s element, and package.json names them', () => {
  const webTypes = read('web-types.json');
  const pkg = read('package.json');
  assert.equal(pkg['web-types'], './web-types.json');
  assert.equal(webTypes.name, pkg.name);
  assert.equal(webTypes.version, pkg.version);
  assert.equal(webTypes['description-markup'], 'markdown');
  const [el] = webTypes.contributions.html.elements;
  assert.equal(el.name, element.tagName);
  const names = (list) => list.map((x) => x.name).sort();
  assert.deepEqual(names(el.attributes), names(element.attributes));
  assert.deepEqual(names(el.events), names(element.events));
  assert.deepEqual(names(el.js.properties), names(element.members.filter((m) => m.kind === 'field')));
  assert.deepEqual(names(webTypes.contributions.css.properties), names(element.cssProperties));
  assert.deepEqual(names(webTypes.contributions.css['pseudo-elements']), element.cssParts.map((p) => `part(${p.name})`).sort());
  assert.equal(el.attributes.find((a) => a.name === 'theme').value.type, '"auto" | "light" | "dark"');
  assert.ok(el['doc-url'].startsWith('https://'), el['doc-url']);
});
