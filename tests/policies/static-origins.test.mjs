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

// S3 answers a GetObject of a missing key with 404 only when the requester may s3:ListBucket the bucket, otherwise
// 403 (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html, "Permissions"). The static apps' "files
// missing" alarm counts 404 at the app's path (ADR 0011), so the distribution must be allowed to list, and only it.
for (const { source, environment } of sources()) {
  const policies = [...environment.resources('AWS::S3::BucketPolicy')]
    .map(([stack, id]) => ({ stack, ...stack.properties(id) }))
    .filter((p) => p.PolicyDocument.Statement.some((s) => s.Principal?.Service === 'cloudfront.amazonaws.com'));
  if (policies.length === 0) continue;
  const [edge, distributionId] = [...environment.resources('AWS::CloudFront::Distribution')][0];
  const distributionArn = `arn:aws:cloudfront::${environment.account}:distribution/${edge.ref(distributionId)}`;

  test(`${source} ${environment.name}: a missing static file reads as 404 (the distribution may list its bucket, no other one may)`, async () => {
    for (const policy of policies) {
      const list = (sourceArn, principal = 'cloudfront.amazonaws.com') => decide({ principal, action: 's3:ListBucket', resource: `arn:aws:s3:::${policy.Bucket}`, account: environment.account,
        context: { 'aws:SourceArn': sourceArn, 'aws:SourceAccount': environment.account }, resourcePolicy: policy.PolicyDocument });
      assert.equal(await list(distributionArn), 'Allowed', `${policy.Bucket}: own distribution may list, so S3 answers 404 for a missing file`);
      assert.notEqual(await list(`arn:aws:cloudfront::${environment.account}:distribution/EOTHERDIST123`), 'Allowed', `${policy.Bucket}: another distribution of the account`);
      assert.notEqual(await list(`arn:aws:cloudfront::999999999999:distribution/${edge.ref(distributionId)}`), 'Allowed', `${policy.Bucket}: a distribution of another account`);
    }
  });
}
