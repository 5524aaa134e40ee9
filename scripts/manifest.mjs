#!/usr/bin/env node
// Writes what src/element/contract.mjs (the element's public contract as data) describes:
//
//   node scripts/manifest.mjs <out.json>   the Custom Elements Manifest (schema 2.1.0);
//                                          scripts/build.sh writes pkg/custom-elements.json
//   node scripts/manifest.mjs --docs       rewrites the tables between <!-- contract:NAME -->
//                                          and <!-- /contract:NAME --> in docs/api.md and README.md
//   node scripts/manifest.mjs --check-docs exit 1 if those tables differ from what --docs writes
//
// The tests import `manifest()` and `renderDocs()`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as contract from '../src/element/contract.mjs';
import { fileUrl } from './meta.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_VERSION = '2.1.0';
/** The module the element and the functions are declared in, and the one-file build. */
export const MODULE = 'ai-cert-check.js';
export const SINGLE_MODULE = 'ai-cert-check.single.js';
/** The files whose marked blocks `--docs` writes. */
export const DOC_FILES = ['docs/api.md', 'README.md'];

/** The module whose declarations name the types (`AiCertCheckChangeDetail`, ...). */
export const TYPES_MODULE = 'ai-cert-check.d.ts';
/**
 * A type as the manifest writes it: its text and, for each of the package's own types it
 * names, a reference to its declaration (where tools find `AiCertCheckChangeDetail`).
 */
const type = (text) => {
  const references = [...text.matchAll(/\bAiCertCheck\w+/g)].map((m) => ({
    name: m[0],
    package: contract.tagName,
    module: TYPES_MODULE,
    start: m.index,
    end: m.index + m[0].length,
  }));
  return { type: { text, ...(references.length ? { references } : {}) } };
};
/** The docs' table cells start in lower case; the manifest's descriptions are sentences. */
const sentence = (text) => text[0].toUpperCase() + text.slice(1);

/** The manifest, as a plain object. */
export function manifest() {
  const element = {
    kind: 'class',
    name: contract.className,
    tagName: contract.tagName,
    customElement: true,
    summary: contract.summary,
    description: contract.description,
    superclass: { name: 'HTMLElement', package: 'global:' },
    attributes: contract.attributes.map((a) => ({
      name: a.name,
      description: `${sentence(a.description)}. Values: ${a.values}.${a.remounts ? ' Changing it on a mounted element mounts it afresh.' : ''}`,
      ...type(a.type),
      ...(a.default ? { default: a.default } : {}),
      ...(contract.members.some((m) => m.attribute === a.name) ? { fieldName: contract.members.find((m) => m.attribute === a.name).name } : {}),
    })),
    members: contract.members.map((m) => ({
      kind: m.kind,
      name: m.name,
      description: `${sentence(m.description)}${m.attribute ? ' (reflects it: a string, `""` when it is absent; setting it sets the attribute)' : ''}.`,
      ...(m.type ? type(m.type) : {}),
      ...(m.readonly ? { readonly: true } : {}),
      ...(m.return ? { return: type(m.return) } : {}),
      ...(m.inherited ? { inheritedFrom: { name: m.inherited, package: 'global:' } } : {}),
    })),
    events: contract.events.map((e) => ({
      name: e.name,
      description: `${sentence(e.when)}. Dispatched on the element, \`bubbles\` and \`composed\`; \`detail\`: ${e.detail}.`,
      ...type(e.type),
    })),
    cssProperties: contract.cssProperties.map((p) => ({
      name: p.name,
      description: sentence(p.description),
      default: p.default,
    })),
    cssParts: contract.cssParts.map((p) => ({ name: p.name, description: sentence(p.description) })),
    slots: contract.slots.map((s) => ({ name: s.name, description: s.description })),
  };
  const functions = contract.functions.map((f) => ({
    kind: 'function',
    name: f.name,
    description: f.description,
    parameters: f.parameters.map((p) => ({ name: p.name, ...type(p.type), ...(p.optional ? { optional: true } : {}) })),
    return: type(f.return),
  }));
  const variables = contract.variables.map((v) => ({ kind: 'variable', name: v.name, description: v.description, ...type(v.type) }));
  // Both modules export the same things, declared once (in MODULE).
  const exports = () => [
    { kind: 'custom-element-definition', name: contract.tagName, declaration: { name: contract.className, module: MODULE } },
    ...[element, ...functions, ...variables].map((d) => ({ kind: 'js', name: d.name, declaration: { name: d.name, module: MODULE } })),
  ];
  return {
    schemaVersion: SCHEMA_VERSION,
    // Markdown, as the schema says (not a path): what catalogs show for the package.
    readme: `# \`<${contract.tagName}>\`\n\n${contract.summary}\n\nThe whole contract: ${fileUrl('docs/api.md')}\n`,
    modules: [
      {
        kind: 'javascript-module',
        path: MODULE,
        description: 'Defines <ai-cert-check> (in a browser; on a server it defines nothing) and exports its JavaScript API.',
        declarations: [element, ...functions, ...variables],
        exports: exports(),
      },
      {
        kind: 'javascript-module',
        path: SINGLE_MODULE,
        description: 'The same module with the default build\'s WebAssembly inlined, for hosts that can upload only one file.',
        declarations: [],
        exports: exports(),
      },
    ],
  };
}

