import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { createDatabase, freePort, startBackend } from './backend.mjs';
import { contentSecurityPolicy, startServer } from './server.mjs';

// The project's machines have Debian's chromium (scripts/ensure-chromium.sh); never download a browser.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let db;
let backendPort;
let backend;
let site;
let browser;
let page;
const pageErrors = [];
const cspViolations = [];

before(async () => {
  db = createDatabase();
  backendPort = await freePort();
  backend = await startBackend({ dbName: db.name, port: backendPort });
  site = await startServer({ backendUrl: backend.url });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error));
  // Chromium reports every resource or inline code the Content-Security-Policy refuses on the console.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await backend?.stop();
  db?.drop();
});

async function apiCreate(title) {
  const res = await fetch(`${site.url}/backend/items`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title }),
  });
  assert.equal(res.status, 201);
  return res.json();
}

async function apiGet(id) {
  const res = await fetch(`${site.url}/backend/items/${id}`);
  assert.equal(res.status, 200);
  return res.json();
}

test('index.html is served at /frontend and /frontend/ and its assets load from both', async () => {
  for (const path of ['/frontend', '/frontend/']) {
    const res = await page.goto(`${site.url}${path}`);
    assert.equal(res.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'pt-BR');
    await page.getByRole('heading', { level: 1, name: 'Tarefas' }).waitFor();
    // The stylesheet applied (body margin reset) and the script ran (empty-list message shown).
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).margin), '0px');
    await page.getByText('Nenhuma tarefa ainda.').waitFor();
    assert.equal(res.headers()['content-security-policy'], contentSecurityPolicy);
  }
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(cspViolations, [], 'the page must work under the Content-Security-Policy CloudFront adds');
});

test('lists the items the API has', async () => {
  await apiCreate('Comprar pão');
  await apiCreate('Pagar a conta de luz');
  await page.goto(`${site.url}/frontend/`);
  const items = page.getByRole('list', { name: 'Tarefas' }).getByRole('listitem');
  await items.nth(1).waitFor();
  assert.deepEqual(await items.allInnerTexts(), ['Comprar pão', 'Pagar a conta de luz']);
  assert.equal(await page.getByText('Nenhuma tarefa ainda.').isVisible(), false);
});

test('creates an item through the labelled form', async () => {
  await page.goto(`${site.url}/frontend/`);
  await page.getByLabel('Nova tarefa').fill('  Ligar para o banco  ');
  await page.getByRole('button', { name: 'Adicionar' }).click();

  await page.getByRole('checkbox', { name: 'Ligar para o banco' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Tarefa "Ligar para o banco" adicionada.' }).waitFor();
  assert.equal(await page.getByLabel('Nova tarefa').inputValue(), '');
  const list = await (await fetch(`${site.url}/backend/items?limit=100`)).json();
  assert.ok(list.items.some((i) => i.title === 'Ligar para o banco' && !i.done), 'the item is stored in the backend');
});

test('an empty title is refused in the page without calling the API', async () => {
  await page.goto(`${site.url}/frontend/`);
  const before = (await (await fetch(`${site.url}/backend/items`)).json()).total;
  await page.getByLabel('Nova tarefa').fill('   ');
  await page.getByRole('button', { name: 'Adicionar' }).click();
  await page.getByText('Escreva um título para a tarefa.').waitFor();
  assert.equal(await page.getByLabel('Nova tarefa').getAttribute('aria-invalid'), 'true');
  assert.equal((await (await fetch(`${site.url}/backend/items`)).json()).total, before);
});

test('completes an item with its checkbox and the change is stored', async () => {
  const item = await apiCreate('Regar as plantas');
  await page.goto(`${site.url}/frontend/`);
  const checkbox = page.getByRole('checkbox', { name: 'Regar as plantas' });
  assert.equal(await checkbox.isChecked(), false);
  await checkbox.check();
  await page.getByRole('status').filter({ hasText: 'Tarefa "Regar as plantas" concluída.' }).waitFor();
  assert.equal((await apiGet(item.id)).done, true);

  await page.reload();
  assert.equal(await page.getByRole('checkbox', { name: 'Regar as plantas' }).isChecked(), true);
});

test('says plainly when the API is unavailable, keeps the typed text, and recovers', async () => {
  await page.goto(`${site.url}/frontend/`);
  await page.getByRole('checkbox', { name: 'Comprar pão' }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'no alert while the API is up');

  await backend.stop();

  await page.getByLabel('Nova tarefa').fill('Tarefa durante a queda');
  await page.getByRole('button', { name: 'Adicionar' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /API está indisponível/);
  assert.equal(await page.getByLabel('Nova tarefa').inputValue(), 'Tarefa durante a queda');

  await page.reload();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /API está indisponível/);

  backend = await startBackend({ dbName: db.name, port: backendPort });
  await page.getByRole('button', { name: 'Tentar novamente' }).click();
  await page.getByRole('checkbox', { name: 'Comprar pão' }).waitFor();
  await page.getByRole('alert').waitFor({ state: 'hidden' });
  assert.deepEqual(pageErrors, []);
});
