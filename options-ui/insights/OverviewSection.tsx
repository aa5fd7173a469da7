import type { Overview, InsightsScope } from '../../src/schema/insights';
import { formatCount, formatMinutes } from './formatInsight';
import { TrendChart } from './TrendChart';

/** The range's key figures and weekly active people. */
export function OverviewSection({ overview, scope }: { overview: Overview; scope: InsightsScope }) {
  const figures: { key: string; label: string; value: string }[] = [
    { key: 'active', label: 'Active people', value: formatCount(scope.activeUsers) },
    { key: 'started', label: 'Started a flow', value: formatCount(overview.flowStartedUsers) },
    { key: 'completed', label: 'Completed a flow', value: formatCount(overview.flowCompletedUsers) },
    { key: 'features', label: 'Used a feature', value: formatCount(overview.featureUsers) },
    { key: 'prompts', label: 'Prompt helper uses', value: formatCount(overview.promptUses) },
    { key: 'surveys', label: 'Survey answers', value: formatCount(overview.surveyAnswers) },
    { key: 'score', label: 'Mean satisfaction (1–5)', value: overview.meanSurveyScore === null ? '—' : overview.meanSurveyScore.toFixed(2) },
    { key: 'saved', label: 'Time saved', value: formatMinutes(overview.savedMinutesTotal) },
  ];
  return (
    <>
      <dl class="figures" data-testid="overview-figures">
        {figures.map((f) => (
          <div key={f.key} class="figure" data-figure={f.key}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">
        People are counted by pseudonymous id; “—” means not enough people for the figure to be shown (fewer than {scope.minGroupSize}).
      </p>
      <TrendChart id="overview" title="Weekly active people" unit="People" series={[{ label: 'Active people', points: overview.weeklyActiveUsers }]} />
    </>
  );
}
