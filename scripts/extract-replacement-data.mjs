#!/usr/bin/env node
// Writes src/Compiler/Diff/replacement-data.json: for every CloudFormation resource type, the properties whose change
// AWS documents as requiring replacement ("yes") or possibly requiring it ("maybe", "Conditional" in the CloudFormation
// docs), read from @aws-cdk/aws-service-spec (db.json.gz, the source of CDK's L1 classes), so `trilho diff` does not
// rely on a hand-written list.
//
//   node scripts/extract-replacement-data.mjs            re-extracts from the version recorded in the file (reproducible)
//   node scripts/extract-replacement-data.mjs latest     refreshes from the newest published version
//   node scripts/extract-replacement-data.mjs 0.1.216    from that version
//
// Properties that never cause replacement are left out, except those leading to a nested type that has such a property
// (kept as [behaviour, type, "list"|"map"|"object"] so the diff can follow nested property paths), and the type list
// (every resource type, even one without such a property, so the diff knows it from an unknown one). The output is sorted
// and has one resource type or nested type per line: the same version gives the same bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const packageName = '@aws-cdk/aws-service-spec';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'src', 'Compiler', 'Diff', 'replacement-data.json');

function recordedVersion() {
  if (!existsSync(output)) {
    return 'latest';
  }
  const source = JSON.parse(readFileSync(output, 'utf8')).source;
  return source.slice(source.lastIndexOf('@') + 1);
}

const requested = process.argv[2] ?? recordedVersion();
const work = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'service-spec-'));
try {
  const packed = JSON.parse(execFileSync('npm', ['pack', `${packageName}@${requested}`, '--json', '--pack-destination', work], { encoding: 'utf8' }));
  const version = packed[0].version;
  execFileSync('tar', ['xzf', join(work, packed[0].filename), '-C', work, 'package/db.json.gz']);
  const db = JSON.parse(gunzipSync(readFileSync(join(work, 'package', 'db.json.gz'))));
  writeFileSync(output, render(extract(db), `${packageName}@${version}`));
  console.log(`wrote ${output} from ${packageName}@${version}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function extract(db) {
  // Entities are lists; relations and references name them by $id.
  const byId = entities => Object.fromEntries(Object.values(entities).map(e => [e.$id, e]));
  const resources = byId(db.schema.resource.entities);
  const typeDefinitions = byId(db.schema.typeDefinition.entities);
  // A nested type's name is unique within the resource type that uses it, so "<resource type>.<name>" names it.
  const typeKey = new Map();
  for (const [resourceId, uses] of Object.entries(db.schema.usesType.forward)) {
    const resource = resources[resourceId];
    if (!resource) {
      continue;
    }
    for (const use of uses.filter(u => typeDefinitions[u.$id])) {
      typeKey.set(use.$id, `${resource.cloudFormationType}.${typeDefinitions[use.$id].name}`);
    }
  }

  const nested = (type, shape = 'object') => {
    switch (type.type) {
      case 'ref': return { id: type.reference.$ref, shape };
      case 'array': return nested(type.element, 'list');
      case 'map': return nested(type.element, 'map');
      case 'union': return type.types.map(t => nested(t, shape)).find(n => n) ?? null;
      default: return null;
    }
  };

  // A nested type is kept when it, or a type below it, has a property that causes replacement.
  const relevant = new Set();
  for (let changed = true; changed;) {
    changed = false;
    for (const [id, definition] of Object.entries(typeDefinitions)) {
      if (relevant.has(id) || !typeKey.has(id)) {
        continue;
      }
      if (Object.values(definition.properties ?? {}).some(p => replaces(p) || relevant.has(nested(p.type)?.id))) {
        relevant.add(id);
        changed = true;
      }
    }
  }

  const entries = properties => {
    const result = {};
    for (const name of Object.keys(properties ?? {}).sort()) {
      const property = properties[name];
      const behaviour = property.causesReplacement ?? 'no';
      const inner = nested(property.type);
      // Below a property that always replaces, nothing can replace more: no need to follow it.
      if (inner && relevant.has(inner.id) && behaviour !== 'yes') {
        result[name] = [behaviour, typeKey.get(inner.id), inner.shape];
      } else if (behaviour !== 'no') {
        result[name] = behaviour;
      }
    }
    return result;
  };

  const resourceEntries = {};
  for (const resource of Object.values(resources)) {
    resourceEntries[resource.cloudFormationType] = entries(resource.properties);
  }
  const typeEntries = {};
  for (const id of relevant) {
    typeEntries[typeKey.get(id)] = entries(typeDefinitions[id].properties);
  }
  // Keep only the nested types a resource type's entries lead to.
  const reachable = new Set();
  const visit = properties => {
    for (const entry of Object.values(properties)) {
      if (Array.isArray(entry) && !reachable.has(entry[1])) {
        reachable.add(entry[1]);
        visit(typeEntries[entry[1]]);
      }
    }
  };
  Object.values(resourceEntries).forEach(visit);
  for (const key of Object.keys(typeEntries)) {
    if (!reachable.has(key)) {
      delete typeEntries[key];
    }
  }
  return { resources: resourceEntries, types: typeEntries };
}

function replaces(property) {
  return property.causesReplacement === 'yes' || property.causesReplacement === 'maybe';
}

function render({ resources, types }, source) {
  const section = entries => Object.keys(entries).sort()
    .map(key => `    ${JSON.stringify(key)}: ${JSON.stringify(entries[key])}`)
    .join(',\n');
  return `{
  "source": ${JSON.stringify(source)},
  "refresh": "node scripts/extract-replacement-data.mjs latest",
  "resources": {
${section(resources)}
  },
  "types": {
${section(types)}
  }
}
`;
}
