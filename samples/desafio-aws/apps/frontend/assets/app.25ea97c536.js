// Items page: talks to the backend on the same origin (CloudFront routes /backend/* to the API), so
// relative URLs and no CORS.
const API = '/backend/items';
const PAGE_SIZE = 100;
const RETRY_MS = 5000;

const list = document.getElementById('items');
const empty = document.getElementById('empty');
const form = document.getElementById('new-item');
const titleInput = document.getElementById('new-title');
const formError = document.getElementById('form-error');
const status = document.getElementById('status');
const unavailable = document.getElementById('unavailable');
const retryButton = document.getElementById('retry');

let retryTimer;

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  // No answer, a gateway error (the load balancer has no healthy backend) or the API's own 503.
  get unavailable() {
    return this.status === 0 || this.status >= 500;
  }
}

async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, {
      ...options,
      headers: { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
    });
  } catch {
    throw new ApiError(0);
  }
  if (response.status === 204) return null;
  const isJson = /json/.test(response.headers.get('Content-Type') || '');
  const body = isJson ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function showUnavailable() {
  unavailable.hidden = false;
  clearTimeout(retryTimer);
  retryTimer = setTimeout(load, RETRY_MS);
}

function hideUnavailable() {
  clearTimeout(retryTimer);
  unavailable.hidden = true;
}

function handle(error) {
  if (error instanceof ApiError && error.unavailable) {
    showUnavailable();
  } else {
    status.textContent = `Erro: ${error.message}`;
  }
}

function render(items) {
  list.replaceChildren(...items.map(renderItem));
  empty.hidden = items.length > 0;
}

function renderItem(item) {
  const li = document.createElement('li');
  li.className = item.done ? 'done' : '';
  const checkbox = document.createElement('input');
  checkbox.type = 'checkbox';
  checkbox.id = `item-${item.id}`;
  checkbox.checked = item.done;
  checkbox.addEventListener('change', () => toggle(item, checkbox, li));
  const label = document.createElement('label');
  label.htmlFor = checkbox.id;
  label.textContent = item.title; // textContent, never innerHTML: titles are user input
  li.append(checkbox, label);
  return li;
}

async function load() {
  try {
    const page = await api(`${API}?limit=${PAGE_SIZE}`);
    hideUnavailable();
    render(page.items);
  } catch (error) {
    handle(error);
  }
}

async function toggle(item, checkbox, li) {
  const done = checkbox.checked;
  checkbox.disabled = true;
  try {
    const updated = await api(`${API}/${item.id}`, { method: 'PATCH', body: JSON.stringify({ done }) });
    item.done = updated.done;
    li.className = updated.done ? 'done' : '';
    status.textContent = updated.done ? `Tarefa "${updated.title}" concluída.` : `Tarefa "${updated.title}" reaberta.`;
    hideUnavailable();
  } catch (error) {
    checkbox.checked = !done; // the change did not happen: show the state the server has
    handle(error);
  } finally {
    checkbox.disabled = false;
    checkbox.focus();
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const title = titleInput.value.trim();
  formError.textContent = '';
  titleInput.removeAttribute('aria-invalid');
  if (!title) {
    formError.textContent = 'Escreva um título para a tarefa.';
    titleInput.setAttribute('aria-invalid', 'true');
    titleInput.focus();
    return;
  }
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const created = await api(API, { method: 'POST', body: JSON.stringify({ title }) });
    hideUnavailable();
    titleInput.value = '';
    status.textContent = `Tarefa "${created.title}" adicionada.`;
    await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      const messages = Object.values(error.problem?.errors || {}).flat();
      formError.textContent = messages.join(' ') || error.message;
      titleInput.setAttribute('aria-invalid', 'true');
    } else {
      handle(error); // the typed title stays in the field, ready to resend
    }
  } finally {
    button.disabled = false;
    titleInput.focus();
  }
});

retryButton.addEventListener('click', load);
load();
