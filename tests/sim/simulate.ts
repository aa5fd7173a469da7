import { uuidv7 } from '../../src/ids/uuidv7';
import type { NewEvent, WaymarkEvent } from '../../src/schema/event';
import type { FlowInput } from '../../src/schema/flow';
import { createRng, type Rng } from './rng';

/**
 * A seeded population of a company using Waymark for eight weeks, with the answers known by
 * construction: the simulator records what it made each user do (who reached which step, how long each
 * step took, who gave up where, which targets went missing after "release 2", who used a feature in
 * which weeks...), and `known` is computed from those records, not from the events.
 *
 * 300 users in 12 teams, two of which report no team (an admin maps them) and one of which is smaller
 * than the minimum group size; 6 users have no team at all; 5 users report a stale team that an admin
 * overrides.
 */

const DAY = 86_400_000;
export const SIM_START = Date.parse('2026-01-05T00:00:00.000Z'); // a Monday
export const SIM_DAYS = 56;
export const SIM_FROM = '2026-01-05';
export const SIM_TO = '2026-03-01';
/** The host app's "release 2": from this day one step's target goes missing for most people. */
export const RELEASE_DAY = 28;

export const TEAMS: readonly { name: string; size: number; reported: boolean }[] = [
  { name: 'sales', size: 52, reported: true },
  { name: 'support', size: 45, reported: true },
  { name: 'finance', size: 40, reported: true },
  { name: 'ops', size: 35, reported: true },
  { name: 'marketing', size: 30, reported: true },
  { name: 'legal', size: 25, reported: true },
  { name: 'hr', size: 20, reported: true },
  { name: 'it', size: 15, reported: true },
  { name: 'procurement', size: 12, reported: true },
  { name: 'research', size: 9, reported: true },
  { name: 'field', size: 8, reported: false },
  { name: 'exec', size: 3, reported: false },
];
export const UNASSIGNED_USERS = 6;
/** Sales users whose extension still reports this old team name; an admin maps them back to sales. */
export const STALE_TEAM = 'legacy-crm';
const STALE_USERS = 5;

interface SimStep {
  id: string;
  title: string;
  /** Mean time on the step, ms. */
  meanMs: number;
  /** Chance that someone who sees the step gives up there. */
  drop: number;
  /** Chance that the step's target is missing, before and from the release. */
  missing: [number, number];
}

interface SimFlow {
  id: string;
  name: string;
  baselineMinutes?: number;
  /** Chance that a user starts it. */
  reach: number;
  surveyChance: number;
  steps: SimStep[];
}

export const SIM_FLOWS: readonly SimFlow[] = [
  {
    id: 'create-deal',
    name: 'Create a deal',
    baselineMinutes: 12,
    reach: 0.75,
    surveyChance: 0.6,
    steps: [
      { id: 'open-deals', title: 'Open Deals', meanMs: 4000, drop: 0.05, missing: [0, 0] },
      { id: 'new-deal', title: 'Press New deal', meanMs: 6000, drop: 0.05, missing: [0, 0] },
      { id: 'deal-amount', title: 'Enter the amount', meanMs: 15000, drop: 0.03, missing: [0.02, 0.7] },
      { id: 'save-deal', title: 'Save the deal', meanMs: 3000, drop: 0.02, missing: [0, 0] },
    ],
  },
  {
    id: 'export-report',
    name: 'Export a report',
    baselineMinutes: 5,
    reach: 0.55,
    surveyChance: 0.5,
    steps: [
      { id: 'pick-report', title: 'Pick a report', meanMs: 5000, drop: 0.05, missing: [0, 0] },
      { id: 'choose-columns', title: 'Choose columns', meanMs: 25000, drop: 0.45, missing: [0, 0] },
      { id: 'download', title: 'Download', meanMs: 2000, drop: 0.02, missing: [0, 0] },
    ],
  },
  {
    id: 'setup-profile',
    name: 'Set up your profile',
    reach: 0.9,
    surveyChance: 0.7,
    steps: [
      { id: 'photo', title: 'Add a photo', meanMs: 8000, drop: 0.1, missing: [0, 0] },
      { id: 'signature', title: 'Write a signature', meanMs: 20000, drop: 0.1, missing: [0, 0] },
    ],
  },
];

