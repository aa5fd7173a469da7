import type { RichText } from '../../schema/richText';
import { RichTextView } from '../RichTextView';

export interface TipBubbleProps {
  /** For aria-describedby on the field and the hint icon. */
  id: string;
  title: string;
  body: RichText;
  /** Set while the field's value breaks one of the tip's rules: said first, and announced. */
  message?: string | undefined;
}

/** A smart tip's guidance, beside its field. */
export function TipBubble(p: TipBubbleProps) {
  return (
    <div class="wm-card wm-g-bubble" role="tooltip" id={p.id} data-waymark-tip={p.id}>
      <h2 class="wm-title">{p.title}</h2>
      {p.message ? <p class="wm-g-error" role="alert">{p.message}</p> : null}
      <div class="wm-body"><RichTextView doc={p.body} /></div>
    </div>
  );
}

export interface HintIconProps {
  title: string;
  expanded: boolean;
  /** The bubble's id, once shown. */
  describedBy?: string | undefined;
  onShow(): void;
  onHide(): void;
}

/** The "?" beside a field: hovering it or focusing it shows the tip. */
export function HintIcon(p: HintIconProps) {
  return (
    <button
      type="button"
      class="wm-g-hint"
      aria-label={`Tip: ${p.title}`}
      aria-expanded={p.expanded}
      aria-describedby={p.describedBy}
      onMouseEnter={p.onShow}
      onMouseLeave={p.onHide}
      onFocus={p.onShow}
      onBlur={p.onHide}
      onClick={p.expanded ? p.onHide : p.onShow}
    >
      ?
    </button>
  );
}
