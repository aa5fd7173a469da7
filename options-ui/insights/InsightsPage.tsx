import { useEffect, useMemo, useState } from 'preact/hooks';
import type { InsightsAccessView, InsightsKind } from '../../src/messages/insights';
import { MAX_RANGE_DAYS, type TeamRow } from '../../src/schema/insights';
import { send } from '../api';
import { ErrorNotice, Loading } from '../Status';
import { useAdminData } from '../useAdminData';
import { Answer } from './Answer';
import { defaultRange } from './defaultRange';
import { FeaturesSection, PromptsSection } from './FeaturesSection';
import { FlowsSection } from './FlowsSection';
import { InsightsAccessPanel } from './InsightsAccessPanel';
import { OverviewSection } from './OverviewSection';
import { QueryProgress } from './QueryProgress';
import { StuckList } from './StuckList';
import { TeamsAdminPanel } from './TeamsAdminPanel';
import { suppressedLabel, TeamsSection } from './TeamsSection';
import { useInsightsQueries, type InsightsFilters } from './useInsightsQueries';
import './insights.css';

const DAY_MS = 86_400_000;
/** Until the browser's own documents are read, ids are shown. */
const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** `#/insights`: adoption and value for champions, by date range and team, never by person. */
export function InsightsPage() {
  const [access, reloadAccess] = useAdminData(async () => {
    const r = await send({ type: 'admin/insights/access/get' });
    return r.ok ? { ok: true as const, value: r.access } : r;
  });
  const [view, setView] = useState<InsightsAccessView | null>(null);
  const current = view ?? (access.status === 'ready' ? access.data : null);
  // Bumped when an admin changes the team mapping or the minimum group size: what is on screen was
  // answered under the old ones, so it is asked again.
  const [settingsRev, setSettingsRev] = useState(0);
  const settingsChanged = () => setSettingsRev((n) => n + 1);

  return (
    <section data-testid="insights-page">
      <div class="page-head">
        <h1 tabIndex={-1}>Insights</h1>
      </div>
      <p class="lead">
        Where people get stuck, who adopted what, and what it was worth. Numbers are per team and tenant only, never per person, and are withheld for groups smaller than the tenant's minimum.
      </p>
      {access.status === 'loading' ? <Loading label="Loading the insights settings…" /> : null}
      {access.status === 'error' ? <ErrorNotice title="The insights settings could not be loaded." message={access.error} onRetry={reloadAccess} /> : null}
      {current ? (
        <>
          <InsightsAccessPanel access={current} onChanged={setView} />
          {current.tokenSet ? <TeamsAdminPanel key={`${current.effectiveServerUrl}|${current.tenant}|${current.role}`} access={current} onChanged={settingsChanged} /> : null}
          {current.tokenSet ? <InsightsBody key={`${current.effectiveServerUrl}|${current.tenant}|${current.role}`} settingsRev={settingsRev} /> : null}
        </>
      ) : null}
    </section>
  );
}

interface TeamOption {
  team: string;
  /** Why its numbers are withheld, when they are. */
  withheld: string | null;
}

