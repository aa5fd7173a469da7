import type { Feature } from '../src/schema/flow';
import type { DocIssue } from '../src/schema/migrate';
import { describeTarget } from '../src/ui/describeTarget';
import type { BeaconDraft } from './beaconDraft';
import { Field } from './Field';
import { FingerprintEditor } from './FingerprintEditor';
import { fieldId, issuesAt } from './issuesAt';
import type { TabPreference } from './rankPickerTabs';
import { RichTextEditor } from './RichTextEditor';

interface BeaconFieldsProps {
  draft: BeaconDraft;
  issues: readonly DocIssue[];
  onChange: (patch: Partial<BeaconDraft>) => void;
  pick: TabPreference;
  features: readonly Feature[];
}

/** A beacon's own fields: where it pulses, the feature whose first use retires it, and what it says when opened. */
export function BeaconFields({ draft, issues, onChange, pick, features }: BeaconFieldsProps) {
  const feature = features.find((f) => f.id === draft.featureId);
  const sorted = [...features].sort((a, b) => a.name.localeCompare(b.name));
  const unknown = draft.featureId !== '' && !feature;
  return (
    <>
      <section class="card" aria-labelledby="beacon-heading">
        <h2 id="beacon-heading" class="section-title">
          The feature
        </h2>
        <Field
          id={fieldId('featureId')}
          label="Shown until people use"
          hint={features.length === 0 ? 'No feature is tagged yet: tag one under Features to retire the beacon on first use.' : 'The beacon stays until each person first uses this tagged feature.'}
          issues={issuesAt(issues, 'featureId')}
        >
          {(a11y) => (
            <select {...a11y} value={draft.featureId} onChange={(e) => onChange({ featureId: e.currentTarget.value })} data-testid="beacon-feature">
              <option value="">No feature: until they open the beacon</option>
              {unknown ? <option value={draft.featureId}>{draft.featureId} (not found)</option> : null}
              {sorted.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {feature ? (
          <p class="hint">
            The feature is <span class="mono">{describeTarget(feature.target, 30)}</span>.{' '}
            <button type="button" class="link-button" onClick={() => onChange({ target: structuredClone(feature.target) })} data-testid="beacon-use-feature-target">
              Put the beacon on this element
            </button>
          </p>
        ) : null}
      </section>
      <section class="card">
        <FingerprintEditor path="target" legend="The element the beacon pulses on" value={draft.target} onChange={(target) => onChange({ target })} issues={issues} pick={pick} />
      </section>
      <section class="card" aria-labelledby="beacon-text-heading">
        <h2 id="beacon-text-heading" class="section-title">
          When opened
        </h2>
        <Field id={fieldId('title')} label="Title" issues={issuesAt(issues, 'title')} required>
          {(a11y) => <input {...a11y} type="text" value={draft.title} maxLength={120} onInput={(e) => onChange({ title: e.currentTarget.value })} data-testid="guidance-title" />}
        </Field>
        <Field id={fieldId('body')} label="Text" hint="Use the buttons, or the syntax under “Formatting help”." issues={issuesAt(issues, 'body', { subtree: true })}>
          {(a11y) => <RichTextEditor a11y={a11y} value={draft.body} onChange={(body) => onChange({ body })} />}
        </Field>
      </section>
    </>
  );
}
