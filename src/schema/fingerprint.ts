import { z } from 'zod';

/** Geometry of an element when it was captured, in CSS pixels relative to the top-level viewport. */
export const RectSchema = z.strictObject({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().nonnegative(),
  height: z.number().finite().nonnegative(),
});
export type Rect = z.infer<typeof RectSchema>;

const text = (max: number) => z.string().max(max);

/** The fields that can single an element out, for `uniqueBy`. */
export const IdentifyingFieldSchema = z.enum(['id', 'testId', 'name', 'href', 'accessibleName', 'icon']);
export type IdentifyingField = z.infer<typeof IdentifyingFieldSchema>;

/**
 * A plain JSON description of an element, captured at authoring time so that the element can be found
 * again later (and scored offline by other tools). Only `tag` is required: every matcher must work on
 * whatever subset of fields is present. The field names are a published contract; add, never rename.
 */
export const ElementFingerprintSchema = z.strictObject({
  /** Lower-case tag name, e.g. `button`. */
  tag: z.string().min(1).max(64).regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case tag name'),
  id: text(512).optional(),
  name: text(512).optional(),
  classes: z.array(text(256)).max(64).optional(),
  role: text(64).optional(),
  ariaLabel: text(1024).optional(),
  /** Text of the element's label (label[for], wrapping label, aria-labelledby). */
  label: text(1024).optional(),
  placeholder: text(1024).optional(),
  title: text(1024).optional(),
  type: text(64).optional(),
  href: text(2048).optional(),
  alt: text(1024).optional(),
  /** data-testid and its kin (data-test, data-cy, data-qa). */
  testId: text(512).optional(),
  /** The element's own visible text, whitespace-collapsed. */
  text: text(1024).optional(),
  /** Visible text around the element (a heading, a row label), whitespace-collapsed. */
  neighborText: text(2048).optional(),
  xpath: text(4096).optional(),
  /** Absolute path of child indexes from the document root, e.g. `0/1/3/0`. */
  indexPath: text(4096).optional(),
  rect: RectSchema.optional(),
  isButton: z.boolean().optional(),
  /** Index chain of same-origin iframes from the top document to the element's document. */
  framePath: z.array(z.number().int().nonnegative()).max(16).optional(),
  /** Chain of shadow-host descriptions (tag#id) from the document to the element's shadow root. */
  shadowPath: z.array(text(512)).max(16).optional(),
  /**
   * The identifying fields that no other element on the page shared when the fingerprint was captured.
   * A later page where one element still carries such a field, in other surroundings, shows a moved
   * element, not a namesake left behind by a removal. Empty: none was unique (a namesake of the
   * element was there: the one left after a removal may be it). Absent: not known.
   */
  uniqueBy: z.array(IdentifyingFieldSchema).max(6).optional(),
  /**
   * The names of the nearest elements of the same kind before and after it in document order ('' for
   * none): an element renamed in place still sits between the same two.
   */
  adjacentNames: z.tuple([text(64), text(64)]).optional(),
  /**
   * The language of the element's text (its nearest `lang` attribute, usually the document's), e.g.
   * `en-US`: where it differs, names and headings were translated, not replaced.
   */
  lang: text(64).optional(),
  /**
   * Its place among the elements of its kind in its group, `[index, count]` (0-based): in the nearest
   * ancestor that holds another element of the same kind (the 3rd of 5 buttons of a toolbar). Survives
   * translation, rewording and wrappers; an element removed from the group changes the count.
   */
  /**
   * The element's own icon as a language-neutral name, e.g. `trash`: from an SVG sprite reference
   * (`<use href="#icon-trash">`), an icon-font class (`fa-trash`, `bi-trash`), a ligature icon's word
   * (`<span class="material-icons">delete</span>`), an icon image's file name without its content hash,
   * or `svg-` and a hash of an inline SVG's geometry. Translation renames buttons, not their icons.
   */
  icon: text(64).optional(),
  ordinal: z.tuple([z.number().int().nonnegative().max(10000), z.number().int().positive().max(10000)]).optional(),
});
export type ElementFingerprint = z.infer<typeof ElementFingerprintSchema>;
