import { useMemo, useState } from 'preact/hooks';
import type { Feature } from '../src/schema/flow';
import { fromMarkdown } from '../src/richText/fromMarkdown';
import { describeTarget } from '../src/ui/describeTarget';
import { BeaconCard, BeaconDot } from '../src/ui/guidance/BeaconView';
import type { BeaconDraft } from './beaconDraft';
import { cleanFingerprint } from './cleanFingerprint';
import { GUIDANCE_PREVIEW_CSS } from './guidancePreviewCss';
import { PreviewFrame } from './PreviewFrame';

/** The pulsing hotspot on its element and the card it opens: the runtime's own `BeaconDot` and `BeaconCard`. */
export function BeaconPreview({ draft, features }: { draft: BeaconDraft; features: readonly Feature[] }) {
  const [open, setOpen] = useState(false);
  const body = useMemo(() => fromMarkdown(draft.body), [draft.body]);
  const title = draft.title.trim() === '' ? '(no title yet)' : draft.title;
  const target = /^[a-z][a-z0-9-]*$/.test(draft.target.tag) ? describeTarget(cleanFingerprint(draft.target), 30) : 'the element';
  const feature = features.find((f) => f.id === draft.featureId);
  return (
    <>
      <PreviewFrame css={GUIDANCE_PREVIEW_CSS} testId="guidance-preview">
        <div class="stage">
          <div class="target">
            <span>{target}</span>
            <BeaconDot title={title} onOpen={() => setOpen(true)} />
          </div>
          {open ? <BeaconCard title={title} body={body} onClose={() => setOpen(false)} /> : null}
        </div>
      </PreviewFrame>
      <p class="hint preview-note">
        {open ? 'Opened. ' : 'Click the dot to open it. '}
        {feature ? `It pulses until each person first uses “${feature.name}”.` : 'It pulses until each person opens it.'}
      </p>
    </>
  );
}
