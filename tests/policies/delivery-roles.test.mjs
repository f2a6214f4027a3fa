// The delivery roles (docs/security.md, docs/decisions/0008-team-boundary-and-role-trust.md): each escalation path a
// team's job or template could take is denied, and what the roles exist for is allowed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rolePolicies, sources } from './environments.mjs';
import { decide, decideWebIdentity } from './simulate.mjs';

const Admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
const everything = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

for (const { source, environment } of sources()) {
  const delivery = [...environment.stacks.values()].find((s) => s.name.endsWith('-delivery'));
  if (!delivery) continue;
  const account = environment.account;
  const prefix = `${environment.plan.platform}-${environment.name}`;
  const roles = Object.fromEntries(Object.keys(delivery.template.Resources)
    .filter((id) => delivery.resource(id).Type === 'AWS::IAM::Role')
    .map((id) => { const r = rolePolicies(environment, delivery, id); return [r.name, r]; }));
  const teams = Object.keys(roles).filter((n) => n.startsWith(`${prefix}-cfn-team-`)).map((n) => n.slice(`${prefix}-cfn-team-`.length));
  // Each team's boundary (one per team, ADR 0008): the managed policy its app stacks' roles name.
  const boundaries = Object.fromEntries(Object.keys(delivery.template.Resources)
    .filter((id) => delivery.resource(id).Type === 'AWS::IAM::ManagedPolicy')
    .map((id) => [delivery.ref(id), delivery.properties(id).PolicyDocument]));
  const boundaryArnOf = (team) => `arn:aws:iam::${account}:policy/${prefix}-boundary-team-${team}`;
  const boundaryOf = (team) => boundaries[boundaryArnOf(team)] ?? { Version: '2012-10-17', Statement: [] };
  const roleArn = (name) => `arn:aws:iam::${account}:role/${name}`;
  const ask = (role, action, resource, context = {}) => decide({ principal: role.arn, action, resource, account, context, identity: role.identity, boundary: role.boundary });
  const appRole = (team) => roleArn(`${prefix}-app-${environment.plan.steps.find((s) => s.stack?.startsWith(`${prefix}-app-`) && appTeam(s.stack) === team).stack.slice(`${prefix}-app-`.length)}-TaskRole-AbC123`);
  function appTeam(stackName) {
    const stack = environment.stack(stackName);
    return stack.template.Description?.match(/of team ([a-z0-9-]+)/)?.[1] ?? Object.values(stack.template.Resources)[0]?.Properties?.Tags?.find((t) => t.Key === 'trilho:team')?.Value;
  }

  test(`${source} ${environment.name}: a team's execution role creates and grants to its app roles only with the team boundary`, async () => {
    assert.ok(teams.length > 0);
    for (const team of teams) {
      const execution = roles[`${prefix}-cfn-team-${team}`];
      const own = appRole(team);
      const boundaryArn = boundaryArnOf(team);
      assert.ok(boundaries[boundaryArn], `${team}: the delivery stack emits its boundary`);
      const bounded = { 'iam:PermissionsBoundary': boundaryArn };
      assert.equal(await ask(execution, 'iam:CreateRole', own, bounded), 'Allowed', 'create with the boundary');
      assert.equal(await ask(execution, 'iam:PutRolePolicy', own, bounded), 'Allowed', 'inline policy on a bounded role');
      assert.equal(await ask(execution, 'iam:PassRole', own, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }), 'Allowed', 'pass to ECS tasks');
      assert.equal(await ask(execution, 'iam:DeleteRole', own), 'Allowed', 'delete with its stack');

      assert.equal(await ask(execution, 'iam:CreateRole', own), 'ExplicitlyDenied', 'create without a boundary');
      assert.equal(await ask(execution, 'iam:CreateRole', own, { 'iam:PermissionsBoundary': Admin }), 'ExplicitlyDenied', 'create with another boundary');
      assert.equal(await ask(execution, 'iam:AttachRolePolicy', own, { 'iam:PolicyARN': Admin }), 'ExplicitlyDenied', 'attach AdministratorAccess to an unbounded role');
      assert.equal(await ask(execution, 'iam:PutRolePolicy', own), 'ExplicitlyDenied', 'inline *:* on an unbounded role');
      assert.equal(await ask(execution, 'iam:DeleteRolePermissionsBoundary', own, bounded), 'ExplicitlyDenied', 'remove the boundary');
      assert.equal(await ask(execution, 'iam:PutRolePermissionsBoundary', own, { 'iam:PermissionsBoundary': Admin }), 'ExplicitlyDenied', 'replace the boundary');
      for (const action of ['iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:SetDefaultPolicyVersion', 'iam:DeletePolicyVersion']) {
        assert.equal(await ask(execution, action, boundaryArn), 'ExplicitlyDenied', `${action} on the boundary`);
      }
      assert.notEqual(await ask(execution, 'iam:PassRole', own, { 'iam:PassedToService': 'lambda.amazonaws.com' }), 'Allowed', 'pass an app role to another service');
      for (const foreign of [`${prefix}-cfn-platform`, `${prefix}-deploy-platform`, `${prefix}-cfn-team-${team}`, `${prefix}-deploy-team-${team}`, 'Admin']) {
        assert.notEqual(await ask(execution, 'iam:PassRole', roleArn(foreign), { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }), 'Allowed', `pass ${foreign}`);
      }
      for (const protectedRole of [`${prefix}-cfn-platform`, `${prefix}-deploy-platform`, `${prefix}-cfn-team-${team}`, `${prefix}-deploy-team-${team}`]) {
        for (const action of ['iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:UpdateAssumeRolePolicy', 'iam:DeleteRolePolicy']) {
          assert.equal(await ask(execution, action, roleArn(protectedRole), bounded), 'ExplicitlyDenied', `${action} on ${protectedRole}`);
        }
      }
      for (const other of teams.filter((t) => t !== team)) {
        assert.notEqual(await ask(execution, 'iam:CreateRole', appRole(other), bounded), 'Allowed', `create a role of team ${other}`);
        assert.notEqual(await ask(execution, 'iam:PassRole', appRole(other), { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }), 'Allowed', `pass a role of team ${other}`);
      }
    }
  });

  test(`${source} ${environment.name}: a team's execution role changes only its own apps' services, never another app's, the platform's or the NOC's`, async () => {
    const region = delivery.region;
    const arn = (service, resource) => `arn:aws:${service}:${region}:${account}:${resource}`;
    const appStacks = [...environment.stacks.keys()].filter((n) => n.startsWith(`${prefix}-app-`));
    const isApi = (name) => Object.values(environment.stack(name).template.Resources).some((r) => r.Type === 'AWS::ECS::Service');
    const appId = (name) => name.slice(`${prefix}-app-`.length);
    const cluster = prefix;
    // Resources as AWS names them: CloudFormation names unnamed services and log groups <stack>-<logical id>-<random>.
    const service = (stack) => arn('ecs', `service/${cluster}/${stack}-ApiService1A2B3C4D-AbCdEf123456`);
    const logGroup = (stack) => arn('logs', `log-group:${stack}-ApiLogs1A2B3C4D-AbCdEf123456`);
    const releaseAlarm = (app) => arn('cloudwatch', `alarm:${prefix}-${app}-release-errors`);
    const scalingAlarm = (stack) => arn('cloudwatch', `alarm:TargetTracking-service/${cluster}/${stack}-ApiService1A2B3C4D-AbCdEf123456-AlarmHigh-0f1e2d3c`);
    const listener = arn('elasticloadbalancing', 'listener/app/desafi-LoadB-1A2B3C4D5E6F/50dc6c495c0c9188/f2f7dc8efc522ab2');
    const targetGroup = arn('elasticloadbalancing', 'targetgroup/desafi-ApiTa-1A2B3C4D5E6F/73e2d6bc24d8a067');
    const shared = environment.stack(`${prefix}-shared`);
    const platformLogGroups = [...environment.resources('AWS::Logs::LogGroup')].filter(([st]) => !st.name.startsWith(`${prefix}-app-`))
      .map(([st, id]) => arn('logs', `log-group:${st.ref(id)}`));
    assert.ok(platformLogGroups.some((g) => g.includes('/aws/rds/')) || !JSON.stringify(shared.template).includes('AWS::RDS::DBInstance'), 'the RDS log groups are among them');
    const topics = [...environment.resources('AWS::SNS::Topic')].map(([st, id]) => st.ref(id));
    assert.ok(topics.length > 0, 'alarm topics');

    for (const team of teams) {
      const execution = roles[`${prefix}-cfn-team-${team}`];
      const own = appStacks.filter((n) => appTeam(n) === team);
      const ownApis = own.filter(isApi);
      const others = [...appStacks.filter((n) => appTeam(n) !== team), `${prefix}-app-zz`];
      const denied = async (action, resource, context = {}) => assert.notEqual(await ask(execution, action, resource, context), 'Allowed', `${team}: ${action} on ${resource} ${JSON.stringify(context)}`);
      const allowed = async (action, resource, context = {}) => assert.equal(await ask(execution, action, resource, context), 'Allowed', `${team}: ${action} on ${resource} ${JSON.stringify(context)}`);

      for (const stack of ownApis) {
        await allowed('ecs:CreateService', service(stack), { 'ecs:cluster': arn('ecs', `cluster/${cluster}`) });
        await allowed('ecs:UpdateService', service(stack), { 'ecs:cluster': arn('ecs', `cluster/${cluster}`) });
        await allowed('ecs:DeleteService', service(stack), { 'ecs:cluster': arn('ecs', `cluster/${cluster}`) });
        await allowed('logs:CreateLogGroup', logGroup(stack));
        await allowed('logs:DeleteLogGroup', logGroup(stack));
        await allowed('logs:PutRetentionPolicy', logGroup(stack));
        await allowed('cloudwatch:PutMetricAlarm', releaseAlarm(appId(stack)));
        await allowed('cloudwatch:DeleteAlarms', releaseAlarm(appId(stack)));
        // Target tracking creates its alarms with the caller's permissions, named after the service.
        await allowed('cloudwatch:PutMetricAlarm', scalingAlarm(stack));
        // Task definition revisions of its own apps only (the family is the app stack's name).
        await allowed('ecs:RegisterTaskDefinition', arn('ecs', `task-definition/${stack}:7`));
        await denied('ecs:RegisterTaskDefinition', arn('ecs', `task-definition/${stack}-api:7`));
        // Target groups and listener rules are the shared stack's (ADR 0008): IAM cannot see a rule's path or priority.
        await denied('elasticloadbalancing:CreateTargetGroup', targetGroup, { 'aws:RequestTag/trilho:team': team });
        await denied('elasticloadbalancing:ModifyTargetGroup', targetGroup, { 'aws:ResourceTag/trilho:team': team });
        await denied('elasticloadbalancing:CreateRule', listener);
        await denied('logs:PutSubscriptionFilter', logGroup(stack));
        // The app's other alarms belong to the platform's monitoring stack.
        await denied('cloudwatch:DeleteAlarms', arn('cloudwatch', `alarm:${prefix}-${appId(stack)}-latency-high`));
      }
      if (ownApis.length === 0) {
        await denied('elasticloadbalancing:CreateRule', listener);
        await denied('elasticloadbalancing:CreateTargetGroup', targetGroup, { 'aws:RequestTag/trilho:team': team });
        await denied('ecs:CreateService', service(own[0]), { 'ecs:cluster': arn('ecs', `cluster/${cluster}`) });
      }
      for (const stack of others) {
        await denied('ecs:RegisterTaskDefinition', arn('ecs', `task-definition/${stack}:7`));
        for (const action of ['ecs:CreateService', 'ecs:UpdateService', 'ecs:DeleteService']) {
          await denied(action, service(stack), { 'ecs:cluster': arn('ecs', `cluster/${cluster}`) });
        }
        for (const action of ['logs:PutSubscriptionFilter', 'logs:DeleteLogGroup', 'logs:PutRetentionPolicy']) await denied(action, logGroup(stack));
        for (const action of ['cloudwatch:DeleteAlarms', 'cloudwatch:PutMetricAlarm']) {
          await denied(action, releaseAlarm(appId(stack)));
          await denied(action, scalingAlarm(stack));
        }
      }
      for (const other of [...teams.filter((t) => t !== team), 'platform']) {
        await denied('elasticloadbalancing:CreateTargetGroup', targetGroup, { 'aws:RequestTag/trilho:team': other });
        await denied('elasticloadbalancing:ModifyTargetGroup', targetGroup, { 'aws:ResourceTag/trilho:team': other });
        await denied('elasticloadbalancing:DeleteTargetGroup', targetGroup, { 'aws:ResourceTag/trilho:team': other });
      }
      for (const group of platformLogGroups) {
        for (const action of ['logs:PutSubscriptionFilter', 'logs:DeleteLogGroup', 'logs:PutRetentionPolicy', 'logs:DeleteSubscriptionFilter']) await denied(action, group);
      }
      for (const topic of topics) {
        for (const action of ['sns:SetTopicAttributes', 'sns:AddPermission', 'sns:DeleteTopic', 'sns:Subscribe']) await denied(action, topic);
      }
      await denied('ecs:UpdateCluster', arn('ecs', `cluster/${cluster}`));
      await denied('elasticloadbalancing:ModifyListener', listener);
      await denied('elasticloadbalancing:DeleteLoadBalancer', arn('elasticloadbalancing', 'loadbalancer/app/desafi-LoadB-1A2B3C4D5E6F/50dc6c495c0c9188'));
      await denied('cloudwatch:DeleteAlarms', arn('cloudwatch', `alarm:${prefix}-database-cpu-high`));
    }
  });

  test(`${source} ${environment.name}: each deploy role deletes only its own stacks, through its own execution role (ROLLBACK_COMPLETE recovery)`, async () => {
    const stackArn = (name, region) => `arn:aws:cloudformation:${region}:${account}:stack/${name}/0f1e2d3c`;
    for (const team of teams) {
      const deploy = roles[`${prefix}-deploy-team-${team}`];
      const bound = { 'cloudformation:RoleArn': roleArn(`${prefix}-cfn-team-${team}`) };
      for (const stack of environment.stacks.values()) {
        const mine = stack.name.startsWith(`${prefix}-app-`) && appTeam(stack.name) === team;
        assert.equal(await ask(deploy, 'cloudformation:DeleteStack', stackArn(stack.name, stack.region), bound), mine ? 'Allowed' : 'ImplicitlyDenied', `${team} deletes ${stack.name}`);
        if (mine) {
          assert.notEqual(await ask(deploy, 'cloudformation:DeleteStack', stackArn(stack.name, stack.region), { 'cloudformation:RoleArn': roleArn(`${prefix}-cfn-platform`) }), 'Allowed', `${stack.name} with the platform's execution role`);
        }
      }
    }
    const platform = roles[`${prefix}-deploy-platform`];
    const bound = { 'cloudformation:RoleArn': roleArn(`${prefix}-cfn-platform`) };
    for (const stack of environment.stacks.values()) {
      assert.equal(await ask(platform, 'cloudformation:DeleteStack', stackArn(stack.name, stack.region), bound), 'Allowed', `platform deletes ${stack.name}`);
    }
    assert.notEqual(await ask(platform, 'cloudformation:DeleteStack', stackArn(`other-${environment.name}-shared`, delivery.region), bound), 'Allowed', 'another platform');
    assert.notEqual(await ask(platform, 'cloudformation:DeleteStack', stackArn(`${prefix}-shared`, delivery.region), { 'cloudformation:RoleArn': roleArn(`${prefix}-cfn-team-x`) }), 'Allowed', 'with a team execution role');
  });

  test(`${source} ${environment.name}: each deploy role reads the live template of every stack it deploys (trilho deploy refuses a plan that destroys data), and a team only its own`, async () => {
    const stackArn = (name, region) => `arn:aws:cloudformation:${region}:${account}:stack/${name}/0f1e2d3c`;
    const platform = roles[`${prefix}-deploy-platform`];
    for (const stack of environment.stacks.values()) {
      assert.equal(await ask(platform, 'cloudformation:GetTemplate', stackArn(stack.name, stack.region)), 'Allowed', `platform reads ${stack.name}`);
    }
    assert.notEqual(await ask(platform, 'cloudformation:GetTemplate', stackArn(`other-${environment.name}-shared`, delivery.region)), 'Allowed', 'another platform');
    for (const team of teams) {
      const deploy = roles[`${prefix}-deploy-team-${team}`];
      for (const stack of environment.stacks.values()) {
        const mine = stack.name.startsWith(`${prefix}-app-`) && appTeam(stack.name) === team;
        assert.equal(await ask(deploy, 'cloudformation:GetTemplate', stackArn(stack.name, stack.region)), mine ? 'Allowed' : 'ImplicitlyDenied', `${team} reads ${stack.name}`);
      }
    }
  });

  test(`${source} ${environment.name}: a role under a team boundary stays an app role even with AdministratorAccess or an inline *:*`, async () => {
    for (const team of teams) {
      const minted = { arn: roleArn(`${prefix}-app-x-TaskRole-AbC123`), identity: [everything], boundary: boundaryOf(team) };
      assert.equal(await ask(minted, 'cloudwatch:PutMetricData', '*'), 'Allowed', 'what apps need still works');
      for (const [action, resource] of [
        ['iam:CreateRole', roleArn('minted')], ['iam:AttachRolePolicy', roleArn('minted')], ['iam:CreateUser', `arn:aws:iam::${account}:user/u`],
        ['sts:AssumeRole', roleArn(`${prefix}-deploy-platform`)], ['iam:PassRole', roleArn(`${prefix}-cfn-platform`)],
        ['ec2:DeleteVpc', `arn:aws:ec2:us-east-1:${account}:vpc/vpc-1`], ['s3:DeleteBucket', 'arn:aws:s3:::b'],
        ['secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:us-east-1:999999999999:secret:s-AbCdEf'],
        // The database's master credentials, which RDS keeps in a secret named rds!db-<id>: with them a team would
        // log in as the master user and read every app's schema.
        ['secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${delivery.region}:${account}:secret:rds!db-0a1b2c3d-AbCdEf`],
      ]) {
        assert.notEqual(await ask(minted, action, resource), 'Allowed', `${team}: ${action}`);
      }
    }
  });

  test(`${source} ${environment.name}: deploy roles pass only their own execution role, to CloudFormation`, async () => {
    for (const job of ['platform', ...teams.map((t) => `team-${t}`)]) {
      const deploy = roles[`${prefix}-deploy-${job}`];
      const own = roleArn(`${prefix}-cfn-${job}`);
      assert.equal(await ask(deploy, 'iam:PassRole', own, { 'iam:PassedToService': 'cloudformation.amazonaws.com' }), 'Allowed', job);
      for (const other of Object.keys(roles).filter((n) => roleArn(n) !== own)) {
        assert.notEqual(await ask(deploy, 'iam:PassRole', roleArn(other), { 'iam:PassedToService': 'cloudformation.amazonaws.com' }), 'Allowed', `${job} passes ${other}`);
      }
      assert.notEqual(await ask(deploy, 'iam:PassRole', own, { 'iam:PassedToService': 'ec2.amazonaws.com' }), 'Allowed', `${job} to EC2`);
      assert.notEqual(await ask(deploy, 'iam:CreateRole', roleArn('x')), 'Allowed', `${job} creates roles`);
    }
  });

  test(`${source} ${environment.name}: a team's deploy role changes only its own app stacks, through its own execution role`, async () => {
    const stackArn = (name, region = delivery.region) => `arn:aws:cloudformation:${region}:${account}:stack/${name}/0f1e2d3c`;
    const appStacks = [...environment.stacks.keys()].filter((n) => n.startsWith(`${prefix}-app-`));
    for (const team of teams) {
      const deploy = roles[`${prefix}-deploy-team-${team}`];
      const own = appStacks.filter((n) => appTeam(n) === team);
      assert.ok(own.length > 0, team);
      const bound = { 'cloudformation:RoleArn': roleArn(`${prefix}-cfn-team-${team}`) };
      for (const stack of own) {
        assert.equal(await ask(deploy, 'cloudformation:CreateChangeSet', stackArn(stack), bound), 'Allowed', stack);
        assert.equal(await ask(deploy, 'cloudformation:ExecuteChangeSet', stackArn(stack)), 'Allowed', stack);
        assert.notEqual(await ask(deploy, 'cloudformation:CreateChangeSet', stackArn(stack), { 'cloudformation:RoleArn': roleArn(`${prefix}-cfn-platform`) }), 'Allowed', `${stack} with the platform's execution role`);
        assert.notEqual(await ask(deploy, 'cloudformation:CreateChangeSet', stackArn(stack)), 'Allowed', `${stack} with the caller's own credentials`);
        assert.notEqual(await ask(deploy, 'cloudformation:UpdateStack', stackArn(stack)), 'Allowed', `${stack} outside change sets`);
      }
      for (const stack of [...environment.stacks.keys()].filter((n) => !own.includes(n))) {
        const region = environment.stack(stack).region;
        assert.notEqual(await ask(deploy, 'cloudformation:CreateChangeSet', stackArn(stack, region), bound), 'Allowed', `${team} -> ${stack}`);
        assert.notEqual(await ask(deploy, 'cloudformation:ExecuteChangeSet', stackArn(stack, region)), 'Allowed', `${team} -> ${stack}`);
        assert.notEqual(await ask(deploy, 'cloudformation:DeleteStack', stackArn(stack, region)), 'Allowed', `${team} -> ${stack}`);
      }
      for (const step of environment.plan.steps.filter((s) => s.step === 'pushImages').flatMap((s) => s.images)) {
        const repository = environment.stack(step.repositoryUri.fromStack).output(step.repositoryUri.output);
        const [, region, name] = /^\d{12}\.dkr\.ecr\.([a-z0-9-]+)\.[^/]+\/(.+)$/.exec(repository);
        const arn = `arn:aws:ecr:${region}:${account}:repository/${name}`;
        const mine = appTeam(step.tagParameter.stack) === team;
        assert.equal(await ask(deploy, 'ecr:PutImage', arn), mine ? 'Allowed' : 'ImplicitlyDenied', `${team} pushes ${name}`);
        assert.notEqual(await ask(deploy, 'ecr:DeleteRepository', arn), 'Allowed', `${team} deletes ${name}`);
      }
    }
  });

  test(`${source} ${environment.name}: a team uploads its static app's files only under the app's path, and invalidates only the environment's distribution`, async () => {
    const statics = [...environment.stacks.values()].filter((st) => st.name.startsWith(`${prefix}-app-`) && st.template.Outputs?.BucketName);
    const distribution = `arn:aws:cloudfront::${account}:distribution/${delivery.parameter('DistributionId')}`;
    for (const site of statics) {
      const team = appTeam(site.name);
      const deploy = roles[`${prefix}-deploy-team-${team}`];
      const bucket = site.output('BucketName');
      // The app stack's output says where files go; the upload grant must say the same.
      const path = /under (\S+)\/ in this bucket/.exec(site.template.Outputs.BucketName.Description)[1];
      assert.equal(await ask(deploy, 's3:PutObject', `arn:aws:s3:::${bucket}/${path}/index.html`), 'Allowed', `${team} uploads ${path}`);
      assert.equal(await ask(deploy, 's3:DeleteObject', `arn:aws:s3:::${bucket}/${path}/assets/a.js`), 'Allowed');
      assert.equal(await ask(deploy, 's3:ListBucket', `arn:aws:s3:::${bucket}`, { 's3:prefix': `${path}/` }), 'Allowed');
      assert.notEqual(await ask(deploy, 's3:ListBucket', `arn:aws:s3:::${bucket}`, { 's3:prefix': '' }), 'Allowed', 'list the whole bucket');
      assert.notEqual(await ask(deploy, 's3:PutObject', `arn:aws:s3:::${bucket}/index.html`), 'Allowed', 'outside the path');
      assert.notEqual(await ask(deploy, 's3:PutObject', `arn:aws:s3:::${bucket}/${path}x/index.html`), 'Allowed', 'a sibling path');
      assert.notEqual(await ask(deploy, 's3:PutBucketPolicy', `arn:aws:s3:::${bucket}`), 'Allowed', 'bucket policy');
      assert.equal(await ask(deploy, 'cloudfront:CreateInvalidation', distribution), 'Allowed', 'invalidate');
      assert.notEqual(await ask(deploy, 'cloudfront:CreateInvalidation', `arn:aws:cloudfront::${account}:distribution/EOTHER1234`), 'Allowed', 'another distribution');
      assert.notEqual(await ask(deploy, 'cloudfront:UpdateDistribution', distribution), 'Allowed', 'change the distribution');
      for (const other of teams.filter((t) => t !== team)) {
        assert.notEqual(await ask(roles[`${prefix}-deploy-team-${other}`], 's3:PutObject', `arn:aws:s3:::${bucket}/${path}/index.html`), 'Allowed', `${other} uploads ${path}`);
      }

      // Before the bucket and distribution exist (the delivery stack's first deploy), no grant names an empty bucket.
      const early = delivery.with(Object.fromEntries(Object.keys(delivery.template.Parameters).filter((n) => n.endsWith('BucketName') || n === 'DistributionId').map((n) => [n, ''])));
      const bare = rolePolicies(environment, early, Object.keys(early.template.Resources).find((id) => early.roleName(id) === deploy.name));
      assert.notEqual(await ask(bare, 's3:PutObject', `arn:aws:s3:::/${path}/index.html`), 'Allowed', 'empty bucket name');
      assert.ok(!JSON.stringify(bare.identity).includes('s3:PutObject'), 'no upload grant yet');
    }
  });

  test(`${source} ${environment.name}: the platform role changes every stack of the environment through its execution role only, and holds no service permissions`, async () => {
    const deploy = roles[`${prefix}-deploy-platform`];
    const bound = { 'cloudformation:RoleArn': roleArn(`${prefix}-cfn-platform`) };
    for (const stack of environment.stacks.values()) {
      const arn = `arn:aws:cloudformation:${stack.region}:${account}:stack/${stack.name}/0f1e2d3c`;
      assert.equal(await ask(deploy, 'cloudformation:CreateChangeSet', arn, bound), 'Allowed', stack.name);
      assert.notEqual(await ask(deploy, 'cloudformation:CreateChangeSet', arn), 'Allowed', `${stack.name} with the caller's credentials`);
    }
    assert.notEqual(await ask(deploy, 'cloudformation:CreateChangeSet', `arn:aws:cloudformation:${delivery.region}:${account}:stack/other-${environment.name}-shared/1`, bound), 'Allowed', 'another platform');
    for (const [action, resource] of [['ec2:CreateVpc', `arn:aws:ec2:${delivery.region}:${account}:vpc/vpc-1`], ['iam:CreateRole', roleArn(`${prefix}-x`)], ['iam:PutRolePolicy', roleArn(`${prefix}-deploy-platform`)], ['s3:PutObject', 'arn:aws:s3:::b/k']]) {
      assert.notEqual(await ask(deploy, action, resource), 'Allowed', action);
    }
    const execution = roles[`${prefix}-cfn-platform`];
    for (const team of teams) assert.equal(await ask(execution, 'iam:CreatePolicyVersion', boundaryArnOf(team)), 'Allowed', `the platform maintains ${team}'s boundary`);
    assert.notEqual(await ask(execution, 'iam:CreateRole', roleArn('Admin')), 'Allowed', 'roles outside the environment');
    assert.notEqual(await ask(execution, 'iam:CreateUser', `arn:aws:iam::${account}:user/${prefix}-x`), 'Allowed', 'users');
  });

  const gated = Object.values(roles).some((r) => JSON.stringify(r.trust).includes(':environment:'));
  test(`${source} ${environment.name}: each GitHub role trusts only its own GitHub environment, so a team's job cannot assume the platform role`,
    { skip: gated ? false : 'stage not in delivery.github.environments: every role trusts the branch (TRL3003 warns)' }, () => {
    const github = Object.values(roles).filter((r) => r.name.includes('-deploy-'));
    const subjects = github.map((r) => r.trust.Statement[0].Condition.StringEquals['token.actions.githubusercontent.com:sub']);
    assert.equal(new Set(subjects).size, github.length, 'one subject per role');
    const providerArn = `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`;
    for (const role of github) {
      for (const [i, sub] of subjects.entries()) {
        const claims = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': sub };
        const expected = github[i] === role ? 'Allowed' : 'ImplicitlyDenied';
        assert.equal(decideWebIdentity({ providerArn, roleArn: role.arn, account, claims, trust: role.trust }), expected, `${sub} -> ${role.name}`);
      }
      const repository = subjects[0].split(':')[1];
      for (const sub of [`repo:${repository}:ref:refs/heads/main`, `repo:${repository}:pull_request`, `repo:someone/fork:environment:${environment.name}-platform`]) {
        const claims = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': sub };
        assert.equal(decideWebIdentity({ providerArn, roleArn: role.arn, account, claims, trust: role.trust }), 'ImplicitlyDenied', `${sub} -> ${role.name}`);
      }
    }
  });
}
