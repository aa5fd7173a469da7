import { useRef, useState } from 'preact/hooks';
import type { CSSProperties } from 'preact';
import { usePanelFocus, type PanelFocus } from './usePanelFocus';

export interface SurveyCardProps {
  question: string;
  /** Offer the optional comment box. */
  allowComment: boolean;
  /** `comment` is undefined unless the user wrote one. */
  onSubmit(score: number, comment: string | undefined): void;
  onClose(): void;
  /** Whether it takes focus on opening. @default 'never' */
  focus?: PanelFocus;
  style?: CSSProperties | undefined;
}

const SCORES = [1, 2, 3, 4, 5] as const;

/** The micro-survey after a flow: a score from 1 to 5 and an optional comment. */
export function SurveyCard(p: SurveyCardProps) {
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = usePanelFocus(ref, p.focus ?? 'never', p.onClose);
  return (
    <div class="wm-card" role="dialog" aria-modal="false" aria-labelledby="wm-g-survey-q" tabIndex={-1} style={p.style} ref={ref} onKeyDown={onKeyDown} data-waymark-survey="">
      <div class="wm-head">
        <h2 class="wm-title" id="wm-g-survey-q">{p.question}</h2>
        <button type="button" class="wm-close" aria-label="Close survey" onClick={p.onClose}>×</button>
      </div>
      <div class="wm-g-scores" role="group" aria-label="Score from 1 (poor) to 5 (great)">
        {SCORES.map((s) => (
          <button type="button" key={s} class="wm-g-score" aria-pressed={score === s} onClick={() => setScore(s)}>{s}</button>
        ))}
      </div>
      {p.allowComment ? (
        <label>
          <span class="wm-g-label">Comment (optional)</span>
          <textarea class="wm-g-text" maxLength={1000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
        </label>
      ) : null}
      <div class="wm-foot">
        <span />
        <span class="wm-actions">
          <button
            type="button"
            class="wm-btn wm-primary"
            disabled={score === null}
            onClick={() => score !== null && p.onSubmit(score, comment.trim() === '' ? undefined : comment.trim())}
          >
            Send
          </button>
        </span>
      </div>
    </div>
  );
}
