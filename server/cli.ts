import { parseArgs } from 'node:util';
import { RoleSchema, TenantIdSchema } from '../src/schema/api';
import { createToken, listTokens, revokeToken, TokenLabelSchema, type TokenRecord } from './auth/tokenStore';
import { ConfigError, describeStorage, loadConfig } from './config';
import { DataDirLockedError } from './db/dataDirLock';
import { openDatabase } from './db/openDatabase';
import type { Sql } from './db/sql';

const USAGE = `Usage: npm run waymark -- <command>

  token create --tenant <tenant> --role <employee|champion|admin> [--label <text>] [--json]
      Creates a token and prints it. This is the only time it is shown: only its hash is stored.
  token list [--tenant <tenant>] [--json]
      Lists tokens (ids, never the tokens themselves).
  token revoke <tokenId> [--json]
      Revokes a token at once.

Storage comes from the environment, as for the server: DATABASE_URL, else PGlite in DATA_DIR
(default ./.waymark-data). A PGlite directory serves one process: stop the server first.`;

/** Bad arguments: exit code 2, with the usage. */
class UsageError extends Error {}

type Command =
  | { kind: 'create'; tenant: string; role: 'employee' | 'champion' | 'admin'; label: string; json: boolean }
  | { kind: 'list'; tenant: string | undefined; json: boolean }
  | { kind: 'revoke'; id: string; json: boolean };

function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { tenant: { type: 'string' }, role: { type: 'string' }, label: { type: 'string' }, json: { type: 'boolean' } },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  const [noun, verb, ...rest] = positionals;
  const json = values.json ?? false;
  if (noun !== 'token') throw new UsageError(noun === undefined ? 'missing command' : `unknown command "${noun}"`);
  const allow = (allowed: string[]) => {
    const extra = Object.keys(values).filter((k) => !allowed.includes(k) && k !== 'json');
    if (extra.length > 0) throw new UsageError(`token ${verb ?? ''}: unexpected option --${extra[0]}`);
  };
  const tenantOf = (v: string) => {
    const r = TenantIdSchema.safeParse(v);
    if (!r.success) throw new UsageError(`--tenant "${v}": ${r.error.issues[0]?.message ?? 'invalid'}`);
    return r.data;
  };
  switch (verb) {
    case 'create': {
      allow(['tenant', 'role', 'label']);
      if (rest.length > 0) throw new UsageError(`token create: unexpected argument "${rest[0]}"`);
      if (values.tenant === undefined) throw new UsageError('token create: --tenant is required');
      if (values.role === undefined) throw new UsageError('token create: --role is required');
      const role = RoleSchema.safeParse(values.role);
      if (!role.success) throw new UsageError(`--role "${values.role}": must be one of employee, champion, admin`);
      const label = TokenLabelSchema.safeParse(values.label ?? '');
      if (!label.success) throw new UsageError(`--label: ${label.error.issues[0]?.message ?? 'invalid'}`);
      return { kind: 'create', tenant: tenantOf(values.tenant), role: role.data, label: label.data, json };
    }
    case 'list':
      allow(['tenant']);
      if (rest.length > 0) throw new UsageError(`token list: unexpected argument "${rest[0]}"`);
      return { kind: 'list', tenant: values.tenant === undefined ? undefined : tenantOf(values.tenant), json };
    case 'revoke': {
      allow([]);
      const [id, ...more] = rest;
      if (id === undefined) throw new UsageError('token revoke: which token? Give its id (see token list)');
      if (more.length > 0) throw new UsageError(`token revoke: unexpected argument "${more[0]}"`);
      return { kind: 'revoke', id, json };
    }
    default:
      throw new UsageError(verb === undefined ? 'token: missing subcommand' : `token: unknown subcommand "${verb}"`);
  }
}

const toJson = (t: TokenRecord) => ({
  id: t.id,
  tenant: t.tenant,
  role: t.role,
  label: t.label,
  createdAt: t.createdAt.toISOString(),
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

/** Runs one command; returns the exit code. */
async function run(cmd: Command, sql: Sql): Promise<number> {
  switch (cmd.kind) {
    case 'create': {
      const { record, secret } = await createToken(sql, cmd);
      if (cmd.json) console.log(JSON.stringify({ ...toJson(record), token: secret }));
      else {
        // The token alone on stdout, so `$(npm run -s waymark -- token create ...)` captures just it.
        console.error(`Created ${record.id} for tenant "${record.tenant}", role ${record.role}. Store it now: it is not shown again.`);
        console.log(secret);
      }
      return 0;
    }
    case 'list': {
      const tokens = await listTokens(sql, cmd.tenant);
      if (cmd.json) console.log(JSON.stringify(tokens.map(toJson)));
      else if (tokens.length === 0) console.error('No tokens.');
      else {
        const rows = tokens.map((t) => [
          t.id,
          t.tenant,
          t.role,
          t.label,
          t.createdAt.toISOString(),
          t.revokedAt?.toISOString() ?? '-',
        ]);
        console.log(table([['ID', 'TENANT', 'ROLE', 'LABEL', 'CREATED', 'REVOKED'], ...rows]));
      }
      return 0;
    }
    case 'revoke': {
      const t = await revokeToken(sql, cmd.id);
      if (t === null) {
        console.error(`No token with id "${cmd.id}" (see: token list).`);
        return 1;
      }
      if (cmd.json) console.log(JSON.stringify(toJson(t)));
      else console.error(`Revoked ${t.id} (tenant "${t.tenant}", role ${t.role}).`);
      return 0;
    }
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    console.error(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  let cmd: Command;
  try {
    cmd = parseCommand(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`waymark: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  let sql: Sql;
  try {
    const config = loadConfig();
    if (!cmd.json) console.error(`Using ${describeStorage(config)}`);
    sql = await openDatabase(config);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError) {
      console.error(`waymark: ${err.message}`);
      return 1;
    }
    throw err;
  }
  try {
    return await run(cmd, sql);
  } finally {
    await sql.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('waymark:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
