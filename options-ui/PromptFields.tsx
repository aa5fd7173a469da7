import { useMemo } from 'preact/hooks';
import type { DocIssue } from '../src/schema/migrate';
import { Field, FieldErrors } from './Field';
import { FingerprintEditor } from './FingerprintEditor';
import { fieldId, issuesAt } from './issuesAt';
import { newVariableDraft, type PromptDraft, type PromptVariableDraft } from './promptDraft';
import type { TabPreference } from './rankPickerTabs';
import { TemplateCheck } from './TemplateCheck';
import { analyzeTemplate, variableName } from './templateVariables';

interface PromptFieldsProps {
  draft: PromptDraft;
  issues: readonly DocIssue[];
  onChange: (patch: Partial<PromptDraft>) => void;
  /** Issues carry variable indexes: after a removal they no longer hold. */
  onReorder: () => void;
  pick: TabPreference;
}

/** A readable label from a variable name: `deal_name` → `Deal name`. */
const labelOf = (name: string) => (name.charAt(0).toUpperCase() + name.slice(1)).replace(/_/g, ' ');

/** The prompt helper's own fields: what it is for, the input it is offered in, the text and its variables. */
export function PromptFields({ draft, issues, onChange, onReorder, pick }: PromptFieldsProps) {
  const analysis = useMemo(() => analyzeTemplate(draft.template, draft.variables.map((v) => v.name.trim())), [draft.template, draft.variables]);
  const setVariables = (f: (vs: PromptVariableDraft[]) => PromptVariableDraft[]) => onChange({ variables: f(draft.variables) });
  const declare = (name: string) => {
    setVariables((vs) => [...vs, { ...newVariableDraft(name), label: labelOf(name) }]);
    requestAnimationFrame(() => document.getElementById(fieldId(`variables.${draft.variables.length}.label`))?.focus());
  };
  const add = () => {
    setVariables((vs) => [...vs, newVariableDraft()]);
    requestAnimationFrame(() => document.getElementById(fieldId(`variables.${draft.variables.length}.name`))?.focus());
  };
  return (
    <>
      <section class="card" aria-labelledby="prompt-heading">
        <h2 id="prompt-heading" class="section-title">
          The prompt
        </h2>
        <Field id={fieldId('description')} label="What it is for" hint="One line under its name in the helper, e.g. “For the approval queue: a five-line summary”." issues={issuesAt(issues, 'description')}>
          {(a11y) => <input {...a11y} type="text" value={draft.description} maxLength={300} onInput={(e) => onChange({ description: e.currentTarget.value })} />}
        </Field>
        <Field id={fieldId('template')} label="Prompt text" hint="Plain text. Put {{name}} where a value from the page goes; people can edit the text before sending it." issues={issuesAt(issues, 'template')} required>
          {(a11y) => (
            <textarea
              {...a11y}
              aria-describedby={[a11y['aria-describedby'], 'template-check'].filter(Boolean).join(' ')}
              class="mono"
              rows={6}
              maxLength={8000}
              value={draft.template}
              spellcheck
              onInput={(e) => onChange({ template: e.currentTarget.value })}
              data-testid="prompt-template"
            />
          )}
        </Field>
        <TemplateCheck id="template-check" analysis={analysis} onDeclare={declare} />
      </section>

      <section class="card">
        <FingerprintEditor path="target" legend="The input it is offered in (the AI assistant box)" value={draft.target} onChange={(target) => onChange({ target })} issues={issues} pick={pick} />
      </section>

      <section class="card" aria-labelledby="variables-heading" id={fieldId('variables')} tabIndex={-1}>
        <h2 id="variables-heading" class="section-title">
          Variables
        </h2>
        <FieldErrors messages={issuesAt(issues, 'variables').map((i) => i.message)} />
        <p class="hint">Each is filled when the person picks the prompt: from a field or text on the page, or from what they selected. Nothing filled in is recorded.</p>
        {draft.variables.length === 0 ? <p class="muted">No variables.</p> : null}
        <ol class="item-list">
          {draft.variables.map((v, i) => (
            <VariableRow
              key={v.key}
              v={v}
              index={i}
              used={analysis.used.some((u) => u.name === v.name.trim())}
              issues={issues}
              pick={pick}
              onChange={(nv) => setVariables((vs) => vs.map((x, n) => (n === i ? nv : x)))}
              onRemove={() => {
                setVariables((vs) => vs.filter((_, n) => n !== i));
                onReorder();
                requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="add-variable"]')?.focus());
              }}
            />
          ))}
        </ol>
        <button type="button" class="btn" onClick={add} data-testid="add-variable">
          + Add variable
        </button>
      </section>
    </>
  );
}

