// CloudWatch alarms -> team topics: a topic policy replaces SNS's default policy, so CloudWatch may publish only if
// the topic policy allows it, and, the topics being encrypted, only if the key policy lets it use the key.
// https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger
// https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sources } from './environments.mjs';
import { decide } from './simulate.mjs';

const ForeignAccount = '999999999999';

function topicsOf(environment) {
  const topics = [];
  for (const [stack, id] of environment.resources('AWS::SNS::Topic')) {
    const arn = stack.ref(id);
    const policies = [...environment.resources('AWS::SNS::TopicPolicy')]
      .filter(([s, pid]) => s === stack && s.properties(pid).Topics.includes(arn))
      .map(([s, pid]) => s.properties(pid).PolicyDocument);
    assert.ok(policies.length <= 1, `${arn}: one topic policy`);
    const keyArn = stack.properties(id).KmsMasterKeyId;
    const key = [...environment.resources('AWS::KMS::Key')].find(([s, kid]) => s === stack && s.getAtt(kid, 'Arn') === keyArn);
    topics.push({ stack, arn, policy: policies[0], keyArn, keyPolicy: key && key[0].properties(key[1]).KeyPolicy });
  }
  return topics;
}

function alarmsOf(environment) {
  const alarms = [];
  for (const type of ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm']) {
    for (const [stack, id] of environment.resources(type)) {
      const p = stack.properties(id);
      const name = p.AlarmName;
      assert.ok(name, `${stack.name}/${id}: alarms are named, so their ARN is known`);
      alarms.push({ stack, arn: `arn:aws:cloudwatch:${stack.region}:${environment.account}:alarm:${name}`, name, actions: [...(p.AlarmActions ?? []), ...(p.OKActions ?? []), ...(p.InsufficientDataActions ?? [])] });
    }
  }
  return alarms;
}

async function publish(topic, alarmArn, account) {
  const context = { 'aws:SourceAccount': account, 'aws:SourceArn': alarmArn };
  const sns = await decide({ principal: 'cloudwatch.amazonaws.com', action: 'sns:Publish', resource: topic.arn, account: topic.stack.account, context, resourcePolicy: topic.policy });
  // SNS asks KMS for a data key on the publisher's behalf.
  const kms = topic.keyArn
    ? await decide({ principal: 'cloudwatch.amazonaws.com', action: 'kms:GenerateDataKey', resource: topic.keyArn, account: topic.stack.account, context, resourcePolicy: topic.keyPolicy })
    : 'Allowed';
  const decrypt = topic.keyArn
    ? await decide({ principal: 'cloudwatch.amazonaws.com', action: 'kms:Decrypt', resource: topic.keyArn, account: topic.stack.account, context, resourcePolicy: topic.keyPolicy })
    : 'Allowed';
  return { sns, kms, decrypt };
}

for (const { source, environment } of sources()) {
  const topics = topicsOf(environment);
  const alarms = alarmsOf(environment);
  if (topics.length === 0) continue;

  test(`${source} ${environment.name}: every alarm can publish to each topic it notifies, in the topic's region, through the topic's key`, async () => {
    let checked = 0;
    for (const alarm of alarms) {
      for (const action of alarm.actions) {
        const topic = topics.find((t) => t.arn === action);
        if (!topic) continue;
        assert.equal(alarm.stack.region, topic.stack.region, `${alarm.name}: CloudWatch publishes only to topics of the alarm's region`);
        assert.ok(topic.keyArn, `${topic.arn} is encrypted with a customer managed key`);
        assert.deepEqual(await publish(topic, alarm.arn, environment.account), { sns: 'Allowed', kms: 'Allowed', decrypt: 'Allowed' }, `${alarm.name} -> ${topic.arn}`);
        checked++;
      }
    }
    assert.ok(checked > 0, 'some alarm notifies a team topic');
  });

  test(`${source} ${environment.name}: alarms of another account or another platform cannot publish to the topics`, async () => {
    for (const topic of topics) {
      const name = alarms[0]?.name ?? 'x';
      const foreign = await publish(topic, `arn:aws:cloudwatch:${topic.stack.region}:${ForeignAccount}:alarm:${name}`, ForeignAccount);
      assert.notEqual(foreign.sns, 'Allowed', `${topic.arn}: foreign account's alarm`);
      assert.notEqual(foreign.kms, 'Allowed', `${topic.arn}: foreign account's alarm uses the key`);
      const otherPlatform = await publish(topic, `arn:aws:cloudwatch:${topic.stack.region}:${environment.account}:alarm:someone-else-${name}`, environment.account);
      assert.notEqual(otherPlatform.sns, 'Allowed', `${topic.arn}: alarm not named after this environment`);
      const otherRegion = topic.stack.region === 'us-east-1' ? 'eu-west-1' : 'us-east-1';
      const elsewhere = await publish(topic, `arn:aws:cloudwatch:${otherRegion}:${environment.account}:alarm:${name}`, environment.account);
      assert.notEqual(elsewhere.sns, 'Allowed', `${topic.arn}: alarm of another region`);
      const plain = await decide({ principal: 'cloudwatch.amazonaws.com', action: 'sns:Publish', resource: topic.arn, account: topic.stack.account,
        context: { 'aws:SourceAccount': environment.account, 'aws:SourceArn': `arn:aws:cloudwatch:${topic.stack.region}:${environment.account}:alarm:${name}`, 'aws:SecureTransport': 'false' }, resourcePolicy: topic.policy });
      assert.equal(plain, 'ExplicitlyDenied', `${topic.arn}: publishing without TLS`);
    }
  });
}
