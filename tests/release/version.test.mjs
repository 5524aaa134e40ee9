// The version is written once, in Cargo.toml; everything else that says it must agree:
// Cargo.lock, the npm package, the module's `version` export (both builds), the editors'
// data, the package README's links, the CDN addresses in the docs, the changelog and the
// release artifacts' names.
// Run: node --test tests/release/version.test.mjs (after ./scripts/release.sh)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { changelogSection } from '../../scripts/release.mjs';
import { ROOT, name, version } from '../../scripts/meta.mjs';

const read = (...p) => readFileSync(path.join(ROOT, ...p), 'utf8');
const escaped = version.replace(/\./g, '\\.');

test('Cargo.toml\'s version is a semantic version, and Cargo.lock has it', () => {
  assert.match(version, /^\d+\.\d+\.\d+(-[\w.]+)?$/);
  assert.match(read('Cargo.lock'), new RegExp(`name = "${name}"\\nversion = "${escaped}"`));
});

test('the built package says the same version: package.json, the module, the editors\' data', async () => {
  assert.equal(JSON.parse(read('pkg', 'package.json')).version, version);
  for (const file of ['ai-cert-check.js', 'ai-cert-check.single.js']) {
    const module = await import(pathToFileURL(path.join(ROOT, 'pkg', file)).href);
    assert.equal(module.version, version, file);
  }
  assert.equal(JSON.parse(read('pkg', 'web-types.json')).version, version);
  const links = [...read('pkg', 'README.md').matchAll(/\/blob\/v([^/]+)\//g)].map((m) => m[1]);
  assert.ok(links.length > 0);
  assert.deepEqual([...new Set(links)], [version], 'the package README links to this version\'s docs');
});

test('every CDN address in the docs names this version, and says it works once published', () => {
  const files = ['README.md', 'docs/integration.md', 'docs/api.md', 'docs/package-readme.md'];
  let found = 0;
  for (const file of files) {
    const text = read(file);
    for (const m of text.matchAll(/\bai-cert-check@([\w.-]+)/g)) {
      found++;
      assert.equal(m[1], version, `${file}: ai-cert-check@${m[1]}`);
    }
  }
  assert.ok(found >= 2, 'the docs give CDN addresses');
  assert.match(read('docs/integration.md'), /once (it|this version|the version) is published/);
});

test('CHANGELOG.md has a section for this version, and the artifacts carry it in their names', () => {
  const section = changelogSection(read('CHANGELOG.md'));
  assert.ok(section, `CHANGELOG.md has "## [${version}]"`);
  assert.match(read('CHANGELOG.md'), /^## \[Unreleased\]$/m, 'a place for what comes next');
  const dist = readdirSync(path.join(ROOT, 'dist')).sort();
  assert.deepEqual(dist, [`${name}-${version}.sha384.txt`, `${name}-${version}.tgz`, `${name}-${version}.zip`, 'release-notes.md']);
  assert.equal(read('dist', 'release-notes.md').trim(), section);
});

test('the release notes are a version\'s section alone', () => {
  const text = '# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2030-01-01\n\n### Added\n- a\n\n## [1.1.0] - 2029-01-01\n\n- b\n';
  assert.equal(changelogSection(text, '1.2.0'), '## [1.2.0] - 2030-01-01\n\n### Added\n- a');
  assert.equal(changelogSection(text, '1.1.0'), '## [1.1.0] - 2029-01-01\n\n- b');
  assert.equal(changelogSection(text, '1.1.1'), null);
  assert.equal(changelogSection(text, '1.2'), null);
});
