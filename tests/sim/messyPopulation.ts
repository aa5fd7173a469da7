import { uuidv7 } from '../../src/ids/uuidv7';
import type { NewEvent, WaymarkEvent } from '../../src/schema/event';
import type { FlowInput } from '../../src/schema/flow';
import { createRng, type Rng } from './rng';
import type { SimUser } from './simulate';

/**
 * A seeded population that is NOT well behaved, for checking that the collector's SQL and the pure
 * reference agree on data nobody designed the metrics around. Unlike `simulate`, it knows no answers:
 * it only makes the shapes real event streams have and the tidy simulator never does.
 *
 * - teams of 1 to 20 people (always one of at least 9 and one below the minimum group size), names with spaces, punctuation and non-ASCII letters; people with no team;
 *   teams known only from the admin's mapping; a stale reported team the admin overrides;
 * - flows run several times, abandoned without a dismiss, dismissed mid-way, restarted; steps shown
 *   twice, completed before they were shown, skipped; step and flow events without a start; a step
 *   index beyond the flow; events of a flow that was never published; a second published version
 *   with a step the first did not have;
 * - features seen after their first use or twice, a second "first use" (a reinstall), outcomes with
 *   and without uses; prompts re-used and rated more than once; surveys answered twice;
 * - events before the period (first uses that predate any range), at 00:00:00.000 and 23:59:59.999,
 *   and a period that starts on a Wednesday, so weeks are cut at both ends.
 */

const DAY = 86_400_000;
/** A Wednesday: the first and last ISO weeks of the period are partial. */
export const MESSY_START = Date.parse('2026-04-01T00:00:00.000Z');
export const MESSY_DAYS = 38;
export const MESSY_FROM = '2026-04-01';
export const MESSY_TO = '2026-05-08';
/** Some history before the period: first exposures and first uses that no range inside it contains. */
const HISTORY_DAYS = 12;

const TEAM_NAMES = ['Sales EMEA', 'r&d', 'Équipe Nord', 'ops/west', 'Kundenservice Ü', 'finance', 'legal (ext)', 'field', 'exec', 'data-ai'];
const SIZES = [1, 2, 3, 4, 5, 6, 9, 14, 20];

interface MessyStep {
  id: string;
  title: string;
}

const FLOW_A: MessyStep[] = [
  { id: 'open-record', title: 'Open the record' },
  { id: 'fill-amount', title: 'Fill in the amount' },
  { id: 'pick-stage', title: 'Pick the stage' },
  { id: 'save', title: 'Save' },
];
/** Version 2 of flow A inserts a step. */
const FLOW_A2: MessyStep[] = [FLOW_A[0]!, FLOW_A[1]!, { id: 'attach-quote', title: 'Attach the quote' }, FLOW_A[2]!, FLOW_A[3]!];
const FLOW_B: MessyStep[] = [
  { id: 'open-inbox', title: 'Open the inbox' },
  { id: 'ask-ai', title: 'Ask the assistant' },
  { id: 'send', title: 'Send the reply' },
];
export const MESSY_FEATURES = ['bulk-edit', 'ai-summary', 'saved-views'] as const;
export const MESSY_PROMPTS = ['summarise-thread', 'polite-no'] as const;

export interface MessyPopulation {
  /** Published in this order: flow A version 1, flow B, then flow A version 2. */
  flows: FlowInput[];
  users: SimUser[];
}

function flowDoc(id: string, name: string, steps: MessyStep[], baselineMinutes?: number): FlowInput {
  return {
    schemaVersion: 2,
    kind: 'flow',
    id,
    name,
    version: 1,
    status: 'published',
    match: ['https://app.example.com/*'],
    start: 'launcher',
    steps: steps.map((s) => ({ id: s.id, title: s.title, body: [{ type: 'paragraph', children: [{ type: 'text', text: s.title }] }] })),
    ...(baselineMinutes !== undefined ? { baselineMinutes } : {}),
    updatedAt: '2026-03-01T00:00:00.000Z',
  };
}

