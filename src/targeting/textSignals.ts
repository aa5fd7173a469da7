import type { ElementFingerprint } from '../schema/fingerprint';
import type { Signal } from './signal';
import { fastTextSimilarity } from './fastTextSimilarity';
import { compileText } from './similarity';

/** The fields a user reads, in the order assistive technology would prefer them. */
const NAME_FIELDS = ['ariaLabel', 'label', 'text', 'title', 'placeholder', 'alt'] as const;
type NameField = (typeof NAME_FIELDS)[number];

/**
 * What the user reads on or for the element. Releases move a name between fields (a text button becomes
 * an icon button with an aria-label; a label becomes a placeholder), so every target field is compared with
 * every candidate field, a little below full credit across fields. Mostly the best pair counts; the mean
 * over the target's fields breaks ties between a candidate that matches one field and one that matches all.
 */
export function accessibleNameSignal(target: ElementFingerprint): Signal | null {
  const fields: { field: NameField; sim: (s: string) => number }[] = [];
  for (const field of NAME_FIELDS) {
    const value = target[field];
    if (value === undefined) continue;
    const compiled = compileText(value);
    if (compiled.words.length > 0) fields.push({ field, sim: fastTextSimilarity(compiled) });
  }
  if (fields.length === 0) return null;
  return {
    name: 'accessibleName',
    // The strongest single signal: what the user reads is what the step talks about.
    weight: 7,
    witness: 'name',
    similarity(c) {
      let best = 0;
      let sum = 0;
      for (const t of fields) {
        let fieldBest = 0;
        for (const field of NAME_FIELDS) {
          const value = c[field];
          if (value === undefined || value === '') continue;
          const s = t.sim(value) * (field === t.field ? 1 : 0.9);
          if (s > fieldBest) fieldBest = s;
        }
        sum += fieldBest;
        if (fieldBest > best) best = fieldBest;
      }
      return 0.8 * best + (0.2 * sum) / fields.length;
    },
  };
}

const FIELD_TAGS = new Set(['input', 'select', 'textarea']);

/** The caption slot of a fingerprint's neighbour text ('' for none). */
function captionOf(fp: ElementFingerprint): string {
  return fp.neighborText === undefined ? '' : (neighborSlots(fp.neighborText)[2] ?? '');
}

/**
 * A form field's name when it has none of its own: the caption just before it ("Street" beside an
 * unlinked input), which is what the user reads as its label. A release may link it as a real label,
 * so the caption is compared with the candidate's name fields too, a little below full credit. It
 * reads neighbour text, which is costly on a live page, so the ranker runs it after the cheap signals.
 * `null` when the target has a name of its own (see `accessibleNameSignal`) or no caption.
 */
export function captionNameSignal(target: ElementFingerprint): Signal | null {
  if (!FIELD_TAGS.has(target.tag) || NAME_FIELDS.some((f) => target[f] !== undefined && target[f] !== '')) return null;
  const caption = compileText(captionOf(target));
  if (caption.words.length === 0) return null;
  const sim = fastTextSimilarity(caption);
  return {
    name: 'accessibleName',
    // Less than a real name: the caption is inferred from layout, and may be a hint or a unit instead.
    weight: 4,
    witness: 'name',
    similarity(c) {
      let best = 0;
      for (const field of NAME_FIELDS) {
        const value = c[field];
        if (value !== undefined && value !== '') best = Math.max(best, 0.9 * sim(value));
      }
      const theirs = captionOf(c);
      return theirs === '' ? best : Math.max(best, sim(theirs));
    },
  };
}

/** The slots of a neighbour text (see `content-scripts/targeting/neighborText.ts`): section, item, caption. */
export function neighborSlots(text: string): string[] {
  return text.split('\u00b7').map((p) => p.trim());
}

export interface NeighborContext {
  /** In [0, 1]. */
  readonly agreement: number;
  /**
   * True when the target has a row label: rows are data, not wording, so another row label means
   * another item, and nothing else may stand in for it. Section headings and captions are wording,
   * which releases rephrase and translate: disagreement there is weak evidence.
   */
  readonly strict: boolean;
  /**
   * The target has a row label and the candidate another one: another record. Not so for a candidate
   * outside any row (an action moved out of the grid into a toolbar): it agrees with no row, yet
   * names no other record either.
   */
  readonly otherRow: boolean;
}

export interface NeighborSignal extends Signal {
  /**
   * Whether the candidate is in the same surroundings as the target, for the identity rule; `null` when
   * the candidate has no neighbour text to compare. A row label must agree nearly exactly: "John
   * Lovelace" is not "John Tanaka"'s row, however many words they share.
   */
  context(candidate: ElementFingerprint): NeighborContext | null;
}

/** What another row's label counts (see `hrefSignal`: another record's link counts the same). */
const OTHER_ROW = -0.3;

function ramp(x: number, lo: number, hi: number): number {
  return x <= lo ? 0 : x >= hi ? 1 : (x - lo) / (hi - lo);
}

/**
 * Text around the element, slot by slot: its section heading, its table row, an unlabelled field's
 * caption. The row weighs more than the rest, since look-alikes (the Edit of every row) share the
 * section and differ only in the row.
 */
export function neighborTextSignal(target: ElementFingerprint, captionIsName = false): NeighborSignal | null {
  if (target.neighborText === undefined) return null;
  const slots = neighborSlots(target.neighborText).map((p) => (p === '' ? null : fastTextSimilarity(compileText(p))));
  const [section = null, row = null, caption = null] = slots;
  if (section === null && row === null && caption === null) return null;

  const parts = (c: ElementFingerprint) => {
    if (!c.neighborText) return null;
    const theirs = neighborSlots(c.neighborText);
    const sim = (f: ((s: string) => number) | null, i: number) => (f === null ? null : f(theirs[i] ?? ''));
    const rowSim = sim(row, 1);
    // A candidate outside any row is no other record: no evidence either way (not a contradiction).
    const rowless = (theirs[1] ?? '') === '';
    return { section: sim(section, 0), row: rowSim === null ? null : ramp(rowSim, 0.6, 1), otherRow: rowSim !== null && !rowless && rowSim < 0.6, caption: sim(caption, 2) };
  };
  const mean = (xs: (number | null)[]) => {
    const present = xs.filter((x): x is number => x !== null);
    return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
  };
  return {
    name: 'neighborText',
    // Look-alikes (the Edit button of every row, the Save of every card) differ mainly here, so it must
    // weigh enough for one mismatch to separate them. A row label is data, like a record's id in a link:
    // where the target has one, it weighs as much as a test id, which every row's Edit shares anyway.
    weight: row === null ? 3 : 6,
    witness: 'context',
    similarity(c) {
      const p = parts(c);
      if (p === null) return 0;
      const wording = mean([p.section, p.caption]);
      if (p.row === null) return wording ?? 0;
      // Another row label is another record: evidence against, as another record's link is.
      const rowScore = p.otherRow ? OTHER_ROW : p.row;
      return wording === null ? rowScore : 0.3 * wording + 0.7 * rowScore;
    },
    context(c) {
      const p = parts(c);
      if (p === null) return null;
      if (p.row !== null) return { agreement: p.row, strict: true, otherRow: p.otherRow };
      // A caption that serves as the name (see `captionNameSignal`) is evidence of the name, not of the
      // surroundings: counting it twice would let the Street field of another section pass as this one.
      return { agreement: mean(captionIsName ? [p.section] : [p.section, p.caption]) ?? 0, strict: false, otherRow: false };
    },
  };
}
