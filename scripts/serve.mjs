#!/usr/bin/env node
// A tiny dependency-free static server for the demo and the end-to-end tests.
//
//   node scripts/serve.mjs [port]      (or PORT=...; default 8000; 0 = any free port)
//
// Listens on 127.0.0.1 only. `/pkg/*` is served from pkg/ (the built widget),
// everything else from www/ (`/` is www/index.html, `/dir/` is www/dir/index.html).
// Only GET and HEAD; no directory listings; nothing outside those two folders.
//
// Tests import `startServer({ port: 0 })` and get back `{ url, origin, port, close }`.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a file under `root`/pkg or `root`/www, or null when the
 * path is malformed or would leave those folders.
 */
export function resolveRequestPath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;

  let base;
  let rest;
  if (decoded.startsWith('/pkg/')) {
    base = path.join(root, 'pkg');
    rest = decoded.slice('/pkg/'.length);
  } else {
    base = path.join(root, 'www');
    rest = decoded.slice(1);
  }
  if (rest === '' || rest.endsWith('/')) {
    if (base.endsWith(`${path.sep}pkg`)) return null; // no index for pkg/
    rest += 'index.html';
  }
  const file = path.resolve(base, rest);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/**
 * Starts the server. Resolves to `{ server, url, origin, port, close }` once it is
 * listening; `url` ends with `/`. Pass `port: 0` to get any free port.
 */
export async function startServer({ port = 8000, root = DEFAULT_ROOT, host = '127.0.0.1', log = false } = {}) {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const file = resolveRequestPath(root, pathname);
    let info = null;
    if (file) {
      try {
        info = await stat(file);
      } catch {
        info = null;
      }
    }
    if (!info || !info.isFile()) {
      if (log) console.log(`404 ${req.method} ${req.url}`);
      send(res, 404, 'not found\n');
      return;
    }
    if (log) console.log(`200 ${req.method} ${req.url}`);
    res.writeHead(200, {
      'Content-Type': mimeType(file),
      'Content-Length': info.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const origin = `http://${host}:${actualPort}`;
  return {
    server,
    port: actualPort,
    origin,
    url: `${origin}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const arg = process.argv[2] ?? process.env.PORT ?? '8000';
  const port = Number(arg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: invalid port ${JSON.stringify(arg)}`);
    process.exit(2);
  }
  try {
    const { url, close } = await startServer({ port, log: process.env.SERVE_LOG === '1' });
    console.log(`Serving www/ and pkg/ at ${url}  (Ctrl+C to stop)`);
    const stop = () => close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(`serve: cannot listen on 127.0.0.1:${port}: ${err.message}`);
    process.exit(1);
  }
}
