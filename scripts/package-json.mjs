#!/usr/bin/env node
// Writes pkg/package.json, the npm package's manifest, and pkg/README.md (from
// docs/package-readme.md, its links made absolute), from Cargo.toml (name, version,
// description, license, repository and, if set, homepage: one source for the crate and
// the npm package) and the files scripts/build.sh put in pkg/.
//
//   node scripts/package-json.mjs      (run by scripts/build.sh, last)
//
// Fails if pkg/ holds a file the package does not list, and warns if it lacks one (a
// partial build): what is published is exactly what was built. The exports map is what
// bundlers and Node resolve; the lazily imported builds (`ai-cert-check-custom.js`,
// `-fr.js`, `*.wasm.js`) and the `.wasm` files are imported by relative URL from inside
// the package, which an exports map does not restrict.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fileUrl } from './meta.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(ROOT, 'pkg');

/** Every file of the package but package.json (which npm always includes). */
export const FILES = [
  'ai-cert-check.js',
  'ai-cert-check-core_bg.wasm',
  'ai-cert-check-core.wasm.js',
  'ai-cert-check-custom.js',
  'ai-cert-check-custom_bg.wasm',
  'ai-cert-check-custom.wasm.js',
  'ai-cert-check-fr.js',
  'ai-cert-check-fr_bg.wasm',
  'ai-cert-check-fr.wasm.js',
  'ai-cert-check.single.js',
  'ai-cert-check.d.ts',
  'react.js',
  'react.d.ts',
  'vue.js',
  'vue.d.ts',
  'custom-elements.json',
  'vscode.html-custom-data.json',
  'web-types.json',
  'README.md',
  'LICENSE-MIT',
  'LICENSE-APACHE',
];

/** The package.json for what is in pkg/ now. Throws if pkg/ holds a file FILES lacks. */
export function packageJson() {
  const meta = JSON.parse(
    execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline'], { cwd: ROOT, encoding: 'utf8' }),
  );
  const crate = meta.packages.find((p) => p.name === 'ai-cert-check');
  if (!crate) throw new Error('cargo metadata lists no package ai-cert-check');
  for (const field of ['version', 'description', 'license', 'repository']) {
    if (!crate[field]) throw new Error(`Cargo.toml has no ${field}: the npm package takes it from there`);
  }

  const present = readdirSync(PKG).filter((f) => f !== 'package.json');
  const unlisted = present.filter((f) => !FILES.includes(f));
  if (unlisted.length) throw new Error(`pkg/ has files the package does not list: ${unlisted.join(', ')} (scripts/package-json.mjs)`);
  // A partial build (only the default build, while working on it) lacks some: say so;
  // tests/integration/package.test.mjs fails on a package that lacks any.
  const missing = FILES.filter((f) => !present.includes(f));
  if (missing.length) console.warn(`package-json: pkg/ lacks ${missing.join(', ')}: not a package to publish`);

  const main = { types: './ai-cert-check.d.ts', default: './ai-cert-check.js' };
  const repository = crate.repository.replace(/\/$/, '');
  const pkg = {
    name: crate.name,
    version: crate.version,
    description: crate.description,
    keywords: ['web-component', 'custom-element', 'webassembly', 'wasm', 'rust', 'decision', 'checklist', 'ai', 'certification'],
    homepage: crate.homepage ?? `${repository}#readme`,
    bugs: { url: `${repository}/issues` },
    repository: { type: 'git', url: `git+${repository}.git` },
    license: crate.license,
    type: 'module',
    main: 'ai-cert-check.js',
    module: 'ai-cert-check.js',
    types: 'ai-cert-check.d.ts',
    exports: {
      '.': main,
      './ai-cert-check.js': main,
      './ai-cert-check.single.js': { types: './ai-cert-check.d.ts', default: './ai-cert-check.single.js' },
      './react': { types: './react.d.ts', default: './react.js' },
      './vue': { types: './vue.d.ts', default: './vue.js' },
      './custom-elements.json': './custom-elements.json',
      './vscode.html-custom-data.json': './vscode.html-custom-data.json',
      './web-types.json': './web-types.json',
      './package.json': './package.json',
    },
    customElements: 'custom-elements.json',
    // JetBrains IDEs read the Web Types this names; VS Code reads the custom data a
    // project's `html.customData` setting names (docs/integration.md).
    'web-types': './web-types.json',
    files: FILES,
    sideEffects: true,
  };
  return pkg;
}

/**
 * The package's README: docs/package-readme.md with its links to the repository's files
 * made absolute, to this version's tag (npm shows the README without the repository).
 */
export function packageReadme() {
  const text = readFileSync(path.join(ROOT, 'docs', 'package-readme.md'), 'utf8');
  return text.replace(/\]\((?!https?:|mailto:|#)([^)\s]+)\)/g, (_, file) => `](${fileUrl(file)})`);
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  writeFileSync(path.join(PKG, 'README.md'), packageReadme());
  writeFileSync(path.join(PKG, 'package.json'), JSON.stringify(packageJson(), null, 2) + '\n');
}
