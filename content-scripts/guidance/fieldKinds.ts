/*
 * What kind of field an element is, whatever window it belongs to. The top frame's locator reaches into
 * same-origin frames, and an element of a frame is an instance of that frame's `HTMLInputElement`, not
 * ours: `instanceof` against our globals says no, and a tip or prompt helper there did nothing.
 */

/** A form field with a `value`. */
export type ValueField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export function isValueField(el: Element): el is ValueField {
  return el.localName === 'input' || el.localName === 'textarea' || el.localName === 'select';
}

/** An element with text the user edits in place. */
export function isEditable(el: Element): el is HTMLElement {
  return (el as Partial<HTMLElement>).isContentEditable === true;
}

/** The native `value` setter of the field's own window, which frameworks' instance-level trackers do not see. */
export function nativeValueSetter(el: HTMLInputElement | HTMLTextAreaElement): ((v: string) => void) | undefined {
  const win = (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  const proto = el.localName === 'textarea' ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
  return Object.getOwnPropertyDescriptor(proto, 'value')?.set;
}
