import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, posix, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Serves the demo host app (a small CRM single-page app) that the product demo and the end-to-end tests
 * run against. Each release is a folder of its own (`demo/host/r1`, `demo/host/r2`) laid over
 * `demo/host/shared`: a URL is looked up in the release folder first, then in the shared one.
 */
export type HostRelease = 1 | 2;

export interface HostServerOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 0
   */
  port?: number;
  /**
   * Interface to bind. Only loopback by default: the app is a test fixture, not a site.
   * @default '127.0.0.1'
   */
  host?: string;
  /**
   * Which release of the host app to serve. Release 2 changes the markup the way a real next release
   * would (new ids and class hashes, moved panels, one button gone).
   * @default 1
   */
  release?: HostRelease;
  /**
   * A `Content-Security-Policy` header for every response, as strict host apps send (webmail, CRMs):
   * the tests check that the guidance still shows, styled, under it.
   */
  csp?: string;
}

export interface HostServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const HOST_DIR = fileURLToPath(new URL('./host/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps a request path to a file under `root`, or null when the path could leave it. The path is decoded,
 * normalized as a URL path, then resolved; the result must still lie under `root`.
 */
export function resolveUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const normalized = posix.normalize(`/${decoded}`);
  const full = resolve(root, `.${normalized}`);
  return full === root || full.startsWith(root + sep) ? full : null;
}

async function findFile(roots: readonly string[], urlPath: string): Promise<string | null> {
  for (const root of roots) {
    const candidate = resolveUnder(root, urlPath);
    if (!candidate) return null;
    try {
      if (!(await stat(candidate)).isFile()) continue;
      // A symlink could point outside the root; check where it really leads.
      const real = await realpath(candidate);
      if (real.startsWith((await realpath(root)) + sep)) return real;
    } catch {
      /* not in this root */
    }
  }
  return null;
}

function send(res: ServerResponse, status: number, type: string, body: Buffer | string, head: boolean, csp?: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    ...(csp !== undefined ? { 'content-security-policy': csp } : {}),
  });
  res.end(head ? undefined : body);
}

export async function startHostServer(opts: HostServerOptions = {}): Promise<HostServer> {
  const release = opts.release ?? 1;
  if (release !== 1 && release !== 2) throw new Error(`unknown release ${String(release)}; expected 1 or 2`);
  const roots = [join(HOST_DIR, `r${release}`), join(HOST_DIR, 'shared')].map((r) => resolve(r));
  const index = join(roots[0]!, 'index.html');

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', head);
    }
    const pathname = new URL(req.url ?? '/', 'http://host.invalid').pathname;
    if (pathname !== '/') {
      const file = await findFile(roots, pathname);
      if (file) return send(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file), head, opts.csp);
    }
    // A path with an extension names an asset, and a missing asset is a 404. Anything else is an app
    // route, rendered on the client from index.html, as a real SPA host does.
    if (extname(pathname) !== '') return send(res, 404, 'text/plain; charset=utf-8', 'not found\n', head);
    return send(res, 200, CONTENT_TYPES['.html']!, await readFile(index), head, opts.csp);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n', false);
      else res.destroy();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('host server has no TCP address');
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((err) => (err ? fail(err) : ok()));
        server.closeAllConnections();
      }),
  };
}

function parseArgs(argv: readonly string[]): HostServerOptions {
  const opts: HostServerOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--port' && value !== undefined && /^\d{1,5}$/.test(value) && Number(value) <= 65535) opts.port = Number(value);
    else if (flag === '--host' && value !== undefined) opts.host = value;
    else if (flag === '--release' && (value === '1' || value === '2')) opts.release = Number(value) as HostRelease;
    else throw new Error(`usage: tsx demo/hostServer.ts [--port N] [--host ADDR] [--release 1|2] (bad argument ${flag})`);
    i++;
  }
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let opts: HostServerOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const server = await startHostServer(opts);
  console.log(`Cobalt CRM demo host (release ${opts.release ?? 1}): ${server.url}/contacts`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
