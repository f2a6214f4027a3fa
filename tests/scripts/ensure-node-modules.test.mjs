// scripts/ensure-node-modules.sh, which scripts/test.sh runs through ensure-tools.sh on every run: npm ci where
// node_modules is missing or from another package-lock.json, nothing otherwise (npm ci would delete and reinstall
// everything each time). Real npm over local file: packages, so no registry is needed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const script = new URL('../../scripts/ensure-node-modules.sh', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'ensure-node-modules-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function project(name, dependencies) {
  const folder = join(scratch, name);
  mkdirSync(folder);
  for (const dependency of Object.keys(dependencies)) {
    mkdirSync(join(folder, dependency));
    writeFileSync(join(folder, dependency, 'package.json'), JSON.stringify({ name: dependency, version: '1.0.0' }));
  }
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, dependencies }));
  lock(folder);
  return folder;
}

function lock(folder) {
  execFileSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder });
}

const ensure = (folder) => execFileSync('bash', [script, folder], { encoding: 'utf8' });

test('installs a missing node_modules, keeps an installed one, reinstalls after the lockfile changes', () => {
  const folder = project('app', { one: 'file:one' });
  assert.match(ensure(folder), /npm ci/);
  assert.ok(existsSync(join(folder, 'node_modules', 'one', 'package.json')));

  // npm ci removes node_modules first: a file left in it survives only if nothing was reinstalled.
  const left = join(folder, 'node_modules', 'left-by-the-test');
  writeFileSync(left, '');
  assert.doesNotMatch(ensure(folder), /npm ci/);
  assert.ok(existsSync(left));

  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, dependencies: { one: 'file:one', two: 'file:two' } }));
  mkdirSync(join(folder, 'two'));
  writeFileSync(join(folder, 'two', 'package.json'), JSON.stringify({ name: 'two', version: '1.0.0' }));
  lock(folder);
  assert.match(ensure(folder), /npm ci/);
  assert.ok(existsSync(join(folder, 'node_modules', 'two', 'package.json')));
  assert.ok(!existsSync(left));
});

test('a lockfile without packages, for which npm creates no node_modules, is installed once', () => {
  const folder = project('empty', {});
  assert.match(ensure(folder), /npm ci/);
  assert.doesNotMatch(ensure(folder), /npm ci/);
});

test('an install that fails is tried again on the next run, with the same lockfile', () => {
  const folder = project('broken', { one: 'file:one' });
  const manifest = join(folder, 'package.json');
  const good = readFileSync(manifest, 'utf8');
  // A package.json out of step with its lockfile makes npm ci fail.
  writeFileSync(manifest, JSON.stringify({ name: 'broken', version: '1.0.0', private: true, dependencies: { one: 'file:one', two: 'file:two' } }));
  assert.throws(() => ensure(folder));
  writeFileSync(manifest, good);
  assert.match(ensure(folder), /npm ci/);
  assert.ok(existsSync(join(folder, 'node_modules', 'one', 'package.json')));
});