const code = (s) => `\`${s}\``;
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
/** `light-dark(#fff, #000)` -> `` `#fff` / `#000` ``; anything else in backticks. */
const shownDefault = (value) => {
  const m = value.match(/^light-dark\((.+), (.+)\)$/);
  return m ? `${code(m[1])} / ${code(m[2])}` : code(value);
};

/** The generated blocks, by name. */
export function blocks() {
  return {
    attributes: table(
      ['attribute', 'values', 'what it does'],
      contract.attributes.map((a) => [code(a.name), a.values, a.description]),
    ),
    remounts: `Changing ${contract.attributes
      .filter((a) => a.remounts)
      .map((a) => code(a.name))
      .join(', ')
      .replace(/, ([^,]+)$/, ' or $1')} on a mounted element mounts it afresh.`,
    events: table(
      ['event', 'when', '`detail`'],
      contract.events.map((e) => [code(e.name), e.when, e.detail]),
    ),
    result: [
      '`result` is the one result value of the engine (`src/engine/evaluate.rs`), as the reader sees it:',
      '',
      table(['field', 'what it is'], contract.result.map((f) => [`\`${f.name}\``, f.description.replace(/\|/g, '\\|')])),
      '',
      'Each reason:',
      '',
      table(['field', 'what it is'], contract.reason.map((f) => [`\`${f.name}\``, f.description.replace(/\|/g, '\\|')])),
    ].join('\n'),
    members: table(
      ['property or method', 'type', 'what it is'],
      contract.members.map((m) => [
        m.kind === 'method' ? code(`${m.name}()`) : code(m.name),
        code(m.kind === 'method' ? m.return : m.type).replace(/\|/g, '\\|'),
        `${m.description}${m.attribute ? ' (reflects it: `""` when absent)' : ''}${m.readonly ? '; read-only' : ''}`,
      ]),
    ),
    errors: table(
      ['`name`', 'when'],
      contract.errors.map((e) => [code(e.name), e.when]),
    ),
    'css-properties': table(
      ['property', 'default (light / dark)', 'used for'],
      contract.cssProperties.map((p) => [code(p.name), shownDefault(p.default), p.description]),
    ),
    'css-parts': table(
      ['part', 'what it is'],
      contract.cssParts.map((p) => [code(p.name), p.description]),
    ),
  };
}

/** `text` with every marked block replaced by its generated content. Throws on an unknown block. */
export function renderDocs(text, file = 'the file') {
  const generated = blocks();
  return text.replace(/<!-- contract:([a-z-]+) -->\n[\s\S]*?<!-- \/contract:\1 -->/g, (_, name) => {
    if (!(name in generated)) throw new Error(`${file}: no block "${name}" in scripts/manifest.mjs`);
    return `<!-- contract:${name} -->\n${generated[name]}\n<!-- /contract:${name} -->`;
  });
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const arg = process.argv[2];
  if (arg === '--docs' || arg === '--check-docs') {
    let stale = [];
    for (const file of DOC_FILES) {
      const full = path.join(ROOT, file);
      const before = readFileSync(full, 'utf8');
      const after = renderDocs(before, file);
      if (after === before) continue;
      stale.push(file);
      if (arg === '--docs') writeFileSync(full, after);
    }
    if (arg === '--check-docs' && stale.length) {
      console.error(`manifest: ${stale.join(', ')} differ from src/element/contract.mjs: run node scripts/manifest.mjs --docs`);
      process.exit(1);
    }
    if (arg === '--docs') console.log(stale.length ? `manifest: rewrote ${stale.join(', ')}` : 'manifest: docs up to date');
  } else if (arg && !arg.startsWith('-')) {
    writeFileSync(arg, JSON.stringify(manifest(), null, 2) + '\n');
  } else {
    console.error('usage: node scripts/manifest.mjs <out.json> | --docs | --check-docs');
    process.exit(2);
  }
}
