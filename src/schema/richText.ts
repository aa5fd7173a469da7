import { z } from 'zod';
import { SAFE_LINK } from './safeLink';

export { SAFE_LINK };

/**
 * Authored rich text is structured data, never HTML: it is rendered as Preact elements, so there is no
 * string that a browser could parse as markup. The allowed marks are bold, italic and inline code;
 * blocks are paragraphs, lists and code blocks; links only to http(s) and mailto.
 */

export const TextRunSchema = z.strictObject({
  type: z.literal('text'),
  text: z.string().max(5000),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  code: z.boolean().optional(),
});
export type TextRun = z.infer<typeof TextRunSchema>;

export const LinkSchema = z.strictObject({
  type: z.literal('link'),
  href: z.string().max(2048).regex(SAFE_LINK, 'links must start with http://, https:// or mailto:'),
  children: z.array(TextRunSchema).min(1).max(50),
});
export type Link = z.infer<typeof LinkSchema>;

export const InlineSchema = z.discriminatedUnion('type', [TextRunSchema, LinkSchema]);
export type Inline = z.infer<typeof InlineSchema>;

const inlines = z.array(InlineSchema).max(200);

export const BlockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), children: inlines }),
  z.strictObject({
    type: z.literal('list'),
    ordered: z.boolean(),
    items: z.array(inlines).min(1).max(50),
  }),
  z.strictObject({ type: z.literal('code'), text: z.string().max(5000) }),
]);
export type Block = z.infer<typeof BlockSchema>;

export const RichTextSchema = z.array(BlockSchema).max(50);
export type RichText = z.infer<typeof RichTextSchema>;

/** Plain text as rich text: one paragraph per blank-line-separated chunk. */
export function plainToRichText(plain: string): RichText {
  return plain
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text: p }] }));
}

/** The visible characters of a rich text, for search and previews. */
export function richTextToPlain(doc: RichText): string {
  const inline = (xs: Inline[]) => xs.map((x) => (x.type === 'text' ? x.text : x.children.map((c) => c.text).join(''))).join('');
  return doc
    .map((b) => (b.type === 'paragraph' ? inline(b.children) : b.type === 'list' ? b.items.map(inline).join('\n') : b.text))
    .join('\n\n');
}
