// CloudFront -> static app bucket through Origin Access Control: the bucket policy lets only this environment's
// distribution read, identified by AWS:SourceArn.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sources } from './environments.mjs';
import { decide } from './simulate.mjs';

for (const { source, environment } of sources()) {
  const policies = [...environment.resources('AWS::S3::BucketPolicy')]
    .map(([stack, id]) => ({ stack, ...stack.properties(id) }))
    .filter((p) => p.PolicyDocument.Statement.some((s) => s.Principal?.Service === 'cloudfront.amazonaws.com'));
  if (policies.length === 0) continue;
  const distributions = [...environment.resources('AWS::CloudFront::Distribution')];
  assert.equal(distributions.length, 1, `${environment.name}: one distribution`);
  const [edge, distributionId] = distributions[0];
  const distributionArn = `arn:aws:cloudfront::${environment.account}:distribution/${edge.ref(distributionId)}`;

  // The app stack's BucketName output says under which path its files go (the team uploads there).
  const appPath = (bucket) => {
    const site = [...environment.stacks.values()].find((st) => st.template.Outputs?.BucketName && st.output('BucketName') === bucket);
    return /under (\S+)\/ in this bucket/.exec(site.template.Outputs.BucketName.Description)[1];
  };

  test(`${source} ${environment.name}: the distribution reads the static buckets and no other distribution can`, async () => {
    for (const policy of policies) {
      const path = appPath(policy.Bucket);
      const read = (sourceArn, action = 's3:GetObject', key = `${path}/index.html`) => decide({ principal: 'cloudfront.amazonaws.com', action, resource: `arn:aws:s3:::${policy.Bucket}/${key}`, account: environment.account,
        context: { 'aws:SourceArn': sourceArn, 'aws:SourceAccount': environment.account }, resourcePolicy: policy.PolicyDocument });
      assert.equal(await read(distributionArn), 'Allowed', `${policy.Bucket}: own distribution`);
      assert.equal(await read(distributionArn, 's3:GetObject', `${path}/assets/app.js`), 'Allowed', `${policy.Bucket}: the app's assets`);
      // Only the app's own prefix: a stray upload or another app's files in the same bucket are not served.
      for (const key of ['index.html', `${path}x/index.html`, 'other/index.html', '.env']) {
        assert.notEqual(await read(distributionArn, 's3:GetObject', key), 'Allowed', `${policy.Bucket}: ${key} outside ${path}/`);
      }
      assert.notEqual(await read(`arn:aws:cloudfront::${environment.account}:distribution/EOTHERDIST123`), 'Allowed', `${policy.Bucket}: another distribution of the account`);
      assert.notEqual(await read(`arn:aws:cloudfront::999999999999:distribution/${edge.ref(distributionId)}`), 'Allowed', `${policy.Bucket}: a distribution of another account`);
      assert.notEqual(await read(distributionArn, 's3:PutObject'), 'Allowed', `${policy.Bucket}: CloudFront only reads`);
    }
  });
}
