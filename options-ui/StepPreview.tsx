import { useMemo, useState } from 'preact/hooks';
import { fromMarkdown } from '../src/richText/fromMarkdown';
import { describeTarget } from '../src/ui/describeTarget';
import { StepCard } from '../src/ui/StepCard';
import { CARD_CSS } from '../src/ui/styles';
import { ADVANCE_HINTS } from './advanceHint';
import { cleanFingerprint } from './cleanFingerprint';
import type { StepDraft } from './flowDraft';
import { PreviewFrame } from './PreviewFrame';

/**
 * The preview stage around the card: a stand-in for the target (highlighted as on a host page) on
 * the side the placement asks for, and the card's arrow on the facing edge.
 */
const PREVIEW_CSS = `
:host { display: block; }
.stage { display: flex; align-items: center; justify-content: center; gap: 14px; padding: 24px 16px; min-height: 220px;
  background: repeating-linear-gradient(45deg, #f4f6f8, #f4f6f8 10px, #eef1f4 10px, #eef1f4 20px); border-radius: 8px;
  font: 13px/1.4 system-ui, sans-serif; }
.stage.side-bottom { flex-direction: column; } .stage.side-top { flex-direction: column-reverse; }
.stage.side-right { flex-direction: row; } .stage.side-left { flex-direction: row-reverse; }
.stage.side-center { background: rgba(15, 23, 42, .12); }
.target { max-width: 200px; padding: 6px 10px; border: 1px dashed #57606a; border-radius: 6px; background: #fff; color: #1b1f24;
  box-shadow: 0 0 0 3px #0b5cad; word-break: break-word; }
.wm-card { position: relative; }
.wm-arrow { border: 1px solid #c9d1d9; }
.side-bottom .wm-arrow { top: -6px; left: calc(50% - 5px); border-right: 0; border-bottom: 0; }
.side-top .wm-arrow { bottom: -6px; left: calc(50% - 5px); border-left: 0; border-top: 0; }
.side-right .wm-arrow { left: -6px; top: calc(50% - 5px); border-top: 0; border-right: 0; }
.side-left .wm-arrow { right: -6px; top: calc(50% - 5px); border-bottom: 0; border-left: 0; }
.side-center .wm-arrow { display: none; }
:host([data-scheme="dark"]) .stage { background: repeating-linear-gradient(45deg, #161b22, #161b22 10px, #1c2128 10px, #1c2128 20px); }
:host([data-scheme="dark"]) .stage.side-center { background: rgba(0, 0, 0, .35); }
:host([data-scheme="dark"]) .target { background: #22272e; color: #e6edf3; border-color: #8b949e; box-shadow: 0 0 0 3px #4c9aff; }
:host([data-scheme="dark"]) .wm-arrow { border-color: #3d444d; }
`;

type Side = 'top' | 'bottom' | 'left' | 'right' | 'center';

function sideOf(step: StepDraft): Side {
  if (!step.hasTarget) return 'center';
  const p = step.placement;
  // `auto` picks the side with room on a real page; below the target is the usual outcome.
  return p === 'auto' ? 'bottom' : (p.split('-')[0] as Side);
}

interface StepPreviewProps {
  step: StepDraft;
  index: number;
  count: number;
  onGo: (index: number) => void;
}

/**
 * The step as employees will see it: the overlay's own `StepCard` and stylesheet, rendered in a
 * shadow root so that the page's CSS and the card's cannot mix.
 */
export function StepPreview({ step, index, count, onGo }: StepPreviewProps) {
  const [missing, setMissing] = useState(false);
  const body = useMemo(() => fromMarkdown(step.body), [step.body]);
  const side = sideOf(step);
  const targetText = step.hasTarget && /^[a-z][a-z0-9-]*$/.test(step.target.tag) ? describeTarget(cleanFingerprint(step.target)) : null;

  const showMissing = missing && step.hasTarget;

  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading" class="section-title">
        Preview: step {index + 1} of {count}
      </h2>
      <p class="hint">
        {step.hasTarget ? (
          <>
            Points at <span class="mono">{targetText ?? '(no tag yet)'}</span>, placed {step.placement === 'auto' ? 'where there is room (shown below)' : step.placement}.
          </>
        ) : (
          'No target: shown in the middle of the page.'
        )}{' '}
        Back and Next here move between steps.
      </p>
      <PreviewFrame css={CARD_CSS + PREVIEW_CSS} testId="step-preview">
        <div class={`stage side-${showMissing ? 'center' : side}`}>
          {step.hasTarget && !showMissing ? <div class="target">{targetText ?? 'the target element'}</div> : null}
          <StepCard
            titleId="wm-preview-title"
            title={step.title.trim() === '' ? '(no title yet)' : step.title}
            body={body}
            stepIndex={index}
            stepCount={count}
            showNext={step.advance === 'next'}
            hint={step.advance === 'next' ? undefined : ADVANCE_HINTS[step.advance]}
            missing={showMissing}
            skippable={step.skippable}
            onBack={() => onGo(index - 1)}
            onNext={() => (index + 1 < count ? onGo(index + 1) : undefined)}
            onSkip={() => (index + 1 < count ? onGo(index + 1) : undefined)}
            onDismiss={() => undefined}
          />
        </div>
      </PreviewFrame>
      {step.hasTarget ? (
        <label class="check">
          <input type="checkbox" checked={missing} onChange={(e) => setMissing(e.currentTarget.checked)} /> Show as when the target is not found
        </label>
      ) : null}
    </section>
  );
}
