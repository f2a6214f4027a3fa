import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { frontendDir, hashOf, pages, parseAssetName } from './rehash.mjs';

const html = readFileSync(join(frontendDir, 'index.html'), 'utf8');

test('every asset name carries the hash of its content (run npm run rehash after editing)', () => {
  const names = readdirSync(join(frontendDir, 'assets'));
  assert.ok(names.length >= 2, 'expected at least the script and the stylesheet');
  for (const name of names) {
    const parsed = parseAssetName(name);
    assert.ok(parsed, `unexpected asset name ${name}`);
    assert.equal(parsed.hash, hashOf(readFileSync(join(frontendDir, 'assets', name))), `${name} is stale`);
  }
});

test('index.html references every asset with an absolute /frontend/ URL and nothing missing', () => {
  const referenced = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
  const assets = readdirSync(join(frontendDir, 'assets'));
  assert.deepEqual(referenced.filter((u) => u.startsWith('/frontend/assets/')).map((u) => u.slice(17)).sort(), assets.sort());
  for (const url of referenced) assert.match(url, /^\/frontend\//, `relative URL ${url} breaks at /frontend without a slash`);
});

test('the page declares its language and the API is called with same-origin relative URLs', () => {
  assert.match(html, /<html lang="pt-BR">/);
  const script = readFileSync(join(frontendDir, 'assets', readdirSync(join(frontendDir, 'assets')).find((n) => n.endsWith('.js'))), 'utf8');
  assert.match(script, /const API = '\/backend\/items'/);
  assert.doesNotMatch(script, /https?:\/\//, 'no absolute origins: the API is on the same DNS name');
});

test('every page references only existing assets, with absolute /frontend/ URLs (404.html is served at any depth)', () => {
  const assets = readdirSync(join(frontendDir, 'assets'));
  for (const page of pages) {
    const referenced = [...readFileSync(join(frontendDir, page), 'utf8').matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
    for (const url of referenced) {
      assert.match(url, /^\/frontend\//, `${page}: relative URL ${url} breaks under nested paths`);
      if (url.startsWith('/frontend/assets/')) assert.ok(assets.includes(url.slice(17)), `${page}: ${url} does not exist`);
    }
  }
});
