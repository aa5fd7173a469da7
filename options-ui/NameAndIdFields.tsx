import type { DocIssue } from '../src/schema/migrate';
import { Field } from './Field';
import { fieldId, issuesAt } from './issuesAt';

interface NameAndIdFieldsProps {
  name: string;
  id: string;
  /** A new document's id can be edited; a saved one's is fixed. */
  isNew: boolean;
  issues: readonly DocIssue[];
  nameHint?: string;
  /** What the id is used for, and that it cannot change later. */
  idHint: string;
  /** After the fixed id of a saved document, e.g. "version 3". */
  idNote?: string;
  nameTestId?: string;
  onName: (name: string) => void;
  /** Called only when the admin edits the id (a new document's id otherwise follows its name). */
  onId: (id: string) => void;
}

/** A document's name, and its id: editable while the document is new, fixed once it is saved. */
export function NameAndIdFields(p: NameAndIdFieldsProps) {
  return (
    <>
      <Field id={fieldId('name')} label="Name" hint={p.nameHint} issues={issuesAt(p.issues, 'name')} required>
        {(a11y) => <input {...a11y} type="text" value={p.name} maxLength={200} onInput={(e) => p.onName(e.currentTarget.value)} data-testid={p.nameTestId} />}
      </Field>
      {p.isNew ? (
        <Field id={fieldId('id')} label="Id" hint={p.idHint} issues={issuesAt(p.issues, 'id')} required>
          {(a11y) => <input {...a11y} type="text" class="mono" value={p.id} maxLength={64} spellcheck={false} autocomplete="off" onInput={(e) => p.onId(e.currentTarget.value)} />}
        </Field>
      ) : (
        <p class="field">
          <span class="field-label">Id</span> <span class="mono">{p.id}</span>
          {p.idNote ? <span class="muted"> · {p.idNote}</span> : null}
        </p>
      )}
    </>
  );
}