export const SIM_FEATURES = [
  { id: 'pipeline-view', exposure: 0.9, adopt: 0.75 },
  { id: 'bulk-edit', exposure: 0.7, adopt: 0.5 },
  { id: 'ai-summary', exposure: 0.8, adopt: 0.6 },
] as const;

export const SIM_PROMPTS = ['summarize-email', 'draft-reply'] as const;

export interface SimUser {
  userId: string;
  installId: string;
  /** The team the user belongs to (null: none). */
  team: string | null;
  /** What the user's extension reports in `client.team`, if anything. */
  reportedTeam?: string;
  /** What an admin maps the user to, if anything. */
  adminTeam?: string;
  events: WaymarkEvent[];
}

/** The answers, over the whole eight weeks and the whole tenant, from the simulator's own records. */
export interface Known {
  flows: Record<
    string,
    {
      started: number;
      completed: number;
      completedRuns: number;
      dismissed: number;
      steps: { id: string; reached: number; shownEvents: number; missingEvents: number; durations: number[] }[];
      taskTimes: number[];
      surveyScores: number[];
      surveyRespondents: number;
    }
  >;
  features: Record<
    string,
    { uses: number; users: number; repeatUsers: number; withOutcome: number; ttfu: number[]; habitActive: number; habitual: number }
  >;
  prompts: Record<string, { uses: number; users: number; reusers: number; up: number; down: number }>;
  teamSizes: Map<string | null, number>;
}

export interface Simulation {
  users: SimUser[];
  flows: FlowInput[];
  known: Known;
}

