// The package's version and repository, read from Cargo.toml's [package] section: the
// one place the version is written. Everything else that says it (pkg/package.json,
// the module's `version`, the manifest, the package README's links, the release
// archive's name, the CDN addresses in the docs) takes it from there or is checked
// against it (tests/release/version.test.mjs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const cargo = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
const field = (name) => {
  const value = cargo.match(new RegExp(`^\\[package\\][^[]*?^${name}\\s*=\\s*"([^"]+)"`, 'm'))?.[1];
  if (!value) throw new Error(`Cargo.toml's [package] section has no ${name}`);
  return value;
};

/** The package's name (the crate's, the npm package's and the element's tag). */
export const name = field('name');
/** The version, e.g. `0.1.0`. */
export const version = field('version');
/** The public repository, without a trailing slash. */
export const repository = field('repository').replace(/\/$/, '');
/** The address of a file of the repository as of this version's tag, `v<version>`. */
export const fileUrl = (file) => `${repository}/blob/v${version}/${file}`;
