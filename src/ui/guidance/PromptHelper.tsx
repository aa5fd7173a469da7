import type { CSSProperties } from 'preact';

export interface PromptChoice {
  id: string;
  name: string;
  description: string;
}

/** What the helper shows: the templates, one template being edited, or the thanks after an insertion. */
export type PromptHelperStage =
  | { kind: 'list' }
  | { kind: 'edit'; id: string; text: string; missing: string[] }
  | { kind: 'used'; id: string; rated: 'up' | 'down' | null };

export interface PromptHelperProps {
  templates: PromptChoice[];
  stage: PromptHelperStage;
  onChoose(id: string): void;
  onText(text: string): void;
  onInsert(): void;
  onBack(): void;
  onClose(): void;
  onRate(rating: 'up' | 'down'): void;
  style?: CSSProperties | undefined;
}

/**
 * The prompt helper beside an AI assistant's input: offers the page's templates, lets the user edit the
 * filled text, and inserts it. What the user edits stays on the page.
 */
export function PromptHelper(p: PromptHelperProps) {
  const st = p.stage;
  const chosen = st.kind === 'list' ? undefined : p.templates.find((t) => t.id === st.id);
  return (
    <div class="wm-card wm-g-panel" role="dialog" aria-modal="false" aria-label="Prompt ideas" tabIndex={-1} style={p.style} data-waymark-prompts="">
      <div class="wm-head">
        <h2 class="wm-title">{chosen ? chosen.name : 'Prompt ideas for this page'}</h2>
        <button type="button" class="wm-close" aria-label="Close prompt ideas" onClick={p.onClose}>×</button>
      </div>
      {st.kind === 'list' ? (
        <ul class="wm-g-list">
          {p.templates.map((t) => (
            <li key={t.id}>
              <button type="button" class="wm-btn wm-g-item" style={{ display: 'block', width: '100%', marginBottom: '4px' }} data-template={t.id} onClick={() => p.onChoose(t.id)}>
                {t.name}
                {t.description ? <span class="wm-g-detail">{t.description}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {st.kind === 'edit' ? (
        <>
          {st.missing.length > 0 ? <p class="wm-g-missing" role="status">Fill in: {st.missing.join(', ')}</p> : null}
          <label>
            <span class="wm-g-label">Edit the prompt, then insert it</span>
            <textarea class="wm-g-text" value={st.text} onInput={(e) => p.onText(e.currentTarget.value)} />
          </label>
          <div class="wm-foot">
            <span class="wm-actions"><button type="button" class="wm-btn" onClick={p.onBack}>Back</button></span>
            <span class="wm-actions"><button type="button" class="wm-btn wm-primary" onClick={p.onInsert}>Insert</button></span>
          </div>
        </>
      ) : null}
      {st.kind === 'used' ? (
        <div class="wm-foot">
          <span class="wm-progress">{st.rated ? 'Thanks for the feedback.' : 'Inserted. Was this prompt helpful?'}</span>
          {st.rated ? null : (
            <span class="wm-actions">
              <button type="button" class="wm-btn" aria-label="Helpful" onClick={() => p.onRate('up')}>👍</button>
              <button type="button" class="wm-btn" aria-label="Not helpful" onClick={() => p.onRate('down')}>👎</button>
            </span>
          )}
        </div>
      ) : null}
    </div>
  );
}
