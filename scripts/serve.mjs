// A small static file server (node:http only) for the demo: serves the repository root,
// redirects / to /demo/, and resolves directories to their index.html.
//   node scripts/serve.mjs [--root DIR] [--port N]   (PORT env works too; default 8000)
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { root as repoRoot } from './lib/run.mjs';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
};

function send(response, status, body, headers = {}) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(body);
}

/** Creates (but does not start) a server for the files under `rootDir`. */
export function createStaticServer(rootDir = repoRoot) {
  const base = resolve(rootDir);
  return createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'Method not allowed', { allow: 'GET, HEAD' });
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      send(response, 400, 'Bad request');
      return;
    }
    if (pathname === '/') {
      send(response, 302, 'Found: /demo/', { location: '/demo/' });
      return;
    }
    let file = normalize(join(base, pathname));
    // Refuse anything that resolves outside the served folder (../ tricks).
    if (file !== base && !file.startsWith(base + sep)) {
      send(response, 403, 'Forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        send(response, 301, `Moved: ${pathname}/`, { location: `${pathname}/` });
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      send(response, 404, `Not found: ${pathname}`);
      return;
    }
    const { size } = statSync(file);
    response.writeHead(200, {
      'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': size,
      // The demo is rebuilt often; never let the browser keep an old bundle.
      'cache-control': 'no-cache',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
}

/** Starts the server; resolves with the http.Server once it listens. */
export function serve({ rootDir = repoRoot, port = Number(process.env.PORT) || 8000, host } = {}) {
  const server = createStaticServer(rootDir);
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

function argument(name) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const runDirectly = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (runDirectly) {
  const port = Number(argument('port') ?? process.env.PORT) || 8000;
  const rootDir = resolve(argument('root') ?? repoRoot);
  serve({ rootDir, port })
    .then(() => {
      console.log(`Serving ${rootDir}`);
      console.log(`Demo: http://localhost:${port}/demo/`);
    })
    .catch((error) => {
      console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another port.` : error.message);
      process.exit(1);
    });
}
