// Renames the assets to <name>.<content hash>.<ext> and points the pages (index.html, 404.html) at the new names. Run it after
// editing a file under assets/ (npm run rehash); assets.test.mjs fails until you do. Not a build step:
// the folder stays deployable as is.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const frontendDir = fileURLToPath(new URL('..', import.meta.url));
const assetsDir = join(frontendDir, 'assets');

export const hashOf = (content) => createHash('sha256').update(content).digest('hex').slice(0, 10);

// "app.3f2a9c01bd.js" -> { base: "app", hash: "3f2a9c01bd", ext: "js" }; "app.js" -> hash undefined.
export function parseAssetName(name) {
  const m = /^(?<base>[^.]+)(?:\.(?<hash>[0-9a-f]{10}))?\.(?<ext>[a-z]+)$/.exec(name);
  return m?.groups;
}

export const pages = ['index.html', '404.html'];

export function rehash() {
  const renamed = [];
  for (const name of readdirSync(assetsDir)) {
    const parsed = parseAssetName(name);
    if (!parsed) continue;
    const hashed = `${parsed.base}.${hashOf(readFileSync(join(assetsDir, name)))}.${parsed.ext}`;
    if (hashed !== name) renameSync(join(assetsDir, name), join(assetsDir, hashed));
    renamed.push([name, hashed]);
  }
  for (const page of pages) {
    let html = readFileSync(join(frontendDir, page), 'utf8');
    for (const [name, hashed] of renamed) html = html.replaceAll(`/frontend/assets/${name}"`, `/frontend/assets/${hashed}"`);
    writeFileSync(join(frontendDir, page), html);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) rehash();
