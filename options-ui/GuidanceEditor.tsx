import { useMemo, useState } from 'preact/hooks';
import { EditorActionBar } from './EditorActionBar';
import { PickedNotice } from './PickedNotice';
import { usePickAtStart, type PickAtStartState } from './usePickAtStart';
import { guidanceWithPick } from './withPick';
import type { Guidance, GuidanceKind } from '../src/schema/guidance';
import type { DocIssue } from '../src/schema/migrate';
import { send } from './api';
import { useApp, useUnsavedGuard } from './appContext';
import { AudienceEditor } from './AudienceEditor';
import { BeaconFields } from './BeaconFields';
import type { BeaconDraft } from './beaconDraft';
import { ChecklistFields } from './ChecklistFields';
import type { ChecklistDraft } from './checklistDraft';
import { GuidanceDetails } from './GuidanceDetails';
import { draftToGuidance, guidanceToDraft, newGuidanceDraft, sameGuidanceDraft, type GuidanceDraft } from './guidanceDraft';
import { GUIDANCE_INFO } from './guidanceKinds';
import { GuidancePreview } from './GuidancePreview';
import { IssueSummary } from './IssueSummary';
import { fieldId } from './issuesAt';
import { loadAuthoringData, type AuthoringData } from './loadAuthoringData';
import { newId } from './newId';
import { PromptFields } from './PromptFields';
import type { PromptDraft } from './promptDraft';
import { routeHref } from './route';
import { ErrorNotice, Loading } from './Status';
import { TipFields } from './TipFields';
import type { TipDraft } from './tipDraft';
import { slugify, uniqueId } from './uniqueId';
import { UrlPatternList } from './UrlPatternList';
import { useAdminData } from './useAdminData';
import { navigate } from './useRoute';
import { useSaveFeedback } from './useSaveFeedback';
import './guidance.css';

/** `#/<kind>/<id>` and `#/<kind>/new`: loads the stored guidance (and the flows and features it may point at), then edits one. */
export function GuidanceEditor({ kind, id, pick }: { kind: GuidanceKind; id: string | null; pick?: string | undefined }) {
  const info = GUIDANCE_INFO[kind];
  const [state, reload] = useAdminData(loadAuthoringData);
  const picked = usePickAtStart(id === null && kind !== 'checklist' ? pick : undefined);
  if (state.status === 'loading' || picked.status === 'loading') return <Loading label={`Loading the ${info.noun}…`} />;
  if (state.status === 'error') return <ErrorNotice title={`The ${info.noun} could not be loaded.`} message={state.error} onRetry={reload} />;
  const doc = id === null ? null : (state.data.guidance.find((g) => g.id === id && g.kind === kind) ?? null);
  if (id !== null && !doc) {
    const other = state.data.guidance.find((g) => g.id === id);
    return (
      <>
        <h1 tabIndex={-1}>Not found</h1>
        <div class="notice notice-error" role="alert">
          <p>
            There is no {info.noun} with the id “{id}”.{' '}
            {other ? (
              <>
                It is a {GUIDANCE_INFO[other.kind].noun}: <a href={routeHref({ page: 'guidanceItem', kind: other.kind, id })}>edit it there</a>.
              </>
            ) : (
              'It may have been deleted.'
            )}
          </p>
          <a class="btn" href={routeHref({ page: 'guidance', kind })}>
            Back to {info.plural.toLowerCase()}
          </a>
        </div>
      </>
    );
  }
  return <GuidanceForm kind={kind} doc={doc} data={state.data} picked={picked} />;
}

/** Issues from the background carry the message's field name first (`guidance.template`); the form's paths start at the document. */
function documentPaths(issues: readonly DocIssue[]): DocIssue[] {
  return issues.map((i) => ({ ...i, path: i.path.replace(/^guidance\./, '') }));
}

