import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WhoAmIResponseSchema } from '../../src/schema/api';
import { backends, backendTitle, stopSharedPostgres, type BackendStore } from './support/backends';
import { startTestServer } from './support/harness';
import { runCli } from './support/processes';

afterAll(stopSharedPostgres);

const TokenJson = z.object({
  id: z.string(),
  tenant: z.string(),
  role: z.string(),
  label: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

describe('waymark CLI arguments', () => {
  const env = { DATA_DIR: '/nonexistent/never-opened' }; // usage errors must not touch storage
  it.concurrent.each([
    [[], /missing command|Usage/],
    [['token'], /missing subcommand/],
    [['token', 'create', '--tenant', 'acme'], /--role is required/],
    [['token', 'create', '--role', 'admin'], /--tenant is required/],
    [['token', 'create', '--tenant', 'acme', '--role', 'boss'], /must be one of employee, champion, admin/],
    [['token', 'create', '--tenant', 'Not OK', '--role', 'admin'], /--tenant "Not OK"/],
    [['token', 'create', '--tenant', 'acme', '--role', 'admin', '--frob'], /Unknown option '--frob'/],
    [['token', 'revoke'], /which token/],
    [['token', 'list', 'extra'], /unexpected argument "extra"/],
    [['tokens', 'list'], /unknown command "tokens"/],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const r = await runCli(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Usage: npm run waymark');
    expect(r.stdout).toBe('');
  });
});

describe.each(backends())('waymark CLI on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    let store: BackendStore;
    beforeAll(async () => {
      store = await backend.create();
    });
    afterAll(() => store.dispose());

    // One story in steps (each a test, to keep each under the timeout: a PGlite process takes seconds).
    let token = '';
    let record: z.infer<typeof TokenJson>;
    let otherToken = '';

    it('creates a token, printed once', async () => {
      const created = await runCli(['token', 'create', '--tenant', 'acme', '--role', 'admin', '--label', 'ops laptop', '--json'], store.env);
      expect(created.code, created.stderr).toBe(0);
      ({ token, ...record } = TokenJson.extend({ token: z.string() }).parse(JSON.parse(created.stdout)));
      expect(token).toMatch(/^wm_[A-Za-z0-9_-]{43}$/);
      expect(record).toMatchObject({ tenant: 'acme', role: 'admin', label: 'ops laptop', revokedAt: null });

      // Plain output: the token alone on stdout, so a script can capture it.
      const plain = await runCli(['token', 'create', '--tenant', 'other', '--role', 'employee'], store.env);
      expect(plain.code).toBe(0);
      expect(plain.stdout).toMatch(/^wm_[A-Za-z0-9_-]{43}\n$/);
      expect(plain.stderr).toMatch(/not shown again/);
      otherToken = plain.stdout.trim();
    });

    it('lists tokens without ever printing them', async () => {
      const listed = await runCli(['token', 'list', '--tenant', 'acme', '--json'], store.env);
      expect(listed.code).toBe(0);
      expect(z.array(TokenJson).parse(JSON.parse(listed.stdout))).toEqual([record]);
      const table = await runCli(['token', 'list'], store.env);
      expect(table.stdout).toMatch(/^ID\s+TENANT\s+ROLE\s+LABEL\s+CREATED\s+REVOKED/);
      expect(table.stdout).toContain(record.id);
      expect(table.stdout).toContain('other');
      expect(table.stdout).not.toContain(token);
      expect(table.stdout).not.toContain(otherToken);
    });

    it('makes tokens the server accepts', async () => {
      // The CLI and the server share storage. A PGlite directory is one process's at a time, so the
      // in-process server is closed before the CLI runs again.
      const sql = await store.open();
      const server = await startTestServer(sql);
      try {
        const me = await server.client(token).get('/v1/me');
        expect(me.status).toBe(200);
        expect(WhoAmIResponseSchema.parse(me.body)).toEqual({ tenant: 'acme', role: 'admin', tokenId: record.id });
      } finally {
        await server.close();
        await sql.close();
      }
    });

    it('revokes a token, which the server then refuses', async () => {
      const revoked = await runCli(['token', 'revoke', record.id], store.env);
      expect(revoked.code, revoked.stderr).toBe(0);
      expect(revoked.stderr).toContain(`Revoked ${record.id}`);
      const after = z.array(TokenJson).parse(JSON.parse((await runCli(['token', 'list', '--tenant', 'acme', '--json'], store.env)).stdout));
      expect(after[0]?.revokedAt).toEqual(expect.any(String));

      const sql = await store.open();
      const server = await startTestServer(sql);
      try {
        expect((await server.client(token).get('/v1/me')).status).toBe(401);
        expect((await server.client(otherToken).get('/v1/me')).status).toBe(200);
      } finally {
        await server.close();
        await sql.close();
      }
    });

    it('says so when there is no token to revoke, exit 1', async () => {
      const unknown = await runCli(['token', 'revoke', 'tok_nope'], store.env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/No token with id "tok_nope"/);
    });

    // PGlite only (PostgreSQL serves any number of processes).
    if (backend.name === 'pglite') it('refuses to open a PGlite directory another process holds', async () => {
      const sql = await store.open();
      try {
        const r = await runCli(['token', 'list'], store.env);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(new RegExp(`in use by process ${process.pid}`));
        expect(r.stderr).toMatch(/DATABASE_URL/);
      } finally {
        await sql.close();
      }
    });
  });
});
