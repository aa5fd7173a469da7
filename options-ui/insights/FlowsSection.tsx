import { useMemo, useState } from 'preact/hooks';
import type { FlowInsight, InsightsScope, StepInsight } from '../../src/schema/insights';
import { DataTable, type Column } from './DataTable';
import { csvNumber, csvSeconds, formatDuration, formatMinutes, formatRate } from './formatInsight';
import { FunnelChart } from './FunnelChart';
import { TrendChart } from './TrendChart';

const flowName = (f: FlowInsight) => f.name ?? f.flowId;
const dropStep = (f: FlowInsight) => f.steps.find((s) => s.stepId === f.dropOffStepId);

const FLOW_COLUMNS: Column<FlowInsight>[] = [
  { key: 'name', label: 'Flow', value: flowName, rowHeader: true },
  { key: 'started', label: 'Started', value: (f) => f.started, numeric: true },
  { key: 'completed', label: 'Completed', value: (f) => f.completed, numeric: true },
  { key: 'completionRate', label: 'Completion rate', value: (f) => csvNumber(f.completionRate), render: (f) => formatRate(f.completionRate), numeric: true },
  { key: 'dismissRate', label: 'Dismiss rate', value: (f) => csvNumber(f.dismissRate), render: (f) => formatRate(f.dismissRate), numeric: true },
  {
    key: 'dropOff',
    label: 'Drop-off step',
    value: (f) => {
      const s = dropStep(f);
      return s ? `${s.index + 1}. ${s.title ?? s.stepId}` : null;
    },
  },
];

const STEP_COLUMNS: Column<StepInsight>[] = [
  { key: 'index', label: 'Step', value: (s) => s.index + 1, numeric: true },
  { key: 'title', label: 'Title', value: (s) => s.title ?? s.stepId, rowHeader: true },
  { key: 'reached', label: 'Reached', value: (s) => s.reached, numeric: true },
  { key: 'dropped', label: 'Stopped here', value: (s) => s.dropped, numeric: true },
  { key: 'dropRate', label: 'Drop rate', value: (s) => csvNumber(s.dropRate), render: (s) => formatRate(s.dropRate), numeric: true },
  { key: 'medianS', label: 'Median time (s)', value: (s) => csvSeconds(s.medianMs), render: (s) => formatDuration(s.medianMs), numeric: true },
  { key: 'p90S', label: 'p90 time (s)', value: (s) => csvSeconds(s.p90Ms), render: (s) => formatDuration(s.p90Ms), numeric: true },
  { key: 'missingRate', label: 'Target missing rate', value: (s) => csvNumber(s.missingRate), render: (s) => formatRate(s.missingRate), numeric: true },
  { key: 'confused', label: '“Confused me”', value: (s) => s.confusedEvents, numeric: true },
];

const TIME_COLUMNS: Column<FlowInsight>[] = [
  { key: 'name', label: 'Flow', value: flowName, rowHeader: true },
  { key: 'baseline', label: 'Baseline (min)', value: (f) => f.timeSaved.baselineMinutes, render: (f) => formatMinutes(f.timeSaved.baselineMinutes), numeric: true },
  { key: 'median', label: 'Median task time (s)', value: (f) => csvSeconds(f.timeSaved.medianTaskMs), render: (f) => formatDuration(f.timeSaved.medianTaskMs), numeric: true },
  { key: 'p90', label: 'p90 task time (s)', value: (f) => csvSeconds(f.timeSaved.p90TaskMs), render: (f) => formatDuration(f.timeSaved.p90TaskMs), numeric: true },
  { key: 'runs', label: 'Completed runs', value: (f) => f.timeSaved.completedRuns, numeric: true },
  { key: 'perTask', label: 'Saved per task (min)', value: (f) => csvNumber(f.timeSaved.savedMinutesPerTask), render: (f) => formatMinutes(f.timeSaved.savedMinutesPerTask), numeric: true },
  { key: 'total', label: 'Saved in total (min)', value: (f) => csvNumber(f.timeSaved.savedMinutesTotal), render: (f) => formatMinutes(f.timeSaved.savedMinutesTotal), numeric: true },
];

