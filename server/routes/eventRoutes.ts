import { Hono } from 'hono';
import { IngestRequestSchema, IngestResponseSchema, type EventResult } from '../../src/schema/api';
import type { WaymarkEvent } from '../../src/schema/event';
import { zodIssues } from '../../src/schema/migrate';
import { requireRole } from '../auth/requireRole';
import type { AppEnv } from '../http/appEnv';
import { readJsonBody, sendError, sendJson } from '../http/reply';
import { recordClient } from '../store/clientStore';
import { insertEvents, unstorableIssues } from '../store/eventStore';
import { recordReportedTeam } from '../store/teamStore';
import type { RouteDeps } from './routeDeps';
import { unsupportedVerdict } from './unsupportedVerdict';

/** The id of an event that failed validation, when it has a string one, so the client can match it up. */
function idOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'string' ? id.slice(0, 64) : null;
}

/**
 * POST /v1/events, employee: a batch of events, each judged on its own. The answer is 200 with one
 * verdict per event, in order, whenever the envelope is valid: a bad event is rejected, its
 * neighbours are stored. A client that lists `unsupported` in `client.verdicts` is told which events
 * are only newer than this collector (`unsupportedVerdict`); any other client gets `rejected` for them,
 * with the same issues as before that verdict existed, which is what its answer schema can read.
 */
export function eventRoutes({ sql, auth, events, version }: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/events', auth, requireRole('employee'), async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const req = IngestRequestSchema.safeParse(body.value);
    if (!req.success) return sendError(c, 400, 'invalid ingest request', zodIssues(req.error));
    const { tenant } = c.get('principal');

    const results: EventResult[] = [];
    const valid: { index: number; event: WaymarkEvent }[] = [];
    const understandsUnsupported = req.data.client?.verdicts?.includes('unsupported') ?? false;
    req.data.events.forEach((raw, index) => {
      const parsed = events.schema.safeParse(raw);
      const unsupported = !parsed.success && understandsUnsupported ? unsupportedVerdict(raw, parsed.error, events.types) : null;
      if (unsupported) {
        results[index] = unsupported;
        return;
      }
      const issues = parsed.success ? unstorableIssues(parsed.data, ['events', index]) : zodIssues(parsed.error, ['events', index]);
      if (parsed.success && issues.length === 0) valid.push({ index, event: parsed.data });
      else results[index] = { id: idOf(raw), status: 'rejected', issues };
    });

    // The team the browser's policy or settings name, for the users of this batch (an admin's mapping
    // wins). Recorded first, so that a new user's events are counted for their team as they are stored.
    const team = req.data.client?.team;
    if (team !== undefined) await recordReportedTeam(sql, tenant, valid.map((v) => v.event.userId), team);
    const inserted = await insertEvents(sql, tenant, valid.map((v) => v.event));
    // The first occurrence of an id claims "stored"; a repeat within the batch is a duplicate of it.
    for (const { index, event } of valid) {
      results[index] = { id: event.id, status: inserted.delete(event.id) ? 'stored' : 'duplicate' };
    }
    if (req.data.client !== undefined) await recordClient(sql, tenant, req.data.client);
    return sendJson(c, IngestResponseSchema, { results, collector: { version } });
  });
}
