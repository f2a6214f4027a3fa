// Runs the real sample backend for the browser tests: a fresh database on the PostgreSQL server named by
// TRILHO_TEST_PG (same variable and default as the .NET tests), and the built backend dll as a process
// configured with the platform's environment variables.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const appsDir = fileURLToPath(new URL('../../', import.meta.url));
const backendProject = `${appsDir}backend`;
const backendDll = process.env.TRILHO_BACKEND_DLL || `${backendProject}/bin/Debug/net10.0/Trilho.Samples.Backend.dll`;

// "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres" -> { host, port, username, password }
function pgServer() {
  const raw = process.env.TRILHO_TEST_PG || 'Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres';
  const parts = Object.fromEntries(raw.split(';').filter(Boolean).map((kv) => {
    const i = kv.indexOf('=');
    return [kv.slice(0, i).trim().toLowerCase().replace(/\s+/g, ''), kv.slice(i + 1).trim()];
  }));
  return {
    host: parts.host ?? parts.server ?? '127.0.0.1',
    port: parts.port ?? '5432',
    username: parts.username ?? parts.userid ?? parts.user ?? 'postgres',
    password: parts.password ?? '',
  };
}

function psql(sql) {
  const pg = pgServer();
  execFileSync('psql', ['-h', pg.host, '-p', pg.port, '-U', pg.username, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], {
    env: { ...process.env, PGPASSWORD: pg.password },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export function createDatabase() {
  const name = `trilho_web_${randomBytes(6).toString('hex')}`;
  psql(`CREATE DATABASE ${name}`);
  return { name, drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function ensureBuilt() {
  if (!existsSync(backendDll)) {
    execFileSync('dotnet', ['build', backendProject, '--nologo', '-v', 'quiet'], { stdio: 'inherit' });
  }
}

/** Starts the backend on `port` against database `dbName`; resolves once liveness answers. */
export async function startBackend({ dbName, port }) {
  ensureBuilt();
  const pg = pgServer();
  const child = spawn('dotnet', [backendDll], {
    env: {
      ...process.env,
      PORT: String(port),
      APP_BASE_PATH: '/backend',
      DB_HOST: pg.host,
      DB_PORT: pg.port,
      DB_NAME: dbName,
      DB_SSLMODE: 'Disable',
      DB_USER: pg.username,
      DB_PASSWORD: pg.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`backend exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/backend/health/live`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`backend not live after 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    /** SIGTERM, as ECS does; resolves when the process is gone. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