const SATISFACTION_COLUMNS: Column<FlowInsight>[] = [
  { key: 'name', label: 'Flow', value: flowName, rowHeader: true },
  { key: 'answers', label: 'Answers', value: (f) => f.satisfaction.answers, numeric: true },
  { key: 'rate', label: 'Response rate', value: (f) => csvNumber(f.satisfaction.responseRate), render: (f) => formatRate(f.satisfaction.responseRate), numeric: true },
  { key: 'mean', label: 'Mean score (1–5)', value: (f) => csvNumber(f.satisfaction.meanScore), render: (f) => (f.satisfaction.meanScore === null ? '—' : f.satisfaction.meanScore.toFixed(2)), numeric: true },
  ...[1, 2, 3, 4, 5].map(
    (score): Column<FlowInsight> => ({ key: `s${score}`, label: `Score ${score}`, value: (f) => f.satisfaction.distribution?.[score - 1] ?? null, numeric: true }),
  ),
];

/** Every flow in a table; the chosen one's funnel, steps and weekly starts; time saved and satisfaction. */
export function FlowsSection({ flows, scope, focusFlowId }: { flows: FlowInsight[]; scope: InsightsScope; focusFlowId: string | null }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const flow = flows.find((f) => f.flowId === (chosen ?? focusFlowId)) ?? flows[0];
  const columns = useMemo<Column<FlowInsight>[]>(
    () => [
      ...FLOW_COLUMNS,
      {
        key: 'show',
        label: 'Funnel',
        controls: true,
        value: () => null,
        render: (f) => (
          <button type="button" class="btn btn-small" aria-pressed={f.flowId === flow?.flowId} onClick={() => setChosen(f.flowId)} data-testid={`show-funnel-${f.flowId}`}>
            {f.flowId === flow?.flowId ? 'Shown below' : 'Show funnel'}
            <span class="sr-only"> of {flowName(f)}</span>
          </button>
        ),
      },
    ],
    [flow?.flowId],
  );
  const file = (what: string) => `waymark-${what}-${scope.from}-${scope.to}${scope.team === null ? '' : `-${scope.team}`}`;
  if (flows.length === 0) return <p class="empty">No flow was used in this range.</p>;
  return (
    <>
      <DataTable id="flows" caption="Flows" columns={columns} rows={flows} rowKey={(f) => f.flowId} fileName={file('flows')} initialSort={{ key: 'started', direction: 'descending' }} />
      {flow ? (
        <section class="subsection" aria-labelledby="funnel-heading" data-testid="flow-detail" data-flow={flow.flowId}>
          <h3 id="funnel-heading">
            “{flowName(flow)}”{flow.latestVersion === null ? '' : ` (version ${flow.latestVersion})`}
          </h3>
          <FunnelChart flow={flow} />
          <DataTable id="steps" caption={`Steps of “${flowName(flow)}”`} columns={STEP_COLUMNS} rows={flow.steps} rowKey={(s) => s.stepId} fileName={file(`steps-${flow.flowId}`)} />
          <TrendChart
            id="flow"
            title={`People who started and completed “${flowName(flow)}”, by week`}
            unit="People"
            series={[
              { label: 'Started', points: flow.weeklyStarted },
              { label: 'Completed', points: flow.weeklyCompleted },
            ]}
          />
        </section>
      ) : null}
      <section class="subsection" aria-labelledby="time-heading">
        <h3 id="time-heading">Time saved</h3>
        <p class="hint">The baseline is set per flow in the flow editor (“Minutes without guidance”); saved = baseline − median task time with guidance.</p>
        <DataTable id="time" caption="Time saved by flow" columns={TIME_COLUMNS} rows={flows} rowKey={(f) => f.flowId} fileName={file('time-saved')} />
      </section>
      <section class="subsection" aria-labelledby="satisfaction-heading">
        <h3 id="satisfaction-heading">Satisfaction</h3>
        <p class="hint">The micro-survey after a flow: scores from 1 (poor) to 5 (great).</p>
        <DataTable id="satisfaction" caption="Satisfaction by flow" columns={SATISFACTION_COLUMNS} rows={flows} rowKey={(f) => f.flowId} fileName={file('satisfaction')} />
      </section>
    </>
  );
}
