// The platform's CloudFormation execution role can create every resource type the platform stacks contain.
// CloudFormation calls each service with this role, so a type whose create call it lacks fails the deploy in AWS
// (e.g. an AWS::Events::Rule without events:PutRule) even though every template is valid. A type missing from
// CreateCalls fails the test, so a new resource type cannot arrive without its permission being checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rolePolicies, sources } from './environments.mjs';
import { decide } from './simulate.mjs';

// The calls CloudFormation makes to create each type (CloudFormation resource provider schemas, handlers.create).
const CreateCalls = {
  'AWS::CertificateManager::Certificate': 'acm:RequestCertificate',
  'AWS::CloudFront::CachePolicy': 'cloudfront:CreateCachePolicy',
  'AWS::CloudFront::Distribution': 'cloudfront:CreateDistribution',
  'AWS::CloudFront::Function': 'cloudfront:CreateFunction',
  'AWS::CloudFront::OriginAccessControl': 'cloudfront:CreateOriginAccessControl',
  'AWS::CloudFront::ResponseHeadersPolicy': 'cloudfront:CreateResponseHeadersPolicy',
  'AWS::CloudFront::VpcOrigin': 'cloudfront:CreateVpcOrigin',
  'AWS::CloudWatch::Alarm': 'cloudwatch:PutMetricAlarm',
  'AWS::CloudWatch::CompositeAlarm': 'cloudwatch:PutCompositeAlarm',
  'AWS::CloudWatch::Dashboard': 'cloudwatch:PutDashboard',
  'AWS::EC2::EIP': 'ec2:AllocateAddress',
  'AWS::EC2::FlowLog': 'ec2:CreateFlowLogs',
  // A NAT instance (natInstance egress): launching it passes its role through the instance profile.
  'AWS::EC2::Instance': ['ec2:RunInstances', 'iam:PassRole'],
  'AWS::EC2::LaunchTemplate': 'ec2:CreateLaunchTemplate',
  'AWS::EC2::InternetGateway': 'ec2:CreateInternetGateway',
  'AWS::EC2::NatGateway': 'ec2:CreateNatGateway',
  'AWS::EC2::Route': 'ec2:CreateRoute',
  'AWS::EC2::RouteTable': 'ec2:CreateRouteTable',
  'AWS::EC2::SecurityGroup': 'ec2:CreateSecurityGroup',
  'AWS::EC2::SecurityGroupEgress': 'ec2:AuthorizeSecurityGroupEgress',
  'AWS::EC2::SecurityGroupIngress': 'ec2:AuthorizeSecurityGroupIngress',
  'AWS::EC2::Subnet': 'ec2:CreateSubnet',
  'AWS::EC2::SubnetRouteTableAssociation': 'ec2:AssociateRouteTable',
  'AWS::EC2::VPC': 'ec2:CreateVpc',
  'AWS::EC2::VPCEndpoint': 'ec2:CreateVpcEndpoint',
  'AWS::EC2::VPCGatewayAttachment': 'ec2:AttachInternetGateway',
  'AWS::ECR::Repository': 'ecr:CreateRepository',
  'AWS::ECS::Cluster': 'ecs:CreateCluster',
  'AWS::ECS::Service': 'ecs:CreateService',
  'AWS::ECS::TaskDefinition': 'ecs:RegisterTaskDefinition',
  'AWS::ElasticLoadBalancingV2::Listener': 'elasticloadbalancing:CreateListener',
  'AWS::ElasticLoadBalancingV2::ListenerRule': 'elasticloadbalancing:CreateRule',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'elasticloadbalancing:CreateLoadBalancer',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'elasticloadbalancing:CreateTargetGroup',
  'AWS::ApplicationAutoScaling::ScalableTarget': 'application-autoscaling:RegisterScalableTarget',
  'AWS::ApplicationAutoScaling::ScalingPolicy': 'application-autoscaling:PutScalingPolicy',
  'AWS::Events::Rule': 'events:PutRule',
  'AWS::IAM::InstanceProfile': ['iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile'],
  'AWS::IAM::Policy': 'iam:PutRolePolicy',
  'AWS::IAM::Role': 'iam:CreateRole',
  'AWS::KMS::Key': 'kms:CreateKey',
  // CloudFront access logs (standard logging v2): the delivery source also needs CloudFront's permission to deliver
  // the distribution's logs (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html).
  'AWS::Logs::Delivery': 'logs:CreateDelivery',
  'AWS::Logs::DeliveryDestination': 'logs:PutDeliveryDestination',
  'AWS::Logs::DeliverySource': ['logs:PutDeliverySource', 'cloudfront:AllowVendedLogDeliveryForResource'],
  'AWS::Logs::LogGroup': 'logs:CreateLogGroup',
  'AWS::Logs::MetricFilter': 'logs:PutMetricFilter',
  'AWS::Logs::ResourcePolicy': 'logs:PutResourcePolicy',
  'AWS::RDS::DBInstance': 'rds:CreateDBInstance',
  'AWS::RDS::DBParameterGroup': 'rds:CreateDBParameterGroup',
  'AWS::RDS::DBSubnetGroup': 'rds:CreateDBSubnetGroup',
  'AWS::Route53::HealthCheck': 'route53:CreateHealthCheck',
  'AWS::Route53::HostedZone': 'route53:CreateHostedZone',
  'AWS::Route53::RecordSet': 'route53:ChangeResourceRecordSets',
  'AWS::S3::Bucket': 's3:CreateBucket',
  'AWS::S3::BucketPolicy': 's3:PutBucketPolicy',
  'AWS::SNS::Subscription': 'sns:Subscribe',
  'AWS::SNS::Topic': 'sns:CreateTopic',
  'AWS::SNS::TopicPolicy': 'sns:SetTopicAttributes',
  'AWS::Synthetics::Canary': 'synthetics:CreateCanary',
  'AWS::WAFv2::WebACL': 'wafv2:CreateWebACL',
};

