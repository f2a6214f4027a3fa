// One permissions boundary per team (docs/decisions/0008-team-boundary-and-role-trust.md, amendment of review 2): a role
// a team's stack creates, even one holding *:*, acts as that team's apps only. It never logs in to the database as
// another team's app, reads another team's secrets or parameters, or pulls its images; and no team role writes rules on
// the shared listener, whose paths IAM cannot see.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rolePolicies, sources } from './environments.mjs';
import { decide } from './simulate.mjs';

const everything = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** What a team's app owns at run time, read from its compiled app stack as AWS would name it. */
function appResources(environment, stack, prefix) {
  const app = stack.name.slice(`${prefix}-app-`.length);
  const region = stack.region;
  const account = environment.account;
  const taskId = Object.keys(stack.template.Resources).find((id) => stack.resource(id).Type === 'AWS::ECS::TaskDefinition');
  const team = Object.values(stack.template.Resources)[0]?.Properties?.Tags?.find((t) => t.Key === 'trilho:team')?.Value
    ?? stack.template.Description?.match(/of team ([a-z0-9-]+)/)?.[1];
  if (!taskId) return { app, team, api: false };
  const container = stack.properties(taskId).ContainerDefinitions[0];
  const variables = Object.fromEntries((container.Environment ?? []).map((v) => [v.Name, v.Value]));
  const resourceId = stack.template.Parameters?.DatabaseResourceId ? stack.parameter('DatabaseResourceId') : 'db-ABCDEFGHIJKLMNOP';
  // ECS accepts a secret's name without the 6 random characters Secrets Manager appends; IAM sees the full ARN.
  const secret = (valueFrom) => { const arn = valueFrom.split(':').slice(0, 7).join(':'); return /-[A-Za-z0-9]{6}$/.test(arn) ? arn : `${arn}-Xy12Zw`; };
  const logGroup = stack.ref(Object.keys(stack.template.Resources).find((id) => stack.resource(id).Type === 'AWS::Logs::LogGroup'));
  return {
    app,
    team,
    api: true,
    // Every app has a database user named after it (ADR 0009); only apps in database.access get DB_USER.
    dbUser: `arn:aws:rds-db:${region}:${account}:dbuser:${resourceId}/${variables.DB_USER ?? app}`,
    databaseAccess: 'DB_USER' in variables,
    secrets: [
      ...(container.Secrets ?? []).map((s) => secret(s.ValueFrom)),
      // The app's own name prefix, for secrets its code reads itself.
      `arn:aws:secretsmanager:${region}:${account}:secret:${prefix}/${app}/api-token-AbCdEf`,
    ],
    parameter: `arn:aws:ssm:${region}:${account}:parameter/${prefix}/${app}/feature-flags`,
    image: `arn:aws:ecr:${region}:${account}:repository/${/\/([^:@]+)/.exec(container.Image)[1]}`,
    logStream: `arn:aws:logs:${region}:${account}:log-group:${logGroup}:log-stream:${app}/app/0123`,
  };
}

