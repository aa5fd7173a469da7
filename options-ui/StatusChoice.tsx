import type { DocIssue } from '../src/schema/migrate';
import { FieldErrors } from './Field';
import { fieldId, issuesAt } from './issuesAt';

type Status = 'draft' | 'published';

interface StatusChoiceProps {
  status: Status;
  issues: readonly DocIssue[];
  /** Who sees it once published. */
  publishedHelp: string;
  onChange: (status: Status) => void;
}

/** Draft or published, as two explained radio choices. */
export function StatusChoice({ status, issues, publishedHelp, onChange }: StatusChoiceProps) {
  return (
    <fieldset class="group" id={fieldId('status')} tabIndex={-1}>
      <legend>Status</legend>
      <FieldErrors messages={issuesAt(issues, 'status').map((i) => i.message)} />
      <div class="choice">
        <input type="radio" id="status-draft" name="status" checked={status === 'draft'} onChange={() => onChange('draft')} aria-describedby="status-draft-help" />
        <label for="status-draft">Draft</label>
        <p class="hint" id="status-draft-help">
          Not shown to anyone yet.
        </p>
      </div>
      <div class="choice">
        <input type="radio" id="status-published" name="status" checked={status === 'published'} onChange={() => onChange('published')} aria-describedby="status-published-help" />
        <label for="status-published">Published</label>
        <p class="hint" id="status-published-help">
          {publishedHelp}
        </p>
      </div>
    </fieldset>
  );
}
