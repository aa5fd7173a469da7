import type { TenantId } from '../../src/schema/api';
import type { DayRange } from '../../src/metrics/insightWindow';
import type { SqlQueryable } from '../db/sql';
import type { PairLevel } from './insightPairs';
import { num, str } from './rowValues';

/** The Monday (epoch day) of `day`'s ISO week, in SQL (1970-01-01 was a Thursday), as `mondayOf` computes it. */
export const weekOf = (day: string) => `(${day} - (${day} + 3) % 7)`;

/** One count of people from `insight_pairs`: distinct users with an event of the key in the range (or week). */
export interface PeopleRow {
  team: string | null;
  level: PairLevel;
  kind: string;
  subject: string;
  detail: string;
  /** The ISO week's Monday, for weekly counts; null for the whole range. */
  week: number | null;
  users: number;
}

export interface PeopleQuery {
  range: DayRange;
  /** Only this team's people; undefined: everyone. */
  team?: string;
  /** Which keys: `level` and, optionally, kinds and one subject. */
  keys: readonly { level: PairLevel; kinds?: readonly string[]; subject?: string }[];
  /** Per ISO week (clipped to the range) instead of over the whole range. */
  weekly?: boolean;
  /** Per team instead of summed over teams. */
  byTeam?: boolean;
  /** Only people whose first day of the key ever is in the range (the pair with no day before it). */
  firstEver?: boolean;
}

/**
 * Distinct people per key (see insightPairs.ts for why this is exact for any range): a user counts once
 * in [a, b] through the pair whose day is their first day of the key in the range, the one with
 * a <= day <= b and prev < a. Weekly: the same with a replaced by the later of the range's start and the
 * Monday of the pair's day. A sum of 0 (pairs that moved to another team leave rows of 0) is no row.
 */
export async function peopleSql(sql: SqlQueryable, tenant: TenantId, q: PeopleQuery): Promise<PeopleRow[]> {
  // No event has a day before 0 (ts >= 0): a range starting earlier is one starting on day 0, which the
  // pairs' "prev < a" needs (a first pair's prev is -1).
  const params: unknown[] = [tenant, Math.max(0, q.range.fromDay), q.range.toDay];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const keys = q.keys.map((k) => {
    let c = `p.level = ${k.level}`;
    if (k.kinds !== undefined) c += ` AND p.kind IN (${k.kinds.map((x) => p(x)).join(', ')})`;
    if (k.subject !== undefined) c += ` AND p.subject = ${p(k.subject)}`;
    return `(${c})`;
  });
  let where = `p.tenant = $1 AND p.day BETWEEN $2 AND $3 AND (${keys.join(' OR ')})`;
  if (q.team !== undefined) where += ` AND p.team = ${p(q.team)}`;
  const week = weekOf('p.day');
  where += q.firstEver ? ' AND p.prev = -1' : q.weekly ? ` AND p.prev < GREATEST($2, ${week})` : ' AND p.prev < $2';
  const cols = [q.byTeam ? 'p.team' : "''", 'p.level', 'p.kind', 'p.subject', 'p.detail', q.weekly ? week : 'NULL::integer'];
  const { rows } = await sql.query(
    `SELECT ${cols.map((c, i) => `${c} AS c${i}`).join(', ')}, sum(p.users) AS users
     FROM insight_pairs p WHERE ${where}
     GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(p.users) > 0`,
    params,
  );
  return rows.map((r) => {
    const team = str(r.c0, 'team');
    return {
      team: q.byTeam && team !== '' ? team : null,
      level: num(r.c1, 'level') as PairLevel,
      kind: str(r.c2, 'kind'),
      subject: str(r.c3, 'subject'),
      detail: str(r.c4, 'detail'),
      week: r.c5 === null ? null : num(r.c5, 'week'),
      users: num(r.users, 'users'),
    };
  });
}

/** One group of event counts: from `insight_day_totals` for the tenant, from `insight_daily` for one team. */
export interface EventTotal {
  kind: string;
  subject: string;
  detail: string;
  events: number;
  minIndex: number | null;
}
