import { useState } from 'preact/hooks';
import type { DocIssue } from '../src/schema/migrate';
import { Field, FieldErrors } from './Field';
import { FingerprintEditor } from './FingerprintEditor';
import { fieldId, issuesAt } from './issuesAt';
import type { TabPreference } from './rankPickerTabs';
import { RichTextEditor } from './RichTextEditor';
import type { TipDraft } from './tipDraft';
import { checkTipValue, type TipBreak } from '../src/rules/checkTipValue';
import { patternError, rulesOfDraft } from './tipRules';

interface TipFieldsProps {
  draft: TipDraft;
  issues: readonly DocIssue[];
  onChange: (patch: Partial<TipDraft>) => void;
  pick: TabPreference;
}

const BROKEN_TEXT: Record<NonNullable<TipBreak>, string> = { required: 'it is empty', pattern: 'it does not match the pattern', maxLength: 'it is too long' };

/** A smart tip's own fields: the field it sits beside, its guidance, and the optional rules on the value. */
export function TipFields({ draft, issues, onChange, pick }: TipFieldsProps) {
  const [sample, setSample] = useState('');
  const live = patternError(draft.pattern);
  const at = (p: string) => issuesAt(issues, p, { subtree: true });
  // The very check the page runs, so what the admin tries here is what people get.
  const broken = checkTipValue(rulesOfDraft(draft), sample);
  return (
    <>
      <section class="card">
        <FingerprintEditor path="target" legend="The field the hint icon sits beside" value={draft.target} onChange={(target) => onChange({ target })} issues={issues} pick={pick} />
      </section>
      <section class="card" aria-labelledby="tip-heading">
        <h2 id="tip-heading" class="section-title">
          The tip
        </h2>
        <Field id={fieldId('title')} label="Title" issues={at('title')} required>
          {(a11y) => <input {...a11y} type="text" value={draft.title} maxLength={120} onInput={(e) => onChange({ title: e.currentTarget.value })} data-testid="guidance-title" />}
        </Field>
        <Field id={fieldId('body')} label="Guidance" hint="Shown on hover and on focus. Use the buttons, or the syntax under “Formatting help”." issues={at('body')}>
          {(a11y) => <RichTextEditor a11y={a11y} value={draft.body} onChange={(body) => onChange({ body })} />}
        </Field>
      </section>
      <section class="card" aria-labelledby="validation-heading">
        <h2 id="validation-heading" class="section-title">
          Check the value
        </h2>
        <label class="check">
          <input type="checkbox" checked={draft.hasValidation} onChange={(e) => onChange({ hasValidation: e.currentTarget.checked })} data-testid="tip-has-validation" /> Show the tip when the value breaks a rule
        </label>
        <p class="hint">The value is checked in the page as people type. It is never recorded or sent anywhere.</p>
        {draft.hasValidation ? (
          <div class="group" id={fieldId('validation')} tabIndex={-1}>
            <FieldErrors messages={issuesAt(issues, 'validation').map((i) => i.message)} />
            <label class="check">
              <input id={fieldId('validation.required')} type="checkbox" checked={draft.required} onChange={(e) => onChange({ required: e.currentTarget.checked })} /> Required: the field may not be left empty
            </label>
            <Field
              id={fieldId('validation.pattern')}
              label="Pattern (optional)"
              hint="A JavaScript regular expression the whole value must match, without slashes or flags, e.g. [A-Z]{2}\d{8,12}."
              // The live check is the schema's own: a save's verdict on the regex is stale once it is edited.
              issues={at('validation.pattern').filter((i) => !i.message.startsWith('not a valid regular expression'))}
              liveError={live}
            >
              {(a11y) => <input {...a11y} type="text" class="mono" spellcheck={false} autocomplete="off" value={draft.pattern} maxLength={500} onInput={(e) => onChange({ pattern: e.currentTarget.value })} data-testid="tip-pattern" />}
            </Field>
            <Field id={fieldId('validation.maxLength')} label="Maximum length (optional)" hint="In characters." issues={at('validation.maxLength')}>
              {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={1} value={draft.maxLength} onInput={(e) => onChange({ maxLength: e.currentTarget.value })} />}
            </Field>
            <Field id={fieldId('validation.message')} label="What to say when a rule is broken" issues={at('validation.message')} required>
              {(a11y) => <input {...a11y} type="text" value={draft.message} maxLength={300} onInput={(e) => onChange({ message: e.currentTarget.value })} data-testid="tip-message" />}
            </Field>
            <div class="try">
              <label class="field-label" for="tip-sample">
                Try a value
              </label>
              <input id="tip-sample" type="text" value={sample} autocomplete="off" onInput={(e) => setSample(e.currentTarget.value)} aria-describedby="tip-sample-result" data-testid="tip-sample" />
              <p id="tip-sample-result" class={broken ? 'field-warning' : 'hint'} role="status" data-testid="tip-sample-result">
                {broken ? `The tip would show: ${BROKEN_TEXT[broken]}.` : sample.trim() === '' ? 'Empty and allowed: nothing is shown.' : 'This value passes every rule.'}
              </p>
            </div>
          </div>
        ) : null}
      </section>
    </>
  );
}
