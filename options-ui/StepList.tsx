import { useEffect, useRef } from 'preact/hooks';
import type { StepHealth } from '../src/metrics/stepHealth';
import type { DocIssue } from '../src/schema/migrate';
import { describeTarget } from '../src/ui/describeTarget';
import { ADVANCE_LABELS } from './advanceHint';
import { cleanFingerprint } from './cleanFingerprint';
import type { StepDraft } from './flowDraft';
import { stepIndexOf } from './issuesAt';

interface StepListProps {
  steps: StepDraft[];
  selected: number;
  issues: readonly DocIssue[];
  /** Recorded per step: shown, target missing, target ambiguous. */
  health?: readonly StepHealth[];
  onSelect: (index: number) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
  /** After a move, the step whose button should keep focus, and which button. */
  focusAfterMove: { key: string; action: 'up' | 'down' } | null;
}

/**
 * The ordered steps: select one to edit and preview it, and reorder with buttons (keyboard reachable,
 * focus follows the moved step).
 */
export function StepList({ steps, selected, issues, health = [], onSelect, onMove, onRemove, onAdd, focusAfterMove }: StepListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!focusAfterMove) return;
    const row = listRef.current?.querySelector(`[data-step-key="${focusAfterMove.key}"]`);
    const preferred = row?.querySelector<HTMLButtonElement>(`[data-action="${focusAfterMove.action}"]`);
    const other = row?.querySelector<HTMLButtonElement>(`[data-action="${focusAfterMove.action === 'up' ? 'down' : 'up'}"]`);
    (preferred && !preferred.disabled ? preferred : other)?.focus();
  }, [focusAfterMove]);
  const withIssues = new Set(issues.map((i) => stepIndexOf(i.path)).filter((i) => i !== null));
  return (
    <div class="steps">
      <ol class="step-list" ref={listRef}>
        {steps.map((s, i) => {
          const title = s.title.trim() === '' ? 'Untitled step' : s.title;
          const what = s.hasTarget && /^[a-z][a-z0-9-]*$/.test(s.target.tag) ? describeTarget(cleanFingerprint(s.target), 24) : 'no target';
          return (
            <li key={s.key} data-testid="step-row" data-step-id={s.id} data-step-key={s.key} class={`step-row${i === selected ? ' selected' : ''}`}>
              <button type="button" class="step-select" aria-current={i === selected ? 'step' : undefined} onClick={() => onSelect(i)}>
                <span class="step-num" aria-hidden="true">
                  {i + 1}
                </span>
                <span class="step-text">
                  <span class="step-title">
                    <span class="sr-only">Step {i + 1}: </span>
                    {title}
                  </span>
                  <span class="step-meta">
                    {ADVANCE_LABELS[s.advance].label} · {what}
                  </span>
                  {(() => {
                    const h = health.find((x) => x.stepId === s.id);
                    if (!h || h.missing + h.ambiguous === 0) return null;
                    const parts = [h.missing ? `missing ${h.missing}×` : '', h.ambiguous ? `ambiguous ${h.ambiguous}×` : ''].filter(Boolean);
                    return (
                      <span class="step-flag" data-testid="step-missing">
                        <span aria-hidden="true">⚠ </span>target {parts.join(', ')} for people (shown {h.shown}×): check it still points at the right element
                      </span>
                    );
                  })()}
                  {withIssues.has(i) ? (
                    <span class="step-flag">
                      <span aria-hidden="true">⚠ </span>needs attention
                    </span>
                  ) : null}
                </span>
              </button>
              <span class="step-actions">
                <button type="button" class="btn btn-icon" data-action="up" aria-label={`Move step ${i + 1} up`} title="Move up" disabled={i === 0} onClick={() => onMove(i, -1)}>
                  ↑
                </button>
                <button type="button" class="btn btn-icon" data-action="down" aria-label={`Move step ${i + 1} down`} title="Move down" disabled={i === steps.length - 1} onClick={() => onMove(i, 1)}>
                  ↓
                </button>
                <button type="button" class="btn btn-icon btn-danger-quiet" aria-label={`Remove step ${i + 1}`} title="Remove" onClick={() => onRemove(i)}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" class="btn" data-testid="add-step" onClick={onAdd}>
        + Add step
      </button>
    </div>
  );
}