interface VariableRowProps {
  v: PromptVariableDraft;
  index: number;
  used: boolean;
  issues: readonly DocIssue[];
  pick: TabPreference;
  onChange: (v: PromptVariableDraft) => void;
  onRemove: () => void;
}

/** A name the template could not use, said while it is typed, with the form it needs. */
function nameError(name: string): string | null {
  const n = name.trim();
  if (n === '' || /^[a-z][a-z0-9_]*$/.test(n)) return null;
  const fixed = variableName(n);
  return `use lower-case letters, digits and “_”, starting with a letter${fixed ? ` (for example ${fixed})` : ''}`;
}

function VariableRow({ v, index, used, issues, pick, onChange, onRemove }: VariableRowProps) {
  const base = `variables.${index}`;
  const set = <K extends keyof PromptVariableDraft>(k: K, x: PromptVariableDraft[K]) => onChange({ ...v, [k]: x });
  const at = (p: string) => issuesAt(issues, `${base}.${p}`, { subtree: true });
  const name = v.name.trim();
  return (
    <li class="item" data-testid="variable-row">
      <fieldset class="group" id={fieldId(base)} tabIndex={-1}>
        <legend>
          Variable {index + 1}
          {name !== '' ? <code class="legend-code">{` {{${name}}}`}</code> : null}
          {name !== '' && !used ? <span class="muted small"> · not used yet</span> : null}
        </legend>
        <FieldErrors messages={issuesAt(issues, base).map((i) => i.message)} />
        <div class="grid-2">
          <Field id={fieldId(`${base}.name`)} label="Name" hint="As in the text: lower-case, digits, “_”." issues={at('name')} liveError={nameError(v.name)} required>
            {(a11y) => (
              <input
                {...a11y}
                type="text"
                class="mono"
                value={v.name}
                maxLength={40}
                spellcheck={false}
                autocomplete="off"
                onInput={(e) => set('name', e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id={fieldId(`${base}.label`)} label="Label" hint="Shown to people when the value could not be filled, so they know what to type." issues={at('label')} required>
            {(a11y) => <input {...a11y} type="text" value={v.label} maxLength={80} onInput={(e) => set('label', e.currentTarget.value)} />}
          </Field>
        </div>
        <fieldset class="group" id={fieldId(`${base}.source`)} tabIndex={-1}>
          <legend>Filled from</legend>
          <div class="choice">
            <input type="radio" id={`${fieldId(base)}-selection`} name={`${base}-source`} checked={v.source === 'selection'} onChange={() => set('source', 'selection')} />
            <label for={`${fieldId(base)}-selection`}>What the person selected on the page</label>
          </div>
          <div class="choice">
            <input type="radio" id={`${fieldId(base)}-element`} name={`${base}-source`} checked={v.source === 'element'} onChange={() => set('source', 'element')} />
            <label for={`${fieldId(base)}-element`}>An element on the page (its text, or a field’s value)</label>
          </div>
          {v.source === 'element' ? (
            <FingerprintEditor path={`${base}.source.target`} legend="The element" value={v.element} onChange={(fp) => set('element', fp)} issues={issues} pick={pick} />
          ) : null}
        </fieldset>
        <Field id={fieldId(`${base}.fallback`)} label="When nothing is found (optional)" hint="Used when there is no selection or the element is not on the page." issues={at('fallback')}>
          {(a11y) => <input {...a11y} type="text" value={v.fallback} maxLength={500} onInput={(e) => set('fallback', e.currentTarget.value)} />}
        </Field>
        <button type="button" class="btn btn-small btn-danger-quiet" onClick={onRemove} aria-label={`Remove variable ${index + 1}${name ? ` (${name})` : ''}`}>
          Remove variable
        </button>
      </fieldset>
    </li>
  );
}
