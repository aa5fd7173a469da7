import type { ComponentChildren } from 'preact';
import type { DocIssue } from '../src/schema/migrate';

/** What a control needs to be tied to its hint and its problems. */
export interface FieldA11y {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

interface FieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  issues?: readonly DocIssue[];
  /** A live problem found while typing (not from a save). */
  liveError?: string | null;
  required?: boolean;
  class?: string;
  children: (a11y: FieldA11y) => ComponentChildren;
}

/** A labelled control with its hint and its problems below it, announced with the control. */
export function Field(p: FieldProps) {
  const errors = [...(p.liveError ? [p.liveError] : []), ...(p.issues ?? []).map((i) => i.message)];
  const hintId = p.hint ? `${p.id}-hint` : null;
  const errId = errors.length > 0 ? `${p.id}-errors` : null;
  const describedBy = [errId, hintId].filter((x) => x !== null).join(' ');
  return (
    <div class={`field${errors.length > 0 ? ' field-invalid' : ''}${p.class ? ` ${p.class}` : ''}`}>
      <label class="field-label" for={p.id}>
        {p.label}
        {p.required ? <span class="req"> (required)</span> : null}
      </label>
      {p.children({ id: p.id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(errId ? { 'aria-invalid': 'true' as const } : {}) })}
      {errId ? <FieldErrors id={errId} messages={errors} /> : null}
      {hintId ? (
        <p class="hint" id={hintId}>
          {p.hint}
        </p>
      ) : null}
    </div>
  );
}

/** Problems of a field or a group, as text with a marker (never colour alone). */
export function FieldErrors({ id, messages }: { id?: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul class="field-errors" id={id}>
      {messages.map((m, i) => (
        <li key={i}>
          <span aria-hidden="true">⚠ </span>
          {m}
        </li>
      ))}
    </ul>
  );
}
