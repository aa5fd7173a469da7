import DOMPurify from 'dompurify';
import type { RichText } from '../src/schema/richText';
import { htmlToRichText } from './htmlToRichText';

/**
 * Only structural tags survive; everything else is removed and keeps its text (scripts, styles and
 * the like lose their content too). `style` is kept only so that `htmlToRichText` can read
 * `font-weight` / `font-style` from it: the sanitised nodes are never put into the page.
 */
export const PASTE_ALLOWED_TAGS = [
  'p', 'div', 'br', 'span', 'strong', 'b', 'em', 'i', 'cite', 'dfn', 'u', 's', 'code', 'kbd', 'samp', 'tt', 'pre',
  'a', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
];
export const PASTE_ALLOWED_ATTR = ['href', 'style'];

/**
 * HTML from outside (a paste, an imported body) as rich text: sanitised by DOMPurify first, then
 * converted from the sanitised DOM. Never rendered as HTML.
 */
export function richTextFromHtml(html: string): RichText {
  const fragment = DOMPurify.sanitize(html, {
    ALLOWED_TAGS: PASTE_ALLOWED_TAGS,
    ALLOWED_ATTR: PASTE_ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  return htmlToRichText(fragment);
}
