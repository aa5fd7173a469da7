import { useMemo, useState } from 'preact/hooks';
import { EditorActionBar } from './EditorActionBar';
import { NameAndIdFields } from './NameAndIdFields';
import { PickedNotice } from './PickedNotice';
import { usePickAtStart, type PickAtStartState } from './usePickAtStart';
import { featureWithPick } from './withPick';
import type { Feature } from '../src/schema/flow';
import type { DocIssue } from '../src/schema/migrate';
import { send } from './api';
import { useApp, useUnsavedGuard } from './appContext';
import { draftToFeature, featureToDraft, newFeatureDraft, sameFeatureDraft, type FeatureDraft } from './featureDraft';
import { FieldErrors } from './Field';
import { FingerprintEditor } from './FingerprintEditor';
import { IssueSummary } from './IssueSummary';
import { fieldId, issuesAt } from './issuesAt';
import { USE_MODES } from './labels';
import { routeHref } from './route';
import { ErrorNotice, Loading } from './Status';
import { slugify, uniqueId } from './uniqueId';
import { UrlPatternList } from './UrlPatternList';
import { useAdminData } from './useAdminData';
import { navigate } from './useRoute';
import { useSaveFeedback } from './useSaveFeedback';

/** `#/features/<id>` and `#/features/new`. */
export function FeatureEditor({ id, pick }: { id: string | null; pick?: string | undefined }) {
  const [state, reload] = useAdminData(async () => {
    const r = await send({ type: 'admin/features/list' });
    return r.ok ? { ok: true as const, value: r.features } : r;
  });
  const picked = usePickAtStart(id === null ? pick : undefined);
  if (state.status === 'loading' || picked.status === 'loading') return <Loading label="Loading the feature…" />;
  if (state.status === 'error') return <ErrorNotice title="The feature could not be loaded." message={state.error} onRetry={reload} />;
  const feature = id === null ? null : (state.data.find((f) => f.id === id) ?? null);
  if (id !== null && !feature) {
    return (
      <>
        <h1 tabIndex={-1}>Feature not found</h1>
        <div class="notice notice-error" role="alert">
          <p>There is no feature with the id “{id}”.</p>
          <a class="btn" href="#/features">
            Back to features
          </a>
        </div>
      </>
    );
  }
  return <FeatureForm feature={feature} takenIds={new Set(state.data.filter((f) => f.id !== id).map((f) => f.id))} picked={picked} />;
}

function FeatureForm({ feature, takenIds, picked }: { feature: Feature | null; takenIds: ReadonlySet<string>; picked: PickAtStartState }) {
  const { flash, setDirty } = useApp();
  const initial = useMemo(() => (feature ? featureToDraft(feature) : picked.status === 'ready' ? featureWithPick(newFeatureDraft(), picked.value.pick) : newFeatureDraft()), []);
  const [baseline, setBaseline] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [idFollowsName, setIdFollowsName] = useState(feature === null);
  const { issues, error, saving, setSaving, summaryRef, fail, clear } = useSaveFeedback();
  const dirty = !sameFeatureDraft(draft, baseline);
  useUnsavedGuard(dirty);

  const patch = (p: Partial<FeatureDraft>) =>
    setDraft((d) => {
      const next = { ...d, ...p };
      if (idFollowsName && p.name !== undefined) next.id = uniqueId(slugify(p.name, ''), takenIds);
      return next;
    });

  const goTo = (issue: DocIssue) => {
    const parts = issue.path.split('.');
    for (let n = parts.length; n > 0; n--) {
      const el = document.getElementById(fieldId(parts.slice(0, n).join('.')));
      if (el) return el.focus();
    }
  };
  const save = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    const check = draftToFeature(draft, takenIds, new Date().toISOString());
    if (!check.ok) return fail(check.issues, null);
    setSaving(true);
    const r = await send({ type: 'admin/features/save', feature: check.feature });
    setSaving(false);
    if (!r.ok) return fail(r.issues ?? [], `Not saved: ${r.error}`);
    clear();
    const message = `Saved “${r.feature.name}”.`;
    if (draft.isNew) {
      setDirty(false);
      const href = routeHref({ page: 'feature', id: r.feature.id });
      flash(message, href);
      navigate(href);
      return;
    }
    const next = featureToDraft(r.feature);
    setBaseline(next);
    setDraft(next);
    flash(message);
  };

  return (
    <form class="editor narrow" onSubmit={save} noValidate data-testid="feature-editor">
      <div class="page-head">
        <h1 tabIndex={-1}>{draft.isNew ? 'New feature' : `Edit feature: ${baseline.name}`}</h1>
        <a href="#/features" class="back-link">
          ← All features
        </a>
      </div>
      <PickedNotice state={picked} />
      <IssueSummary issues={issues} error={error} heading="The feature was not saved" onGo={goTo} summaryRef={summaryRef} />
      <section class="card">
        <NameAndIdFields
          name={draft.name}
          id={draft.id}
          isNew={draft.isNew}
          issues={issues}
          idHint="Letters, digits, “-” and “_”. Recorded with every use; it cannot be changed later."
          onName={(name) => patch({ name })}
          onId={(id) => {
            setIdFollowsName(false);
            patch({ id });
          }}
        />
        <fieldset class="group" id={fieldId('use')} tabIndex={-1}>
          <legend>What counts as a use</legend>
          <FieldErrors messages={issuesAt(issues, 'use').map((i) => i.message)} />
          {USE_MODES.map((m) => (
            <div class="choice" key={m.value}>
              <input type="radio" id={`use-${m.value}`} name="use" checked={draft.use === m.value} onChange={() => patch({ use: m.value })} aria-describedby={`use-${m.value}-help`} />
              <label for={`use-${m.value}`}>{m.label}</label>
              <p class="hint" id={`use-${m.value}-help`}>
                {m.help}
              </p>
            </div>
          ))}
        </fieldset>
      </section>
      <section class="card">
        <UrlPatternList path="match" legend="Pages where it is watched (URL patterns)" entries={draft.match} onChange={(match) => patch({ match })} issues={issues} />
      </section>
      <section class="card">
        <FingerprintEditor path="target" legend="The element" value={draft.target} onChange={(target) => patch({ target })} issues={issues} pick={{ match: draft.match.map((m) => m.value) }} />
      </section>
      <EditorActionBar
        saving={saving}
        isNew={draft.isNew}
        createLabel="Create feature"
        dirty={dirty}
        saveTestId="save-feature"
        onCancel={() => {
          setDirty(false);
          navigate('#/features');
        }}
      />
    </form>
  );
}
