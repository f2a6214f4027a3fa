// A tiny stand-in for CloudFront in front of the app: one origin that serves /frontend/* from this folder
// and forwards /backend/* (path unchanged, like the ALB) to a backend. Used by the browser tests and for
// local development: BACKEND_URL=http://127.0.0.1:8080 PORT=8000 node server.mjs
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontendDir = fileURLToPath(new URL('..', import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

// The Content-Security-Policy CloudFront adds to the app's responses (Trilho's default for static apps; an
// Emit test keeps it equal to the compiled template), so the browser tests run under the same policy.
export const contentSecurityPolicy = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'";

function serveFile(res, path, cacheControl) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    stat = null;
  }
  if (!stat?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': types[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    'Content-Security-Policy': contentSecurityPolicy,
  });
  createReadStream(path).pipe(res);
}

function proxy(req, res, backendUrl) {
  const target = new URL(req.url, backendUrl);
  const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
    res.writeHead(up.statusCode, up.headers);
    up.pipe(res);
  });
  // What the ALB does when no target answers: a bare HTML 502, not problem details.
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/html' });
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
  });
  req.pipe(upstream);
}

/** Starts the server; resolves to { url, close }. `backendUrl` may be changed later through `server.backendUrl`. */
export function startServer({ backendUrl, port = 0, host = '127.0.0.1' }) {
  const state = { backendUrl };
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (pathname.startsWith('/backend/') || pathname === '/backend') {
      proxy(req, res, state.backendUrl);
    } else if (pathname === '/frontend' || pathname === '/frontend/' || pathname === '/frontend/index.html') {
      serveFile(res, join(frontendDir, 'index.html'), 'no-cache');
    } else if (pathname.startsWith('/frontend/assets/')) {
      const path = normalize(join(frontendDir, decodeURIComponent(pathname.slice('/frontend/'.length))));
      if (!path.startsWith(join(frontendDir, 'assets') + sep)) {
        res.writeHead(404).end();
        return;
      }
      serveFile(res, path, 'public, max-age=31536000, immutable');
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      resolve({
        url: `http://${host}:${server.address().port}`,
        set backendUrl(value) { state.backendUrl = value; },
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({
    backendUrl: process.env.BACKEND_URL ?? 'http://127.0.0.1:8080',
    port: Number(process.env.PORT ?? 8000),
  });
  console.log(`Frontend at ${url}/frontend/ (API proxied to ${process.env.BACKEND_URL ?? 'http://127.0.0.1:8080'})`);
}