for (const { source, environment } of sources()) {
  const delivery = [...environment.stacks.values()].find((s) => s.name.endsWith('-delivery'));
  if (!delivery) continue;
  const account = environment.account;
  const region = delivery.region;
  const prefix = `${environment.plan.platform}-${environment.name}`;
  const roles = Object.fromEntries(Object.keys(delivery.template.Resources)
    .filter((id) => delivery.resource(id).Type === 'AWS::IAM::Role')
    .map((id) => { const r = rolePolicies(environment, delivery, id); return [r.name, r]; }));
  const teams = Object.keys(roles).filter((n) => n.startsWith(`${prefix}-cfn-team-`)).map((n) => n.slice(`${prefix}-cfn-team-`.length));
  const policies = Object.fromEntries(Object.keys(delivery.template.Resources)
    .filter((id) => delivery.resource(id).Type === 'AWS::IAM::ManagedPolicy')
    .map((id) => [delivery.ref(id), delivery.properties(id).PolicyDocument]));
  // The boundary a team's execution role may give the roles it creates, which its app stacks' roles must name.
  const boundaryOf = (team) => {
    const grant = roles[`${prefix}-cfn-team-${team}`].identity.flatMap((d) => d.Statement).find((st) => st.Effect === 'Allow' && st.Condition?.StringEquals?.['iam:PermissionsBoundary']);
    const arn = grant.Condition.StringEquals['iam:PermissionsBoundary'];
    for (const stack of [...environment.stacks.values()].filter((st) => st.name.startsWith(`${prefix}-app-`) && appResources(environment, st, prefix).team === team)) {
      for (const id of Object.keys(stack.template.Resources).filter((r) => stack.resource(r).Type === 'AWS::IAM::Role')) {
        assert.equal(stack.properties(id).PermissionsBoundary, arn, `${stack.name}/${id} carries its team's boundary`);
      }
    }
    return { arn, document: policies[arn] };
  };
  const apps = [...environment.stacks.values()].filter((s) => s.name.startsWith(`${prefix}-app-`)).map((s) => appResources(environment, s, prefix));
  const ask = (role, action, resource, context = {}) => decide({ principal: role.arn, action, resource, account, context, identity: role.identity, boundary: role.boundary });
  const listener = `arn:aws:elasticloadbalancing:${region}:${account}:listener/app/${prefix.slice(0, 6)}-LoadB-1A2B3C4D5E6F/50dc6c495c0c9188/f2f7dc8efc522ab2`;
  const listenerRule = `arn:aws:elasticloadbalancing:${region}:${account}:listener-rule/app/${prefix.slice(0, 6)}-LoadB-1A2B3C4D5E6F/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;

  test(`${source} ${environment.name}: a role under a team's boundary acts as that team's apps only, never as another team's`,
    { skip: teams.length < 2 ? 'one team with apps: no other team to reach' : false }, async () => {
    for (const team of teams) {
      const { arn, document } = boundaryOf(team);
      assert.ok(document, `${team}: the boundary its app stacks name (${arn}) is emitted by the delivery stack`);
      // What a team template could mint: a role with *:* under the team's boundary, and the app roles the stack emits.
      const minted = { arn: `arn:aws:iam::${account}:role/${prefix}-app-x-TaskRole-AbC123`, identity: [everything], boundary: document };
      const allowed = async (action, resource) => assert.equal(await ask(minted, action, resource), 'Allowed', `${team}: ${action} on ${resource}`);
      const denied = async (action, resource) => assert.notEqual(await ask(minted, action, resource), 'Allowed', `${team}: ${action} on ${resource}`);
      for (const own of apps.filter((a) => a.team === team && a.api)) {
        if (own.databaseAccess) await allowed('rds-db:connect', own.dbUser);
        for (const secret of own.secrets) await allowed('secretsmanager:GetSecretValue', secret);
        await allowed('ssm:GetParameters', own.parameter);
        await allowed('ecr:BatchGetImage', own.image);
        await allowed('logs:PutLogEvents', own.logStream);
      }
      for (const other of apps.filter((a) => a.team !== team && a.api)) {
        await denied('rds-db:connect', other.dbUser);
        for (const secret of other.secrets) await denied('secretsmanager:GetSecretValue', secret);
        await denied('ssm:GetParameter', other.parameter);
        await denied('ssm:GetParameters', other.parameter);
        await denied('ecr:BatchGetImage', other.image);
        await denied('logs:PutLogEvents', other.logStream);
      }
    }
    for (const team of teams) {
      const minted = { arn: `arn:aws:iam::${account}:role/${prefix}-app-x-TaskRole-AbC123`, identity: [everything], boundary: boundaryOf(team).document };
      const denied = async (action, resource) => assert.notEqual(await ask(minted, action, resource), 'Allowed', `${team}: ${action} on ${resource}`);
      // Nothing outside the environment's apps: the master user, unrelated secrets, parameters and keys used directly.
      await denied('rds-db:connect', `arn:aws:rds-db:${region}:${account}:dbuser:db-ABCDEFGHIJKLMNOP/postgres`);
      await denied('secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${region}:${account}:secret:payroll-AbCdEf`);
      await denied('ssm:GetParameter', `arn:aws:ssm:${region}:${account}:parameter/payroll/db-password`);
      await denied('kms:Decrypt', `arn:aws:kms:${region}:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`);
    }
  });

  test(`${source} ${environment.name}: a team's execution role grants only its own boundary and never writes any team's boundary`, async () => {
    for (const team of teams) {
      const execution = roles[`${prefix}-cfn-team-${team}`];
      const own = `arn:aws:iam::${account}:role/${apps.find((a) => a.team === team) ? `${prefix}-app-${apps.find((a) => a.team === team).app}` : 'x'}-TaskRole-AbC123`;
      assert.equal(await ask(execution, 'iam:CreateRole', own, { 'iam:PermissionsBoundary': boundaryOf(team).arn }), 'Allowed', `${team}: its own boundary`);
      for (const other of teams) {
        const boundary = boundaryOf(other).arn;
        if (other !== team) {
          // Another team's boundary allows that team's database users and secrets.
          assert.equal(await ask(execution, 'iam:CreateRole', own, { 'iam:PermissionsBoundary': boundary }), 'ExplicitlyDenied', `${team}: create under ${other}'s boundary`);
          assert.equal(await ask(execution, 'iam:PutRolePermissionsBoundary', own, { 'iam:PermissionsBoundary': boundary }), 'ExplicitlyDenied', `${team}: switch to ${other}'s boundary`);
        }
        for (const action of ['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:DeletePolicy']) {
          assert.equal(await ask(execution, action, boundary), 'ExplicitlyDenied', `${team}: ${action} on ${other}'s boundary`);
        }
      }
    }
  });

  test(`${source} ${environment.name}: no team role writes rules on the shared listener, where another app's path is one rule away`, async () => {
    for (const team of teams) {
      for (const role of [roles[`${prefix}-cfn-team-${team}`], roles[`${prefix}-deploy-team-${team}`]]) {
        assert.notEqual(await ask(role, 'elasticloadbalancing:CreateRule', listener), 'Allowed', `${role.name}: CreateRule`);
        for (const action of ['elasticloadbalancing:ModifyRule', 'elasticloadbalancing:DeleteRule', 'elasticloadbalancing:SetRulePriorities']) {
          assert.notEqual(await ask(role, action, listenerRule), 'Allowed', `${role.name}: ${action}`);
        }
      }
      // An explicit deny, so a later broad allow cannot reopen it.
      assert.equal(await ask(roles[`${prefix}-cfn-team-${team}`], 'elasticloadbalancing:CreateRule', listener), 'ExplicitlyDenied', `${team}: CreateRule is denied outright`);
    }
    const platform = roles[`${prefix}-cfn-platform`];
    assert.equal(await ask(platform, 'elasticloadbalancing:CreateRule', listener), 'Allowed', 'the platform creates the rules');
    // Every listener rule lives in a stack only the platform deploys.
    for (const [stack, id] of environment.resources('AWS::ElasticLoadBalancingV2::ListenerRule')) {
      assert.ok(!stack.name.startsWith(`${prefix}-app-`), `${stack.name}/${id}: a listener rule in an app stack`);
    }
  });
}
