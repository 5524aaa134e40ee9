// The cross-browser tests' server: the demo's files (www/ and pkg/, mapped as by
// scripts/serve.mjs), with two additions the browsers cannot be asked for.
//
// - Every HTML page gets tests/xbrowser/recorder.js as its first script. Playwright's
//   init scripts do this job in tests/e2e/, but WebKitWebDriver has none, so the server
//   does it, the same way for all three browsers.
// - Pages a test defines (`server.page(path, { html, csp })`), such as a page whose
//   Content-Security-Policy forbids WebAssembly: WebDriver cannot intercept requests.
//
// It logs every request with its status, so a test can tell which of the widget's files
// a page fetched (the .wasm or its JavaScript version) and that nothing was missing.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mimeType, resolveRequestPath } from '../../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RECORDER_PATH = '/__xb/recorder.js';
/** A favicon for the pages tests define: a policy's `img-src 'self'` refuses a `data:` one. */
export const ICON_PATH = '/__xb/icon.svg';
const RECORDER_TAG = `<script src="${RECORDER_PATH}"></script>`;

/** Puts the recorder before every other script of an HTML document. */
export function withRecorder(html) {
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + RECORDER_TAG + html.slice(head.index + head[0].length);
  return RECORDER_TAG + html;
}

/**
 * Starts the server on a free port of 127.0.0.1. Resolves to
 * { origin, log, page(path, { html, csp }), requestsSince(mark), close() };
 * `log` is every request as { method, path, status }, in order.
 */
export async function startXbServer() {
  const recorder = await readFile(path.join(ROOT, 'tests/xbrowser/recorder.js'));
  const pages = new Map();
  const log = [];

  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const reply = (status, type, body, headers = {}) => {
      log.push({ method: req.method, path: pathname, status });
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'text/plain', 'method not allowed\n');
    if (pathname === RECORDER_PATH) return reply(200, 'text/javascript; charset=utf-8', recorder);
    if (pathname === ICON_PATH) return reply(200, 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const defined = pages.get(pathname);
    if (defined) {
      const headers = defined.csp ? { 'Content-Security-Policy': defined.csp } : {};
      return reply(200, 'text/html; charset=utf-8', withRecorder(defined.html), headers);
    }
    const file = resolveRequestPath(ROOT, pathname);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) return reply(404, 'text/plain', 'not found\n');
    const type = mimeType(file);
    let body = await readFile(file);
    if (type.startsWith('text/html')) body = withRecorder(body.toString('utf8'));
    return reply(200, type, body);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    log,
    /** Serves `html` at `pathname`, under the policy `csp` if given. */
    page(pathname, { html, csp }) {
      pages.set(pathname, { html, csp });
    },
    /** A mark for requestsSince: the log's length now. */
    mark: () => log.length,
    /** The requests logged after `mark`. */
    requestsSince: (mark) => log.slice(mark),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
