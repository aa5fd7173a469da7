import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** What a path answers: a body and its content type; a function is asked on every request. */
export type Route = { type: string; body: string } | (() => { type: string; body: string });

/**
 * A host page fixture: serves `routes` by path (the query string is ignored) on 127.0.0.1 with a free
 * port, and 404 for anything else. For host-app shapes the demo app does not have.
 */
export function servePages(routes: Record<string, Route>): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const route = routes[(req.url ?? '/').split('?')[0] ?? '/'];
    const answer = typeof route === 'function' ? route() : route;
    res.writeHead(answer ? 200 : 404, { 'content-type': answer?.type ?? 'text/plain' });
    res.end(answer?.body ?? 'not found');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, port, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

export const html = (body: string) => ({ type: 'text/html; charset=utf-8', body });
export const css = (body: string) => ({ type: 'text/css', body });
export const js = (body: string) => ({ type: 'text/javascript', body });
