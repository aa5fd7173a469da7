import { useEffect, useMemo, useState } from 'preact/hooks';
import type { StepHealth } from '../src/metrics/stepHealth';
import type { Flow } from '../src/schema/flow';
import type { DocIssue } from '../src/schema/migrate';
import { send } from './api';
import { useApp, useUnsavedGuard } from './appContext';
import { EditorActionBar } from './EditorActionBar';
import { FieldErrors } from './Field';
import { draftToFlow, flowToDraft, newFlowDraft, newStepDraft, sameDraft, type FlowDraft, type StepDraft } from './flowDraft';
import { FlowSettings } from './FlowSettings';
import { IssueSummary } from './IssueSummary';
import { fieldId, issuesAt, stepIndexOf } from './issuesAt';
import { newId } from './newId';
import { routeHref } from './route';
import { ErrorNotice, Loading } from './Status';
import { StepEditor } from './StepEditor';
import { StepList } from './StepList';
import { StepPreview } from './StepPreview';
import { SurveyPreview } from './SurveyPreview';
import { slugify, uniqueId } from './uniqueId';
import { UrlPatternList } from './UrlPatternList';
import { useAdminData } from './useAdminData';
import { navigate } from './useRoute';
import { PublishFlowPanel } from './PublishFlowPanel';
import { useSaveFeedback } from './useSaveFeedback';
import { PickedNotice } from './PickedNotice';
import { usePickAtStart, type PickAtStartState } from './usePickAtStart';
import { flowWithPick } from './withPick';

/** `#/flows/<id>` and `#/flows/new`: loads the stored flows, then edits one (or a new one). */
export function FlowEditor({ id, step, pick }: { id: string | null; step?: string | undefined; pick?: string | undefined }) {
  const [state, reload] = useAdminData(async () => {
    const r = await send({ type: 'admin/flows/list' });
    return r.ok ? { ok: true as const, value: r.flows } : r;
  });
  const picked = usePickAtStart(id === null ? pick : undefined);
  if (state.status === 'loading' || picked.status === 'loading') return <Loading label="Loading the flow…" />;
  if (state.status === 'error') return <ErrorNotice title="The flow could not be loaded." message={state.error} onRetry={reload} />;
  const flow = id === null ? null : (state.data.find((f) => f.id === id) ?? null);
  if (id !== null && !flow) {
    return (
      <>
        <h1 tabIndex={-1}>Flow not found</h1>
        <div class="notice notice-error" role="alert">
          <p>There is no flow with the id “{id}”. It may have been deleted.</p>
          <a class="btn" href="#/flows">
            Back to flows
          </a>
        </div>
      </>
    );
  }
  const others = new Set(state.data.filter((f) => f.id !== id).map((f) => f.id));
  return <FlowForm flow={flow} takenIds={others} openStep={step} picked={picked} />;
}

