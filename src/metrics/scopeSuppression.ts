import type { InsightsScope } from '../schema/insights';
import type { SuppressionReason } from './teamSuppression';

export type ScopeDecision = { suppressed: false; scope: InsightsScope } | { suppressed: true; scope: InsightsScope; reason: string };

/**
 * Whether a scope may be shown. The whole tenant: when it has at least the minimum group size of active
 * users. One team: when the breakdown by team for the same range does not withhold it (`teamWithheld`),
 * so that filtering by team cannot reveal what the breakdown hides.
 */
export function decideScope(
  base: { from: string; to: string; team: string | null; minGroupSize: number },
  activeUsers: number,
  teamWithheld: SuppressionReason | undefined,
): ScopeDecision {
  const k = base.minGroupSize;
  if (activeUsers < k) {
    return {
      suppressed: true,
      scope: { ...base, activeUsers: null },
      reason: `${base.team === null ? 'This tenant' : `Team "${base.team}"`} has fewer than ${k} active users in this range; numbers about so few people are not shown.`,
    };
  }
  if (teamWithheld !== undefined) {
    return {
      suppressed: true,
      scope: { ...base, activeUsers: null },
      reason: `Team "${base.team}" is withheld in this range so that a smaller team cannot be worked out from the totals (minimum group size ${k}).`,
    };
  }
  return { suppressed: false, scope: { ...base, activeUsers } };
}