// IAM resources are checked on the names CloudFormation gives them (<stack>-<logical id>-<suffix>), because the
// platform role's IAM grants are scoped by name; every other service's grant covers every resource of the service.
function resourceFor(action, stack, id, account) {
  const service = action.split(':')[0];
  if (/InstanceProfile$/.test(action)) return `arn:aws:iam::${account}:instance-profile/${stack.name}-${id}-AbC123`;
  return service === 'iam' ? `arn:aws:iam::${account}:role/${stack.name}-${id}-AbC123` : `arn:aws:${service}:${stack.region}:${account}:${id.toLowerCase()}`;
}

for (const { source, environment } of sources()) {
  const delivery = [...environment.stacks.values()].find((s) => s.name.endsWith('-delivery'));
  if (!delivery) continue;
  const prefix = `${environment.plan.platform}-${environment.name}`;
  const roleId = Object.keys(delivery.template.Resources).find((id) => delivery.resource(id).Type === 'AWS::IAM::Role' && delivery.properties(id).RoleName === `${prefix}-cfn-platform`);

  test(`${source} ${environment.name}: the platform execution role can create every resource type of the platform's stacks`, async () => {
    assert.ok(roleId, 'the delivery stack has the platform execution role');
    const role = rolePolicies(environment, delivery, roleId);
    const denied = [];
    for (const stack of environment.stacks.values()) {
      if (stack === delivery) continue;
      for (const [id, resource] of Object.entries(stack.template.Resources)) {
        const calls = CreateCalls[resource.Type];
        assert.ok(calls, `${stack.name}/${id}: no create call listed for ${resource.Type}; add it to CreateCalls`);
        for (const action of [calls].flat()) {
          const ask = (resource) => decide({ principal: role.arn, action, resource, account: environment.account, identity: role.identity, boundary: role.boundary });
          const decision = await ask(resourceFor(action, stack, id, environment.account)).catch((error) => {
            if (/must.use.wildcard|no.resource.types/.test(String(error.message))) return ask('*');
            throw error;
          });
          if (decision !== 'Allowed') denied.push(`${stack.name}/${id} (${resource.Type}): ${action} ${decision}`);
        }
      }
    }
    assert.deepEqual(denied, []);
  });
}
