import type { TenantId } from '../../src/schema/api';
import { FlowSchema } from '../../src/schema/flow';
import { emptyFlowAggregate, flowDefOf, type FlowAggregate, type FlowDef, type StepAggregate } from '../../src/metrics/flowAggregate';
import type { DayRange } from '../../src/metrics/insightWindow';
import type { SqlQueryable } from '../db/sql';
import { num, numOrNull, str } from './rowValues';
import { teamClause } from './teamStore';

/** What narrows an insights query: the range, and optionally a team and one subject (flow, feature, template). */
export interface InsightFilter {
  range: DayRange;
  team?: string;
  subject?: string;
}

/**
 * `WHERE` for `insight_daily d` in the range, with parameters $1 tenant, $2 from day, $3 to day, then
 * the team and the subject when given. Returns the clause and the parameter list.
 */
export function dailyWhere(tenant: TenantId, f: InsightFilter, kinds: readonly string[]): { where: string; params: unknown[] } {
  const params: unknown[] = [tenant, f.range.fromDay, f.range.toDay];
  let where = `d.tenant = $1 AND d.day BETWEEN $2 AND $3 AND d.kind IN (${kinds.map((k) => `'${k}'`).join(', ')})`;
  if (f.team !== undefined) {
    params.push(f.team);
    where += ` ${teamClause('d', params.length)}`;
  }
  if (f.subject !== undefined) {
    params.push(f.subject);
    where += ` AND d.subject = $${params.length}`;
  }
  return { where, params };
}

const STEP_KINDS = ['step_shown', 'step_completed', 'step_skipped', 'flow_dismissed', 'target_missing', 'target_ambiguous', 'step_confused'];
const FLOW_KINDS = [...STEP_KINDS, 'flow_started', 'flow_completed', 'survey_answered'];
const WEEK = '(d.day - (d.day + 3) % 7)';

/** The SQL twin of `flowAggregates` (src/metrics/flowAggregate.ts), over the rollups. */
export async function flowAggregatesSql(sql: SqlQueryable, tenant: TenantId, f: InsightFilter): Promise<Map<string, FlowAggregate>> {
  const counts = dailyWhere(tenant, f, FLOW_KINDS);
  // First one row per (flow, kind, detail, user) (a hash aggregate, no sort of the whole range), then
  // people per (flow, kind, detail), and per (flow, kind) for the kinds whose detail splits one person
  // over several rows (a dismissal at any step, an answer of any score).
  const countRows = await sql.query(
    `WITH per_user AS (
       SELECT d.subject, d.kind, d.detail, d.user_id, sum(d.n) AS n, min(d.min_index) AS mi
       FROM insight_daily d WHERE ${counts.where}
       GROUP BY 1, 2, 3, 4)
     SELECT subject, kind, detail, 0 AS whole, count(*) AS users, sum(n) AS events, min(mi) AS min_index
     FROM per_user GROUP BY 1, 2, 3
     UNION ALL
     SELECT subject, kind, '', 1, count(DISTINCT user_id), sum(n), NULL
     FROM per_user WHERE kind IN ('flow_dismissed', 'survey_answered') GROUP BY 1, 2`,
    counts.params,
  );
  const timed = (startKind: string, endKind: string, byDetail: boolean) => {
    const w = dailyWhere(tenant, f, [startKind, endKind]);
    const detail = byDetail ? 'd.detail' : "''";
    return sql.query(
      `WITH firsts AS (
         SELECT d.subject, ${detail} AS detail, d.user_id,
                min(d.first_ts) FILTER (WHERE d.kind = '${startKind}') AS s,
                min(d.first_ts) FILTER (WHERE d.kind = '${endKind}') AS e
         FROM insight_daily d WHERE ${w.where}
         GROUP BY 1, 2, 3)
       SELECT subject, detail, count(*) AS n,
              percentile_disc(0.5) WITHIN GROUP (ORDER BY e - s) AS median,
              percentile_disc(0.9) WITHIN GROUP (ORDER BY e - s) AS p90
       FROM firsts WHERE e >= s GROUP BY 1, 2`,
      w.params,
    );
  };
  const weeklyW = dailyWhere(tenant, f, ['flow_started', 'flow_completed']);
  const [stepTimes, taskTimes, weekly] = [
    await timed('step_shown', 'step_completed', true),
    await timed('flow_started', 'flow_completed', false),
    await sql.query(
      `SELECT d.subject, d.kind, ${WEEK} AS week, count(DISTINCT d.user_id) AS users
       FROM insight_daily d WHERE ${weeklyW.where} GROUP BY 1, 2, 3`,
      weeklyW.params,
    ),
  ];

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
  for (const r of countRows.rows) {
    const a = flow(str(r.subject));
    const kind = str(r.kind);
    const users = num(r.users);
    const events = num(r.events);
    if (num(r.whole) === 1) {
      if (kind === 'flow_dismissed') a.dismissed = users;
      else if (kind === 'survey_answered') a.survey.respondents = users;
      continue;
    }
    // Flow-level kinds have no detail: their one row is already per flow.
    if (kind === 'flow_started') a.started = users;
    else if (kind === 'flow_completed') {
      a.completed = users;
      a.completedRuns = events;
    }
    const detail = str(r.detail);
    if (kind === 'survey_answered') {
      const score = Number(detail);
      if (Number.isInteger(score) && score >= 1 && score <= 5) {
        a.survey.distribution[score - 1] = events;
        a.survey.answers += events;
        a.survey.scoreSum += events * score;
      }
      continue;
    }
    if (!STEP_KINDS.includes(kind)) continue;
    const s = step(a.flowId, detail);
    const minIndex = numOrNull(r.min_index);
    if (minIndex !== null) s.minIndex = Math.min(s.minIndex, minIndex);
    if (kind === 'step_shown') {
      s.reached = users;
      s.shownEvents = events;
    } else if (kind === 'target_missing') s.missingEvents = events;
    else if (kind === 'step_confused') s.confusedEvents = events;
  }
  for (const r of stepTimes.rows) {
    step(str(r.subject), str(r.detail)).time = { n: num(r.n), median: numOrNull(r.median), p90: numOrNull(r.p90) };
  }
  for (const r of taskTimes.rows) flow(str(r.subject)).task = { n: num(r.n), median: numOrNull(r.median), p90: numOrNull(r.p90) };
  for (const r of weekly.rows) {
    const a = flow(str(r.subject));
    (str(r.kind) === 'flow_started' ? a.weeklyStarted : a.weeklyCompleted).set(num(r.week), num(r.users));
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
