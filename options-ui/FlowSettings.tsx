import type { DocIssue } from '../src/schema/migrate';
import { Field, FieldErrors } from './Field';
import type { FlowDraft } from './flowDraft';
import { fieldId, issuesAt } from './issuesAt';
import { START_MODES } from './labels';
import { NameAndIdFields } from './NameAndIdFields';
import { StatusChoice } from './StatusChoice';


interface FlowSettingsProps {
  draft: FlowDraft;
  issues: readonly DocIssue[];
  onChange: (patch: Partial<FlowDraft>) => void;
  /** A new flow's id follows its name until the admin edits the id. */
  onIdEdited: () => void;
}

/** Name, id, description, status, start mode and micro-survey of a flow. */
export function FlowSettings({ draft, issues, onChange, onIdEdited }: FlowSettingsProps) {
  return (
    <section class="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading" class="section-title">
        Details
      </h2>
      <NameAndIdFields
        name={draft.name}
        id={draft.id}
        isNew={draft.isNew}
        issues={issues}
        idHint="Letters, digits, “-” and “_”. Used in links (?waymark-flow=…) and in recorded events; it cannot be changed later."
        idNote={`version ${draft.version}`}
        nameTestId="flow-name"
        onName={(name) => onChange({ name })}
        onId={(id) => {
          onIdEdited();
          onChange({ id });
        }}
      />
      <Field id={fieldId('description')} label="Description" hint="For admins only; not shown to employees." issues={issuesAt(issues, 'description')}>
        {(a11y) => <textarea {...a11y} rows={2} value={draft.description} maxLength={2000} onInput={(e) => onChange({ description: e.currentTarget.value })} />}
      </Field>

      <Field
        id={fieldId('baselineMinutes')}
        label="Minutes without guidance (optional)"
        hint="How long the task usually takes without this guide. Insights compare it with the measured task time to show the time saved."
        issues={issuesAt(issues, 'baselineMinutes')}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="text"
            inputMode="decimal"
            class="input-short"
            value={draft.baselineMinutes}
            maxLength={12}
            onInput={(e) => onChange({ baselineMinutes: e.currentTarget.value })}
            data-testid="flow-baseline"
          />
        )}
      </Field>

      <StatusChoice status={draft.status} issues={issues} publishedHelp="Live for everyone on the matching pages." onChange={(status) => onChange({ status })} />

      <fieldset class="group" id={fieldId('start')} tabIndex={-1}>
        <legend>How it starts</legend>
        <FieldErrors messages={issuesAt(issues, 'start').map((i) => i.message)} />
        {START_MODES.map((m) => (
          <div class="choice" key={m.value}>
            <input type="radio" id={`start-${m.value}`} name="start" checked={draft.start === m.value} onChange={() => onChange({ start: m.value })} aria-describedby={`start-${m.value}-help`} />
            <label for={`start-${m.value}`}>{m.label}</label>
            <p class="hint" id={`start-${m.value}-help`}>
              {m.help.replace('<id>', draft.id || '<id>')}
            </p>
          </div>
        ))}
      </fieldset>

      <fieldset class="group" id={fieldId('survey')} tabIndex={-1} data-testid="flow-survey">
        <legend>Micro-survey</legend>
        <FieldErrors messages={issuesAt(issues, 'survey').map((i) => i.message)} />
        <label class="check">
          <input type="checkbox" checked={draft.survey.enabled} onChange={(e) => onChange({ survey: { ...draft.survey, enabled: e.currentTarget.checked } })} data-testid="survey-enabled" /> After the
          last step, ask for a score from 1 to 5
        </label>
        {draft.survey.enabled ? (
          <>
            <Field id={fieldId('survey.question')} label="Question" issues={issuesAt(issues, 'survey.question')} required>
              {(a11y) => (
                <input {...a11y} type="text" value={draft.survey.question} maxLength={200} onInput={(e) => onChange({ survey: { ...draft.survey, question: e.currentTarget.value } })} data-testid="survey-question" />
              )}
            </Field>
            <label class="check">
              <input
                id={fieldId('survey.allowComment')}
                type="checkbox"
                checked={draft.survey.allowComment}
                onChange={(e) => onChange({ survey: { ...draft.survey, allowComment: e.currentTarget.checked } })}
                data-testid="survey-comment"
              />{' '}
              Offer a comment box (a comment is stored only if the person writes one)
            </label>
          </>
        ) : (
          <p class="hint">Off: nobody is asked.</p>
        )}
      </fieldset>
    </section>
  );
}

