// Compiled environments as AWS would see them once deployed: each stack's template with its intrinsic functions
// resolved for a fake but consistent deployment (the deploy plan's account and regions, parameters wired from other
// stacks' outputs the way scripts/deploy/deploy-plan.mjs wires them, made-up physical ids).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const NoValue = Symbol('AWS::NoValue');

/** Every compiled environment under `root` (a `trilho compile --out` folder or a golden case's `approved` folder). */
export function loadEnvironments(root) {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'deploy-plan.json')))
    .map((entry) => new Environment(join(root, entry.name)));
}

/** Where the suite looks: the sample's output (TRILHO_OUT, written by scripts/test.sh) and every golden case. */
export function sources() {
  const repository = new URL('../../', import.meta.url).pathname;
  const found = [];
  if (process.env.TRILHO_OUT) found.push({ name: 'sample', root: process.env.TRILHO_OUT });
  const cases = join(repository, 'tests/Compiler.Emit.Tests/Golden/Cases');
  for (const name of readdirSync(cases).sort()) {
    const approved = join(cases, name, 'approved');
    if (existsSync(approved)) found.push({ name: `golden ${name}`, root: approved });
  }
  return found.flatMap((source) => loadEnvironments(source.root).map((environment) => ({ source: source.name, environment })));
}

export class Environment {
  constructor(dir) {
    this.plan = JSON.parse(readFileSync(join(dir, 'deploy-plan.json'), 'utf8'));
    this.name = this.plan.environment;
    this.account = this.plan.account;
    this.stacks = new Map();
    for (const step of this.plan.steps.filter((s) => s.step === 'deployStack')) {
      const template = JSON.parse(readFileSync(join(dir, step.template), 'utf8'));
      this.stacks.set(step.stack, new DeployedStack(this, step, template));
    }
  }

  stack(name) {
    const stack = this.stacks.get(name);
    if (!stack) throw new Error(`${this.name}: no stack ${name}`);
    return stack;
  }

  /** [stack, logicalId, resource] for every resource of `type` whose condition holds. */
  *resources(type) {
    for (const stack of this.stacks.values()) {
      for (const [id, resource] of Object.entries(stack.template.Resources)) {
        if (resource.Type === type && stack.exists(id)) yield [stack, id, resource];
      }
    }
  }
}

/** The policies IAM evaluates for a role: its inline policies, the AWS::IAM::Policy resources attached to it, and its boundary. */
export function rolePolicies(environment, stack, logicalId) {
  const properties = stack.properties(logicalId);
  const name = stack.ref(logicalId);
  const identity = (properties.Policies ?? []).map((p) => p.PolicyDocument);
  for (const [s, id] of environment.resources('AWS::IAM::Policy')) {
    if (s === stack && s.properties(id).Roles.includes(name)) identity.push(s.properties(id).PolicyDocument);
  }
  if ((properties.ManagedPolicyArns ?? []).length > 0) throw new Error(`${name}: managed policies are not modelled here`);
  let boundary;
  if (properties.PermissionsBoundary) {
    const found = [...environment.resources('AWS::IAM::ManagedPolicy')].find(([s, id]) => s.ref(id) === properties.PermissionsBoundary);
    if (!found) throw new Error(`${name}: boundary ${properties.PermissionsBoundary} is not emitted in this environment`);
    boundary = found[0].properties(found[1]).PolicyDocument;
  }
  return { arn: `arn:aws:iam::${environment.account}:role/${name}`, name, identity, boundary, trust: properties.AssumeRolePolicyDocument };
}

export class DeployedStack {
  constructor(environment, step, template) {
    this.environment = environment;
    this.name = step.stack;
    this.region = step.region;
    this.account = environment.account;
    this.step = step;
    this.template = template;
    this.overrides = {};
  }

  /** A copy of this stack deployed with other parameter values (e.g. the delivery stack before its buckets exist). */
  with(parameters) {
    const copy = new DeployedStack(this.environment, this.step, this.template);
    copy.overrides = { ...this.overrides, ...parameters };
    return copy;
  }

  exists(logicalId) {
    const condition = this.template.Resources[logicalId].Condition;
    return condition === undefined || this.condition(condition);
  }

  resource(logicalId) {
    const resource = this.template.Resources[logicalId];
    if (!resource) throw new Error(`${this.name}: no resource ${logicalId}`);
    return resource;
  }

  /** The resource's properties with every intrinsic function resolved. */
  properties(logicalId) {
    return this.resolve(this.resource(logicalId).Properties ?? {});
  }

  output(name) {
    const output = this.template.Outputs?.[name];
    if (!output) throw new Error(`${this.name}: no output ${name}`);
    return this.resolve(output.Value);
  }

  parameter(name) {
    if (name in this.overrides) return this.overrides[name];
    const wired = this.step.parameters?.[name];
    if (wired && 'value' in wired) return wired.value;
    if (wired && 'fromStack' in wired) return this.environment.stack(wired.fromStack).output(wired.output);
    if (wired && 'imageTag' in wired) return `${wired.imageTag}-0123abc`;
    const declared = this.template.Parameters?.[name];
    if (declared && 'Default' in declared) return declared.Default;
    throw new Error(`${this.name}: parameter ${name} has no value`);
  }

  condition(name) {
    return this.evaluate(this.template.Conditions[name]);
  }

  evaluate(expression) {
    const [fn, arg] = Object.entries(expression)[0];
    switch (fn) {
      case 'Fn::Equals': return JSON.stringify(this.resolve(arg[0])) === JSON.stringify(this.resolve(arg[1]));
      case 'Fn::Not': return !this.evaluate(arg[0]);
      case 'Fn::And': return arg.every((a) => this.evaluate(a));
      case 'Fn::Or': return arg.some((a) => this.evaluate(a));
      case 'Condition': return this.condition(arg);
      default: throw new Error(`${this.name}: condition function ${fn}`);
    }
  }

