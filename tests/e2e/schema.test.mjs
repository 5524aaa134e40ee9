// The JSON Schema of the checklist format (schema/checklist.schema.json) against the
// same files the Rust tests read: it compiles (draft 2020-12, Ajv in strict mode), every
// checklist we ship validates, and every bad checklist in tests/bad-checklists/ is
// rejected or accepted exactly as its .expected file claims, for the reasons it lists.
// No browser needed. Run: node --test tests/e2e/schema.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { badChecklists } from '../bad-checklists/cases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BAD = path.join(ROOT, 'tests', 'bad-checklists');
const EXAMPLES = path.join(ROOT, 'www', 'examples');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const schema = readJson(path.join(ROOT, 'schema', 'checklist.schema.json'));

function compileSchema() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  return ajv.compile(schema);
}
const validate = compileSchema();

const errorsOf = (validator) =>
  (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('\n');

/** `$.sections[0].questions[2]` -> `/sections/0/questions/2` (Ajv's instancePath). */
function pointer(jsonPath) {
  return jsonPath.replace(/^\$/, '').replace(/\.([^.[]+)/g, '/$1').replace(/\[(\d+)\]/g, '/$1');
}

/** Where an Ajv error is: an unknown key is at the key itself, as the Rust reader says. */
function errorPath(e) {
  return e.keyword === 'additionalProperties'
    ? `${e.instancePath}/${e.params.additionalProperty}`
    : e.instancePath;
}

const within = (p, base) => base === '' || p === base || p.startsWith(`${base}/`);

function readExpected(name) {
  const lines = readFileSync(path.join(BAD, `${name}.expected`), 'utf8').split('\n');
  const claim = lines[0].trim();
  assert.ok(
    claim === 'schema: rejects' || claim === 'schema: accepts',
    `${name}.expected: first line must be "schema: rejects" or "schema: accepts", not "${claim}"`,
  );
  const paths = lines
    .slice(1)
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.slice(0, l.indexOf(': ')));
  return { rejects: claim === 'schema: rejects', paths };
}

// Each bad checklist is a patch of www/examples/minimal.json (tests/bad-checklists/cases.mjs).
const bad = new Map(badChecklists().map((c) => [c.name, c.text]));
const badNames = [...bad.keys()];

test('the schema is draft 2020-12 and compiles in strict mode', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.doesNotThrow(compileSchema);
});

