#!/usr/bin/env node
// Executes a Trilho deploy plan (<out>/<env>/deploy-plan.json, format v1) with the AWS CLI alone.
// No dependencies: runs wherever Node 20 and the AWS CLI v2 are installed (CI runners, a laptop).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const usage = `usage: deploy-plan.mjs <deploy-plan.json> [options]

Deploys the plan's stacks in order with 'aws cloudformation deploy' and waits for each.

options:
  --image-tag <app>=<tag>    image tag to run for an api app (repeatable); apps without one keep
                             the tag their stack runs now
  --default-image-tag <tag>  tag for api apps whose stack does not exist yet (first deploy)
  --push-command <cmd>       at the pushImages step, run <cmd> (sh -c) for every image that needs a
                             new tag, with TRILHO_APP, TRILHO_REPOSITORY_URI, TRILHO_IMAGE_TAG and
                             TRILHO_REGION set; it must build and push the image
  --only <stack>             deploy only this stack (a team ships its app stack)
  --role-arn <arn>           CloudFormation execution role for every deploy
  --s3-bucket <name>         upload every template to this bucket ('aws cloudformation deploy
                             --s3-bucket'); required when a step has "needsS3Upload": true
                             (template over 51,200 bytes)
  --dry-run                  print what would run; call nothing
  --help                     this text`;

export class PlanError extends Error {}

export function parseArgs(argv) {
  const options = { imageTags: new Map(), dryRun: false };
  const rest = [...argv];
  const value = (flag) => {
    if (rest.length === 0 || rest[0].startsWith('--')) throw new PlanError(`${flag} needs a value`);
    return rest.shift();
  };
  while (rest.length > 0) {
    const arg = rest.shift();
    switch (arg) {
      case '--image-tag': {
        const pair = value(arg);
        const at = pair.indexOf('=');
        if (at < 1 || at === pair.length - 1) throw new PlanError(`--image-tag expects <app>=<tag>, got '${pair}'`);
        options.imageTags.set(pair.slice(0, at), pair.slice(at + 1));
        break;
      }
      case '--default-image-tag': options.defaultImageTag = value(arg); break;
      case '--push-command': options.pushCommand = value(arg); break;
      case '--only': options.only = value(arg); break;
      case '--role-arn': options.roleArn = value(arg); break;
      case '--s3-bucket': options.s3Bucket = value(arg); break;
      case '--dry-run': options.dryRun = true; break;
      case '--help': options.help = true; break;
      default:
        if (arg.startsWith('--')) throw new PlanError(`unknown option ${arg}`);
        if (options.plan) throw new PlanError(`one plan at a time; got '${options.plan}' and '${arg}'`);
        options.plan = arg;
    }
  }
  if (!options.help && !options.plan) throw new PlanError('missing <deploy-plan.json>');
  return options;
}

export function readPlan(path) {
  let plan;
  try {
    plan = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new PlanError(`cannot read plan ${path}: ${e.message}`);
  }
  if (plan.formatVersion !== 1) {
    throw new PlanError(`${path} has formatVersion ${plan.formatVersion}; this script reads version 1. Use the script from the same Trilho version as the compiler.`);
  }
  if (!Array.isArray(plan.steps)) throw new PlanError(`${path} has no steps`);
  return plan;
}

/** Runs the AWS CLI; never throws on a non-zero exit. */
function aws(args, log) {
  log(`$ aws ${args.map(quote).join(' ')}`);
  const result = spawnSync(process.env.TRILHO_AWS_CLI || 'aws', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new PlanError(`cannot run the AWS CLI: ${result.error.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function quote(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}

export class Deployer {
  constructor(plan, planDir, options, log = console.log) {
    this.plan = plan;
    this.planDir = planDir;
    this.options = options;
    this.log = log;
    this.stacks = new Map(); // "region/name" -> stack description or null; cached, dropped after a deploy
  }

  describe(stack, region) {
    const key = `${region}/${stack}`;
    if (!this.stacks.has(key)) {
      const r = aws(['cloudformation', 'describe-stacks', '--stack-name', stack, '--region', region, '--query', 'Stacks[0]', '--output', 'json'], this.log);
      if (r.status === 0) {
        this.stacks.set(key, JSON.parse(r.stdout));
      } else if (/does not exist/.test(r.stderr)) {
        this.stacks.set(key, null);
      } else {
        throw new PlanError(`cannot read stack ${stack} in ${region}: ${r.stderr.trim()}`);
      }
    }
    return this.stacks.get(key);
  }

  output(stack, region, name) {
    if (this.options.dryRun) return `<output ${name} of ${stack}>`;
    const description = this.describe(stack, region);
    if (!description) throw new PlanError(`stack ${stack} (${region}) does not exist, so its output ${name} is unknown; deploy the plan from the start.`);
    const found = (description.Outputs || []).find((o) => o.OutputKey === name);
    if (!found) throw new PlanError(`stack ${stack} (${region}) has no output ${name}; was it deployed from this plan?`);
    return found.OutputValue;
  }

  /** The tag an app stack should run: explicit, else unchanged (null) when the stack runs one, else the default. */
  imageTag(app, stack, region, parameter) {
    if (this.options.imageTags.has(app)) return { tag: this.options.imageTags.get(app), fresh: true };
    if (this.options.dryRun) return { tag: null, fresh: false };
    const description = this.describe(stack, region);
    if (description && (description.Parameters || []).some((p) => p.ParameterKey === parameter)) return { tag: null, fresh: false };
    if (this.options.defaultImageTag) return { tag: this.options.defaultImageTag, fresh: true };
    throw new PlanError(`no image tag for app ${app}: stack ${stack} does not run one yet. Pass --image-tag ${app}=<tag> (after pushing it) or --default-image-tag <tag> with --push-command.`);
  }

  command(cmd) {
    if (this.options.dryRun) return `<output of: ${cmd}>`;
    this.log(`$ ${cmd}`);
    const r = spawnSync('sh', ['-c', cmd], { encoding: 'utf8' });
    if (r.status !== 0) throw new PlanError(`command failed (${r.status}): ${cmd}\n${(r.stderr || '').trim()}`);
    return r.stdout.trim();
  }

  /** Parameter overrides; image tags left unchanged are omitted so CloudFormation keeps the previous value. */
  overrides(step) {
    const result = [];
    for (const [name, source] of Object.entries(step.parameters || {})) {
      let value;
      if ('value' in source) value = source.value;
      else if ('fromStack' in source) value = this.output(source.fromStack, source.region, source.output);
      else if ('imageTag' in source) {
        const { tag } = this.imageTag(source.imageTag, step.stack, step.region, name);
        if (tag === null) {
          this.log(this.options.dryRun
            ? `  ${name}: left out (a deployed stack keeps its tag; a first deploy needs --image-tag or --default-image-tag)`
            : `  ${name}: unchanged (the image ${source.imageTag} runs now)`);
          continue;
        }
        value = tag;
      } else if ('command' in source) value = this.command(source.command);
      else throw new PlanError(`parameter ${name} of ${step.stack} has an unknown source ${JSON.stringify(source)}`);
      result.push(`${name}=${value}`);
    }
    return result;
  }

  deployStack(step) {
    // Checked before reading any output: a missing bucket is a usage error, known without calling AWS.
    if (step.needsS3Upload && !this.options.s3Bucket) {
      throw new PlanError(`stack ${step.stack}: its template is ${step.templateBytes} bytes, over the 51,200 bytes 'aws cloudformation deploy' accepts without a bucket. Pass --s3-bucket <name> (a bucket in ${step.region} the deploy role can write to).`);
    }
    const overrides = this.overrides(step);
    const args = [
      'cloudformation', 'deploy',
      '--stack-name', step.stack,
      '--template-file', resolve(this.planDir, step.template),
      '--region', step.region,
      '--no-fail-on-empty-changeset',
    ];
    if ((step.capabilities || []).length > 0) args.push('--capabilities', ...step.capabilities);
    if (this.options.roleArn) args.push('--role-arn', this.options.roleArn);
    if (this.options.s3Bucket) args.push('--s3-bucket', this.options.s3Bucket);
    if (overrides.length > 0) args.push('--parameter-overrides', ...overrides);
    if (this.options.dryRun) {
      this.log(`would run: aws ${args.map(quote).join(' ')}`);
      return;
    }
    const r = aws(args, this.log);
    this.stacks.delete(`${step.region}/${step.stack}`);
    if (r.stdout.trim()) this.log(r.stdout.trim());
    if (r.status !== 0) {
      throw new StepError(step, r.stderr.trim() || r.stdout.trim(), this.events(step));
    }
  }

  pushImages(step) {
    for (const image of step.images || []) {
      const { stack, parameter } = image.tagParameter;
      const region = this.plan.steps.find((s) => s.step === 'deployStack' && s.stack === stack)?.region;
      const { tag, fresh } = this.imageTag(image.app, stack, region, parameter);
      if (!fresh) {
        this.log(`  ${image.app}: keeps the image its stack runs`);
        continue;
      }
      const uri = 'value' in image.repositoryUri ? image.repositoryUri.value : this.output(image.repositoryUri.fromStack, image.repositoryUri.region, image.repositoryUri.output);
      if (!this.options.pushCommand) {
        this.log(`  ${image.app}: expects ${uri}:${tag} to be pushed already (no --push-command)`);
        continue;
      }
      if (this.options.dryRun) {
        this.log(`would push ${uri}:${tag} with: ${this.options.pushCommand}`);
        continue;
      }
      this.log(`$ ${this.options.pushCommand}   # ${image.app} -> ${uri}:${tag}`);
      const r = spawnSync('sh', ['-c', this.options.pushCommand], {
        encoding: 'utf8',
        stdio: ['ignore', 'inherit', 'pipe'],
        env: { ...process.env, TRILHO_APP: image.app, TRILHO_REPOSITORY_URI: uri, TRILHO_IMAGE_TAG: tag, TRILHO_REGION: region },
      });
      if (r.status !== 0) {
        throw new StepError({ step: 'pushImages', stack, region }, `pushing ${image.app} (${uri}:${tag}) failed with exit ${r.status}\n${(r.stderr || '').trim()}`, null);
      }
    }
  }

  /** The latest events of a failed stack, failures first: the reason CloudFormation gives is there, not in deploy's output. */
  events(step) {
    const r = aws(['cloudformation', 'describe-stack-events', '--stack-name', step.stack, '--region', step.region, '--max-items', '25', '--output', 'json'], this.log);
    if (r.status !== 0) return `(could not read the stack's events: ${r.stderr.trim()})`;
    let events;
    try {
      events = JSON.parse(r.stdout).StackEvents || [];
    } catch {
      return r.stdout.trim();
    }
    const line = (e) => `  ${e.Timestamp || ''} ${e.LogicalResourceId} ${e.ResourceType} ${e.ResourceStatus}${e.ResourceStatusReason ? `: ${e.ResourceStatusReason}` : ''}`;
    const failed = events.filter((e) => /FAILED/.test(e.ResourceStatus || ''));
    return [
      ...(failed.length > 0 ? ['failed resources:', ...failed.map(line)] : []),
      'latest events (newest first):',
      ...events.slice(0, 10).map(line),
    ].join('\n');
  }

  run() {
    const steps = this.plan.steps;
    let selected = steps.map((step, index) => ({ step, index }));
    if (this.options.only) {
      selected = selected.filter(({ step }) => step.step === 'deployStack' && step.stack === this.options.only);
      if (selected.length === 0) {
        const names = steps.filter((s) => s.step === 'deployStack').map((s) => s.stack).join(', ');
        throw new PlanError(`--only ${this.options.only}: no such stack in the plan (stacks: ${names})`);
      }
    }
    for (const { step, index } of selected) {
      const label = `step ${index + 1}/${steps.length} (${step.step}${step.stack ? ` ${step.stack} in ${step.region}` : ''})`;
      this.log(`== ${label}`);
      try {
        if (step.step === 'deployStack') this.deployStack(step);
        else if (step.step === 'pushImages') this.pushImages(step);
        else throw new PlanError(`unknown step '${step.step}'; this script reads plan format 1`);
      } catch (e) {
        if (e instanceof StepError || e instanceof PlanError) e.label = label;
        throw e;
      }
    }
    this.log(this.options.dryRun ? 'dry run: nothing was deployed' : `done: ${selected.length} step(s) of ${this.plan.platform}-${this.plan.environment}`);
  }
}

export class StepError extends Error {
  constructor(step, awsError, events) {
    super(awsError);
    this.stepInfo = step;
    this.events = events;
  }
}

export function main(argv, log = console.log, error = console.error) {
  let options;
  try {
    options = parseArgs(argv);
    if (options.help) {
      log(usage);
      return 0;
    }
    const plan = readPlan(options.plan);
    new Deployer(plan, dirname(resolve(options.plan)), options, log).run();
    return 0;
  } catch (e) {
    if (e instanceof StepError) {
      const s = e.stepInfo;
      error(`deploy-plan: FAILED at ${e.label}`);
      error(`  stack:  ${s.stack} (region ${s.region})`);
      error(`  error:  ${e.message.split('\n').join('\n          ')}`);
      if (e.events) error(e.events);
      error('Nothing after this step ran. Fix the cause, then run the same command again: finished stacks are left as they are.');
      return 1;
    }
    if (e instanceof PlanError) {
      error(`deploy-plan: error${e.label ? ` at ${e.label}` : ''}: ${e.message}`);
      if (!options) error(usage);
      return options ? 1 : 2;
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