function FlowForm({ flow, takenIds, openStep, picked }: { flow: Flow | null; takenIds: ReadonlySet<string>; openStep?: string | undefined; picked: PickAtStartState }) {
  const { flash, setDirty } = useApp();
  const initial = useMemo(() => {
    if (flow) return flowToDraft(flow);
    const d = newFlowDraft(uniqueId(newId('flow'), takenIds));
    return picked.status === 'ready' ? flowWithPick(d, picked.value.pick) : d;
  }, []);
  const [baseline, setBaseline] = useState(initial);
  // The flow as last saved: what "Publish to collector" sends.
  const [saved, setSaved] = useState<Flow | null>(flow);
  const [draft, setDraft] = useState(initial);
  const [idFollowsName, setIdFollowsName] = useState(flow === null);
  // Opened at a step (from the insights' stuck list): that step is selected and its title focused.
  const [selected, setSelected] = useState(() => Math.max(0, initial.steps.findIndex((s) => s.id === openStep)));
  useEffect(() => {
    if (openStep === undefined || !initial.steps.some((s) => s.id === openStep)) return;
    // Two frames: after the app has moved focus to the new page's heading.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const el = document.getElementById(fieldId(`steps.${selected}.title`));
        el?.scrollIntoView({ block: 'center' });
        el?.focus();
      }),
    );
  }, []);
  const { issues, setIssues, error, saving, setSaving, summaryRef, fail, clear } = useSaveFeedback();
  const [removed, setRemoved] = useState<{ step: StepDraft; index: number } | null>(null);
  const [focusAfterMove, setFocusAfterMove] = useState<{ key: string; action: 'up' | 'down' } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Which steps' targets went missing for people (from the recorded events): a guide a release broke.
  const [health, setHealth] = useState<StepHealth[]>([]);
  useEffect(() => {
    if (!flow) return;
    void send({ type: 'admin/steps/health', flowId: flow.id }).then((r) => r.ok && setHealth(r.health));
  }, []);
  const dirty = !sameDraft(draft, baseline);
  useUnsavedGuard(dirty);

  const patch = (p: Partial<FlowDraft>) =>
    setDraft((d) => {
      const next = { ...d, ...p };
      if (idFollowsName && p.name !== undefined) next.id = uniqueId(slugify(p.name, d.id), takenIds);
      return next;
    });
  const setSteps = (f: (steps: StepDraft[]) => StepDraft[]) => setDraft((d) => ({ ...d, steps: f(d.steps) }));

  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= draft.steps.length) return;
    const s = draft.steps[i] as StepDraft;
    setSteps((steps) => {
      const next = [...steps];
      [next[i], next[j]] = [next[j] as StepDraft, next[i] as StepDraft];
      return next;
    });
    setSelected(j);
    setFocusAfterMove({ key: s.key, action: by < 0 ? 'up' : 'down' });
    setAnnouncement(`Step “${s.title || 'Untitled step'}” moved to position ${j + 1} of ${draft.steps.length}.`);
    setIssues([]); // their step indexes no longer hold
  };
  const remove = (i: number) => {
    const s = draft.steps[i] as StepDraft;
    setSteps((steps) => steps.filter((_, n) => n !== i));
    setRemoved({ step: s, index: i });
    setSelected(Math.max(0, Math.min(selected > i ? selected - 1 : selected, draft.steps.length - 2)));
    setIssues([]);
  };
  const undoRemove = () => {
    if (!removed) return;
    setSteps((steps) => [...steps.slice(0, removed.index), removed.step, ...steps.slice(removed.index)]);
    setSelected(removed.index);
    setRemoved(null);
  };
  const add = () => {
    setSteps((steps) => [...steps, newStepDraft()]);
    setSelected(draft.steps.length);
    requestAnimationFrame(() => document.getElementById(fieldId(`steps.${draft.steps.length}.title`))?.focus());
  };

  const goTo = (issue: DocIssue) => {
    const focusField = () => {
      const parts = issue.path.split('.');
      for (let n = parts.length; n > 0; n--) {
        const el = document.getElementById(fieldId(parts.slice(0, n).join('.')));
        if (el) {
          el.focus();
          el.scrollIntoView({ block: 'center' });
          return;
        }
      }
    };
    const idx = stepIndexOf(issue.path);
    if (idx !== null && idx !== selected && idx < draft.steps.length) {
      setSelected(idx);
      requestAnimationFrame(focusField); // the step's fields exist after the next render
    } else focusField();
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    const check = draftToFlow(draft, takenIds, new Date().toISOString());
    if (!check.ok) return fail(check.issues, null);
    setSaving(true);
    const r = await send({ type: 'admin/flows/save', flow: check.flow });
    setSaving(false);
    if (!r.ok) return fail(r.issues ?? [], `Not saved: ${r.error}`);
    clear();
    const message = `Saved “${r.flow.name}” (version ${r.flow.version}).`;
    if (draft.isNew) {
      setDirty(false);
      const href = routeHref({ page: 'flow', id: r.flow.id });
      flash(message, href);
      navigate(href);
      return;
    }
    const next = flowToDraft(r.flow);
    setSaved(r.flow);
    setBaseline(next);
    setDraft(next);
    flash(message);
  };

  const cancel = () => {
    setDirty(false);
    navigate('#/flows');
  };

  const step = draft.steps[selected];
  return (
    <form class="editor" onSubmit={save} noValidate data-testid="flow-editor">
      <div class="page-head">
        <h1 tabIndex={-1}>{draft.isNew ? 'New flow' : `Edit flow: ${baseline.name}`}</h1>
        <a href="#/flows" class="back-link">
          ← All flows
        </a>
      </div>
      <PickedNotice state={picked} />
      <IssueSummary issues={issues} error={error} heading="The flow was not saved" onGo={goTo} summaryRef={summaryRef} />
      <div class="editor-layout">
        <div class="editor-main">
          <FlowSettings draft={draft} issues={issues} onChange={patch} onIdEdited={() => setIdFollowsName(false)} />
          <section class="card">
            <UrlPatternList path="match" legend="Where it applies (URL patterns)" entries={draft.match} onChange={(match) => patch({ match })} issues={issues} />
          </section>
          <section class="card" aria-labelledby="steps-heading" id={fieldId('steps')} tabIndex={-1}>
            <h2 id="steps-heading" class="section-title">
              Steps
            </h2>
            <FieldErrors messages={issuesAt(issues, 'steps').map((i) => i.message)} />
            <StepList steps={draft.steps} selected={selected} issues={issues} health={health} onSelect={setSelected} onMove={move} onRemove={remove} onAdd={add} focusAfterMove={focusAfterMove} />
            <p class="sr-only" role="status">
              {announcement}
            </p>
            {removed ? (
              <p class="undo" role="status">
                Removed step “{removed.step.title || 'Untitled step'}”.{' '}
                <button type="button" class="link-button" onClick={undoRemove}>
                  Undo
                </button>
              </p>
            ) : null}
            {step ? (
              <StepEditor
                key={step.key}
                step={step}
                index={selected}
                issues={issues}
                onChange={(s) => setSteps((steps) => steps.map((x, n) => (n === selected ? s : x)))}
                flowMatch={draft.match.map((m) => m.value)}
              />
            ) : (
              <p class="hint">A flow needs at least one step: add one.</p>
            )}
          </section>
        </div>
        <aside class="editor-side">
          {step ? <StepPreview step={step} index={selected} count={draft.steps.length} onGo={(i) => i >= 0 && i < draft.steps.length && setSelected(i)} /> : null}
          {draft.survey.enabled ? <SurveyPreview survey={draft.survey} /> : null}
        </aside>
      </div>
      <EditorActionBar saving={saving} isNew={draft.isNew} createLabel="Create flow" dirty={dirty} saveTestId="save-flow" onCancel={cancel} />
      <PublishFlowPanel flow={draft.isNew ? null : saved} dirty={dirty} />
    </form>
  );
}
