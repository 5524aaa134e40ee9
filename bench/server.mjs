// The benchmark's own static server (scripts/serve.mjs serves only www/ and pkg/),
// run by bench/run.mjs in a child process. Serves one folder, uncompressed, with
// `Cache-Control: no-store`, on 127.0.0.1 (pages named `*-js.html` with a policy that
// forbids WebAssembly). Every response carries COOP/COEP so the
// pages are cross-origin isolated: that raises performance.now()'s resolution in
// Chromium from 100 us to 5 us, which the sub-millisecond answer timings need.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Serves `root` on a free port; resolves to `{ origin, close }`. */
export async function serveFolder(root) {
  root = path.resolve(root);
  const server = createServer(async (req, res) => {
    const headers = {
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'X-Content-Type-Options': 'nosniff',
    };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      pathname = '\0';
    }
    // Pages named `*-js.html` forbid WebAssembly (no 'wasm-unsafe-eval'): the widget
    // runs its JavaScript build there, as under a host's strict policy.
    if (pathname.endsWith('-js.html')) headers['Content-Security-Policy'] = "script-src 'self'";
    const file = path.resolve(root, `.${pathname}`);
    if (req.method !== 'GET' || pathname.includes('\0') || !file.startsWith(root + path.sep)) {
      res.writeHead(404, headers).end();
      return;
    }
    try {
      const body = await readFile(file);
      const type = MIME[path.extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length }).end(body);
    } catch {
      res.writeHead(404, headers).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// `node bench/server.mjs ROOT` (run.mjs forks it, so that serving never waits for the
// browser driver's event loop): serves ROOT and sends `{ origin }` to the parent.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { origin } = await serveFolder(process.argv[2]);
  if (process.send) process.send({ origin });
  else console.log(origin);
  process.on('disconnect', () => process.exit(0));
}
