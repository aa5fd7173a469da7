import { PlacementSchema, type AdvanceKind, type Placement } from '../src/schema/flow';
import type { DocIssue } from '../src/schema/migrate';
import { ADVANCE_LABELS } from './advanceHint';
import { Field, FieldErrors } from './Field';
import { FingerprintEditor } from './FingerprintEditor';
import type { StepDraft } from './flowDraft';
import { fieldId, issuesAt } from './issuesAt';
import { RichTextEditor } from './RichTextEditor';
import { URL_PATTERN_HINT, urlPatternError } from './urlPatternError';

interface StepEditorProps {
  step: StepDraft;
  index: number;
  issues: readonly DocIssue[];
  onChange: (step: StepDraft) => void;
  /** The flow's URL patterns: "Pick on page" offers tabs that match them first. */
  flowMatch?: readonly string[];
}

const PLACEMENT_LABELS: Record<Placement, string> = {
  auto: 'Automatic (where there is room)',
  top: 'Above',
  bottom: 'Below',
  left: 'Left',
  right: 'Right',
  'top-start': 'Above, aligned to the start',
  'top-end': 'Above, aligned to the end',
  'bottom-start': 'Below, aligned to the start',
  'bottom-end': 'Below, aligned to the end',
  'left-start': 'Left, aligned to the top',
  'left-end': 'Left, aligned to the bottom',
  'right-start': 'Right, aligned to the top',
  'right-end': 'Right, aligned to the bottom',
};

const ADVANCE_KINDS = Object.keys(ADVANCE_LABELS) as AdvanceKind[];

/** Every setting of one step. Paths are the document's (`steps.2.title`), so save issues land here. */
export function StepEditor({ step, index, issues, onChange, flowMatch = [] }: StepEditorProps) {
  const base = `steps.${index}`;
  const set = <K extends keyof StepDraft>(k: K, v: StepDraft[K]) => onChange({ ...step, [k]: v });
  const at = (p: string, subtree = true) => issuesAt(issues, `${base}.${p}`, { subtree });
  const needsTarget = step.advance === 'click' || step.advance === 'input';
  const stepLevel = [...issuesAt(issues, base), ...at('id')];
  const pick = { match: flowMatch, page: step.page };
  return (
    <div class="step-editor" id={fieldId(base)} tabIndex={-1} data-testid="step-editor">
      <h3 class="section-title">
        Step {index + 1}
        <span class="muted mono small"> · id {step.id}</span>
      </h3>
      <FieldErrors messages={stepLevel.map((i) => i.message)} />

      <Field id={fieldId(`${base}.title`)} label="Title" issues={at('title')} required>
        {(a11y) => <input {...a11y} type="text" value={step.title} maxLength={120} onInput={(e) => set('title', e.currentTarget.value)} />}
      </Field>

      <Field id={fieldId(`${base}.body`)} label="Body" hint="Use the buttons, or the syntax under “Formatting help”." issues={at('body')}>
        {(a11y) => <RichTextEditor a11y={a11y} value={step.body} onChange={(v) => set('body', v)} />}
      </Field>

      <fieldset class="group">
        <legend>Target</legend>
        <label class="check">
          <input type="checkbox" checked={step.hasTarget} onChange={(e) => set('hasTarget', e.currentTarget.checked)} /> This step points at an element on the page
        </label>
        {step.hasTarget ? (
          <>
            <FingerprintEditor path={`${base}.target`} legend="The element" value={step.target} onChange={(fp) => set('target', fp)} issues={issues} pick={pick} />
            <Field id={fieldId(`${base}.placement`)} label="Card placement" issues={at('placement')}>
              {(a11y) => (
                <select {...a11y} value={step.placement} onChange={(e) => set('placement', e.currentTarget.value as Placement)}>
                  {PlacementSchema.options.map((p) => (
                    <option key={p} value={p}>
                      {PLACEMENT_LABELS[p]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        ) : (
          <p class="hint">Without a target the card is shown in the middle of the page.</p>
        )}
      </fieldset>

      <fieldset class="group" id={fieldId(`${base}.advance`)} tabIndex={-1}>
        <legend>How the step moves on</legend>
        <FieldErrors messages={at('advance', false).map((i) => i.message)} />
        {ADVANCE_KINDS.map((k) => {
          const id = `${fieldId(`${base}.advance`)}-${k}`;
          return (
            <div class="choice" key={k}>
              <input type="radio" id={id} name={`${base}-advance`} value={k} checked={step.advance === k} onChange={() => set('advance', k)} aria-describedby={`${id}-help`} />
              <label for={id}>{ADVANCE_LABELS[k].label}</label>
              <p class="hint" id={`${id}-help`}>
                {ADVANCE_LABELS[k].help}
              </p>
            </div>
          );
        })}
        {needsTarget && !step.hasTarget ? (
          <p class="field-warning">
            <span aria-hidden="true">⚠ </span>This needs a target: turn on “This step points at an element” above.
          </p>
        ) : null}
        {step.advance === 'elementAppears' ? (
          <FingerprintEditor path={`${base}.advance.target`} legend="The element that appears" value={step.appears} onChange={(fp) => set('appears', fp)} issues={issues} pick={pick} />
        ) : null}
        {step.advance === 'urlChanges' ? (
          <Field
            id={fieldId(`${base}.advance.to`)}
            label="Only when the new URL matches (optional)"
            hint={`Leave empty for any change of URL. ${URL_PATTERN_HINT}`}
            issues={at('advance.to')}
            liveError={urlPatternError(step.urlTo)}
          >
            {(a11y) => <input {...a11y} type="text" class="mono" spellcheck={false} value={step.urlTo} placeholder="https://crm.example.com/deals/*" onInput={(e) => set('urlTo', e.currentTarget.value)} />}
          </Field>
        ) : null}
      </fieldset>

      <div class="grid-2">
        <div class="field">
          <span class="field-label">Skipping</span>
          <label class="check">
            <input id={fieldId(`${base}.skippable`)} type="checkbox" checked={step.skippable} onChange={(e) => set('skippable', e.currentTarget.checked)} /> People may skip this step
          </label>
          <FieldErrors messages={at('skippable').map((i) => i.message)} />
        </div>
        <Field
          id={fieldId(`${base}.timeoutMs`)}
          label="Wait for the target (milliseconds)"
          hint="How long to look for the target before offering to skip. 500 to 120000; 8000 is the default."
          issues={at('timeoutMs')}
        >
          {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={500} max={120000} step={500} value={step.timeoutMs} onInput={(e) => set('timeoutMs', e.currentTarget.value)} />}
        </Field>
      </div>

      <Field
        id={fieldId(`${base}.page`)}
        label="Page (optional)"
        hint={`Where this step is shown, when it is not every page of the flow. ${URL_PATTERN_HINT}`}
        issues={at('page')}
        liveError={urlPatternError(step.page)}
      >
        {(a11y) => <input {...a11y} type="text" class="mono" spellcheck={false} value={step.page} placeholder="https://crm.example.com/deals/new" onInput={(e) => set('page', e.currentTarget.value)} />}
      </Field>
    </div>
  );
}
