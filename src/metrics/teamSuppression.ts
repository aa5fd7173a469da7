import { byteOrder } from './insightWindow';

/** One cell group of a breakdown by team: its name (null: no team), how many people it has in the range, and in all. */
export interface TeamSize {
  team: string | null;
  /** Active in the range: what the breakdown's numbers are about. */
  users: number;
  /**
   * Everyone in the team seen at any time, active in the range or not (the no-team group: everyone
   * seen without a team). It changes when people arrive, move or are mapped, not with the range.
   */
  members: number;
}

export type SuppressionReason = 'small' | 'complementary';

/**
 * Which teams of a breakdown must be withheld. A team with fewer users than `minGroupSize` is withheld
 * (`small`). Because the breakdown's total is shown, withholding a single team would let anyone
 * subtract the others from the total; so more teams are withheld with it (`complementary`) until at
 * least two are withheld and together they have at least `minGroupSize` users. If that cannot be
 * reached, every team is withheld.
 *
 * The complementary teams are taken in an order that does not depend on the range: by members, the
 * smallest first, then by name. Ordered by activity in the range instead, two nearly equal ranges could
 * withhold different teams beside the same small one, and the small one would then be the difference
 * of what the two ranges show.
 *
 * The same decision is used for a query filtered to one team: a team withheld here is withheld there.
 */
export function suppressTeams(sizes: readonly TeamSize[], minGroupSize: number): Map<string | null, SuppressionReason> {
  const out = new Map<string | null, SuppressionReason>();
  for (const s of sizes) if (s.users < minGroupSize) out.set(s.team, 'small');
  if (out.size === 0) return out;
  const candidates = sizes
    .filter((s) => !out.has(s.team))
    .sort((a, b) => a.members - b.members || teamOrder(a.team, b.team));
  const withheld = () => sizes.filter((s) => out.has(s.team)).reduce((n, s) => n + s.users, 0);
  for (const c of candidates) {
    if (out.size >= 2 && withheld() >= minGroupSize) break;
    out.set(c.team, 'complementary');
  }
  return out;
}

/** Teams by name, bytewise; the no-team group last. */
export function teamOrder(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return byteOrder(a, b);
}