  resolve(node) {
    const value = this.resolveNode(node);
    return value === NoValue ? undefined : value;
  }

  resolveNode(node) {
    if (Array.isArray(node)) return node.map((n) => this.resolveNode(n)).filter((n) => n !== NoValue);
    if (node === null || typeof node !== 'object') return node;
    const keys = Object.keys(node);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return this.intrinsic(keys[0], node[keys[0]]);
    const copy = {};
    for (const key of keys) {
      const value = this.resolveNode(node[key]);
      if (value !== NoValue) copy[key] = value;
    }
    return copy;
  }

  intrinsic(fn, arg) {
    switch (fn) {
      case 'Ref': return this.ref(arg);
      case 'Fn::GetAtt': return this.getAtt(...(typeof arg === 'string' ? arg.split('.') : arg));
      case 'Fn::Join': return this.resolveNode(arg[1]).join(arg[0]);
      case 'Fn::Select': return this.resolveNode(arg[1])[Number(this.resolveNode(arg[0]))];
      case 'Fn::Split': return String(this.resolveNode(arg[1])).split(arg[0]);
      case 'Fn::If': return this.condition(arg[0]) ? this.resolveNode(arg[1]) : this.resolveNode(arg[2]);
      case 'Fn::GetAZs': return ['a', 'b', 'c'].map((z) => `${this.region}${z}`);
      case 'Fn::FindInMap': return this.template.Mappings[arg[0]][this.resolveNode(arg[1])][this.resolveNode(arg[2])];
      case 'Fn::Sub': {
        const [text, variables] = typeof arg === 'string' ? [arg, {}] : arg;
        return text.replace(/\$\{([^}]+)\}/g, (_, name) => {
          if (name in variables) return this.resolveNode(variables[name]);
          return name.includes('.') ? this.getAtt(...name.split('.')) : this.ref(name);
        });
      }
      default: throw new Error(`${this.name}: intrinsic ${fn}`);
    }
  }

  ref(name) {
    switch (name) {
      case 'AWS::NoValue': return NoValue;
      case 'AWS::Partition': return 'aws';
      case 'AWS::AccountId': return this.account;
      case 'AWS::Region': return this.region;
      case 'AWS::URLSuffix': return 'amazonaws.com';
      case 'AWS::StackName': return this.name;
    }
    if (this.template.Parameters && name in this.template.Parameters) return this.parameter(name);
    const resource = this.resource(name);
    const p = resource.Properties ?? {};
    switch (resource.Type) {
      case 'AWS::SNS::Topic': return `arn:aws:sns:${this.region}:${this.account}:${p.TopicName ?? `${this.name}-${name}`}`;
      case 'AWS::S3::Bucket': return this.resolve(p.BucketName) ?? `${this.name}-${name}-fake1234`.toLowerCase();
      case 'AWS::IAM::Role': return this.roleName(name);
      case 'AWS::IAM::ManagedPolicy': return `arn:aws:iam::${this.account}:policy/${p.ManagedPolicyName ?? `${this.name}-${name}`}`;
      case 'AWS::KMS::Key': return `key-${name}`;
      case 'AWS::CloudFront::Distribution': return `E${name.replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 12)}`;
      case 'AWS::Logs::LogGroup': return this.resolve(p.LogGroupName) ?? `${this.name}-${name}`;
      case 'AWS::ECR::Repository': return this.resolve(p.RepositoryName) ?? `${this.name}-${name}`.toLowerCase();
      case 'AWS::ECS::Cluster': return this.resolve(p.ClusterName) ?? `${this.name}-${name}`;
      default: return `${this.name}-${name}`;
    }
  }

  roleName(logicalId) {
    const p = this.resource(logicalId).Properties ?? {};
    // CloudFormation names an unnamed role <stack>-<logical id>-<random>, which the execution roles' grants rely on.
    return this.resolve(p.RoleName) ?? `${this.name}-${logicalId}-AbCdEf123456`.slice(0, 64);
  }

  getAtt(logicalId, attribute) {
    const resource = this.resource(logicalId);
    const ref = this.ref(logicalId);
    if (attribute.endsWith('SecretArn')) return `arn:aws:secretsmanager:${this.region}:${this.account}:secret:rds!db-${logicalId.toLowerCase()}-AbCdEf`;
    if (resource.Type === 'AWS::ECR::Repository' && attribute === 'RepositoryUri') return `${this.account}.dkr.ecr.${this.region}.amazonaws.com/${ref}`;
    if (attribute !== 'Arn') return `${ref}-${attribute}`;
    switch (resource.Type) {
      case 'AWS::IAM::Role': return `arn:aws:iam::${this.account}:role/${ref}`;
      case 'AWS::IAM::OIDCProvider': return `arn:aws:iam::${this.account}:oidc-provider/token.actions.githubusercontent.com`;
      case 'AWS::KMS::Key': return `arn:aws:kms:${this.region}:${this.account}:key/${ref}`;
      case 'AWS::S3::Bucket': return `arn:aws:s3:::${ref}`;
      case 'AWS::Logs::LogGroup': return `arn:aws:logs:${this.region}:${this.account}:log-group:${ref}:*`;
      case 'AWS::SNS::Topic': return ref;
      case 'AWS::ECR::Repository': return `arn:aws:ecr:${this.region}:${this.account}:repository/${this.resolve(resource.Properties?.RepositoryName)}`;
      default: return `arn:aws:${resource.Type.split('::')[1].toLowerCase()}:${this.region}:${this.account}:${ref}`;
    }
  }
}
