import type { Frequency, VisitRule } from '../src/schema/guidance';
import type { DocIssue } from '../src/schema/migrate';
import type { AudienceDraft } from './audienceDraft';
import { Field, FieldErrors } from './Field';
import { FingerprintEditor } from './FingerprintEditor';
import { fieldId, issuesAt } from './issuesAt';
import type { TabPreference } from './rankPickerTabs';

interface AudienceEditorProps {
  value: AudienceDraft;
  onChange: (value: AudienceDraft) => void;
  issues: readonly DocIssue[];
  /** For "Pick on page" of the element that must be present. */
  pick: TabPreference;
  /** Whether this kind pops up by itself (beacons, checklists): visit and frequency then matter most. */
  popsUp: boolean;
}

const VISITS: { value: VisitRule['kind']; label: string; help: string }[] = [
  { value: 'any', label: 'Every visit', help: 'Whenever a matching page is open.' },
  { value: 'first', label: 'First visit only', help: 'Only the first time a person comes to a matching page.' },
  { value: 'fromNth', label: 'From a later visit on', help: 'Not at first: from the N-th visit on, once people know their way around.' },
];

const FREQUENCIES: { value: Frequency['kind']; label: string; help: string }[] = [
  { value: 'always', label: 'Whenever the rules allow', help: 'No cap.' },
  { value: 'once', label: 'Once per person', help: 'Never again after it was shown once.' },
  { value: 'everyNDays', label: 'At most every N days', help: 'Shown again only after this many days.' },
];

const PATH = 'audience';

/**
 * The targeting rules every kind of guidance shares: an element that must be on the page, teams, which
 * visits, how often, and the priority that decides between two things that would pop up at once.
 * Paths are the document's (`audience.visit.n`), so save issues land on their control.
 */
export function AudienceEditor({ value, onChange, issues, pick, popsUp }: AudienceEditorProps) {
  const set = <K extends keyof AudienceDraft>(k: K, v: AudienceDraft[K]) => onChange({ ...value, [k]: v });
  const at = (p: string, subtree = true) => issuesAt(issues, `${PATH}.${p}`, { subtree });
  return (
    <section class="card" aria-labelledby="audience-heading" id={fieldId(PATH)} tabIndex={-1} data-testid="audience-editor">
      <h2 id="audience-heading" class="section-title">
        Who sees it, and when
      </h2>
      <FieldErrors messages={issuesAt(issues, PATH).map((i) => i.message)} />
      <p class="hint">
        {popsUp
          ? 'These rules narrow the URL patterns above. Visit and frequency cap how often it pops up by itself.'
          : 'These rules narrow the URL patterns above. Visit and frequency only cap what pops up unasked; when people open it themselves (the launcher, a hint icon) they apply the other rules only.'}
      </p>

      <fieldset class="group">
        <legend>Element on the page</legend>
        <label class="check">
          <input type="checkbox" checked={value.hasElement} onChange={(e) => set('hasElement', e.currentTarget.checked)} data-testid="audience-has-element" /> Only while this element is on the page
        </label>
        {value.hasElement ? (
          <FingerprintEditor path={`${PATH}.elementPresent`} legend="The element that must be present" value={value.element} onChange={(fp) => set('element', fp)} issues={issues} pick={pick} />
        ) : null}
      </fieldset>

      <Field id={fieldId(`${PATH}.teams`)} label="Teams" hint="Separate team names with commas. Empty: everyone. Teams come from the browser’s managed configuration." issues={at('teams')}>
        {(a11y) => <input {...a11y} type="text" value={value.teams} placeholder="sales, support" onInput={(e) => set('teams', e.currentTarget.value)} />}
      </Field>

      <div class="grid-2">
        <fieldset class="group" id={fieldId(`${PATH}.visit`)} tabIndex={-1}>
          <legend>Visits</legend>
          <FieldErrors messages={at('visit', false).map((i) => i.message)} />
          {VISITS.map((v) => (
            <div class="choice" key={v.value}>
              <input type="radio" id={`visit-${v.value}`} name="visit" checked={value.visit === v.value} onChange={() => set('visit', v.value)} aria-describedby={`visit-${v.value}-help`} />
              <label for={`visit-${v.value}`}>{v.label}</label>
              <p class="hint" id={`visit-${v.value}-help`}>
                {v.help}
              </p>
            </div>
          ))}
          {value.visit === 'fromNth' ? (
            <Field id={fieldId(`${PATH}.visit.n`)} label="From visit number" hint="1 to 1000; 2 means “not on the first visit”." issues={at('visit.n')}>
              {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={1} max={1000} value={value.nth} onInput={(e) => set('nth', e.currentTarget.value)} />}
            </Field>
          ) : null}
        </fieldset>

        <fieldset class="group" id={fieldId(`${PATH}.frequency`)} tabIndex={-1}>
          <legend>How often</legend>
          <FieldErrors messages={at('frequency', false).map((i) => i.message)} />
          {FREQUENCIES.map((f) => (
            <div class="choice" key={f.value}>
              <input type="radio" id={`frequency-${f.value}`} name="frequency" checked={value.frequency === f.value} onChange={() => set('frequency', f.value)} aria-describedby={`frequency-${f.value}-help`} />
              <label for={`frequency-${f.value}`}>{f.label}</label>
              <p class="hint" id={`frequency-${f.value}-help`}>
                {f.help}
              </p>
            </div>
          ))}
          {value.frequency === 'everyNDays' ? (
            <Field id={fieldId(`${PATH}.frequency.days`)} label="Days between two showings" hint="1 to 365." issues={at('frequency.days')}>
              {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={1} max={365} value={value.days} onInput={(e) => set('days', e.currentTarget.value)} />}
            </Field>
          ) : null}
        </fieldset>
      </div>

      <Field
        id={fieldId(`${PATH}.priority`)}
        label="Priority"
        hint="0 to 100 (default 50). Two things never pop up at once: the higher priority wins, then the lower id."
        issues={at('priority')}
      >
        {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={0} max={100} value={value.priority} onInput={(e) => set('priority', e.currentTarget.value)} />}
      </Field>
    </section>
  );
}
