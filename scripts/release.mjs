#!/usr/bin/env node
// Makes the release artifacts from the built pkg/ (scripts/release.sh builds it first):
//
//   dist/ai-cert-check-<version>.zip          what a static site needs, for a blogger to
//                                             download: ai-cert-check-<version>/widget/ (the
//                                             scripts and WebAssembly of pkg/), an example
//                                             post, a README, the changelog, both licences,
//                                             and integrity.txt (the hash of each of them)
//   dist/ai-cert-check-<version>.tgz          the npm package (`npm pack pkg/`), the file
//                                             the release workflow publishes
//   dist/ai-cert-check-<version>.sha384.txt   `sha384-<base64>  <path>` for every file in
//                                             the archive, the archive and the tarball
//   dist/release-notes.md                     this version's section of CHANGELOG.md
//
// The zip is written by fflate (npm), not a `zip` binary, which a fresh Debian does not
// have; its entries carry a fixed date, so the same pkg/ gives the same bytes. Fails if
// pkg/ lacks a file of the package or CHANGELOG.md has no section for the version.
// tests/release/ unzips the archive into an empty folder and runs the example post.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { FILES } from './package-json.mjs';
import { ROOT, fileUrl, name, version } from './meta.mjs';

export const DIST = path.join(ROOT, 'dist');
export const PKG = path.join(ROOT, 'pkg');
/** The folder every file of the archive is in. */
export const TOP = `${name}-${version}`;
export const ARCHIVE = `${TOP}.zip`;
export const TARBALL = `${TOP}.tgz`;
export const HASHES = `${TOP}.sha384.txt`;
/** The files of pkg/ a static site serves: the scripts and the WebAssembly, not the types or manifests. */
export const WIDGET_FILES = FILES.filter((f) => /\.(js|wasm)$/.test(f) && !['react.js', 'vue.js'].includes(f));
/** Zip entries' date: fixed, for the same bytes from the same files (zip dates start in 1980). */
const ENTRY_DATE = new Date('2000-01-01T00:00:00Z');

/** The SRI form of a file's SHA-384: `sha384-<base64>`. */
export const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** CHANGELOG.md's section for `version` (its heading and text), or null. */
export function changelogSection(text, v = version) {
  const escaped = v.replace(/[.+]/g, '\\$&');
  return text.match(new RegExp(`^## \\[${escaped}\\][^\\n]*\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, 'm'))?.[0].trim() ?? null;
}

/** The archive's files: path inside TOP -> bytes. */
function archiveFiles() {
  const read = (...p) => readFileSync(path.join(...p));
  const files = {};
  for (const f of WIDGET_FILES) files[`widget/${f}`] = read(PKG, f);
  const readme = read(ROOT, 'release', 'README.md')
    .toString('utf8')
    .replaceAll('{{version}}', version)
    .replaceAll('{{docs}}', `${fileUrl('README.md')} and ${fileUrl('docs/integration.md')}.`);
  files['README.md'] = Buffer.from(readme);
  files['example.html'] = read(ROOT, 'release', 'example.html');
  files['CHANGELOG.md'] = read(ROOT, 'CHANGELOG.md');
  files['LICENSE-MIT'] = read(ROOT, 'LICENSE-MIT');
  files['LICENSE-APACHE'] = read(ROOT, 'LICENSE-APACHE');
  files['integrity.txt'] = Buffer.from(
    Object.entries(files)
      .map(([f, bytes]) => `${integrity(bytes)}  ${f}\n`)
      .join(''),
  );
  return files;
}

export function release() {
  const missing = FILES.filter((f) => !readdirSync(PKG).includes(f));
  if (missing.length) throw new Error(`pkg/ lacks ${missing.join(', ')}: run ./scripts/build.sh`);
  const built = JSON.parse(readFileSync(path.join(PKG, 'package.json'), 'utf8')).version;
  if (built !== version) throw new Error(`pkg/ was built for ${built}, Cargo.toml says ${version}: run ./scripts/build.sh`);
  const notes = changelogSection(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'));
  if (!notes) throw new Error(`CHANGELOG.md has no section "## [${version}]": write what this version changes`);

  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST);
  const files = archiveFiles();
  const entries = Object.fromEntries(Object.entries(files).map(([f, bytes]) => [`${TOP}/${f}`, [bytes, { mtime: ENTRY_DATE }]]));
  const zip = zipSync(entries, { level: 9 });
  writeFileSync(path.join(DIST, ARCHIVE), zip);

  execFileSync('npm', ['pack', PKG, '--pack-destination', DIST, '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readFileSync(path.join(DIST, TARBALL));

  const lines = [
    ...Object.entries(files).map(([f, bytes]) => `${integrity(bytes)}  ${TOP}/${f}`),
    `${integrity(zip)}  ${ARCHIVE}`,
    `${integrity(tarball)}  ${TARBALL}`,
  ];
  writeFileSync(path.join(DIST, HASHES), lines.join('\n') + '\n');
  writeFileSync(path.join(DIST, 'release-notes.md'), notes + '\n');
  return { archive: ARCHIVE, tarball: TARBALL, hashes: HASHES, files: Object.keys(files).length };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  try {
    const made = release();
    console.log(`release: dist/${made.archive} (${made.files} files), dist/${made.tarball}, dist/${made.hashes}, dist/release-notes.md`);
  } catch (error) {
    console.error(`release: ${error.message}`);
    process.exit(1);
  }
}
