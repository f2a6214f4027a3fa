// The deploy plan's runTask step (the database role setup, docs/decisions/0009-database-identity.md) runs with the
// platform's GitHub deploy role, not through CloudFormation: that role must be allowed every call trilho deploy makes
// for it (run-task, the waiter's DescribeTasks, StopTask on a timeout, GetLogEvents on a failure, iam:PassRole of the
// task's roles), on that task only; no team role may run it, because the task holds the database master credentials.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rolePolicies, sources } from './environments.mjs';
import { decide } from './simulate.mjs';

for (const { source, environment } of sources()) {
  const delivery = [...environment.stacks.values()].find((s) => s.name.endsWith('-delivery'));
  const steps = environment.plan.steps.filter((s) => s.step === 'runTask');
  if (!delivery || steps.length === 0) continue;
  const account = environment.account;
  const prefix = `${environment.plan.platform}-${environment.name}`;
  const roles = Object.fromEntries(Object.keys(delivery.template.Resources)
    .filter((id) => delivery.resource(id).Type === 'AWS::IAM::Role')
    .map((id) => { const r = rolePolicies(environment, delivery, id); return [r.name, r]; }));
  const ask = (role, action, resource, context = {}) => decide({ principal: role.arn, action, resource, account, context, identity: role.identity, boundary: role.boundary });

  for (const step of steps) {
    test(`${source} ${environment.name}: the platform deploy role may make every call of the ${step.name} step, on that task only`, async () => {
      const shared = environment.stack(step.taskDefinition.fromStack);
      const region = step.region;
      const arn = (service, resource) => `arn:aws:${service}:${region}:${account}:${resource}`;
      // What the step's sources resolve to once deployed, from the template itself.
      const definitionId = Object.keys(shared.template.Resources).find((id) => shared.resource(id).Type === 'AWS::ECS::TaskDefinition' && shared.ref(id) === shared.output(step.taskDefinition.output));
      const definition = shared.properties(definitionId);
      const family = definition.Family;
      assert.ok(family, 'the task definition has a family name the grant can name');
      const cluster = shared.output(step.cluster.output);
      const clusterArn = arn('ecs', `cluster/${cluster}`);
      const logGroup = shared.output(step.logGroup.output);
      assert.ok(definition.ContainerDefinitions.some((c) => c.Name === step.container && c.LogConfiguration.Options['awslogs-group'] === logGroup && c.LogConfiguration.Options['awslogs-stream-prefix'] === step.logStreamPrefix), 'the step reads the log stream the container writes');
      const task = arn('ecs', `task/${cluster}/0f1e2d3c4b5a69781`);
      const passed = [definition.TaskRoleArn, definition.ExecutionRoleArn];

      const platform = roles[`${prefix}-deploy-platform`];
      const allowed = async (action, resource, context = {}) => assert.equal(await ask(platform, action, resource, context), 'Allowed', `${action} on ${resource} ${JSON.stringify(context)}`);
      const denied = async (role, action, resource, context = {}) => assert.notEqual(await ask(role, action, resource, context), 'Allowed', `${role.name}: ${action} on ${resource} ${JSON.stringify(context)}`);

      await allowed('ecs:RunTask', arn('ecs', `task-definition/${family}:7`), { 'ecs:cluster': clusterArn });
      for (const role of passed) await allowed('iam:PassRole', role, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' });
      await allowed('ecs:DescribeTasks', task, { 'ecs:cluster': clusterArn });
      await allowed('ecs:StopTask', task, { 'ecs:cluster': clusterArn });
      await allowed('logs:GetLogEvents', arn('logs', `log-group:${logGroup}:log-stream:${step.logStreamPrefix}/${step.container}/0f1e2d3c4b5a69781`));

      // Nothing beyond that task: no app's task definition, no other cluster, no other log group, no role to another service.
      await denied(platform, 'ecs:RunTask', arn('ecs', `task-definition/${prefix}-app-backend-ApiTaskDef1A2B3C4D:1`), { 'ecs:cluster': clusterArn });
      await denied(platform, 'ecs:RunTask', arn('ecs', `task-definition/${family}:7`), { 'ecs:cluster': arn('ecs', 'cluster/other') });
      await denied(platform, 'logs:GetLogEvents', arn('logs', `log-group:${prefix}-app-backend-ApiLogs1A2B3C4D-AbCdEf123456:log-stream:x`));
      for (const role of passed) await denied(platform, 'iam:PassRole', role, { 'iam:PassedToService': 'lambda.amazonaws.com' });
      await denied(platform, 'iam:PassRole', `arn:aws:iam::${account}:role/${prefix}-app-backend-TaskRole-AbC123`, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' });

      for (const [name, role] of Object.entries(roles).filter(([n]) => n.includes('-team-'))) {
        await denied(role, 'ecs:RunTask', arn('ecs', `task-definition/${family}:7`), { 'ecs:cluster': clusterArn });
        for (const passedRole of passed) await denied(role, 'iam:PassRole', passedRole, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' });
        await denied(role, 'logs:GetLogEvents', arn('logs', `log-group:${logGroup}:log-stream:x`));
        assert.ok(name);
      }
    });
  }
}
