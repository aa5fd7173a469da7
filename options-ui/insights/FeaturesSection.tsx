import type { FeatureInsight, InsightsScope, PromptInsight } from '../../src/schema/insights';
import { DataTable, type Column } from './DataTable';
import { csvNumber, csvSeconds, formatDuration, formatRate } from './formatInsight';
import { TrendChart } from './TrendChart';

/** The most features drawn in one trend chart: more lines cannot be told apart. */
const TREND_MAX = 7;

export const fileBase = (what: string, scope: InsightsScope) => `waymark-${what}-${scope.from}-${scope.to}${scope.team === null ? '' : `-${scope.team}`}`;

/** Features: the adoption ladder (touched once → repeat → outcome), the 30-day habit, weekly actives. */
export function FeaturesSection({ features, habitDefinition, scope, names }: { features: FeatureInsight[]; habitDefinition: string; scope: InsightsScope; names: ReadonlyMap<string, string> }) {
  const nameOf = (f: FeatureInsight) => names.get(f.featureId) ?? f.featureId;
  const columns: Column<FeatureInsight>[] = [
    { key: 'name', label: 'Feature', value: nameOf, rowHeader: true },
    { key: 'uses', label: 'Uses', value: (f) => f.uses, numeric: true },
    { key: 'firstUsers', label: 'First-time users', value: (f) => f.firstUsers, numeric: true },
    { key: 'ttfu', label: 'Time to first use, median (s)', value: (f) => csvSeconds(f.timeToFirstUse.medianMs), render: (f) => formatDuration(f.timeToFirstUse.medianMs), numeric: true },
    { key: 'touched', label: '1. Touched once', value: (f) => f.ladder.touched, numeric: true },
    { key: 'repeated', label: '2. Repeat use', value: (f) => f.ladder.repeated, numeric: true },
    { key: 'withOutcome', label: '3. With an outcome', value: (f) => f.ladder.withOutcome, numeric: true },
    { key: 'habitual', label: 'Habit (people)', value: (f) => f.habit.habitualUsers, numeric: true },
    { key: 'habitRate', label: 'Habit rate', value: (f) => csvNumber(f.habit.habitRate), render: (f) => formatRate(f.habit.habitRate), numeric: true },
  ];
  const trend = [...features].sort((a, b) => b.users - a.users || a.featureId.localeCompare(b.featureId)).slice(0, TREND_MAX);
  if (features.length === 0) return <p class="empty">No feature was used in this range.</p>;
  return (
    <>
      <p class="habit-definition" data-testid="habit-definition">
        <strong>30-day habit.</strong> {habitDefinition}
      </p>
      <p class="hint">The adoption ladder: people who used the feature at least once (activation), of those who used it again (adoption), and of those who also reached its outcome (value).</p>
      <DataTable id="features" caption="Features" columns={columns} rows={features} rowKey={(f) => f.featureId} fileName={fileBase('features', scope)} initialSort={{ key: 'touched', direction: 'descending' }} />
      <TrendChart
        id="features"
        title={features.length > TREND_MAX ? `Weekly active people, the ${TREND_MAX} most used features` : 'Weekly active people per feature'}
        unit="People"
        series={trend.map((f) => ({ label: nameOf(f), points: f.weeklyActiveUsers }))}
      />
    </>
  );
}

/** Prompt helpers, named from the browser's own guidance when it has the document, by id otherwise. */
const promptColumns = (names: ReadonlyMap<string, string>): Column<PromptInsight>[] => [
  { key: 'template', label: 'Prompt helper', value: (p) => names.get(p.templateId) ?? p.templateId, rowHeader: true },
  { key: 'uses', label: 'Uses', value: (p) => p.uses, numeric: true },
  { key: 'users', label: 'People', value: (p) => p.users, numeric: true },
  { key: 'reuses', label: 'Re-uses', value: (p) => p.reuses, numeric: true },
  { key: 'reusers', label: 'People who re-used', value: (p) => p.reusers, numeric: true },
  { key: 'up', label: 'Thumbs up', value: (p) => p.thumbsUp, numeric: true },
  { key: 'down', label: 'Thumbs down', value: (p) => p.thumbsDown, numeric: true },
];

export function PromptsSection({ prompts, scope, names }: { prompts: PromptInsight[]; scope: InsightsScope; names: ReadonlyMap<string, string> }) {
  return (
    <DataTable
      id="prompts"
      caption="Prompt helpers"
      columns={promptColumns(names)}
      rows={prompts}
      rowKey={(p) => p.templateId}
      fileName={fileBase('prompts', scope)}
      initialSort={{ key: 'uses', direction: 'descending' }}
      empty="No prompt helper was used in this range."
    />
  );
}
