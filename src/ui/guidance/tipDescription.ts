import type { Inline, RichText } from '../../schema/richText';

/**
 * What a smart tip says to assistive tech, as one line: the broken rule's message first (while the
 * value breaks it), then the title and the guidance's text. Written on the host's field as its
 * description, because the tip itself lives in a shadow root that `aria-describedby` ids cannot reach.
 */
export function tipDescription(title: string, body: RichText, message?: string): string {
  const inline = (xs: Inline[]) =>
    xs.map((x) => (x.type === 'text' ? x.text : x.children.map((c) => c.text).join(''))).join('');
  const text = body
    .map((b) => (b.type === 'paragraph' ? inline(b.children) : b.type === 'list' ? b.items.map(inline).join('; ') : b.text))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const tip = text ? `${title}: ${text}` : title;
  return message ? `${message} ${tip}` : tip;
}
