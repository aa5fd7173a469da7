import type { TemplateAnalysis } from './templateVariables';

interface TemplateCheckProps {
  id: string;
  analysis: TemplateAnalysis;
  /** Adds a variable of this name to the declared ones. */
  onDeclare: (name: string) => void;
}

/**
 * What the template's placeholders come to, while it is typed: each `{{variable}}` used, declared or
 * not (with a button to declare it), declared ones left unused, and braces that are not placeholders.
 */
export function TemplateCheck({ id, analysis: a, onDeclare }: TemplateCheckProps) {
  const empty = a.used.length === 0 && a.unused.length === 0 && a.malformed.length === 0 && !a.unclosed;
  return (
    <div class="template-check" id={id} aria-live="polite" data-testid="template-check">
      {empty ? <p class="hint">No variables yet. Type {'{{name}}'} where a value from the page goes, then declare it below.</p> : null}
      {a.used.length > 0 ? (
        <ul class="var-chips" aria-label="Variables used in the template">
          {a.used.map((u) => (
            <li key={u.name} class={`var-chip ${u.declared ? 'var-ok' : 'var-bad'}`} data-testid="template-variable" data-variable={u.name} data-declared={String(u.declared)}>
              <span aria-hidden="true">{u.declared ? '✓ ' : '⚠ '}</span>
              <code>{`{{${u.name}}}`}</code>
              {u.count > 1 ? <span class="muted"> ×{u.count}</span> : null}
              {u.declared ? (
                <span class="sr-only"> declared</span>
              ) : (
                <>
                  <span> not declared</span>
                  <button type="button" class="btn btn-small" onClick={() => onDeclare(u.name)} data-testid="declare-variable">
                    Declare
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {a.unused.map((n) => (
        <p key={n} class="field-warning" data-testid="unused-variable">
          <span aria-hidden="true">⚠ </span>
          <code>{`{{${n}}}`}</code> is declared but not used: use it in the text or remove it.
        </p>
      ))}
      {a.malformed.map((m) => (
        <p key={m} class="field-warning" data-testid="malformed-placeholder">
          <span aria-hidden="true">⚠ </span>
          <code>{m}</code> is not a placeholder and would be shown as typed: variable names are lower-case letters, digits and “_”, starting with a letter.
        </p>
      ))}
      {a.unclosed ? (
        <p class="field-warning">
          <span aria-hidden="true">⚠ </span>A <code>{'{{'}</code> is not closed with <code>{'}}'}</code>.
        </p>
      ) : null}
    </div>
  );
}
