// CloudFormation resolves a template's SSM parameter types (the NAT instance's Amazon Linux image) with the caller's
// credentials when the change set is created
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/systems-manager-parameter-types.html), so the platform
// deploy role, not the execution role, must read them: AWS's public image parameters only, never the account's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rolePolicies, sources } from './environments.mjs';
import { decide, decideAccountless } from './simulate.mjs';

for (const { source, environment } of sources()) {
  const delivery = [...environment.stacks.values()].find((s) => s.name.endsWith('-delivery'));
  if (!delivery) continue;
  const account = environment.account;
  const prefix = `${environment.plan.platform}-${environment.name}`;
  const roleId = Object.keys(delivery.template.Resources).find((id) => delivery.resource(id).Type === 'AWS::IAM::Role' && delivery.properties(id).RoleName === `${prefix}-deploy-platform`);
  // [stack, parameter name] for every SSM parameter type a stack of this environment declares.
  const ssmParameters = [...environment.stacks.values()].filter((s) => s !== delivery).flatMap((stack) =>
    Object.values(stack.template.Parameters ?? {}).filter((p) => p.Type.startsWith('AWS::SSM::Parameter::Value<')).map((p) => [stack, p.Default]));
  const image = (region) => `arn:aws:ssm:${region}::parameter/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64`;

  test(`${source} ${environment.name}: the platform deploy role resolves the stacks' public image parameters and no parameter of the account`, async () => {
    assert.ok(roleId, 'the delivery stack has the platform deploy role');
    const role = rolePolicies(environment, delivery, roleId);
    // Public parameters' ARNs have no account (arn:aws:ssm:<region>::parameter/aws/service/...).
    const ask = (resource) => {
      const request = { principal: role.arn, action: 'ssm:GetParameters', resource, account, identity: role.identity, boundary: role.boundary };
      return resource.split(':')[4] === '' ? decideAccountless(request) : decide(request);
    };
    const hasNatInstance = [...environment.resources('AWS::EC2::Instance')].length > 0;
    assert.equal(ssmParameters.length > 0, hasNatInstance, 'only the NAT instance reads an SSM parameter');

    for (const [stack, name] of ssmParameters) {
      assert.ok(name.startsWith('/aws/service/'), `${stack.name}: ${name} is a public AWS parameter`);
      assert.equal(await ask(`arn:aws:ssm:${stack.region}::parameter${name}`), 'Allowed', `${stack.name}: ${name}`);
    }
    if (!hasNatInstance) {
      assert.notEqual(await ask(image(delivery.region)), 'Allowed', 'no NAT instance, no image parameter');
    }

    const region = delivery.region;
    for (const own of [
      `arn:aws:ssm:${region}:${account}:parameter/${environment.plan.platform}/${environment.name}/database/host`,
      // SecureString parameters of the account, and Secrets Manager secrets read through SSM's reference path.
      `arn:aws:ssm:${region}:${account}:parameter/${environment.plan.platform}/${environment.name}/api-key`,
      `arn:aws:ssm:${region}:${account}:parameter/aws/reference/secretsmanager/${prefix}-database`,
      `arn:aws:ssm:${region}::parameter/aws/service/global-infrastructure/regions`,
    ]) {
      assert.notEqual(await ask(own), 'Allowed', own);
    }
  });
}
