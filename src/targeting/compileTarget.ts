import type { ElementFingerprint, IdentifyingField } from '../schema/fingerprint';
import { classSignal } from './classSignal';
import { REWORDED_AT, REWORDED_FROM, type Evidence } from './confidence';
import { iconAgreement, iconSignal } from './iconSignal';
import { hrefSignal, identitySignal } from './identitySignals';
import { ordinalSignal, pathSignal, rectSignal, scopeSignal, type PathSignal } from './placeSignals';
import { effectiveRole, roleSignal, tagSignal, typeSignal } from './shapeSignals';
import { restyledFrom } from './styleParts';
import { fastTextSimilarity } from './fastTextSimilarity';
import { shortName } from './shortName';
import { compileText } from './similarity';
import type { Signal, SignalName } from './signal';
import { accessibleNameSignal, captionNameSignal, neighborSlots, neighborTextSignal, type NeighborSignal } from './textSignals';

/**
 * A target prepared for scoring many candidates: the per-target work of every signal done once. Scores
 * here are weighted sums; divide by `totalWeight` for the [0, 1] score.
 *
 * Signals come in three groups, by what they cost on a live page and how much they tell apart:
 * - `first`, run on every candidate: the tag, and the name, which tells most candidates apart;
 * - `middle`: role, attributes, classes and neighbour text (which separates rows of look-alikes);
 * - `late`: path and geometry, the costliest to read (a layout query per element).
 */
export interface CompiledTarget {
  readonly totalWeight: number;
  readonly first: readonly Signal[];
  readonly middle: readonly Signal[];
  readonly late: readonly Signal[];
  /** Run before seeding on the candidates close to the top (see `rankCandidates.ts`); in `middle`. */
  readonly lead: Signal | null;
  /** The accessible-name signal (in `first`), whose values the ranker keeps to count namesakes. */
  readonly name: Signal | undefined;
  /** The target's `uniqueBy`: identifying fields no other element shared when it was captured. */
  readonly uniqueBy: ReadonlySet<IdentifyingField>;
  /** The target records `uniqueBy` (maybe empty): the fields missing from it were not unique then. */
  readonly uniqueKnown: boolean;
  /** The target's own icon (`icon`). */
  readonly icon: string | undefined;
  /** 1 when the candidate sits between the same two neighbours of its kind as the target did, else 0. */
  inPlace(candidate: ElementFingerprint): number;
  /** Whether the candidate keeps one of the target's named neighbours on the same side (see `besideOf`). */
  beside(candidate: ElementFingerprint): boolean;
  /**
   * Whether the candidate is named after the section the target sat in: the "Create report" button that
   * opens the "Create report" dialog whose "Create" was the target. It is that section's opener.
   */
  namesSection(candidate: ElementFingerprint): boolean;
  /** Whether the target has a row label and the candidate the same one: an element of the same record. */
  inRow(candidate: ElementFingerprint): boolean;
  /** The candidate's witnesses, before the page-wide uniqueness checks (see `rankCandidates.ts`). */
  evidence(candidate: ElementFingerprint): CandidateEvidence;
}

/** Evidence for one candidate, with what the ranker needs to settle uniqueness. */
export interface CandidateEvidence extends Omit<Evidence, 'nameUnique' | 'sharedUnique' | 'nameWasUnique' | 'sharedWasUnique' | 'iconUnique' | 'iconWasUnique'> {
  /** Same frame path and shadow-host chain as the target. */
  readonly sameScope: boolean;
  /** The shared-identifier signals this candidate matches (similarity at least 0.9). */
  readonly sharedMatches: readonly Signal[];
}

/**
 * How much place still counts when the section heading shares no word at all with the target's: a
 * translated page, or another section that took the removed one's place. Not enough by itself.
 */
const DISOWNED = 0.6;

/** Similarity at which a name or identifier counts as the same one, for uniqueness. */
export const SAME = 0.9;

/**
 * Whether a candidate sits between the same two neighbours of its kind as the target did: 1 when both
 * neighbours' names are the same (a missing neighbour must be missing on both sides), else 0; always 0
 * when the target has no neighbours recorded.
 */
function adjacencyOf(target: ElementFingerprint): (c: ElementFingerprint) => number {
  const pair = target.adjacentNames;
  if (pair === undefined) return () => 0;
  const [before, after] = pair.map((n) => n.toLowerCase());
  return (c) => {
    const theirs = c.adjacentNames;
    return theirs !== undefined && theirs[0].toLowerCase() === before && theirs[1].toLowerCase() === after ? 1 : 0;
  };
}

