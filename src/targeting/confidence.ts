/**
 * The abstain rule. A tooltip on the wrong button teaches the wrong thing, so the matcher answers only
 * when three things hold, and its confidence is the weakest of the three:
 *
 * 1. closeness: the best candidate resembles the target overall;
 * 2. separation: nothing else resembles it nearly as well (two "Save" buttons in the same toolbar tie);
 * 3. identity: something that names the element agrees, not only its kind and place. When a button is
 *    removed, its neighbour often slides into its place, with the same tag, classes, heading and nearly
 *    the same path; only a name or a developer-chosen identifier tells them apart, so place alone never
 *    suffices.
 */

/** The content script anchors a step only at or above this confidence. */
export const ACCEPT_CONFIDENCE = 0.5;

/** The witnesses for one candidate, each in [0, 1]; see `Witness` in `signal.ts`. */
export interface Evidence {
  /** Agreement of a written `id`: unique within a document by the rules of HTML. */
  readonly uniqueId: number;
  /**
   * Best agreement of a written test id, form-field name or link target: chosen by developers, but a
   * component used twice carries the same ones.
   */
  readonly sharedId: number;
  /** Agreement of what the user reads. */
  readonly name: number;
  /**
   * Agreement of surroundings: the row label where the target has one; else the better of its heading
   * or caption and of path and position both.
   */
  readonly context: number;
  /** Both have neighbour text, so `context` compared surroundings, not only places. */
  readonly contextKnown: boolean;
  /**
   * 1 when the candidate sits between the same two neighbours of its kind as the target did (their
   * names agree on both sides), else 0; see `adjacentNames`.
   */
  readonly inPlace?: number;
  /**
   * A written form name or link target of the candidate contradicts the target's; or its test id does,
   * and no other developer-chosen identifier agrees (test ids are renamed in refactors).
   */
  readonly contradicted: boolean;
  /** No other candidate carries the name, and the candidate is in the target's frame and shadow scope. */
  readonly nameUnique: boolean;
  /** No other candidate carries the matching shared identifier, and the scope is the target's. */
  readonly sharedUnique: boolean;
  /** The name was unique on the page the target was captured on too (its `uniqueBy`); `undefined`: not known. */
  readonly nameWasUnique?: boolean;
  /** A shared identifier unique now was unique on the capture page too; `undefined`: not known. */
  readonly sharedWasUnique?: boolean;
  /**
   * The runner-up has the candidate's name in the same surroundings, and position alone tells the two
   * apart: a copy inserted beside the original, or twins that were there when the target was captured
   * (see `identityAt` in `rankCandidates.ts`).
   */
  readonly twin?: boolean;
  /**
   * 1 when the candidate holds the target's place in the tree: the same path, and the same rank among
   * the same number of elements of its kind in its group (`ordinal`); 0.5 for the same rank and count in
   * agreeing surroundings on another path (a wrapper was added); else 0. A removal changes the count;
   * the neighbour that slides into a removed element's path has another rank or count.
   */
  readonly inStructure?: number;
  /** The candidate's text is in another language than the target's (`lang`): names were translated. */
  readonly translated?: boolean;
  /**
   * Agreement of the element's own icon (see `iconAgreement`) where both have one; `undefined`: nothing
   * to compare. Icons are not translated.
   */
  readonly icon?: number;
  /** No other control of its kind carries the icon, and the scope is the target's. */
  readonly iconUnique?: boolean;
  /** The icon was the target's alone on the capture page too (its `uniqueBy`). */
  readonly iconWasUnique?: boolean;
  /**
   * Both are links, to places sharing nothing (`/help` for `/settings`): what sits in the target's place
   * under another name and another destination is another link, not the target renamed.
   */
  readonly linksElsewhere?: boolean;
  /** The target has a row label and the candidate another one: another record's look-alike. */
  readonly otherRow?: boolean;
  /**
   * The name was the target's alone when captured, nothing carries it now, and the candidate is the only
   * one whose name shares words with it ("Refresh list" for "Refresh"): the element reworded.
   */
  readonly rewordedAlone?: boolean;
  /**
   * The runner-up carries the candidate's name in the target's surroundings: it may be the original,
   * which lost an identifier in the release (a test id dropped, a link made a button), and this one a
   * copy elsewhere that kept it. Being the only holder of a name or identifier then settles nothing.
   */
  readonly namesakeAtHome?: boolean;
  /**
   * The candidate is styled as another part of the component than the target was (see `restyledFrom`):
   * where only place speaks for it, it is another element in that place.
   */
  readonly restyled?: boolean;
  /** The target had a test id or a form name and the candidate has none at all. */
  readonly lostIdentifier?: boolean;
}

