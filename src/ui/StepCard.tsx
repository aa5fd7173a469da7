import type { CSSProperties, Ref } from 'preact';
import type { RichText } from '../schema/richText';
import { RichTextView } from './RichTextView';

export interface StepCardProps {
  /** Used for aria-labelledby; unique within the card's root. */
  titleId: string;
  title: string;
  body: RichText;
  stepIndex: number;
  stepCount: number;
  /** Whether Next is offered; steps that advance on a click or input show a hint instead. */
  showNext: boolean;
  /** What the user must do to go on, when Next is not offered. */
  hint?: string | undefined;
  /** The step's target could not be found: explain, and offer to skip. */
  missing?: boolean | undefined;
  skippable?: boolean | undefined;
  onBack?: (() => void) | undefined;
  onNext?: (() => void) | undefined;
  onSkip?: (() => void) | undefined;
  onDismiss?: (() => void) | undefined;
  /** "This confused me": records where people get confused (`step_confused`). */
  onConfused?: (() => void) | undefined;
  /** Pressed already on this step: the button thanks instead. */
  confused?: boolean | undefined;
  /** Where the arrow element goes (the overlay positions it); omitted in previews. */
  arrowRef?: Ref<HTMLDivElement> | undefined;
  cardRef?: Ref<HTMLDivElement> | undefined;
  style?: CSSProperties | undefined;
}

/**
 * The guidance card: shared by the overlay on host pages and the preview in the options page, so what
 * an admin previews is what employees see. It is a non-modal dialog: the user keeps working in the
 * host app while it is open.
 */
export function StepCard(p: StepCardProps) {
  const last = p.stepIndex + 1 >= p.stepCount;
  return (
    <div class="wm-card" role="dialog" aria-modal="false" aria-labelledby={p.titleId} tabIndex={-1} ref={p.cardRef} style={p.style}>
      <div class="wm-head">
        <h2 class="wm-title" id={p.titleId}>{p.title}</h2>
        <button type="button" class="wm-close" aria-label="Close guide" title="Close (Esc)" onClick={p.onDismiss}>×</button>
      </div>
      {p.missing ? (
        <div class="wm-body">
          <p class="wm-p wm-missing" role="status">
            The element this step points at is not on this page right now. The page may have changed since the guide was written.
          </p>
        </div>
      ) : (
        <div class="wm-body"><RichTextView doc={p.body} /></div>
      )}
      {!p.missing && !p.showNext && p.hint ? <p class="wm-hint">{p.hint}</p> : null}
      <div class="wm-foot">
        <span class="wm-progress" aria-label={`Step ${p.stepIndex + 1} of ${p.stepCount}`}>
          {p.stepIndex + 1} of {p.stepCount}
        </span>
        <button type="button" class="wm-confused" disabled={p.confused} aria-pressed={p.confused === true} onClick={p.onConfused}>
          {p.confused ? 'Thanks, noted' : 'This confused me'}
        </button>
        <span class="wm-actions">
          {p.stepIndex > 0 ? <button type="button" class="wm-btn" onClick={p.onBack}>Back</button> : null}
          {p.missing && p.skippable !== false ? <button type="button" class="wm-btn wm-primary" onClick={p.onSkip}>Skip step</button> : null}
          {!p.missing && p.showNext ? (
            <button type="button" class="wm-btn wm-primary" onClick={p.onNext}>{last ? 'Done' : 'Next'}</button>
          ) : null}
        </span>
      </div>
      <div class="wm-arrow" ref={p.arrowRef} aria-hidden="true" />
    </div>
  );
}