function flowDoc(f: SimFlow): FlowInput {
  return {
    schemaVersion: 2,
    kind: 'flow',
    id: f.id,
    name: f.name,
    version: 1,
    status: 'published',
    match: ['https://crm.example.com/*'],
    start: 'launcher',
    steps: f.steps.map((s) => ({ id: s.id, title: s.title, body: [{ type: 'paragraph', children: [{ type: 'text', text: s.title }] }] })),
    ...(f.baselineMinutes !== undefined ? { baselineMinutes: f.baselineMinutes } : {}),
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** A time of day in working hours on `day`, not later than the end of the simulation. */
const workTime = (rng: Rng, day: number) => SIM_START + day * DAY + rng.int(8, 16) * 3_600_000 + rng.int(0, 3_599_999);

export function simulate(seed = 20260105): Simulation {
  const rng = createRng(seed);
  const end = SIM_START + SIM_DAYS * DAY;
  const users: SimUser[] = [];
  const known: Known = { flows: {}, features: {}, prompts: {}, teamSizes: new Map() };
  for (const f of SIM_FLOWS) {
    known.flows[f.id] = {
      started: 0,
      completed: 0,
      completedRuns: 0,
      dismissed: 0,
      steps: f.steps.map((s) => ({ id: s.id, reached: 0, shownEvents: 0, missingEvents: 0, durations: [] })),
      taskTimes: [],
      surveyScores: [],
      surveyRespondents: 0,
    };
  }
  for (const f of SIM_FEATURES) known.features[f.id] = { uses: 0, users: 0, repeatUsers: 0, withOutcome: 0, ttfu: [], habitActive: 0, habitual: 0 };
  for (const p of SIM_PROMPTS) known.prompts[p] = { uses: 0, users: 0, reusers: 0, up: 0, down: 0 };

  const teamOfIndex: (string | null)[] = [];
  for (const t of TEAMS) for (let i = 0; i < t.size; i++) teamOfIndex.push(t.name);
  for (let i = 0; i < UNASSIGNED_USERS; i++) teamOfIndex.push(null);
  let stale = 0;

  teamOfIndex.forEach((team, index) => {
    const userId = `p-${(index * 7919 + 104729).toString(36)}-${rng.int(0, 1e9).toString(36)}`;
    const spec = TEAMS.find((t) => t.name === team);
    const user: SimUser = { userId, installId: `install-${index}`, team, events: [] };
    if (spec?.reported) user.reportedTeam = spec.name;
    if (spec && !spec.reported) user.adminTeam = spec.name;
    if (team === 'sales' && stale < STALE_USERS) {
      stale++;
      user.reportedTeam = STALE_TEAM;
      user.adminTeam = 'sales';
    }
    known.teamSizes.set(team, (known.teamSizes.get(team) ?? 0) + 1);
    const raw: { ts: number; e: NewEvent }[] = [];
    const emit = (ts: number, e: NewEvent) => raw.push({ ts: Math.min(ts, end - 1), e });

    // Everyone opens the launcher at least once, so that everyone is active in the eight weeks.
    emit(workTime(rng, rng.int(0, SIM_DAYS - 1)), { type: 'content_shown', contentId: 'launcher', contentKind: 'launcher' });

    for (const f of SIM_FLOWS) {
      if (!rng.chance(f.reach)) continue;
      const k = known.flows[f.id];
      if (!k) continue;
      const ref = { flowId: f.id, flowVersion: 1 };
      const day = rng.int(0, SIM_DAYS - 3);
      const start = workTime(rng, day);
      emit(start, { type: 'flow_started', ...ref });
      k.started++;
      let t = start;
      let finished = true;
      let dismissed = false;
      const skipped = new Set<number>();
      for (const [i, s] of f.steps.entries()) {
        const ks = k.steps[i];
        if (!ks) continue;
        const sref = { ...ref, stepId: s.id, stepIndex: i };
        t += rng.int(500, 3000);
        emit(t, { type: 'step_shown', ...sref });
        ks.reached++;
        ks.shownEvents++;
        const missingChance = day >= RELEASE_DAY ? s.missing[1] : s.missing[0];
        if (rng.chance(missingChance)) {
          t += 8000;
          emit(t, { type: 'target_missing', ...sref, waitedMs: 8000 });
          ks.missingEvents++;
          if (rng.chance(0.5)) {
            emit(t + 1500, { type: 'step_skipped', ...sref });
            skipped.add(i);
            t += 1500;
            continue;
          }
          emit(t + 2000, { type: 'flow_dismissed', ...sref });
          dismissed = true;
          finished = false;
          break;
        }
        if (rng.chance(s.drop)) {
          if (rng.chance(0.6)) {
            emit(t + rng.int(2000, 20000), { type: 'flow_dismissed', ...sref });
            dismissed = true;
          }
          if (rng.chance(0.3)) emit(t + 1000, { type: 'step_confused', ...sref });
          finished = false;
          break;
        }
        const d = Math.round(s.meanMs * (0.3 + rng.next() * rng.next() * 3));
        t += d;
        emit(t, { type: 'step_completed', ...sref });
        ks.durations.push(d);
      }
      if (dismissed) k.dismissed++;
      if (!finished) continue;
      t += 1000;
      emit(t, { type: 'flow_completed', ...ref });
      k.completed++;
      k.completedRuns++;
      k.taskTimes.push(t - start);
      if (rng.chance(f.surveyChance)) {
        const score = rng.pick([1, 2, 3, 3, 4, 4, 4, 5, 5, 5]);
        emit(t + 3000, { type: 'survey_answered', ...ref, score, ...(rng.chance(0.2) ? { comment: 'Useful.' } : {}) });
        k.surveyScores.push(score);
        k.surveyRespondents++;
      }
      // Some people run the flow again later, straight through, to do the task again.
      if (rng.chance(0.3) && day + 2 < SIM_DAYS) {
        let r = workTime(rng, rng.int(day + 1, SIM_DAYS - 1));
        emit(r, { type: 'flow_started', ...ref });
        for (const [i, s] of f.steps.entries()) {
          const ks = k.steps[i];
          if (!ks) continue;
          r += 1000;
          emit(r, { type: 'step_shown', ...ref, stepId: s.id, stepIndex: i });
          ks.shownEvents++;
          r += Math.round(s.meanMs * 0.5);
          // A step skipped the first time is skipped again: its time is known from first completions only.
          emit(r, { type: skipped.has(i) ? 'step_skipped' : 'step_completed', ...ref, stepId: s.id, stepIndex: i });
        }
        emit(r + 1000, { type: 'flow_completed', ...ref });
        k.completedRuns++;
      }
    }

    const lastDay = SIM_DAYS - 1;
    for (const f of SIM_FEATURES) {
      if (!rng.chance(f.exposure)) continue;
      const k = known.features[f.id];
      if (!k) continue;
      const seenDay = rng.int(0, 41);
      const seen = workTime(rng, seenDay);
      emit(seen, { type: 'feature_seen', featureId: f.id });
      if (!rng.chance(f.adopt)) continue;
      const firstUse = Math.min(seen + rng.pick([2, 30, 600, 7_200, 86_400, 259_200]) * 1000 + rng.int(0, 999), end - DAY);
      const uses = [firstUse];
      const profile = rng.pick(['once', 'once', 'repeat', 'repeat', 'habit']);
      const firstDay = Math.floor((firstUse - SIM_START) / DAY);
      if (profile === 'repeat') for (let n = rng.int(1, 3); n > 0; n--) uses.push(workTime(rng, rng.int(firstDay + 1, lastDay)));
      if (profile === 'habit') for (let w = firstDay + 7; w <= lastDay; w += 7) if (rng.chance(0.85)) uses.push(workTime(rng, Math.min(lastDay, w + rng.int(0, 2))));
      const inSim = uses.filter((u) => u >= firstUse && u < end);
      let outcome = false;
      inSim.forEach((u, i) => {
        emit(u, { type: 'feature_used', featureId: f.id, firstUse: i === 0 });
        if (i > 0 && rng.chance(0.5)) {
          emit(u + 60_000, { type: 'feature_outcome', featureId: f.id });
          outcome = true;
        }
      });
      k.uses += inSim.length;
      k.users++;
      if (inSim.length >= 2) {
        k.repeatUsers++;
        if (outcome) k.withOutcome++;
      }
      k.ttfu.push(firstUse - seen);
      // Habit: the four 7-day periods ending on the last day.
      const periods = new Set(inSim.map((u) => Math.floor((lastDay - Math.floor((u - SIM_START) / DAY)) / 7)).filter((p) => p < 4));
      if (periods.size >= 1) k.habitActive++;
      if (periods.size >= 3) k.habitual++;
    }

    for (const p of SIM_PROMPTS) {
      if (!rng.chance(0.4)) continue;
      const k = known.prompts[p];
      if (!k) continue;
      const n = rng.int(1, 6);
      for (let i = 0; i < n; i++) {
        const ts = workTime(rng, rng.int(0, SIM_DAYS - 1));
        emit(ts, { type: 'prompt_used', templateId: p, firstUse: i === 0 });
        if (rng.chance(0.3)) {
          const rating = rng.chance(0.7) ? 'up' : 'down';
          emit(ts + 30_000, { type: 'prompt_rated', templateId: p, rating });
          k[rating]++;
        }
      }
      k.uses += n;
      k.users++;
      if (n >= 2) k.reusers++;
    }

    raw.sort((a, b) => a.ts - b.ts);
    const fill = (b: Uint8Array<ArrayBuffer>) => {
      for (let i = 0; i < b.length; i++) b[i] = rng.int(0, 255);
      return b;
    };
    user.events = raw.map((r, i) => ({ ...r.e, id: uuidv7(r.ts, fill), seq: i + 1, ts: r.ts, userId }) as WaymarkEvent);
    users.push(user);
  });
  return { users, flows: SIM_FLOWS.map(flowDoc), known };
}

/** Nearest-rank percentile, written out here so the ground truth does not borrow the code under test. */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1] ?? null;
}
