import { useRef, useState } from 'preact/hooks';
import { matchUrl } from '../src/rules/urlPattern';
import type { DocIssue } from '../src/schema/migrate';
import { FieldErrors } from './Field';
import { patternEntry, type PatternEntry } from './flowDraft';
import { fieldId, issuesAt } from './issuesAt';
import { URL_PATTERN_HINT, urlPatternError } from './urlPatternError';

interface UrlPatternListProps {
  /** Document path of the list, e.g. `match`. */
  path: string;
  legend: string;
  entries: PatternEntry[];
  onChange: (entries: PatternEntry[]) => void;
  issues: readonly DocIssue[];
}

/**
 * The URL patterns of a flow or feature: add, remove, and each checked as it is typed. A test box
 * shows which patterns a given URL matches.
 */
export function UrlPatternList({ path, legend, entries, onChange, issues }: UrlPatternListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [probe, setProbe] = useState('');
  const focusInput = (i: number) =>
    requestAnimationFrame(() => {
      const inputs = listRef.current?.querySelectorAll('input');
      const el = inputs?.[Math.min(i, inputs.length - 1)];
      (el ?? addRef.current)?.focus();
    });
  const set = (i: number, value: string) => onChange(entries.map((e, n) => (n === i ? { ...e, value } : e)));
  const remove = (i: number) => {
    onChange(entries.filter((_, n) => n !== i));
    focusInput(i);
  };
  const add = () => {
    onChange([...entries, patternEntry('')]);
    focusInput(entries.length);
  };
  const listIssues = issuesAt(issues, path);
  const hintId = `${fieldId(path)}-hint`;
  const probeMatches = probe.trim() === '' ? null : entries.filter((e) => matchUrl(e.value.trim(), probe.trim()));
  return (
    <fieldset class="group" id={fieldId(path)} tabIndex={-1}>
      <legend>{legend}</legend>
      <p class="hint" id={hintId}>
        {URL_PATTERN_HINT}
      </p>
      <FieldErrors messages={listIssues.map((i) => i.message)} />
      <ul class="pattern-list" ref={listRef}>
        {entries.map((e, i) => {
          const id = fieldId(`${path}.${i}`);
          const errors = [...(urlPatternError(e.value) ? [urlPatternError(e.value) as string] : []), ...issuesAt(issues, `${path}.${i}`, { subtree: true }).map((x) => x.message)];
          const unique = [...new Set(errors)];
          return (
            <li key={e.key} class={unique.length > 0 ? 'field-invalid' : undefined}>
              <div class="row">
                <label class="sr-only" for={id}>
                  URL pattern {i + 1}
                </label>
                <input
                  id={id}
                  type="text"
                  class="grow mono"
                  value={e.value}
                  placeholder="https://crm.example.com/*"
                  spellcheck={false}
                  autocomplete="off"
                  aria-invalid={unique.length > 0 ? 'true' : undefined}
                  aria-describedby={unique.length > 0 ? `${id}-errors ${hintId}` : hintId}
                  onInput={(ev) => set(i, ev.currentTarget.value)}
                />
                <button type="button" class="btn btn-quiet" aria-label={`Remove URL pattern ${i + 1}`} onClick={() => remove(i)}>
                  Remove
                </button>
              </div>
              <FieldErrors id={`${id}-errors`} messages={unique} />
            </li>
          );
        })}
      </ul>
      <button type="button" class="btn" ref={addRef} onClick={add}>
        + Add URL pattern
      </button>
      <details class="probe">
        <summary>Check a URL against these patterns</summary>
        <label class="field-label" for={`${fieldId(path)}-probe`}>
          URL
        </label>
        <input id={`${fieldId(path)}-probe`} type="url" class="grow mono" value={probe} placeholder="https://crm.example.com/deals/42" onInput={(ev) => setProbe(ev.currentTarget.value)} />
        {probeMatches === null ? null : (
          <p role="status" class="hint">
            {probeMatches.length === 0 ? 'No pattern matches this URL.' : `Matches: ${probeMatches.map((m) => m.value.trim()).join(', ')}`}
          </p>
        )}
      </details>
    </fieldset>
  );
}
