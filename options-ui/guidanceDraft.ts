import type { Guidance, GuidanceKind } from '../src/schema/guidance';
import { beaconToDraft, draftToBeacon, newBeaconDraft, sameBeaconDraft, type BeaconDraft } from './beaconDraft';
import { checklistToDraft, draftToChecklist, newChecklistDraft, sameChecklistDraft, type ChecklistDraft } from './checklistDraft';
import type { GuidanceCheck } from './guidanceBaseDraft';
import { draftToPrompt, newPromptDraft, promptToDraft, samePromptDraft, type PromptDraft } from './promptDraft';
import { draftToTip, newTipDraft, sameTipDraft, tipToDraft, type TipDraft } from './tipDraft';

/** A guidance form's state, by kind. */
export type GuidanceDraft = PromptDraft | TipDraft | BeaconDraft | ChecklistDraft;

/** What a draft may point at besides itself: the stored flows and tagged features. */
export interface DraftRefs {
  flowIds: ReadonlySet<string>;
  featureIds: ReadonlySet<string>;
}

export function newGuidanceDraft(kind: GuidanceKind, id: string): GuidanceDraft {
  switch (kind) {
    case 'prompt':
      return newPromptDraft(id);
    case 'tip':
      return newTipDraft(id);
    case 'beacon':
      return newBeaconDraft(id);
    case 'checklist':
      return newChecklistDraft(id);
  }
}

export function guidanceToDraft(g: Guidance): GuidanceDraft {
  switch (g.kind) {
    case 'prompt':
      return promptToDraft(g);
    case 'tip':
      return tipToDraft(g);
    case 'beacon':
      return beaconToDraft(g);
    case 'checklist':
      return checklistToDraft(g);
  }
}

/**
 * Validates a draft as the background will (the kind's schema) plus the form's own checks, with the
 * document's paths. `takenIds`: the ids of every other stored piece of guidance, of any kind.
 */
export function draftToGuidance(d: GuidanceDraft, takenIds: ReadonlySet<string>, now: string, refs?: DraftRefs): GuidanceCheck<Guidance> {
  switch (d.kind) {
    case 'prompt':
      return draftToPrompt(d, takenIds, now);
    case 'tip':
      return draftToTip(d, takenIds, now);
    case 'beacon':
      return draftToBeacon(d, takenIds, now, refs?.featureIds);
    case 'checklist':
      return draftToChecklist(d, takenIds, now, refs);
  }
}

/** Whether two drafts describe the same document (UI-only state aside). */
export function sameGuidanceDraft(a: GuidanceDraft, b: GuidanceDraft): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'prompt':
      return samePromptDraft(a, b as PromptDraft);
    case 'tip':
      return sameTipDraft(a, b as TipDraft);
    case 'beacon':
      return sameBeaconDraft(a, b as BeaconDraft);
    case 'checklist':
      return sameChecklistDraft(a, b as ChecklistDraft);
  }
}