/**
 * Whether a candidate keeps at least one of the target's named neighbours of its kind on the same side
 * (the one before still before it, or the one after still after it). A release that rewords or
 * replaces one neighbour leaves the other; a copy added in another section keeps neither. An edge of
 * the group ('') does not count: every group has one.
 */
function besideOf(target: ElementFingerprint): (c: ElementFingerprint) => boolean {
  const pair = target.adjacentNames;
  if (pair === undefined) return () => false;
  const [before, after] = pair.map((n) => n.toLowerCase());
  return (c) => {
    const theirs = c.adjacentNames;
    return theirs !== undefined && ((before !== '' && theirs[0].toLowerCase() === before) || (after !== '' && theirs[1].toLowerCase() === after));
  };
}

function sectionNamer(target: ElementFingerprint): (c: ElementFingerprint) => boolean {
  const section = neighborSlots(target.neighborText ?? '')[0] ?? '';
  if (section === '') return () => false;
  const sim = fastTextSimilarity(compileText(section));
  // Any of its names: an icon button may say "New report" and be titled "Create report".
  return (c) => [c.ariaLabel, c.label, c.text, c.title, c.placeholder, c.alt].some((n) => n !== undefined && sim(n) >= SAME);
}

/** The primary language subtag (`pt` of `pt-BR`), lower case; '' when unknown. */
function primaryLanguage(lang: string | undefined): string {
  return lang === undefined ? '' : (lang.split('-')[0] ?? '').trim().toLowerCase();
}

/** Whether a candidate's text is in another language than the target's (both known). */
function translationOf(target: ElementFingerprint): (c: ElementFingerprint) => boolean {
  const own = primaryLanguage(target.lang);
  if (own === '') return () => false;
  return (c) => {
    const theirs = primaryLanguage(c.lang);
    return theirs !== '' && theirs !== own;
  };
}

/** Same rank among the same number of its kind in its group (see `ordinal`); false when either is unknown. */
function sameOrdinal(target: ElementFingerprint): (c: ElementFingerprint) => boolean {
  const own = target.ordinal;
  if (own === undefined) return () => false;
  return (c) => c.ordinal !== undefined && c.ordinal[0] === own[0] && c.ordinal[1] === own[1];
}

/** Path agreement (steps agreeing exactly) from which a candidate holds the target's very path. */
const SAME_PATH = 0.95;
/** Context agreement from which surroundings are the same (a wrapper may have changed the path). */
export const SAME_SURROUNDINGS = 0.85;

/**
 * Whether a candidate bears the name of one of the target's recorded neighbours and not the target's
 * own: it is that neighbour ("Reply" beside a removed "Reply all"; "Cancel" in a removed "Save"'s place).
 * Or that neighbour reworded: its name shares most words with a neighbour's ("Save changes" for "Save")
 * and none with the target's (`own`, the name similarity) — on a translated page, the neighbour that
 * kept its English name and slid into the target's slot.
 */
function neighbourOf(target: ElementFingerprint): (c: ElementFingerprint, own: number) => boolean {
  const self = shortName(target).toLowerCase();
  const names = (target.adjacentNames ?? []).map((n) => n.toLowerCase()).filter((n) => n !== '' && n !== self);
  const similar = names.map((n) => fastTextSimilarity(compileText(n)));
  return (c, own) => {
    const name = shortName(c).toLowerCase();
    return names.includes(name) || (own < REWORDED_FROM && similar.some((sim) => sim(name) >= REWORDED_AT));
  };
}

