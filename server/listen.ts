import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import type { AppEnv } from './http/appEnv';

export interface Listening {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  port: number;
  /**
   * Stops accepting connections, lets requests in flight finish for up to `graceMs`, then cuts the
   * remaining connections.
   */
  close(graceMs?: number): Promise<void>;
}

/** Serves `app` on Node's HTTP server; resolves once listening (port 0 picks a free port). */
export function listen(app: Hono<AppEnv>, options: { port: number; host: string }): Promise<Listening> {
  const server = createAdaptorServer({ fetch: app.fetch, hostname: options.host }) as Server;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      let closing: Promise<void> | undefined;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close(graceMs = 10_000) {
          closing ??= new Promise<void>((done) => {
            const timer = setTimeout(() => server.closeAllConnections(), graceMs);
            server.close(() => {
              clearTimeout(timer);
              done();
            });
            // Keep-alive connections with no request in flight would hold close() open.
            server.closeIdleConnections();
          });
          return closing;
        },
      });
    });
  });
}
