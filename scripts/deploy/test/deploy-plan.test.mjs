// Tests of deploy-plan.mjs against a fake `aws` on PATH (test/fake-aws/aws) that records every call.
// Run: node --test scripts/deploy/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const script = join(here, '..', 'deploy-plan.mjs');
const plan = join(here, 'fixtures', 'deploy-plan.json');
const outputs = JSON.parse(readFileSync(join(here, 'fixtures', 'outputs.json'), 'utf8'));

/** Runs the script with a fresh fake AWS state; returns exit code, output and the recorded aws calls. */
function run(args, state = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-plan-test-'));
  try {
    const log = join(dir, 'aws.log');
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, JSON.stringify({ afterDeploy: outputs, ...state }));
    const result = spawnSync(process.execPath, [script, ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${join(here, 'fake-aws')}:${process.env.PATH}`,
        FAKE_AWS_LOG: log,
        FAKE_AWS_STATE: stateFile,
        PUSH_LOG: join(dir, 'push.log'),
      },
    });
    const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
    const pushes = existsSync(join(dir, 'push.log')) ? readFileSync(join(dir, 'push.log'), 'utf8').trim().split('\n') : [];
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls, pushes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const deploys = (calls) => calls.filter((c) => c[0] === 'cloudformation' && c[1] === 'deploy');
const flag = (call, name) => call[call.indexOf(name) + 1];
const overrides = (call) => (call.includes('--parameter-overrides') ? call.slice(call.indexOf('--parameter-overrides') + 1) : []);
const existing = (names, extra = {}) => Object.fromEntries(names.map((n) => [n, { ...outputs[n], ...(extra[n] || {}) }]));

test('deploys every stack in plan order with region, template, capabilities and no failure on empty change sets', () => {
  const r = run([plan, '--image-tag', 'backend=abc123']);
  assert.equal(r.status, 0, r.stderr);
  const d = deploys(r.calls);
  assert.deepEqual(d.map((c) => flag(c, '--stack-name')), [
    'desafio-dev-global', 'desafio-dev-shared', 'desafio-dev-app-backend', 'desafio-dev-app-frontend', 'desafio-dev-edge',
  ]);
  assert.deepEqual(d.map((c) => flag(c, '--region')), ['us-east-1', 'sa-east-1', 'sa-east-1', 'sa-east-1', 'sa-east-1']);
  assert.equal(flag(d[1], '--template-file'), join(here, 'fixtures', 'desafio-dev-shared.template.json'));
  assert.equal(flag(d[1], '--capabilities'), 'CAPABILITY_IAM');
  assert.ok(!d[0].includes('--capabilities'));
  assert.ok(d.every((c) => c.includes('--no-fail-on-empty-changeset')));
  assert.ok(!d[0].includes('--parameter-overrides'), 'no empty --parameter-overrides');
  assert.match(r.stdout, /done: 6 step\(s\) of desafio-dev/);
});

test('wires literal, command and earlier stacks\' output values into parameter overrides', () => {
  const r = run([plan, '--image-tag', 'backend=abc123']);
  assert.equal(r.status, 0, r.stderr);
  const d = deploys(r.calls);
  assert.deepEqual(overrides(d[1]), ['CloudFrontPrefixListId=pl-5da64334', 'AlarmEmail=noc@example.com']);
  assert.deepEqual(overrides(d[2]), [
    'VpcId=vpc-0123',
    'ListenerArn=arn:aws:elasticloadbalancing:sa-east-1:111111111111:listener/app/alb/1/2',
    'ImageTag=abc123',
  ]);
  assert.deepEqual(overrides(d[4]), [
    'FrontendBucketName=desafio-dev-app-frontend-bucket-1',
    'CertificateArn=arn:aws:acm:us-east-1:111111111111:certificate/abc',
    'BackendServiceName=backend',
  ]);
});

test('reads outputs with describe-stacks --query once per stack, again only after that stack is redeployed', () => {
  const r = run([plan, '--image-tag', 'backend=abc123']);
  assert.equal(r.status, 0, r.stderr);
  const describes = r.calls.filter((c) => c[1] === 'describe-stacks');
  assert.ok(describes.every((c) => flag(c, '--query') === 'Stacks[0]'));
  const shared = describes.filter((c) => flag(c, '--stack-name') === 'desafio-dev-shared');
  assert.equal(shared.length, 1, 'shared stack described once for pushImages, backend and edge');
  const global = describes.find((c) => flag(c, '--stack-name') === 'desafio-dev-global');
  assert.equal(flag(global, '--region'), 'us-east-1');
  const order = r.calls.map((c) => `${c[1]} ${flag(c, '--stack-name')}`);
  assert.ok(order.indexOf('deploy desafio-dev-shared') < order.indexOf('describe-stacks desafio-dev-shared'), 'outputs read after the stack is deployed');
});

test('an app without --image-tag keeps the tag its stack runs (parameter left out, so CloudFormation reuses it)', () => {
  const stacks = existing(['desafio-dev-global', 'desafio-dev-shared', 'desafio-dev-app-backend', 'desafio-dev-app-frontend'],
    { 'desafio-dev-app-backend': { Parameters: [{ ParameterKey: 'ImageTag', ParameterValue: 'old999' }] } });
  const r = run([plan], { stacks });
  assert.equal(r.status, 0, r.stderr);
  const backend = deploys(r.calls).find((c) => flag(c, '--stack-name') === 'desafio-dev-app-backend');
  assert.ok(!overrides(backend).some((o) => o.startsWith('ImageTag=')));
  assert.match(r.stdout, /ImageTag: unchanged/);
});

test('a first deploy without any image tag stops before the app stack with a clear message', () => {
  const r = run([plan]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no image tag for app backend/);
  assert.match(r.stderr, /--image-tag backend=<tag>/);
  assert.ok(!deploys(r.calls).some((c) => flag(c, '--stack-name') === 'desafio-dev-app-backend'));
});

test('--default-image-tag and --push-command build and push new images at the pushImages step, before app stacks', () => {
  const r = run([plan, '--default-image-tag', 'sha1', '--push-command', 'echo "$TRILHO_APP $TRILHO_REPOSITORY_URI $TRILHO_IMAGE_TAG $TRILHO_REGION" >> "$PUSH_LOG"']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.pushes, ['backend 111111111111.dkr.ecr.sa-east-1.amazonaws.com/desafio-dev/backend sha1 sa-east-1']);
  const backend = deploys(r.calls).find((c) => flag(c, '--stack-name') === 'desafio-dev-app-backend');
  assert.ok(overrides(backend).includes('ImageTag=sha1'));
  // The backend stack was described (absent) before its deploy; the edge must see it as deployed now.
  const edge = deploys(r.calls).find((c) => flag(c, '--stack-name') === 'desafio-dev-edge');
  assert.ok(overrides(edge).includes('BackendServiceName=backend'));
});

test('a push command that fails stops the deploy before any app stack', () => {
  const r = run([plan, '--image-tag', 'backend=abc', '--push-command', 'echo no docker >&2; exit 3']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /FAILED at step 3\/6 \(pushImages\)/);
  assert.match(r.stderr, /pushing backend .* failed with exit 3/);
  assert.match(r.stderr, /no docker/);
  assert.deepEqual(deploys(r.calls).map((c) => flag(c, '--stack-name')), ['desafio-dev-global', 'desafio-dev-shared']);
});

test('stops at the first failing stack and prints the step, the stack, the AWS error and the failed events', () => {
  const events = {
    'desafio-dev-app-backend': [
      { Timestamp: '2026-01-01T00:00:02Z', LogicalResourceId: 'desafio-dev-app-backend', ResourceType: 'AWS::CloudFormation::Stack', ResourceStatus: 'UPDATE_ROLLBACK_COMPLETE' },
      { Timestamp: '2026-01-01T00:00:01Z', LogicalResourceId: 'Service', ResourceType: 'AWS::ECS::Service', ResourceStatus: 'UPDATE_FAILED', ResourceStatusReason: 'ECS Deployment Circuit Breaker was triggered' },
    ],
  };
  const r = run([plan, '--image-tag', 'backend=bad'], { fail: ['desafio-dev-app-backend'], events });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /FAILED at step 4\/6 \(deployStack desafio-dev-app-backend in sa-east-1\)/);
  assert.match(r.stderr, /stack: {2}desafio-dev-app-backend \(region sa-east-1\)/);
  assert.match(r.stderr, /Failed to create\/update the stack/);
  assert.match(r.stderr, /failed resources:\n.*Service AWS::ECS::Service UPDATE_FAILED: ECS Deployment Circuit Breaker was triggered/);
  const describeEvents = r.calls.find((c) => c[1] === 'describe-stack-events');
  assert.equal(flag(describeEvents, '--stack-name'), 'desafio-dev-app-backend');
  assert.equal(flag(describeEvents, '--region'), 'sa-east-1');
  assert.deepEqual(deploys(r.calls).map((c) => flag(c, '--stack-name')).slice(-1), ['desafio-dev-app-backend'], 'nothing after the failure');
});

test('--only deploys just that app stack, wiring its parameters from the deployed stacks, with no image push', () => {
  const stacks = existing(['desafio-dev-global', 'desafio-dev-shared', 'desafio-dev-app-backend', 'desafio-dev-app-frontend', 'desafio-dev-edge']);
  const r = run([plan, '--only', 'desafio-dev-app-backend', '--image-tag', 'backend=new42', '--push-command', 'echo pushed >> "$PUSH_LOG"'], { stacks });
  assert.equal(r.status, 0, r.stderr);
  const d = deploys(r.calls);
  assert.deepEqual(d.map((c) => flag(c, '--stack-name')), ['desafio-dev-app-backend']);
  assert.ok(overrides(d[0]).includes('ImageTag=new42'));
  assert.ok(overrides(d[0]).includes('VpcId=vpc-0123'));
  assert.deepEqual(r.pushes, []);
  assert.match(r.stdout, /step 4\/6/);
});

test('--only with a stack the plan does not have lists the plan\'s stacks', () => {
  const r = run([plan, '--only', 'desafio-dev-app-nope']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /--only desafio-dev-app-nope: no such stack in the plan \(stacks: desafio-dev-global, desafio-dev-shared/);
  assert.deepEqual(r.calls, []);
});

test('--role-arn hands CloudFormation the execution role on every deploy', () => {
  const role = 'arn:aws:iam::111111111111:role/desafio-dev-cfn-platform';
  const r = run([plan, '--image-tag', 'backend=abc', '--role-arn', role]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(deploys(r.calls).every((c) => flag(c, '--role-arn') === role));
});

/** Runs the script on a copy of the fixture plan whose edge step is marked too large to deploy inline. */
function runWithLargeEdge(args) {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-plan-large-'));
  try {
    const large = JSON.parse(readFileSync(plan, 'utf8'));
    const edge = large.steps.find((s) => s.stack === 'desafio-dev-edge');
    Object.assign(edge, { templateBytes: 60000, needsS3Upload: true });
    const copy = join(dir, 'deploy-plan.json');
    writeFileSync(copy, JSON.stringify(large));
    return run([copy, ...args]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a step whose template needs an S3 upload stops without --s3-bucket, naming the stack and the flag', () => {
  const r = runWithLargeEdge(['--image-tag', 'backend=abc']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /stack desafio-dev-edge: its template is 60000 bytes/);
  assert.match(r.stderr, /Pass --s3-bucket <name>/);
  assert.deepEqual(deploys(r.calls).map((c) => flag(c, '--stack-name')), [
    'desafio-dev-global', 'desafio-dev-shared', 'desafio-dev-app-backend', 'desafio-dev-app-frontend',
  ]);
});

test('--s3-bucket is passed to every deploy, so large templates upload there', () => {
  const r = runWithLargeEdge(['--image-tag', 'backend=abc', '--s3-bucket', 'desafio-dev-templates']);
  assert.equal(r.status, 0, r.stderr);
  const d = deploys(r.calls);
  assert.equal(d.length, 5);
  assert.ok(d.every((c) => flag(c, '--s3-bucket') === 'desafio-dev-templates'));
  assert.deepEqual(overrides(d.find((c) => flag(c, '--stack-name') === 'desafio-dev-app-backend')).filter((o) => o.startsWith('--')), []);
});

test('--dry-run calls no AWS API and prints every deploy command', () => {
  const r = run([plan, '--dry-run']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.calls, []);
  assert.equal((r.stdout.match(/would run: aws cloudformation deploy/g) || []).length, 5);
  assert.match(r.stdout, /'VpcId=<output VpcId of desafio-dev-shared>'/);
});

test('refuses a plan of another format version and bad arguments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-plan-v2-'));
  try {
    const v2 = join(dir, 'deploy-plan.json');
    writeFileSync(v2, JSON.stringify({ formatVersion: 2, steps: [] }));
    const r = run([v2]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /formatVersion 2; this script reads version 1/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(run([]).status, 2);
  assert.match(run([plan, '--image-tag', 'backend']).stderr, /--image-tag expects <app>=<tag>/);
  assert.match(run([plan, '--frobnicate']).stderr, /unknown option --frobnicate/);
});
