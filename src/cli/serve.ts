/**
 * A minimal static file server for the browser tests: `node src/cli/serve.ts <dir> <port>`.
 * `astro preview` allows one server per project, and the tests serve two builds at once. Like a
 * static host, it serves `index.html` for folders and `404.html` with status 404 for the rest.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const [root = 'dist', port = '4329'] = process.argv.slice(2);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

async function fileFor(pathname: string): Promise<string | undefined> {
  const path = join(root, normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, ''));
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  if (info?.isDirectory() && pathname.endsWith('/')) {
    const index = join(path, 'index.html');
    if (await stat(index).catch(() => undefined)) return index;
  }
  return undefined;
}

createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const file = (await fileFor(pathname)) ?? join(root, '404.html');
  const body = await readFile(file).catch(() => 'Not found');
  response.writeHead(file.endsWith('404.html') ? 404 : 200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
  });
  response.end(body);
}).listen(Number(port), '127.0.0.1');
