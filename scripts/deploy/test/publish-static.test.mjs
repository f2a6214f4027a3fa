// Tests of publish-static.sh against the fake aws: where files go, with which cache headers, in which order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const script = join(here, '..', 'publish-static.sh');
const outputs = JSON.parse(readFileSync(join(here, 'fixtures', 'outputs.json'), 'utf8'));

function run(stacks) {
  const dir = mkdtempSync(join(tmpdir(), 'publish-static-test-'));
  try {
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ stacks }));
    const result = spawnSync('bash', [script, 'desafio-dev', 'frontend', '/frontend', 'site'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(here, 'fake-aws')}:${process.env.PATH}`, FAKE_AWS_LOG: join(dir, 'aws.log'), FAKE_AWS_STATE: join(dir, 'state.json') },
    });
    const log = join(dir, 'aws.log');
    const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
    return { ...result, calls };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('uploads hashed assets for a year, then index.html for a minute, under the app path, then invalidates the path', () => {
  const r = run({ 'desafio-dev-app-frontend': outputs['desafio-dev-app-frontend'], 'desafio-dev-edge': outputs['desafio-dev-edge'] });
  assert.equal(r.status, 0, r.stderr);
  const writes = r.calls.filter((c) => c[0] !== 'cloudformation');
  assert.deepEqual(writes, [
    ['s3', 'sync', 'site/assets', 's3://desafio-dev-app-frontend-bucket-1/frontend/assets', '--cache-control', 'public, max-age=31536000, immutable'],
    ['s3', 'cp', 'site/index.html', 's3://desafio-dev-app-frontend-bucket-1/frontend/index.html', '--cache-control', 'public, max-age=60, must-revalidate', '--content-type', 'text/html; charset=utf-8'],
    ['cloudfront', 'create-invalidation', '--distribution-id', 'E1DIST', '--paths', '/frontend', '/frontend/*'],
  ]);
});

test('stops before uploading when the platform is not deployed yet', () => {
  const r = run({ 'desafio-dev-app-frontend': outputs['desafio-dev-app-frontend'] });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /stack desafio-dev-edge has no output DistributionId; deploy the platform first/);
  assert.deepEqual(r.calls.filter((c) => c[0] !== 'cloudformation'), []);
});