function GuidanceForm({ kind, doc, data, picked }: { kind: GuidanceKind; doc: Guidance | null; data: AuthoringData; picked: PickAtStartState }) {
  const info = GUIDANCE_INFO[kind];
  const { flash, setDirty } = useApp();
  const takenIds = useMemo(() => new Set(data.guidance.filter((g) => g.id !== doc?.id).map((g) => g.id)), [data]);
  const refs = useMemo(() => ({ flowIds: new Set(data.flows.map((f) => f.id)), featureIds: new Set(data.features.map((f) => f.id)) }), [data]);
  const initial = useMemo(() => {
    if (doc) return guidanceToDraft(doc);
    const d = newGuidanceDraft(kind, uniqueId(newId(kind), takenIds));
    return picked.status === 'ready' ? guidanceWithPick(d, picked.value.pick) : d;
  }, []);
  const [baseline, setBaseline] = useState<GuidanceDraft>(initial);
  const [draft, setDraft] = useState<GuidanceDraft>(initial);
  const [idFollowsName, setIdFollowsName] = useState(doc === null);
  const { issues, setIssues, error, saving, setSaving, summaryRef, fail, clear } = useSaveFeedback();
  const dirty = !sameGuidanceDraft(draft, baseline);
  useUnsavedGuard(dirty);

  const patch = (p: Partial<GuidanceDraft>) =>
    setDraft((d) => {
      const next = { ...d, ...p } as GuidanceDraft;
      if (idFollowsName && p.name !== undefined) next.id = uniqueId(slugify(p.name, d.id), takenIds);
      return next;
    });

  const goTo = (issue: DocIssue) => {
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

  const save = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    const check = draftToGuidance(draft, takenIds, new Date().toISOString(), refs);
    if (!check.ok) return fail(check.issues, null);
    setSaving(true);
    const r = await send({ type: 'admin/guidance/save', guidance: check.value });
    setSaving(false);
    if (!r.ok) return fail(documentPaths(r.issues ?? []), `Not saved: ${r.error}`);
    clear();
    const message = `Saved “${r.guidance.name}”.`;
    if (draft.isNew) {
      setDirty(false);
      const href = routeHref({ page: 'guidanceItem', kind, id: r.guidance.id });
      flash(message, href);
      navigate(href);
      return;
    }
    const next = guidanceToDraft(r.guidance);
    setBaseline(next);
    setDraft(next);
    flash(message);
  };

  const cancel = () => {
    setDirty(false);
    navigate(routeHref({ page: 'guidance', kind }));
  };

  const pick = { match: draft.match.map((m) => m.value) };
  const fields = (() => {
    switch (draft.kind) {
      case 'prompt':
        return <PromptFields draft={draft} issues={issues} onChange={patch as (p: Partial<PromptDraft>) => void} onReorder={() => setIssues([])} pick={pick} />;
      case 'tip':
        return <TipFields draft={draft} issues={issues} onChange={patch as (p: Partial<TipDraft>) => void} pick={pick} />;
      case 'beacon':
        return <BeaconFields draft={draft} issues={issues} onChange={patch as (p: Partial<BeaconDraft>) => void} pick={pick} features={data.features} />;
      case 'checklist':
        return (
          <ChecklistFields draft={draft} issues={issues} onChange={patch as (p: Partial<ChecklistDraft>) => void} onReorder={() => setIssues([])} flows={data.flows} features={data.features} />
        );
    }
  })();

  return (
    <form class="editor" onSubmit={save} noValidate data-testid="guidance-editor" data-kind={kind}>
      <div class="page-head">
        <h1 tabIndex={-1}>{draft.isNew ? `New ${info.noun}` : `Edit ${info.noun}: ${baseline.name}`}</h1>
        <a href={routeHref({ page: 'guidance', kind })} class="back-link">
          ← All {info.plural.toLowerCase()}
        </a>
      </div>
      <PickedNotice state={picked} />
      <IssueSummary issues={issues} error={error} heading={`The ${info.noun} was not saved`} onGo={goTo} summaryRef={summaryRef} />
      <div class="editor-layout">
        <div class="editor-main">
          <GuidanceDetails draft={draft} noun={info.noun} issues={issues} onChange={patch} onIdEdited={() => setIdFollowsName(false)} />
          <section class="card">
            <UrlPatternList path="match" legend="Where it applies (URL patterns)" entries={draft.match} onChange={(match) => patch({ match })} issues={issues} />
          </section>
          {fields}
          <AudienceEditor value={draft.audience} onChange={(audience) => patch({ audience })} issues={issues} pick={pick} popsUp={kind === 'beacon' || kind === 'checklist'} />
        </div>
        <aside class="editor-side">
          <GuidancePreview draft={draft} data={data} />
        </aside>
      </div>
      <EditorActionBar saving={saving} isNew={draft.isNew} createLabel={`Create ${info.noun}`} dirty={dirty} saveTestId="save-guidance" onCancel={cancel} />
    </form>
  );
}
