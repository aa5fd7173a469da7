import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ApiError, ApiIssue } from '../../src/schema/api';
import { zodIssues } from '../../src/schema/migrate';

/** A response body that does not match its schema: a server bug, answered 500 (never sent as is). */
export class ResponseValidationError extends Error {
  constructor(readonly issues: ApiIssue[]) {
    super(`response failed validation: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'ResponseValidationError';
  }
}

/**
 * Checks an outgoing body against its schema, returning what zod parsed (defaults applied, extras
 * stripped). Takes `unknown` because some bodies come straight from storage (jsonb documents);
 * `sendJson` is the typed entry for bodies built in code.
 */
export function validated<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw new ResponseValidationError(zodIssues(r.error));
  return r.data;
}

/** Sends `body` as JSON after validating it against `schema`. */
export function sendJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  body: z.input<S>,
  status: ContentfulStatusCode = 200,
): Response {
  return c.json(validated(schema, body) as object, status);
}

/** The one error shape: `{ error, issues? }`. */
export function sendError(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  issues?: ApiIssue[],
  headers?: Record<string, string>,
): Response {
  const body: ApiError = issues === undefined || issues.length === 0 ? { error } : { error, issues };
  return c.json(body, status, headers);
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/** Reads the request body as JSON; a missing or malformed body is a 400 naming the problem. */
export async function readJsonBody(c: Context): Promise<JsonBody> {
  const text = await c.req.text();
  if (text.trim() === '') return { ok: false, response: sendError(c, 400, 'request body is empty; expected JSON') };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return {
      ok: false,
      response: sendError(c, 400, 'request body is not valid JSON', [
        { path: '(root)', message: err instanceof Error ? err.message : 'malformed JSON' },
      ]),
    };
  }
}
