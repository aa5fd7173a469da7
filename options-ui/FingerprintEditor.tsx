import type { ElementFingerprint } from '../src/schema/fingerprint';
import type { DocIssue } from '../src/schema/migrate';
import { describeTarget } from '../src/ui/describeTarget';
import { cleanFingerprint } from './cleanFingerprint';
import { Field, FieldErrors } from './Field';
import { fieldId, issuesAt } from './issuesAt';
import { PickOnPage } from './PickOnPage';
import type { TabPreference } from './rankPickerTabs';

type TextField = 'tag' | 'id' | 'testId' | 'text' | 'label' | 'ariaLabel' | 'placeholder' | 'name' | 'role' | 'type';

const FIELDS: Record<TextField, { label: string; hint?: string }> = {
  tag: { label: 'Tag', hint: 'Lower-case element name: button, input, a, select, div…' },
  text: { label: 'Visible text', hint: 'The element’s own text, e.g. Save deal.' },
  label: { label: 'Label', hint: 'Text of the field’s label.' },
  testId: { label: 'Test id', hint: 'Value of data-testid (or data-test, data-cy, data-qa).' },
  id: { label: 'Element id', hint: 'The id attribute, without #.' },
  ariaLabel: { label: 'aria-label' },
  placeholder: { label: 'Placeholder' },
  name: { label: 'name attribute' },
  role: { label: 'Role', hint: 'ARIA role, e.g. button, tab, menuitem.' },
  type: { label: 'type attribute', hint: 'For inputs and buttons: text, email, submit…' },
};
const MAIN: TextField[] = ['tag', 'text', 'label', 'testId', 'id'];
const ADVANCED: TextField[] = ['ariaLabel', 'placeholder', 'name', 'role', 'type'];
const SHOWN = new Set<string>([...MAIN, ...ADVANCED]);

interface FingerprintEditorProps {
  /** Document path of the fingerprint, e.g. `steps.2.target`. */
  path: string;
  legend: string;
  value: ElementFingerprint;
  onChange: (fp: ElementFingerprint) => void;
  issues: readonly DocIssue[];
  /** Offers "Pick on page", preferring tabs that match these patterns; without it, hand editing only. */
  pick?: TabPreference;
}

/**
 * Edits the description of a target element, captured with the element picker or by hand, and shows it
 * in readable form. A pick replaces the whole description. Fields captured by the picker that are not
 * edited here (position, xpath, classes…) are kept as they are.
 */
export function FingerprintEditor({ path, legend, value, onChange, issues, pick }: FingerprintEditorProps) {
  const set = (k: TextField, v: string) => onChange({ ...value, [k]: k === 'tag' ? v.trim().toLowerCase() : v });
  const clean = cleanFingerprint(value);
  const readable = /^[a-z][a-z0-9-]*$/.test(clean.tag) ? describeTarget(clean) : null;
  const kept = Object.keys(value).filter((k) => !SHOWN.has(k));
  const advancedSet = ADVANCED.some((k) => (value[k] ?? '') !== '') || ADVANCED.some((k) => issuesAt(issues, `${path}.${k}`).length > 0);
  const field = (k: TextField) => {
    const fpath = `${path}.${k}`;
    return (
      <Field key={k} id={fieldId(fpath)} label={FIELDS[k].label} hint={FIELDS[k].hint} issues={issuesAt(issues, fpath, { subtree: true })} required={k === 'tag'}>
        {(a11y) => <input {...a11y} type="text" class={k === 'tag' || k === 'testId' || k === 'id' ? 'mono' : undefined} value={value[k] ?? ''} spellcheck={false} autocomplete="off" onInput={(e) => set(k, e.currentTarget.value)} />}
      </Field>
    );
  };
  const groupIssues = issuesAt(issues, path, { subtree: true, except: [...SHOWN].map((k) => `${path}.${k}`) });
  return (
    <fieldset class="group fingerprint" id={fieldId(path)} tabIndex={-1}>
      <legend>{legend}</legend>
      {pick ? <PickOnPage prefer={pick} what={legend.toLowerCase()} onPicked={(p) => onChange(p.fingerprint)} /> : null}
      <p class="readable" aria-live="polite">
        <span class="readable-label">Reads as: </span>
        {readable ? <span class="mono">{readable}</span> : <em>enter a tag name to describe the element</em>}
      </p>
      <FieldErrors messages={groupIssues.map((i) => `${i.path.slice(path.length + 1) || 'target'}: ${i.message}`)} />
      <div class="grid-2">{MAIN.map(field)}</div>
      <details class="advanced" open={advancedSet}>
        <summary>Advanced: more attributes</summary>
        <div class="grid-2">{ADVANCED.map(field)}</div>
      </details>
      {kept.length > 0 ? <p class="hint">Also kept from the capture: {kept.join(', ')}.</p> : null}
    </fieldset>
  );
}
