import type { TenantId } from '../../src/schema/api';
import { FlowSchema } from '../../src/schema/flow';
import { emptyFlowAggregate, flowDefOf, type FlowAggregate, type FlowDef, type StepAggregate } from '../../src/metrics/flowAggregate';
import type { DayRange } from '../../src/metrics/insightWindow';
import type { SqlQueryable } from '../db/sql';
import { num, numOrNull, str } from './rowValues';
import { peopleSql, type EventTotal } from './insightPeople';
import { spanQuantilesSql } from './insightSpans';

/** What narrows an insights query: the range, and optionally a team and one subject (flow, feature, template). */
export interface InsightFilter {
  range: DayRange;
  team?: string;
  subject?: string;
}

const STEP_KINDS = ['step_shown', 'step_completed', 'step_skipped', 'flow_dismissed', 'target_missing', 'target_ambiguous', 'step_confused'];
const FLOW_KINDS = [...STEP_KINDS, 'flow_started', 'flow_completed', 'survey_answered'];

/**
 * Events and the smallest step index per (kind, subject, detail) in the range: for the tenant from
 * `insight_day_totals`, for one team from `insight_team_totals` (a few rows per day either way).
 */
export async function eventTotalsSql(sql: SqlQueryable, tenant: TenantId, f: InsightFilter, kinds: readonly string[]): Promise<EventTotal[]> {
  const params: unknown[] = [tenant, f.range.fromDay, f.range.toDay];
  let where = `d.tenant = $1 AND d.day BETWEEN $2 AND $3 AND d.kind IN (${kinds.map((k) => `'${k}'`).join(', ')})`;
  if (f.subject !== undefined) {
    params.push(f.subject);
    where += ` AND d.subject = $${params.length}`;
  }
  let query: string;
  if (f.team === undefined) {
    query = `SELECT d.kind, d.subject, d.detail, sum(d.n) AS events, min(d.min_index) AS min_index FROM insight_day_totals d WHERE ${where} GROUP BY 1, 2, 3`;
  } else {
    params.push(f.team);
    // Counts of 0 are what people who left the team leave behind: neither their events nor their step indexes count.
    query = `SELECT d.kind, d.subject, d.detail, sum(d.n) AS events, min(NULLIF(d.step_index, -1)) FILTER (WHERE d.n > 0) AS min_index
             FROM insight_team_totals d WHERE ${where} AND d.team = $${params.length} GROUP BY 1, 2, 3 HAVING sum(d.n) > 0`;
  }
  const { rows } = await sql.query(query, params);
  return rows.map((r) => ({ kind: str(r.kind), subject: str(r.subject), detail: str(r.detail), events: num(r.events), minIndex: numOrNull(r.min_index) }));
}

/** The SQL twin of `flowAggregates` (src/metrics/flowAggregate.ts), over the rollups. */
export async function flowAggregatesSql(sql: SqlQueryable, tenant: TenantId, f: InsightFilter): Promise<Map<string, FlowAggregate>> {
  const totals = await eventTotalsSql(sql, tenant, f, FLOW_KINDS);
  const people = {
    range: f.range,
    ...(f.team !== undefined ? { team: f.team } : {}),
  };
  const flowKeys = (kinds: readonly string[], level: 0 | 1) => ({ level, kinds, ...(f.subject !== undefined ? { subject: f.subject } : {}) });
  const counts = await peopleSql(sql, tenant, {
    ...people,
    keys: [flowKeys(['step_shown', 'flow_started', 'flow_completed'], 0), flowKeys(['flow_dismissed', 'survey_answered'], 1)],
  });
  const weekly = await peopleSql(sql, tenant, { ...people, weekly: true, keys: [flowKeys(['flow_started', 'flow_completed'], 0)] });
  // Per person, first end − first start in the range: exact for any range from insight_spans (insightSpans.ts).
  const times = (metric: 'step' | 'task') => spanQuantilesSql(sql, tenant, { ...f, metric });
  const [stepTimes, taskTimes] = [await times('step'), await times('task')];

  const out = new Map<string, FlowAggregate>();
  const flow = (id: string) => {
    let a = out.get(id);
    if (!a) out.set(id, (a = emptyFlowAggregate(id)));
    return a;
  };
  const steps = new Map<string, Map<string, StepAggregate>>();
  const step = (flowId: string, stepId: string) => {
    let m = steps.get(flowId);
    if (!m) steps.set(flowId, (m = new Map()));
    let s = m.get(stepId);
    if (!s) {
      s = { stepId, minIndex: Number.MAX_SAFE_INTEGER, reached: 0, shownEvents: 0, missingEvents: 0, confusedEvents: 0, time: { n: 0, median: null, p90: null } };
      m.set(stepId, s);
    }
    return s;
  };
  for (const t of totals) {
    const a = flow(t.subject);
    if (t.kind === 'flow_completed') a.completedRuns = t.events;
    if (t.kind === 'survey_answered') {
      const score = Number(t.detail);
      if (Number.isInteger(score) && score >= 1 && score <= 5) {
        a.survey.distribution[score - 1] = t.events;
        a.survey.answers += t.events;
        a.survey.scoreSum += t.events * score;
      }
      continue;
    }
    if (!STEP_KINDS.includes(t.kind)) continue;
    const s = step(a.flowId, t.detail);
    if (t.minIndex !== null) s.minIndex = Math.min(s.minIndex, t.minIndex);
    if (t.kind === 'step_shown') s.shownEvents = t.events;
    else if (t.kind === 'target_missing') s.missingEvents = t.events;
    else if (t.kind === 'step_confused') s.confusedEvents = t.events;
  }
  for (const c of counts) {
    const a = flow(c.subject);
    if (c.kind === 'flow_started') a.started = c.users;
    else if (c.kind === 'flow_completed') a.completed = c.users;
    else if (c.kind === 'flow_dismissed') a.dismissed = c.users;
    else if (c.kind === 'survey_answered') a.survey.respondents = c.users;
    else if (c.kind === 'step_shown') step(c.subject, c.detail).reached = c.users;
  }
  for (const t of stepTimes) step(t.subject, t.detail).time = t.time;
  for (const t of taskTimes) flow(t.subject).task = t.time;
  for (const w of weekly) {
    if (w.week === null) continue;
    const a = flow(w.subject);
    (w.kind === 'flow_started' ? a.weeklyStarted : a.weeklyCompleted).set(w.week, w.users);
  }
  for (const [flowId, m] of steps) flow(flowId).steps = [...m.values()];
  return out;
}

/** The latest published (or retired) version of every flow the tenant ever published. */
export async function flowDefs(sql: SqlQueryable, tenant: TenantId): Promise<FlowDef[]> {
  const { rows } = await sql.query(
    `SELECT v.doc FROM flows f
     JOIN flow_versions v ON v.tenant = f.tenant AND v.flow_id = f.flow_id AND v.version = f.latest_version
     WHERE f.tenant = $1`,
    [tenant],
  );
  // Stored documents were validated when published; one that no longer parses is left out, not fatal.
  return rows.flatMap((r) => {
    const p = FlowSchema.safeParse(r.doc);
    return p.success ? [flowDefOf(p.data)] : [];
  });
}