/** What a place between the same two neighbours, in agreeing surroundings, is worth without a name. */
const RENAMED = 0.75;

/** Name similarity from which a name that changed in place reads as reworded, and fully so. */
export const REWORDED_FROM = 0.3;
export const REWORDED_AT = 0.5;

/** Context agreement from which a name known to be shared starts to count (see `identityOf`). */
const SHARED_NAME_FROM = 0.65;

/** What a name or shared identifier that nothing else on the page carries is worth without context. */
const UNIQUE_FLOOR = 0.75;

/**
 * How firmly the evidence names this element, in [0, 1].
 *
 * A release can move an element to another container, and it can remove one while a second instance of
 * the same component (same text, same test id: components carry theirs everywhere) lives elsewhere on
 * the page; from the element alone the two look the same. So a shared identifier or a name counts in
 * full only where the surroundings agree too, or where uniqueness settles it:
 * - where surroundings cannot be compared (no neighbour text on one side), when nothing else on the page
 *   carries it: a moved "Export" is still the only Export;
 * - where they can and differ, only when the target was known to be the only holder when it was captured
 *   as well (`uniqueBy`): then no namesake was there to be left behind by a removal, and the one holder
 *   now is the element itself, moved or relabelled around. Without that knowledge uniqueness does not
 *   help: the page may have held two namesakes when the step was written (a Save per section, an Edit
 *   per row), and the target's may be the one removed.
 * Only a written id, unique by definition, suffices by itself. Kind, classes and place never do: when a
 * button is removed, its neighbour slides into its place with the same tag and classes. A contradicting
 * identifier (another test id, another form name, another record's link) halves whatever the rest says.
 */
