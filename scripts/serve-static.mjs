// A tiny static file server for the e2e tests: serves a folder (the built dist/) under a sub-path,
// as a blog or a course site would host it, on its own port (a second origin for the embed test).
// `--gzip` compresses text files for clients that accept it, as a static host does (the
// first-screen figures of BENCHMARKS.md are taken that way).
// `--host-page` also serves /host-page?snippet=HTML&column=PX: a blog post of this origin with the
// given HTML pasted alone into it (in a column PX wide, or none), for the embed tests. It reflects
// HTML as it is given: a test tool, never to be run as a public server with that flag.
//   node scripts/serve-static.mjs --root dist --prefix /sub/path/ --port 4174 [--gzip] [--host-page]
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const root = resolve(arg('root', 'dist'));
const prefix = arg('prefix', '/').replace(/\/?$/, '/');
const port = Number(arg('port', '4174'));
const gzip = process.argv.includes('--gzip');
const hostPage = process.argv.includes('--host-page');

/** A plain blog post around `snippet`, in a column of `column` px (none: the page's width). */
function hostHtml(snippet, column) {
  const width = /^\d{2,4}$/.test(column ?? '') ? `width:${column}px;` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A blog post</title>
<link rel="icon" href="data:,">
<style>body{font-family:sans-serif;margin:8px} .column{${width}max-width:100%;margin:0 auto}</style>
</head>
<body><div class="column"><h1>A blog post</h1><p>Some text before the embed.</p>
${snippet}
<p>And some text after it.</p></div></body>
</html>`;
}
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt']);
/** path -> [mtime, gzipped bytes]: each file is compressed once. */
const gzipped = new Map();

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`serving ${root} under ${prefix}\n`);
    return;
  }
  if (hostPage && url.pathname === '/host-page') {
    const body = hostHtml(url.searchParams.get('snippet') ?? '', url.searchParams.get('column'));
    res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(body);
    return;
  }
  if (!url.pathname.startsWith(prefix)) {
    res.writeHead(404).end('not found\n');
    return;
  }
  let rel;
  try {
    rel = decodeURIComponent(url.pathname.slice(prefix.length));
  } catch {
    res.writeHead(400).end('bad path\n');
    return;
  }
  let file = normalize(join(root, rel));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end('forbidden\n');
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    await stat(file);
  } catch {
    res.writeHead(404).end('not found\n');
    return;
  }
  const headers = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip && COMPRESSIBLE.has(extname(file))) {
    headers.vary = 'accept-encoding';
    if (accepts) {
      const { mtimeMs } = await stat(file);
      let hit = gzipped.get(file);
      if (!hit || hit[0] !== mtimeMs) {
        hit = [mtimeMs, gzipSync(await readFile(file), { level: 9 })];
        gzipped.set(file, hit);
      }
      res.writeHead(200, {
        ...headers,
        'content-encoding': 'gzip',
        'content-length': hit[1].length,
      });
      res.end(hit[1]);
      return;
    }
  }
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
});

server.listen(port, 'localhost', () => {
  console.log(`serve-static: http://localhost:${port}${prefix} -> ${root}`);
});
