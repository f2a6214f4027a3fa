// ECS task and task execution roles: what their app needs is allowed (within the team boundary when there is one),
// nothing of another app is, and no app role can reach IAM.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rolePolicies, sources } from './environments.mjs';
import { decide } from './simulate.mjs';

// Null for a public image (the role setup task's postgres from public.ecr.aws): pulling it needs no IAM grant.
function repositoryArn(image) {
  const match = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.[^/]+\/([^:@]+)/.exec(image);
  if (!match) return null;
  const [, account, region, path] = match;
  return `arn:aws:ecr:${region}:${account}:repository/${path}`;
}

// ECS accepts a secret's name without the 6 random characters Secrets Manager appends; IAM sees the full ARN.
function secretArn(valueFrom) {
  const arn = valueFrom.split(':').slice(0, 7).join(':');
  return /-[A-Za-z0-9]{6}$/.test(arn) ? arn : `${arn}-Xy12Zw`;
}

function tasksOf(environment) {
  return [...environment.resources('AWS::ECS::TaskDefinition')].map(([stack, id]) => {
    const p = stack.properties(id);
    const logicalOf = (arn) => Object.keys(stack.template.Resources).find((r) => stack.template.Resources[r].Type === 'AWS::IAM::Role' && stack.getAtt(r, 'Arn') === arn);
    const containers = p.ContainerDefinitions;
    return {
      stack,
      execution: rolePolicies(environment, stack, logicalOf(p.ExecutionRoleArn)),
      task: p.TaskRoleArn ? rolePolicies(environment, stack, logicalOf(p.TaskRoleArn)) : undefined,
      repositories: containers.map((c) => repositoryArn(c.Image)).filter(Boolean),
      logGroups: containers.map((c) => c.LogConfiguration?.Options?.['awslogs-group']).filter(Boolean),
      secrets: containers.flatMap((c) => (c.Secrets ?? []).map((s) => secretArn(s.ValueFrom))),
    };
  });
}

const ask = (environment, role, action, resource, context = {}) =>
  decide({ principal: role.arn, action, resource, account: environment.account, context, identity: role.identity, boundary: role.boundary });

for (const { source, environment } of sources()) {
  const tasks = tasksOf(environment);
  if (tasks.length === 0) continue;

  test(`${source} ${environment.name}: each execution role pulls its image, writes its logs and reads its secrets`, async () => {
    for (const task of tasks) {
      for (const repository of task.repositories) assert.equal(await ask(environment, task.execution, 'ecr:BatchGetImage', repository), 'Allowed', repository);
      if (task.repositories.length > 0) assert.equal(await ask(environment, task.execution, 'ecr:GetAuthorizationToken', '*'), 'Allowed', 'log in to ECR');
      for (const group of task.logGroups) {
        const stream = `arn:aws:logs:${task.stack.region}:${environment.account}:log-group:${group}:log-stream:backend/app/0123`;
        assert.equal(await ask(environment, task.execution, 'logs:PutLogEvents', stream), 'Allowed', group);
      }
      for (const secret of task.secrets) assert.equal(await ask(environment, task.execution, 'secretsmanager:GetSecretValue', secret), 'Allowed', secret);
    }
  });

  test(`${source} ${environment.name}: no app's roles reach another app's image, secrets or logs`, async () => {
    for (const task of tasks) {
      for (const other of tasks.filter((t) => t !== task)) {
        for (const role of [task.execution, task.task].filter(Boolean)) {
          for (const repository of other.repositories.filter((r) => !task.repositories.includes(r))) {
            assert.notEqual(await ask(environment, role, 'ecr:BatchGetImage', repository), 'Allowed', `${role.name} -> ${repository}`);
          }
          for (const secret of other.secrets.filter((s) => !task.secrets.includes(s))) {
            assert.notEqual(await ask(environment, role, 'secretsmanager:GetSecretValue', secret), 'Allowed', `${role.name} -> ${secret}`);
          }
          for (const group of other.logGroups) {
            assert.notEqual(await ask(environment, role, 'logs:PutLogEvents', `arn:aws:logs:${task.stack.region}:${environment.account}:log-group:${group}:log-stream:x`), 'Allowed', `${role.name} -> ${group}`);
          }
        }
      }
    }
  });

  test(`${source} ${environment.name}: app roles cannot manage IAM or assume other roles`, async () => {
    for (const task of tasks) {
      for (const role of [task.execution, task.task].filter(Boolean)) {
        assert.notEqual(await ask(environment, role, 'iam:CreateRole', `arn:aws:iam::${environment.account}:role/x`), 'Allowed', role.name);
        assert.notEqual(await ask(environment, role, 'iam:AttachRolePolicy', role.arn, { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AdministratorAccess' }), 'Allowed', role.name);
        assert.notEqual(await ask(environment, role, 'sts:AssumeRole', `arn:aws:iam::${environment.account}:role/${environment.plan.platform}-${environment.name}-deploy-platform`), 'Allowed', role.name);
      }
    }
  });

  // Issue 12 defect 2 (ADR 0009): an app logs in to the database as its own PostgreSQL role with an IAM token, never
  // as the master user or another app, and only to this environment's instance.
  const databaseApps = tasks.filter((t) => t.task && 'DatabaseResourceId' in (t.stack.template.Parameters ?? {}));
  test(`${source} ${environment.name}: a task role connects to the database only as its app's own role`,
    { skip: databaseApps.length === 0 ? 'no app with database access' : false }, async () => {
    const apps = databaseApps.map((t) => t.stack.name.slice(`${environment.plan.platform}-${environment.name}-app-`.length));
    for (const [i, task] of databaseApps.entries()) {
      const resourceId = task.stack.parameter('DatabaseResourceId');
      const user = (name, id = resourceId) => `arn:aws:rds-db:${task.stack.region}:${environment.account}:dbuser:${id}/${name}`;
      assert.equal(await ask(environment, task.task, 'rds-db:connect', user(apps[i])), 'Allowed', `${apps[i]} as itself`);
      for (const other of ['trilho', 'postgres', 'rdsadmin', 'orders-x', ...apps.filter((a) => a !== apps[i])]) {
        assert.notEqual(await ask(environment, task.task, 'rds-db:connect', user(other)), 'Allowed', `${apps[i]} as ${other}`);
      }
      assert.notEqual(await ask(environment, task.task, 'rds-db:connect', user(apps[i], 'db-OTHERINSTANCE')), 'Allowed', `${apps[i]} on another instance`);
      assert.notEqual(await ask(environment, task.task, 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${task.stack.region}:${environment.account}:secret:rds!db-1234-AbCdEf`), 'Allowed', `${apps[i]} reads the master secret`);
      assert.notEqual(await ask(environment, task.execution, 'rds-db:connect', user(apps[i])), 'Allowed', `${apps[i]}'s execution role connects`);
    }
  });
}