export function identityOf(e: Evidence): number {
  const corroboration = ramp(e.context, 0.45, 0.85);
  // Without surroundings to compare, uniqueness now suffices unless the capture knew it was not unique
  // then (`false`: a namesake was there, and the one left may be it).
  const floor = (unique: boolean, was: boolean | undefined) => (unique && e.namesakeAtHome !== true && (was === true || (!e.contextKnown && was !== false)) ? UNIQUE_FLOOR : 0);
  // A name known to have had a namesake when the target was captured (the Country select of the billing
  // and of the shipping address) says little by itself: surroundings that only half agree (the same
  // caption under another section) do not single it out.
  const nameCorroboration = e.nameWasUnique === false ? ramp(e.context, SHARED_NAME_FROM, 0.95) : corroboration;
  const name = e.name * Math.max(nameCorroboration, floor(e.nameUnique, e.nameWasUnique));
  const shared = e.sharedId * Math.max(corroboration, floor(e.sharedUnique, e.sharedWasUnique));
  // Renamed in place: the name changed (reworded, translated), but the element still sits between the
  // same two neighbours, in the same surroundings. A neighbour that slid into a removed element's place
  // does not: the element after it is another one. Never more than a name would give.
  // Nor one showing another icon than the target's: the slot holds another action, its name and its icon
  // both changed ("Archive" with a box where "Download" was). Nor one without the test id or form name
  // the target carried: a control moved into a removed one's slot comes without the removed one's.
  const otherIcon = e.icon !== undefined && e.icon < 0.5;
  const renamed = e.restyled === true || e.linksElsewhere === true || otherIcon || e.lostIdentifier === true ? 0 : (e.inPlace ?? 0) * RENAMED * corroboration;
  // Holding the target's place in the tree, where the name says nothing against it: translated (every
  // name on the page changed with the language), or reworded (the old and new names share words). A
  // name sharing nothing with the old one does not do: after a removal and an insertion in the group,
  // another button holds the path with the same rank and count. Never another row's: rows are alike.
  // Nor one styled as another part of the component (`restyled`): another element in that place.
  // On a translated page, another icon than the target's says it is another control (the toolbar's
  // buttons also traded places): translation changes the words on a button, not its icon.
  const explained = e.translated === true ? (e.icon === undefined || e.icon >= 0.5 ? 1 : 0) : ramp(e.name, REWORDED_FROM, REWORDED_AT);
  const structural = e.otherRow === true || e.restyled === true || e.linksElsewhere === true || (e.inStructure ?? 0) < 0.5 ? 0 : explained * RENAMED;
  // A twin (a copy inserted right beside the original, or one there all along) has the name, the
  // surroundings and, as often as not, the test id: neither is the target by those, and which one holds
  // the old place is position luck. Only a written id, or a shared identifier the other lacks, decides.
  // Reworded where nothing else shares a word with the old name: never another row's.
  const reworded = e.rewordedAlone === true && e.otherRow !== true ? RENAMED : 0;
  // The only control with the target's icon, as when it was captured, where the name was translated or
  // reworded rather than replaced: what the user sees on it is the same. Like a unique name, it stands
  // without surroundings (the translated toolbar's buttons traded places too).
  // So is a name replaced by a synonym ("Back" become "Previous step") where the control also holds the
  // target's place in the tree: the same icon in the same slot is the same action. A control put in a
  // removed one's place comes with its own icon.
  const sameSlot = (e.inStructure ?? 0) >= 0.5 && e.otherRow !== true && e.restyled !== true;
  const icon = e.icon === 1 && (e.translated === true || e.name >= REWORDED_FROM || sameSlot) ? floor(e.iconUnique === true, e.iconWasUnique) : 0;
  // The icon the twin lacks decides as well, when it was the target's alone at capture and is this
  // one's alone now: the copy beside came without it (another style of the same action).
  const twinIcon = e.icon === 1 && e.iconUnique === true && e.iconWasUnique === true ? UNIQUE_FLOOR : 0;
  const identity = e.twin === true ? Math.max(e.uniqueId, e.sharedUnique ? shared : 0, twinIcon) : Math.max(e.uniqueId, name, shared, renamed, structural, reworded, icon);
  return e.contradicted ? identity / 2 : identity;
}

/**
 * Score gaps (as fractions of the total weight) at which separation starts to count and is complete. A
 * candidate more than `SEPARATION_FULL` below the best cannot change the assessment, which lets the
 * ranker skip its costly signals.
 */
export const SEPARATION_START = 0.015;
export const SEPARATION_FULL = 0.07;

/**
 * What sitting between the target's two neighbours (their names agree on both sides; see
 * `adjacentNames`) adds to the best's lead over a runner-up that does not: half the separation window.
 * Of two namesakes in the target's surroundings (a duplicated field added to the same form section), the
 * one in the old place is the original, the other one placed elsewhere in the group.
 */
const PLACED = SEPARATION_FULL / 2;

export interface Contender {
  /** Weighted-mean similarity in [0, 1]. */
  readonly score: number;
  /** `identityOf` its evidence. */
  readonly identity: number;
  /** Between the same two neighbours as the target (`CompiledTarget.inPlace`). */
  readonly placed?: boolean;
}

export interface Assessment {
  readonly confidence: number;
  readonly closeness: number;
  readonly separation: number;
  readonly identity: number;
}

function ramp(x: number, lo: number, hi: number): number {
  return x <= lo ? 0 : x >= hi ? 1 : (x - lo) / (hi - lo);
}

/**
 * Scores the best candidate against the runner-up. The gap counts a little extra when the best has the
 * stronger identity: a renamed button with its test id intact beats a look-alike that merely sits in the
 * same spot, even when their overall scores are close.
 */
export function assess(best: Contender, runnerUp: Contender | undefined): Assessment {
  const second = runnerUp ?? { score: 0, identity: 0 };
  const gap = best.score - second.score + 0.1 * Math.max(0, best.identity - second.identity) + (best.placed === true && second.placed !== true ? PLACED : 0);
  const closeness = ramp(best.score, 0.2, 0.45);
  const separation = ramp(gap, SEPARATION_START, SEPARATION_FULL);
  const identity = ramp(best.identity, 0.3, 0.8);
  return { confidence: Math.min(closeness, separation, identity), closeness, separation, identity };
}
