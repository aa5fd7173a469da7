import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { checkTipValue } from '../../src/rules/checkTipValue';
import type { Tip } from '../../src/schema/guidance';
import { HintIcon, TipBubble } from '../../src/ui/guidance/TipBubble';
import { tipDescription } from '../../src/ui/guidance/tipDescription';
import { anchorFloating } from './anchorFloating';
import { describeField } from './describeField';
import { isEditable, isValueField } from './fieldKinds';
import { documentsOf, through, useTarget } from './useTarget';

export interface TipAnchorProps {
  tip: Tip;
  /** Opened from the launcher: focus the field to show the tip. */
  focusSignal: number;
  shown(): void;
}

/** Value of a field, or of a contenteditable: read to check the tip's rules, never kept. */
function valueOf(el: Element): string | null {
  if (isValueField(el)) return el.value;
  if (isEditable(el)) return el.innerText;
  return null;
}

/**
 * A smart tip: a hint icon beside its field; hovering or focusing the icon or the field shows the tip,
 * and so does a value that breaks one of its rules (checked when the user types and leaves the field).
 * Only the verdict is used: the value is never recorded or sent.
 */
export function TipAnchor({ tip, focusSignal, shown }: TipAnchorProps) {
  const el = useTarget(tip.target);
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const [broken, setBroken] = useState(false);
  const iconRef = useRef<HTMLSpanElement>(null);
  const bubbleRef = useRef<HTMLDivElement>(null);
  const id = `wm-tip-${tip.id}`;
  // Esc hides the tip without moving focus (WCAG 1.4.13: content shown on hover or focus is dismissible);
  // the next hover, focus or keystroke in the field shows it again.
  const [dismissed, setDismissed] = useState(false);
  const open = (hover || focus || broken) && !dismissed;
  useEffect(() => {
    if (!open || !el) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setDismissed(true);
    const docs = documentsOf(el);
    for (const d of docs) d.addEventListener('keydown', onKey, true);
    return () => {
      for (const d of docs) d.removeEventListener('keydown', onKey, true);
    };
  }, [open, el]);
  const show = () => {
    setDismissed(false);
    setHover(true);
  };

  useEffect(() => {
    if (el) shown();
  }, [el]);

  useEffect(() => {
    if (!el || focusSignal === 0) return;
    (el as HTMLElement).scrollIntoView?.({ block: 'center' });
    (el as HTMLElement).focus?.();
    setFocus(true);
  }, [focusSignal, el]);

  // Whether the user has been in the field and left it, for this element: a new page state bringing the
  // same tip again must not forget it (nor re-subscribe to the page's events).
  const touched = useRef(false);
  useEffect(() => {
    touched.current = false;
  }, [el]);
  const rulesKey = JSON.stringify(tip.validation ?? null);

  // The field itself: focus and hover show the tip; typing and leaving check the rules.
  useEffect(() => {
    if (!el) return;
    const ac = new AbortController();
    const opts = { capture: true, signal: ac.signal };
    const rules = tip.validation;
    const check = () => {
      const v = valueOf(el);
      if (rules && v !== null) setBroken(checkTipValue(rules, v) !== null);
    };
    // The field's own document: a field in a same-origin frame is focused and typed into there.
    const fieldDoc = el.ownerDocument;
    fieldDoc.addEventListener('focusin', (e) => {
      if (!through(e, el)) return;
      setDismissed(false);
      setFocus(true);
    }, opts);
    fieldDoc.addEventListener('focusout', (e) => {
      if (!through(e, el)) return;
      setFocus(false);
      // A required field is judged once the user has been in it and left.
      touched.current = true;
      check();
    }, opts);
    fieldDoc.addEventListener('input', (e) => {
      if (!through(e, el)) return;
      setDismissed(false);
      // While typing, an empty value is not yet an error; a too long or malformed one is.
      const v = valueOf(el);
      if (rules && v !== null) setBroken(checkTipValue({ ...rules, required: rules.required && touched.current }, v) !== null);
    }, opts);
    el.addEventListener('mouseenter', () => {
      setDismissed(false);
      setHover(true);
    }, { signal: ac.signal });
    el.addEventListener('mouseleave', () => setHover(false), { signal: ac.signal });
    return () => ac.abort();
  }, [el, rulesKey]);

  // The field's accessible description says the tip (and the broken rule), so that a screen reader
  // hears it on reaching the field, not only through the hint icon; the message is also announced
  // (role=alert) when it appears.
  // Keyed by the text, not the document: each page state brings a new copy of the same tip, which must
  // not rewrite the host's attribute.
  const description = tipDescription(tip.title, tip.body, broken ? tip.validation?.message : undefined);
  useEffect(() => {
    if (!el) return;
    return describeField(el, description);
  }, [el, description]);

  useLayoutEffect(() => {
    if (!el || !iconRef.current) return;
    return anchorFloating(el, iconRef.current.firstElementChild as HTMLElement, 'right', 6);
  }, [el]);
  useLayoutEffect(() => {
    if (!el || !open || !bubbleRef.current) return;
    return anchorFloating(el, bubbleRef.current.firstElementChild as HTMLElement, 'bottom-start', 8);
  }, [el, open]);

  if (!el) return null;
  return (
    <>
      <span ref={iconRef} data-waymark-hint={tip.id}>
        <HintIcon title={tip.title} expanded={open} describedBy={open ? id : undefined} onShow={show} onHide={() => setHover(false)} />
      </span>
      {open ? (
        <div ref={bubbleRef}>
          <TipBubble id={id} title={tip.title} body={tip.body} message={broken ? tip.validation?.message : undefined} />
        </div>
      ) : null}
    </>
  );
}
