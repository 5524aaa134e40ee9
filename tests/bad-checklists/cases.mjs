// The bad checklists of this folder as the browser's and the schema's tests read them:
// each NAME.patch.json applied to www/examples/minimal.json (JSON Patch, RFC 6902:
// add, remove, replace; plus "times" and "text", see README.md), with what
// NAME.expected says of it. tests/bad_checklists.rs applies the same patches natively.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MINIMAL = path.join(HERE, '..', '..', 'www', 'examples', 'minimal.json');

/** `value` with `{i}` in each of its strings replaced by `i`. */
function numbered(value, i) {
  if (typeof value === 'string') return value.replaceAll('{i}', String(i));
  if (Array.isArray(value)) return value.map((v) => numbered(v, i));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbered(v, i)]));
  return value;
}

/** The text of the minimal checklist after `patch` (the list of a NAME.patch.json). */
export function patched(patch, file = 'patch') {
  const doc = JSON.parse(readFileSync(MINIMAL, 'utf8'));
  const texts = [];
  for (const op of patch) {
    const tokens = op.path.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
    const key = tokens.pop();
    let target = doc;
    for (const t of tokens) target = target?.[t];
    if (target === null || typeof target !== 'object') throw new Error(`${file}: ${op.path}: no parent`);
    let value = op.value;
    if (op.text !== undefined) {
      texts.push(op.text);
      value = `@@text${texts.length - 1}@@`;
    }
    const list = Array.isArray(target);
    const at = key === '-' ? target.length : Number(key);
    if (op.op === 'add' && list) {
      const items = op.times === undefined ? [value] : Array.from({ length: op.times }, (_, i) => numbered(value, i + 1));
      target.splice(at, 0, ...items);
    } else if (op.op === 'add') {
      target[key] = value;
    } else if (op.op === 'replace' && (list ? at < target.length : key in target)) {
      target[list ? at : key] = value;
    } else if (op.op === 'remove' && (list ? at < target.length : key in target)) {
      if (list) target.splice(at, 1);
      else delete target[key];
    } else {
      throw new Error(`${file}: ${op.path}: cannot ${op.op} there`);
    }
  }
  let text = JSON.stringify(doc, null, 2);
  texts.forEach((t, i) => { text = text.replace(`"@@text${i}@@"`, t); });
  return text;
}

/**
 * Every bad checklist, sorted by name: `{ name, breaks, text, schemaRejects, expected }`,
 * `expected` the problems NAME.expected lists as `[path, kind, message fragment]`.
 */
export function badChecklists() {
  return readdirSync(HERE)
    .filter((f) => f.endsWith('.patch.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.patch.json'.length);
      const { breaks, patch } = JSON.parse(readFileSync(path.join(HERE, f), 'utf8'));
      const lines = readFileSync(path.join(HERE, `${name}.expected`), 'utf8').split('\n');
      const expected = lines
        .slice(1)
        .filter((l) => l.trim() && !l.startsWith('#'))
        .map((l) => {
          const [p, kind, ...fragment] = l.split(': ');
          return [p, kind, fragment.join(': ')];
        });
      return { name, breaks, text: patched(patch, f), schemaRejects: lines[0].trim() === 'schema: rejects', schemaClaim: lines[0].trim(), expected };
    });
}
