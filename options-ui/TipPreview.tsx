import { useMemo, useState } from 'preact/hooks';
import { fromMarkdown } from '../src/richText/fromMarkdown';
import { describeTarget } from '../src/ui/describeTarget';
import { HintIcon, TipBubble } from '../src/ui/guidance/TipBubble';
import { cleanFingerprint } from './cleanFingerprint';
import { GUIDANCE_PREVIEW_CSS } from './guidancePreviewCss';
import { PreviewFrame } from './PreviewFrame';
import type { TipDraft } from './tipDraft';

/** The hint icon beside its field and the tip it opens: the runtime's own `HintIcon` and `TipBubble`. */
export function TipPreview({ draft }: { draft: TipDraft }) {
  const [open, setOpen] = useState(true);
  const [broken, setBroken] = useState(false);
  const body = useMemo(() => fromMarkdown(draft.body), [draft.body]);
  const title = draft.title.trim() === '' ? '(no title yet)' : draft.title;
  const field = /^[a-z][a-z0-9-]*$/.test(draft.target.tag) ? describeTarget(cleanFingerprint(draft.target), 30) : 'the field';
  const showBroken = broken && draft.hasValidation;
  return (
    <>
      <PreviewFrame css={GUIDANCE_PREVIEW_CSS} testId="guidance-preview">
        <div class="stage">
          <div class="target">
            <span>{field}</span>
            <HintIcon title={title} expanded={open} describedBy={open ? 'wm-preview-tip' : undefined} onShow={() => setOpen(true)} onHide={() => undefined} />
          </div>
          {open ? <TipBubble id="wm-preview-tip" title={title} body={body} message={showBroken ? draft.message.trim() || '(no message yet)' : undefined} /> : null}
        </div>
      </PreviewFrame>
      <div class="preview-controls">
        <label class="check">
          <input type="checkbox" checked={open} onChange={(e) => setOpen(e.currentTarget.checked)} /> Open (on hover or focus)
        </label>
        {draft.hasValidation ? (
          <label class="check">
            <input type="checkbox" checked={broken} onChange={(e) => setBroken(e.currentTarget.checked)} data-testid="preview-broken" /> As when the value breaks a rule
          </label>
        ) : null}
      </div>
    </>
  );
}
