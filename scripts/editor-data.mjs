#!/usr/bin/env node
// Writes the editors' data for <ai-cert-check> from the Custom Elements Manifest, at build
// time (scripts/build.sh runs it after writing pkg/custom-elements.json):
//
//   node scripts/editor-data.mjs pkg/custom-elements.json pkg/
//
//   pkg/vscode.html-custom-data.json  VS Code's HTML custom data (tags, attributes and
//                                     their values, with descriptions and links): named by
//                                     a project's `html.customData` setting
//   pkg/web-types.json                JetBrains' Web Types (the element, its attributes,
//                                     properties, events, CSS custom properties and parts):
//                                     found by IDEs through package.json's `web-types`
//
// From the manifest rather than src/element/contract.mjs: the manifest is what the package
// publishes, and the editors' files then say nothing it does not. (Rejected: the npm
// generators built on the manifest analyzer's plugin API, which bring a formatter and
// their own conventions for descriptions; the mapping is a few lines.)
// tests/integration/editors.test.mjs asks VS Code's HTML language service for completions
// with the generated data, and checks the Web Types against the manifest.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileUrl, name as packageName, version } from './meta.mjs';

export const VSCODE_FILE = 'vscode.html-custom-data.json';
export const WEB_TYPES_FILE = 'web-types.json';
const API_URL = fileUrl('docs/api.md');

/** The custom element declarations of a manifest. */
const elementsOf = (manifest) => manifest.modules.flatMap((m) => m.declarations.filter((d) => d.customElement));

/** `"auto" | "light" | "dark"` -> ['auto', 'light', 'dark']; a type that is not a union of string literals -> []. */
export function literals(typeText = '') {
  const parts = typeText.split('|').map((p) => p.trim());
  return parts.every((p) => /^"[^"]*"$/.test(p)) ? parts.map((p) => p.slice(1, -1)).filter(Boolean) : [];
}

const markdown = (value) => ({ kind: 'markdown', value });

/** VS Code's HTML custom data (format version 1.1). */
export function vscodeData(manifest) {
  return {
    version: 1.1,
    tags: elementsOf(manifest).map((el) => ({
      name: el.tagName,
      description: markdown(`${el.summary}\n\n${el.description}`),
      attributes: el.attributes.map((a) => ({
        name: a.name,
        description: markdown(a.description),
        ...(literals(a.type?.text).length ? { values: literals(a.type.text).map((name) => ({ name })) } : {}),
      })),
      references: [{ name: 'The element\'s contract (docs/api.md)', url: API_URL }],
    })),
  };
}

/** JetBrains' Web Types. */
export function webTypes(manifest) {
  const elements = elementsOf(manifest);
  return {
    $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
    name: packageName,
    version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elements.map((el) => ({
          name: el.tagName,
          description: `${el.summary}\n\n${el.description}`,
          'doc-url': API_URL,
          attributes: el.attributes.map((a) => ({
            name: a.name,
            description: a.description,
            ...(a.default ? { default: a.default } : {}),
            value: { type: a.type?.text ?? 'string', required: false },
          })),
          slots: el.slots.map((s) => ({ name: s.name, description: s.description })),
          events: el.events.map((e) => ({ name: e.name, description: e.description })),
          js: {
            properties: el.members
              .filter((m) => m.kind === 'field')
              .map((m) => ({ name: m.name, description: m.description, type: m.type?.text, ...(m.readonly ? { 'read-only': true } : {}) })),
            events: el.events.map((e) => ({ name: e.name, description: e.description })),
          },
        })),
      },
      css: {
        properties: elements.flatMap((el) => el.cssProperties.map((p) => ({ name: p.name, description: p.description }))),
        'pseudo-elements': elements.flatMap((el) => el.cssParts.map((p) => ({ name: `part(${p.name})`, description: p.description }))),
      },
    },
  };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const [manifestPath, outDir] = process.argv.slice(2);
  if (!manifestPath || !outDir) {
    console.error('usage: node scripts/editor-data.mjs <custom-elements.json> <out-dir>');
    process.exit(2);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!elementsOf(manifest).length) throw new Error(`${manifestPath} declares no custom element`);
  writeFileSync(path.join(outDir, VSCODE_FILE), JSON.stringify(vscodeData(manifest), null, 2) + '\n');
  writeFileSync(path.join(outDir, WEB_TYPES_FILE), JSON.stringify(webTypes(manifest), null, 2) + '\n');
}
