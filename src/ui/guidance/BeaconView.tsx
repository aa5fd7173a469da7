import type { RichText } from '../../schema/richText';
import { RichTextView } from '../RichTextView';

/** The pulsing hotspot on a new feature. */
export function BeaconDot({ title, onOpen }: { title: string; onOpen(): void }) {
  return <button type="button" class="wm-g-beacon" aria-label={`New: ${title}`} aria-haspopup="dialog" onClick={onOpen} />;
}

/** What the beacon says when opened. */
export function BeaconCard({ title, body, onClose }: { title: string; body: RichText; onClose(): void }) {
  return (
    <div class="wm-card" role="dialog" aria-modal="false" aria-label={title} tabIndex={-1}>
      <div class="wm-head">
        <h2 class="wm-title">{title}</h2>
        <button type="button" class="wm-close" aria-label="Close" onClick={onClose}>×</button>
      </div>
      <div class="wm-body"><RichTextView doc={body} /></div>
      <div class="wm-foot"><span /><span class="wm-actions"><button type="button" class="wm-btn wm-primary" onClick={onClose}>Got it</button></span></div>
    </div>
  );
}
