import type { DocIssue } from '../src/schema/migrate';
import type { GuidanceBaseDraft } from './guidanceBaseDraft';
import { NameAndIdFields } from './NameAndIdFields';
import { StatusChoice } from './StatusChoice';

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
      <NameAndIdFields
        name={draft.name}
        id={draft.id}
        isNew={draft.isNew}
        issues={issues}
        nameHint="For admins: lists, reports and the launcher’s search."
        idHint={`Letters, digits, “-” and “_”; unique among all guidance. Recorded in the events of this ${noun}; it cannot be changed later.`}
        nameTestId="guidance-name"
        onName={(name) => onChange({ name })}
        onId={(id) => {
          onIdEdited();
          onChange({ id });
        }}
      />
      <StatusChoice status={draft.status} issues={issues} publishedHelp="Live on the matching pages, for the audience below." onChange={(status) => onChange({ status })} />
    </section>
  );
}
