import type { DocIssue } from '../src/schema/migrate';
import { Field, FieldErrors } from './Field';
import type { GuidanceBaseDraft } from './guidanceBaseDraft';
import { fieldId, issuesAt } from './issuesAt';

interface GuidanceDetailsProps {
  draft: GuidanceBaseDraft;
  /** "prompt helper", for the hints. */
  noun: string;
  issues: readonly DocIssue[];
  onChange: (patch: Partial<GuidanceBaseDraft>) => void;
  /** A new document's id follows its name until the admin edits the id. */
  onIdEdited: () => void;
}

/** Name, id and status: the fields every kind of guidance shares. */
export function GuidanceDetails({ draft, noun, issues, onChange, onIdEdited }: GuidanceDetailsProps) {
  return (
    <section class="card" aria-labelledby="details-heading">
      <h2 id="details-heading" class="section-title">
        Details
      </h2>
      <Field id={fieldId('name')} label="Name" hint="For admins: lists, reports and the launcher’s search." issues={issuesAt(issues, 'name')} required>
        {(a11y) => <input {...a11y} type="text" value={draft.name} maxLength={200} onInput={(e) => onChange({ name: e.currentTarget.value })} data-testid="guidance-name" />}
      </Field>
      {draft.isNew ? (
        <Field id={fieldId('id')} label="Id" hint={`Letters, digits, “-” and “_”; unique among all guidance. Recorded in the events of this ${noun}; it cannot be changed later.`} issues={issuesAt(issues, 'id')} required>
          {(a11y) => (
            <input
              {...a11y}
              type="text"
              class="mono"
              value={draft.id}
              maxLength={64}
              spellcheck={false}
              autocomplete="off"
              onInput={(e) => {
                onIdEdited();
                onChange({ id: e.currentTarget.value });
              }}
            />
          )}
        </Field>
      ) : (
        <p class="field">
          <span class="field-label">Id</span> <span class="mono">{draft.id}</span>
        </p>
      )}
      <fieldset class="group" id={fieldId('status')} tabIndex={-1}>
        <legend>Status</legend>
        <FieldErrors messages={issuesAt(issues, 'status').map((i) => i.message)} />
        <div class="choice">
          <input type="radio" id="status-draft" name="status" checked={draft.status === 'draft'} onChange={() => onChange({ status: 'draft' })} aria-describedby="status-draft-help" />
          <label for="status-draft">Draft</label>
          <p class="hint" id="status-draft-help">
            Not shown to anyone yet.
          </p>
        </div>
        <div class="choice">
          <input type="radio" id="status-published" name="status" checked={draft.status === 'published'} onChange={() => onChange({ status: 'published' })} aria-describedby="status-published-help" />
          <label for="status-published">Published</label>
          <p class="hint" id="status-published-help">
            Live on the matching pages, for the audience below.
          </p>
        </div>
      </fieldset>
    </section>
  );
}
