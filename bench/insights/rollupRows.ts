import type { WaymarkEvent } from '../../src/schema/event';
import { epochDay } from '../../src/metrics/insightWindow';

/** One `insight_daily` row (migration 0002). */
export interface RollupRow {
  kind: string;
  subject: string;
  detail: string;
  day: number;
  user_id: string;
  n: number;
  first_ts: number;
  min_index: number | null;
}

/**
 * The rollup rows ingest would produce for `events`: the same expressions as `ROLLUP_FACT_COLUMNS` and
 * `ROLLUP_UPSERT` (server/store/insightRollup.ts), in JavaScript, so that the benchmark can load
 * millions of events' worth of rollups without pushing every event through the ingest statement. The
 * benchmark checks the two agree on a sample before it trusts this.
 */
export function rollupRows(events: readonly WaymarkEvent[]): { daily: RollupRow[]; userDays: { day: number; user_id: string }[] } {
  const daily = new Map<string, RollupRow>();
  const userDays = new Map<string, { day: number; user_id: string }>();
  for (const e of events) {
    const r = e as Partial<Record<'flowId' | 'featureId' | 'templateId' | 'contentId' | 'stepId' | 'rating', string>> & {
      score?: number;
      stepIndex?: number;
    };
    const subject = r.flowId ?? r.featureId ?? r.templateId ?? r.contentId ?? '';
    const detail = r.stepId ?? (r.score !== undefined ? String(r.score) : undefined) ?? r.rating ?? '';
    const day = epochDay(e.ts);
    const key = `${e.type}\u0000${subject}\u0000${detail}\u0000${day}\u0000${e.userId}`;
    const had = daily.get(key);
    const index = r.stepIndex ?? null;
    if (had) {
      had.n++;
      had.first_ts = Math.min(had.first_ts, e.ts);
      if (index !== null) had.min_index = had.min_index === null ? index : Math.min(had.min_index, index);
    } else daily.set(key, { kind: e.type, subject, detail, day, user_id: e.userId, n: 1, first_ts: e.ts, min_index: index });
    userDays.set(`${day}\u0000${e.userId}`, { day, user_id: e.userId });
  }
  return { daily: [...daily.values()], userDays: [...userDays.values()] };
}
