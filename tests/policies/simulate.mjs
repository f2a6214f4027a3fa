// Asks @cloud-copilot/iam-simulate (a real IAM policy evaluation engine: identity and resource policies,
// permissions boundaries, explicit deny, every condition operator) whether a request is allowed.
import { loadPolicy } from '@cloud-copilot/iam-policy';
import { runSimulation } from '@cloud-copilot/iam-simulate';

// The engine's own modules, for the one request its validated entry point cannot express (see decideWebIdentity).
const engine = new URL('../../node_modules/@cloud-copilot/iam-simulate/dist/esm/', import.meta.url);
const { authorize } = await import(new URL('core_engine/CoreSimulatorEngine.js', engine));
const { AwsRequestImpl } = await import(new URL('request/request.js', engine));
const { RequestContextImpl } = await import(new URL('requestContext.js', engine));
const { DiscoveryContextKeyConstraints } = await import(new URL('context_keys/discoveryContextKeyConstraints.js', engine));

/**
 * `principal`: a role ARN or a service principal; `identity`: policy documents of the principal; `resourcePolicy`:
 * the resource's policy (topic, key, bucket, trust policy); `boundary`: the principal's permissions boundary.
 * Returns 'Allowed', 'ExplicitlyDenied' or 'ImplicitlyDenied'.
 */
export async function decide({ principal, action, resource, account, context = {}, identity = [], resourcePolicy, boundary }) {
  const simulation = {
    request: { principal, action, resource: { resource, accountId: account }, contextVariables: { 'aws:SecureTransport': 'true', ...context } },
    identityPolicies: identity.map((policy, i) => ({ name: `identity${i}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy,
    permissionBoundaryPolicies: boundary ? [{ name: 'boundary', policy: boundary }] : undefined,
  };
  const response = await runSimulation(simulation, {});
  if (response.resultType === 'error') throw new Error(`simulation rejected: ${JSON.stringify(response.errors)}`);
  // Actions with no resource type (ec2:CreateVpc, acm:RequestCertificate, ...) are asked on '*'.
  if (resource === '*' && response.resultType === 'wildcard') return response.overallResult;
  if (response.resultType !== 'single') throw new Error(`expected one resource, got ${response.resultType}`);
  // A context key the simulator does not know for this action would be dropped silently: fail instead.
  const ignored = (response.result.ignoredContextKeys ?? []).filter((k) => k !== 'aws:SecureTransport');
  if (ignored.length > 0) throw new Error(`context keys ignored for ${action}: ${ignored.join(', ')}`);
  return response.overallResult;
}

/**
 * AssumeRoleWithWebIdentity against a role's trust policy, with the token's claims as context keys. The validated
 * simulation drops provider-specific claim keys it does not list for sts, so this runs the engine without that step.
 */
export function decideWebIdentity({ providerArn, roleArn, account, claims, trust }) {
  // As runUnsafeSimulation does, but with a named trust policy (that entry point loads it without a name and fails).
  const request = new AwsRequestImpl(providerArn, { resource: roleArn, accountId: account }, 'sts:AssumeRoleWithWebIdentity', new RequestContextImpl(claims));
  const analysis = authorize({
    request,
    sessionPolicy: undefined,
    identityPolicies: [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: loadPolicy(trust, { name: 'trust' }),
    permissionBoundaries: undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: { simulationMode: 'Strict', discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]) },
    serviceSettings: { s3: { blockPublicAccess: undefined } },
  });
  return analysis.result;
}

/**
 * A request on a resource whose ARN has no account, as AWS's public SSM parameters have
 * (arn:aws:ssm:<region>::parameter/aws/service/...): the validated simulation rejects such an ARN because its
 * resource-type pattern requires an account, so this runs the engine without that step, on identity policies only.
 * Returns 'Allowed', 'ExplicitlyDenied' or 'ImplicitlyDenied'.
 */
export function decideAccountless({ principal, action, resource, account, identity = [], boundary }) {
  // Evaluated as a same-account request: a public parameter has no resource policy to consult, any identity allowed may read it.
  const request = new AwsRequestImpl(principal, { resource, accountId: account }, action, new RequestContextImpl({ 'aws:SecureTransport': 'true' }));
  const analysis = authorize({
    request,
    sessionPolicy: undefined,
    identityPolicies: identity.map((policy, i) => loadPolicy(policy, { name: `identity${i}` })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: undefined,
    permissionBoundaries: boundary ? [loadPolicy(boundary, { name: 'boundary' })] : undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: { simulationMode: 'Strict', discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]) },
    serviceSettings: { s3: { blockPublicAccess: undefined } },
  });
  return analysis.result;
}