test('every object of the format has exactly the fields of its struct in src/engine/format.rs', () => {
  // The Rust structs are the one definition of the format; the schema must follow them.
  const rust = readFileSync(path.join(ROOT, 'src', 'engine', 'format.rs'), 'utf8');
  const fieldsOf = (struct) => {
    const body = rust.match(new RegExp(`pub struct ${struct} \\{([\\s\\S]*?)\\n\\}`));
    assert.ok(body, `src/engine/format.rs has no struct ${struct}`);
    return [...body[1].matchAll(/^\s*pub (\w+):/gm)].map((m) => m[1]).sort();
  };
  // The labels are one table (src/engine/labels.rs): `name = "default";` lines in `labels! { }`.
  const table = readFileSync(path.join(ROOT, 'src', 'engine', 'labels.rs'), 'utf8').match(/\nlabels! \{([\s\S]*?)\n\}/);
  assert.ok(table, 'src/engine/labels.rs has the labels! table');
  const labelNames = [...table[1].matchAll(/^\s+(\w+) = "/gm)].map((m) => m[1]).sort();
  assert.ok(labelNames.length > 20, `${labelNames.length} labels`);
  assert.deepEqual(Object.keys(schema.$defs.labels.properties).sort(), labelNames, 'the labels table and the schema');
  const structs = {
    RawChecklist: schema,
    RawFactor: schema.$defs.factor,
    RawSection: schema.$defs.section,
    RawQuestion: schema.$defs.question,
    RawOption: schema.$defs.option,
    RawEffect: schema.$defs.effect,
    RawVerdict: schema.$defs.verdict,
    RawCondition: schema.$defs.condition,
    RawReading: schema.$defs.reading,
    RawWhen: schema.$defs.when,
    RawRule: schema.$defs.rule,
    RawStep: schema.$defs.step,
  };
  const declared = [...rust.matchAll(/^pub struct (Raw\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(declared, Object.keys(structs).sort(), 'a struct of the format has no schema object here');
  for (const [struct, object] of Object.entries(structs)) {
    assert.deepEqual(Object.keys(object.properties).sort(), fieldsOf(struct), `${struct} and its schema object`);
  }
});

test('every object in the schema forbids unknown keys, and every property is described', () => {
  const problems = [];
  const walk = (node, at) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
    if (!node || typeof node !== 'object') return;
    // Objects the format defines (not the partial subschemas of if/then/contains/anyOf,
    // which only add a rule to an object defined elsewhere).
    const partial = /\/(if|then|contains|anyOf\/\d+)$/.test(at) || /\/(if|then|contains)\//.test(at);
    if (node.type === 'object' && node.properties && !partial && node.additionalProperties !== false) {
      problems.push(`${at}: no "additionalProperties": false`);
    }
    for (const [key, sub] of Object.entries(node.properties ?? {})) {
      if (typeof sub.description !== 'string' || !sub.description) problems.push(`${at}/properties/${key}: no description`);
    }
    for (const [key, value] of Object.entries(node)) walk(value, `${at}/${key}`);
  };
  walk(schema, '#');
  assert.deepEqual(problems, []);
});

test('the built-in checklist and every example checklist validate', () => {
  const files = [
    path.join(ROOT, 'src', 'content', 'ai-certification.json'),
    ...readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(EXAMPLES, f)),
  ];
  assert.ok(files.some((f) => f.endsWith('reskill.json')), 'www/examples/reskill.json is there');
  for (const file of files) {
    assert.ok(validate(readJson(file)), `${path.relative(ROOT, file)}:\n${errorsOf(validate)}`);
  }
});

test('there are bad checklists to check, of both kinds', () => {
  const claims = badNames.map((n) => readExpected(n).rejects);
  assert.ok(badNames.length >= 15, `${badNames.length} bad checklists`);
  assert.ok(claims.includes(true) && claims.includes(false));
});

for (const name of badNames) {
  test(`bad checklist ${name}.patch.json: the schema does what ${name}.expected claims`, () => {
    const { rejects, paths } = readExpected(name);
    const valid = validate(JSON.parse(bad.get(name)));
    if (!rejects) {
      assert.ok(valid, `${name}.json is marked "schema: accepts" but the schema rejects it:\n${errorsOf(validate)}`);
      return;
    }
    assert.ok(!valid, `${name}.json is marked "schema: rejects" but the schema accepts it`);
    // ... and for the listed reasons: every schema error is at or under a listed path.
    // ("if" only says that its "then" failed; that error is reported too.)
    const bases = paths.map(pointer);
    const stray = validate.errors
      .filter((e) => e.keyword !== 'if')
      .filter((e) => !bases.some((b) => within(errorPath(e), b)))
      .map((e) => `${errorPath(e) || '/'} ${e.message}`);
    assert.deepEqual(stray, [], `${name}.json: schema errors outside the paths ${name}.expected lists`);
  });
}

test('the schema allows exactly the link addresses the widget allows (tests/bad-checklists/hrefs.txt)', () => {
  const wrong = [];
  const lines = readFileSync(path.join(BAD, 'hrefs.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  for (const line of lines) {
    const space = line.indexOf(' ');
    const safe = line.slice(0, space) === 'safe';
    const href = JSON.parse(line.slice(space + 1));
    const checklist = readJson(path.join(EXAMPLES, 'minimal.json'));
    checklist.reading[0].href = href;
    if (validate(checklist) !== safe) wrong.push(`${JSON.stringify(href)} should be ${safe ? 'allowed' : 'refused'}`);
  }
  assert.ok(lines.length >= 20);
  assert.deepEqual(wrong, []);
});