/** A time on `day` (may be negative: before the period): mostly working hours, sometimes the very edges of the day. */
function timeOn(rng: Rng, day: number): number {
  const base = MESSY_START + day * DAY;
  const r = rng.next();
  if (r < 0.04) return base;
  if (r < 0.08) return base + DAY - 1;
  return base + rng.int(7, 19) * 3_600_000 + rng.int(0, 3_599_999);
}

export function messyPopulation(seed: number): MessyPopulation {
  const rng = createRng(seed);
  const end = MESSY_START + MESSY_DAYS * DAY;
  // Any sizes, but always one team big enough to be shown and one too small to be.
  const teams = TEAM_NAMES.slice(0, rng.int(4, TEAM_NAMES.length)).map((name, i, all) => ({
    name,
    size: i === 0 ? rng.int(9, 20) : i === all.length - 1 ? rng.int(1, 4) : rng.pick(SIZES),
    reported: rng.chance(0.7),
  }));
  const members: (string | null)[] = teams.flatMap((t) => Array.from({ length: t.size }, () => t.name));
  for (let i = rng.int(0, 4); i > 0; i--) members.push(null);

  const users: SimUser[] = [];
  members.forEach((team, n) => {
    const userId = `m${seed}-${String(n).padStart(3, '0')}`;
    const user: SimUser = { userId, installId: `install-${userId}`, team, events: [] };
    const info = teams.find((t) => t.name === team);
    if (team !== null && info) {
      if (info.reported && rng.chance(0.9)) user.reportedTeam = team;
      else user.adminTeam = team;
      // A stale name still reported by an old install; the admin's mapping wins.
      if (user.reportedTeam !== undefined && rng.chance(0.08)) {
        user.reportedTeam = 'old-team-name';
        user.adminTeam = team;
      }
    }
    const raw: { ts: number; e: NewEvent }[] = [];
    const emit = (ts: number, e: NewEvent) => raw.push({ ts: Math.max(MESSY_START - HISTORY_DAYS * DAY, Math.min(ts, end - 1)), e });
    const anyDay = () => rng.int(-HISTORY_DAYS, MESSY_DAYS - 1);
    const periodDay = () => rng.int(0, MESSY_DAYS - 1);

    // Some people are active only before the period, or on a single day.
    const activeDays = rng.chance(0.1) ? [rng.int(-HISTORY_DAYS, -1)] : Array.from({ length: rng.int(1, 9) }, anyDay);
    for (const d of activeDays) emit(timeOn(rng, d), { type: 'content_shown', contentId: 'launcher', contentKind: rng.pick(['launcher', 'tip', 'beacon', 'checklist'] as const) });

    const runFlow = (flowId: string, version: number, steps: MessyStep[]) => {
      const ref = { flowId, flowVersion: version };
      let t = timeOn(rng, version === 2 ? rng.int(MESSY_DAYS - 14, MESSY_DAYS - 1) : anyDay());
      if (!rng.chance(0.05)) emit(t, { type: 'flow_started', ...ref });
      for (let i = 0; i < steps.length; i++) {
        const s = steps[i]!;
        const sref = { ...ref, stepId: s.id, stepIndex: i };
        t += rng.int(0, 90_000);
        const completedFirst = rng.chance(0.03);
        if (completedFirst) emit(t - rng.int(1, 5000), { type: 'step_completed', ...sref });
        if (!rng.chance(0.03)) emit(t, { type: 'step_shown', ...sref });
        if (rng.chance(0.15)) emit(t + rng.int(0, 20_000), { type: 'step_shown', ...sref });
        if (rng.chance(0.08)) emit(t + 500, { type: rng.chance(0.8) ? 'target_missing' : 'target_ambiguous', ...sref, waitedMs: rng.int(0, 8000), ...(rng.chance(0.5) ? { confidence: rng.int(0, 100) / 100 } : {}) });
        if (rng.chance(0.05)) emit(t + 800, { type: 'step_confused', ...sref });
        const r = rng.next();
        if (r < 0.1) {
          emit(t + rng.int(100, 4000), { type: 'flow_dismissed', ...sref });
          return;
        }
        if (r < 0.16) return; // abandoned: the tab closed
        t += rng.int(200, 60_000);
        if (!completedFirst) emit(t, { type: rng.chance(0.1) ? 'step_skipped' : 'step_completed', ...sref });
      }
      // A step the document does not have (a stale install), now and then.
      if (rng.chance(0.03)) emit(t + 10, { type: 'step_shown', ...ref, stepId: 'removed-step', stepIndex: steps.length + 2 });
      emit(t + rng.int(10, 3000), { type: 'flow_completed', ...ref });
      if (rng.chance(0.5)) emit(t + 5000, { type: 'survey_answered', ...ref, score: rng.int(1, 5) });
      if (rng.chance(0.05)) emit(t + 9000, { type: 'survey_answered', ...ref, score: rng.int(1, 5), comment: 'Again.' });
    };
    for (let i = rng.chance(0.6) ? rng.int(1, 3) : 0; i > 0; i--) runFlow('deal-flow', 1, FLOW_A);
    if (rng.chance(0.3)) runFlow('deal-flow', 2, FLOW_A2);
    for (let i = rng.chance(0.4) ? rng.int(1, 2) : 0; i > 0; i--) runFlow('mail-flow', 1, FLOW_B);
    if (rng.chance(0.05)) runFlow('never-published', 1, FLOW_B);
    // A step event with no start and no document behind its index.
    if (rng.chance(0.04)) emit(timeOn(rng, periodDay()), { type: 'step_shown', flowId: 'mail-flow', flowVersion: 1, stepId: 'send', stepIndex: 2 });

    for (const f of MESSY_FEATURES) {
      if (!rng.chance(0.6)) continue;
      const seenDay = anyDay();
      if (rng.chance(0.8)) emit(timeOn(rng, seenDay), { type: 'feature_seen', featureId: f });
      if (rng.chance(0.05)) emit(timeOn(rng, anyDay()), { type: 'feature_seen', featureId: f });
      const uses = rng.chance(0.25) ? 0 : rng.int(1, 10);
      for (let i = 0; i < uses; i++) {
        const ts = timeOn(rng, rng.chance(0.7) ? rng.int(seenDay, MESSY_DAYS - 1) : anyDay());
        emit(ts, { type: 'feature_used', featureId: f, firstUse: i === 0 || rng.chance(0.03) });
        if (rng.chance(0.3)) emit(ts + rng.int(1000, 60_000), { type: 'feature_outcome', featureId: f });
      }
      if (uses === 0 && rng.chance(0.1)) emit(timeOn(rng, periodDay()), { type: 'feature_outcome', featureId: f });
    }

    for (const p of MESSY_PROMPTS) {
      if (!rng.chance(0.45)) continue;
      for (let i = rng.int(1, 7); i > 0; i--) {
        const ts = timeOn(rng, anyDay());
        emit(ts, { type: 'prompt_used', templateId: p, firstUse: i === 1 || rng.chance(0.03) });
        for (let r = rng.chance(0.35) ? rng.int(1, 2) : 0; r > 0; r--) emit(ts + 20_000 * r, { type: 'prompt_rated', templateId: p, rating: rng.chance(0.6) ? 'up' : 'down' });
      }
    }

    raw.sort((a, b) => a.ts - b.ts);
    const fill = (b: Uint8Array<ArrayBuffer>) => {
      for (let i = 0; i < b.length; i++) b[i] = rng.int(0, 255);
      return b;
    };
    user.events = raw.map((r, i) => ({ ...r.e, id: uuidv7(r.ts, fill), seq: i + 1, ts: r.ts, userId }) as WaymarkEvent);
    users.push(user);
  });
  return {
    flows: [flowDoc('deal-flow', 'Create a deal', FLOW_A, 6), flowDoc('mail-flow', 'Answer with the assistant', FLOW_B), flowDoc('deal-flow', 'Create a deal', FLOW_A2, 6)],
    users,
  };
}
