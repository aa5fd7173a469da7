/**
 * A sample population for the demo's collector, so the champion's Insights page has something to show
 * on the first run: the seeded simulator's 300 people in 12 teams over 8 weeks (tests/sim), moved in time
 * (by whole weeks) to end this week, sent through the collector's real API as their browsers would
 * send them (POST /v1/events in batches, with each browser's reported team), with its flows published
 * and an admin's team mapping. Pseudonymous ids only, as everywhere.
 */
import { AdminFlowListResponseSchema, INGEST_MAX_EVENTS } from '../src/schema/api';
import { simulate, SIM_DAYS, SIM_START, type Simulation } from '../tests/sim/simulate';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export interface SampleTokens {
  employee: string;
  admin: string;
}

/** How far to move the simulation so that it ends at `now` or just before, keeping its weekdays. */
export function sampleShift(now: number): number {
  return Math.floor((now - (SIM_START + SIM_DAYS * DAY)) / WEEK) * WEEK;
}

/**
 * POSTs JSON to the collector with a token. A 429 (the token's rate limit: every simulated browser
 * shares one token) is retried after its Retry-After, as the extension's sync engine does.
 */
export async function postRetrying(serverUrl: string, token: string, path: string, body: unknown): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const r = await fetch(`${serverUrl}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (r.status !== 429 || attempt >= 30) return r;
    await r.body?.cancel();
    await new Promise((res) => setTimeout(res, 1000 * Number(r.headers.get('Retry-After') ?? '1')));
  }
}

/**
 * The simulated people's events as their browsers send them: per browser, batches of at most
 * `INGEST_MAX_EVENTS` with the browser's reported team; timestamps moved by `shift` milliseconds.
 */
export function browserBatches(users: Simulation['users'], shift = 0): IngestBatch[] {
  return users.flatMap((u) => {
    const events = shift === 0 ? u.events : u.events.map((e) => ({ ...e, ts: e.ts + shift }));
    const out: IngestBatch[] = [];
    for (let i = 0; i < events.length; i += INGEST_MAX_EVENTS) {
      out.push({ events: events.slice(i, i + INGEST_MAX_EVENTS), client: { installId: u.installId, ...(u.reportedTeam ? { team: u.reportedTeam } : {}) } });
    }
    return out;
  });
}

interface IngestBatch {
  events: unknown[];
  client: { installId: string; team?: string };
}

async function expectOk(what: string, r: Promise<Response>): Promise<void> {
  const res = await r;
  if (!res.ok) throw new Error(`demo: ${what} failed: HTTP ${res.status} ${await res.text()}`);
  await res.body?.cancel();
}

/**
 * Loads the sample population into the collector at `serverUrl`, unless an earlier demo run did (its
 * flows are published there); returns how many people and events were sent, and the sample's flows.
 */
export async function loadSamplePopulation(
  serverUrl: string,
  tokens: SampleTokens,
  now = Date.now(),
): Promise<{ people: number; events: number; flows: unknown[]; alreadyThere: boolean }> {
  const sim = simulate();
  const listed = await fetch(`${serverUrl}/v1/admin/flows`, { headers: { Authorization: `Bearer ${tokens.admin}` } });
  if (!listed.ok) throw new Error(`demo: listing the collector's flows failed: HTTP ${listed.status}`);
  const published = new Set(AdminFlowListResponseSchema.parse(await listed.json()).flows.map((f) => f.id));
  if (sim.flows.every((f) => published.has(f.id))) return { people: sim.users.length, events: 0, flows: sim.flows, alreadyThere: true };
  const shift = sampleShift(now);
  for (const f of sim.flows) await expectOk(`publishing the sample flow ${f.id}`, postRetrying(serverUrl, tokens.admin, '/v1/admin/flows', f));
  const batches = browserBatches(sim.users, shift);
  let events = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let b = batches.shift(); b !== undefined; b = batches.shift()) {
        await expectOk('sending the sample events', postRetrying(serverUrl, tokens.employee, '/v1/events', b));
        events += b.events.length;
      }
    }),
  );
  const assignments = sim.users.flatMap((u) => (u.adminTeam !== undefined ? [{ userId: u.userId, team: u.adminTeam }] : []));
  await expectOk('mapping the sample teams', postRetrying(serverUrl, tokens.admin, '/v1/admin/teams', { assignments }));
  return { people: sim.users.length, events, flows: sim.flows, alreadyThere: false };
}