export function compileTarget(target: ElementFingerprint): CompiledTarget {
  const ownName = accessibleNameSignal(target);
  const caption = ownName === null ? captionNameSignal(target) : null;
  const neighbor: NeighborSignal | null = neighborTextSignal(target, caption !== null);
  const present = (list: (Signal | null)[]) => list.filter((s): s is Signal => s !== null && s.weight > 0);
  const first = present([tagSignal(target), ownName]);
  const middle = present([
    // A caption read as the name costs a neighbour-text read: not on every candidate.
    caption,
    roleSignal(target),
    scopeSignal(target),
    typeSignal(target),
    identitySignal(target, 'testId', 5),
    // A written id is unique in its document by the rules of HTML: found, it all but settles the matter.
    identitySignal(target, 'id', 6),
    identitySignal(target, 'name', 3.5),
    hrefSignal(target),
    classSignal(target),
    // Neighbour text before path: rows of look-alikes differ in it, and it lets the rest be skipped.
    neighbor,
  ]);
  const path: PathSignal | null = pathSignal(target);
  const late = present([path, rectSignal(target), ordinalSignal(target), iconSignal(target)]);
  const signals = [...first, ...middle, ...late];
  const byName = (name: SignalName) => signals.find((s) => s.name === name);
  const nameSignal = byName('accessibleName');
  const id = byName('id');
  const uniqueId = id !== undefined && id.witness === 'strong' ? id : undefined;
  const shared = signals.filter((s) => s.witness === 'strong' && s !== uniqueId);
  const href = byName('href');
  const scope = byName('scope');
  const rect = byName('rect');
  const sim = (s: Signal | undefined, c: ElementFingerprint) => (s === undefined ? 0 : Math.max(0, s.similarity(c)));
  const adjacent = adjacencyOf(target);
  const translated = translationOf(target);
  const ordinal = sameOrdinal(target);
  const isNeighbour = neighbourOf(target);
  const role = effectiveRole(target);
  const restyled = restyledFrom(target);

  return {
    totalWeight: signals.reduce((sum, s) => sum + s.weight, 0),
    first,
    middle,
    late,
    lead: neighbor,
    name: nameSignal,
    uniqueBy: new Set(target.uniqueBy ?? []),
    uniqueKnown: target.uniqueBy !== undefined,
    icon: target.icon,
    inPlace: adjacent,
    beside: besideOf(target),
    namesSection: sectionNamer(target),
    inRow(c) {
      const around = neighbor === null ? null : neighbor.context(c);
      return around !== null && around.strict && around.agreement >= SAME;
    },
    evidence(c) {
      let sharedId = 0;
      let renamedTestId = false;
      let contradicted = false;
      const sharedMatches: Signal[] = [];
      for (const s of shared) {
        const v = s.similarity(c);
        sharedId = Math.max(sharedId, v);
        if (v < 0 && s.name === 'testId') renamedTestId = true;
        else if (v < 0) contradicted = true;
        if (v >= SAME) sharedMatches.push(s);
      }
      // Place (counting only where the path agrees step for step and the position too: after a removal,
      // the next section's button can land where the removed one was) stands in for reworded headings,
      // partly for wholly different ones, never for a row label: the row above a removed one sits in
      // nearly the same place.
      const exactPath = path ? Math.max(0, path.exactly(c)) : 0;
      const place = path === null && rect === undefined ? 0 : (path ? exactPath : 1) * (rect ? sim(rect, c) : 1);
      const around = neighbor === null ? null : neighbor.context(c);
      const context = around === null ? place : around.strict ? around.agreement : Math.max(around.agreement, around.agreement > 0 ? place : DISOWNED * place);
      const name = sim(nameSignal, c);
      return {
        uniqueId: sim(uniqueId, c),
        sharedId,
        name,
        context,
        contextKnown: around !== null,
        // Between the same two neighbours, but at another rank or with another count in its group: the
        // group was reordered around it (tiles shuffled), not this element renamed in place.
        inPlace: c.ordinal !== undefined && target.ordinal !== undefined && !ordinal(c) ? 0 : adjacent(c),
        // The same kind of control too: a link that slid into a removed tab's slot holds its place.
        inStructure: !ordinal(c) || effectiveRole(c) !== role ? 0 : exactPath >= SAME_PATH ? 1 : context >= SAME_SURROUNDINGS ? 0.5 : 0,
        // Translation changes what a name says, not whether there is one: a field with no name at all in
        // the slot of a named one is another field (the removed Street's neighbour), not it translated.
        translated: translated(c) && (ownName === null || shortName(c) !== ''),
        // Read only where the target has an icon: a leader's few descendants.
        icon: target.icon === undefined || c.icon === undefined ? undefined : iconAgreement(target.icon, c.icon),
        restyled: restyled(c),
        // A link elsewhere: both have a target and the two share nothing (`/help` for `/settings`).
        linksElsewhere: href !== undefined && c.href !== undefined && href.similarity(c) === 0,
        otherRow: around !== null && around.otherRow,
        // Test ids are renamed in refactors: another one while another contract holds (the form name the
        // server reads, the link target) is this element renamed. Another record's link or another form
        // name always counts against: a test id derived from a label is shared by every item so labelled.
        contradicted: contradicted || (renamedTestId && sharedMatches.length === 0) || isNeighbour(c, name),
        lostIdentifier: (target.testId !== undefined && c.testId === undefined) || (target.name !== undefined && c.name === undefined),
        sameScope: scope === undefined || scope.similarity(c) === 1,
        sharedMatches,
      };
    },
  };
}
