import type { InsightsScope, TeamMetrics, TeamRow } from '../../src/schema/insights';
import { DataTable, type Column } from './DataTable';
import { fileBase } from './FeaturesSection';

/** Why a team's numbers are withheld, in words: never how many people it has. */
export function suppressedLabel(why: 'small' | 'complementary', minGroupSize: number): string {
  return why === 'small' ? `fewer than ${minGroupSize} people` : `withheld so that a smaller team cannot be worked out`;
}

const teamLabel = (t: TeamRow) => t.team ?? '(no team)';

/** The breakdown by team: a withheld team shows why, and no number at all (in the table and the CSV). */
export function TeamsSection({ teams, total, scope }: { teams: TeamRow[]; total: TeamMetrics; scope: InsightsScope }) {
  const metric = (k: keyof TeamMetrics) => (t: TeamRow) => (t.suppressed ? null : t.metrics[k]);
  const numberCell = (k: keyof TeamMetrics) => (t: TeamRow) => (t.suppressed ? <span class="muted">—</span> : t.metrics[k].toLocaleString('en'));
  const columns: Column<TeamRow>[] = [
    { key: 'team', label: 'Team', value: teamLabel, rowHeader: true },
    { key: 'active', label: 'Active people', value: metric('activeUsers'), render: numberCell('activeUsers'), numeric: true },
    { key: 'started', label: 'Started a flow', value: metric('flowStartedUsers'), render: numberCell('flowStartedUsers'), numeric: true },
    { key: 'completed', label: 'Completed a flow', value: metric('flowCompletedUsers'), render: numberCell('flowCompletedUsers'), numeric: true },
    { key: 'features', label: 'Used a feature', value: metric('featureUsers'), render: numberCell('featureUsers'), numeric: true },
    {
      key: 'note',
      label: 'Note',
      value: (t) => (t.suppressed ? suppressedLabel(t.why, scope.minGroupSize) : ''),
      render: (t) => (t.suppressed ? <span class="tag tag-suppressed"><span aria-hidden="true">⊘ </span>{suppressedLabel(t.why, scope.minGroupSize)}</span> : ''),
    },
  ];
  return (
    <>
      <p class="hint">
        Whole tenant: {total.activeUsers.toLocaleString('en')} active people. Teams with fewer than {scope.minGroupSize} active people are withheld, and so is the next smallest when needed,
        so that no small team can be worked out from the others.
      </p>
      <DataTable id="teams" caption="Teams" columns={columns} rows={teams} rowKey={teamLabel} fileName={fileBase('teams', scope)} empty="No team was active in this range." />
    </>
  );
}