function InsightsBody({ settingsRev }: { settingsRev: number }) {
  const { states, run, retry, filters } = useInsightsQueries();
  const [draft, setDraft] = useState<InsightsFilters>(() => ({ ...defaultRange(Date.now()), team: null }));
  const [formError, setFormError] = useState<string | null>(null);
  const [teamOptions, setTeamOptions] = useState<TeamOption[]>([]);
  const [local] = useAdminData(async () => {
    const [flows, features, guidance] = await Promise.all([send({ type: 'admin/flows/list' }), send({ type: 'admin/features/list' }), send({ type: 'admin/guidance/list' })]);
    if (!flows.ok) return flows;
    return {
      ok: true as const,
      value: {
        flowIds: new Set(flows.flows.map((f) => f.id)),
        featureNames: new Map(features.ok ? features.features.map((f) => [f.id, f.name]) : []),
        // A prompt helper's events carry its guidance id (templateId); other kinds never appear there.
        promptNames: new Map(guidance.ok ? guidance.guidance.filter((g) => g.kind === 'prompt').map((g) => [g.id, g.name]) : []),
      },
    };
  });
  const localFlowIds = local.status === 'ready' ? local.data.flowIds : null;
  const featureNames = local.status === 'ready' ? local.data.featureNames : NO_NAMES;
  const promptNames = local.status === 'ready' ? local.data.promptNames : NO_NAMES;

  useEffect(() => run(draft), []);
  // After a settings change, the filters last shown are asked again (not the draft being edited).
  useEffect(() => {
    if (settingsRev > 0) run(filters ?? draft);
  }, [settingsRev]);

  // The team picker lists the teams the collector reports for the range, withheld ones marked as such.
  const teams = states.teams;
  useEffect(() => {
    if (teams.status !== 'done' || teams.response.suppressed) return;
    const min = teams.response.scope.minGroupSize;
    const rows = teams.response.teams.filter((t): t is TeamRow & { team: string } => t.team !== null);
    setTeamOptions(rows.map((t) => ({ team: t.team, withheld: t.suppressed ? suppressedLabel(t.why, min) : null })));
  }, [teams]);

  const apply = (e: Event) => {
    e.preventDefault();
    const days = (Date.parse(draft.to) - Date.parse(draft.from)) / DAY_MS + 1;
    if (!draft.from || !draft.to || Number.isNaN(days)) return setFormError('Choose a start and an end date.');
    if (days < 1) return setFormError('The end date must not be before the start date.');
    if (days > MAX_RANGE_DAYS) return setFormError(`A range may cover at most ${MAX_RANGE_DAYS} days.`);
    setFormError(null);
    run(draft);
  };

  const stuck = states.stuck;
  const focusFlowId = stuck.status === 'done' && !stuck.response.suppressed ? (stuck.response.items[0]?.flowId ?? null) : null;
  const scopeText = useMemo(() => (filters ? `${filters.from} to ${filters.to}, ${filters.team === null ? 'all teams' : `team “${filters.team}”`}` : ''), [filters]);
  const retryOf = (k: InsightsKind) => () => retry(k);

  return (
    <>
      <form class="card insights-filters" onSubmit={apply} noValidate data-testid="insights-filters" aria-label="What to show">
        <div class="filter-row">
          <div class="field">
            <label class="field-label" for="insights-from">
              From
            </label>
            <input id="insights-from" type="date" value={draft.from} onInput={(e) => setDraft((d) => ({ ...d, from: e.currentTarget.value }))} data-testid="insights-from" />
          </div>
          <div class="field">
            <label class="field-label" for="insights-to">
              To (inclusive)
            </label>
            <input id="insights-to" type="date" value={draft.to} onInput={(e) => setDraft((d) => ({ ...d, to: e.currentTarget.value }))} data-testid="insights-to" />
          </div>
          <div class="field">
            <label class="field-label" for="insights-team">
              Team
            </label>
            <select
              id="insights-team"
              value={draft.team ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setDraft((d) => ({ ...d, team: v === '' ? null : v }));
              }}
              data-testid="insights-team"
            >
              <option value="">All teams</option>
              {teamOptions.map((t) => (
                <option key={t.team} value={t.team}>
                  {t.withheld ? `${t.team} (${t.withheld})` : t.team}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <button type="submit" class="btn btn-primary" data-testid="insights-apply">
              Show
            </button>
          </div>
        </div>
        {formError ? (
          <p class="field-errors" role="alert">
            <span aria-hidden="true">⚠ </span>
            {formError}
          </p>
        ) : null}
      </form>

      <QueryProgress states={states} scopeText={scopeText} />

      <section class="card" aria-labelledby="overview-heading" data-testid="insights-overview">
        <h2 id="overview-heading" class="section-title">
          Overview
        </h2>
        <Answer state={states.overview} what="the overview" onRetry={retryOf('overview')}>
          {(r) => <OverviewSection overview={r.overview} scope={r.scope} />}
        </Answer>
      </section>

      <section class="card" aria-labelledby="stuck-heading" data-testid="insights-stuck">
        <h2 id="stuck-heading" class="section-title">
          Where people get stuck
        </h2>
        <Answer state={states.stuck} what="the stuck list" onRetry={retryOf('stuck')}>
          {(r) => <StuckList items={r.items} scope={r.scope} localFlowIds={localFlowIds} />}
        </Answer>
      </section>

      <section class="card" aria-labelledby="flows-heading" data-testid="insights-flows">
        <h2 id="flows-heading" class="section-title">
          Flows
        </h2>
        <Answer state={states.flows} what="the flows" onRetry={retryOf('flows')}>
          {(r) => <FlowsSection flows={r.flows} scope={r.scope} focusFlowId={focusFlowId} />}
        </Answer>
      </section>

      <section class="card" aria-labelledby="features-heading" data-testid="insights-features">
        <h2 id="features-heading" class="section-title">
          Features
        </h2>
        <Answer state={states.features} what="the features" onRetry={retryOf('features')}>
          {(r) => <FeaturesSection features={r.features} habitDefinition={r.habitDefinition} scope={r.scope} names={featureNames} />}
        </Answer>
      </section>

      <section class="card" aria-labelledby="prompts-heading" data-testid="insights-prompts">
        <h2 id="prompts-heading" class="section-title">
          Prompt helpers
        </h2>
        <Answer state={states.prompts} what="the prompt helpers" onRetry={retryOf('prompts')}>
          {(r) => <PromptsSection prompts={r.prompts} scope={r.scope} names={promptNames} />}
        </Answer>
      </section>

      <section class="card" aria-labelledby="teams-heading" data-testid="insights-teams">
        <h2 id="teams-heading" class="section-title">
          Teams
        </h2>
        <Answer state={states.teams} what="the teams" onRetry={retryOf('teams')}>
          {(r) => <TeamsSection teams={r.teams} total={r.total} scope={r.scope} />}
        </Answer>
      </section>
    </>
  );
}
