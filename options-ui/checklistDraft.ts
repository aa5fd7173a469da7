import { ChecklistSchema, type Checklist, type ChecklistCompletion } from '../src/schema/guidance';
import type { DocIssue } from '../src/schema/migrate';
import { BASE_ORDER, baseToDraft, baseToRaw, checkDoc, newBaseDraft, type GuidanceBaseDraft, type GuidanceCheck } from './guidanceBaseDraft';
import { newId } from './newId';

export interface ChecklistItemDraft {
  /** Identity in the UI list only: survives reordering. */
  key: string;
  id: string;
  title: string;
  completeOn: ChecklistCompletion['kind'];
  /** Both kept, so switching the kind back restores the choice; '' is none chosen. */
  flowId: string;
  featureId: string;
  /** '' for none. */
  startsFlow: string;
}

export interface ChecklistDraft extends GuidanceBaseDraft {
  kind: 'checklist';
  title: string;
  items: ChecklistItemDraft[];
}

export function newItemDraft(): ChecklistItemDraft {
  return { key: newId('k'), id: newId('item'), title: '', completeOn: 'flowCompleted', flowId: '', featureId: '', startsFlow: '' };
}

export function newChecklistDraft(id: string): ChecklistDraft {
  return { ...newBaseDraft(id), kind: 'checklist', title: '', items: [newItemDraft()] };
}

export function checklistToDraft(c: Checklist): ChecklistDraft {
  return {
    ...baseToDraft(c),
    kind: 'checklist',
    title: c.title,
    items: c.items.map((it) => ({
      key: newId('k'),
      id: it.id,
      title: it.title,
      completeOn: it.completeOn.kind,
      flowId: it.completeOn.kind === 'flowCompleted' ? it.completeOn.flowId : '',
      featureId: it.completeOn.kind === 'featureUsed' ? it.completeOn.featureId : '',
      startsFlow: it.startsFlow ?? '',
    })),
  };
}

/** The flows and features that exist, so that an item never waits for an event that cannot happen. */
export interface ChecklistRefs {
  flowIds: ReadonlySet<string>;
  featureIds: ReadonlySet<string>;
}

const ORDER = [...BASE_ORDER, 'title', 'items', 'audience'];

export function draftToChecklist(d: ChecklistDraft, takenIds: ReadonlySet<string>, now: string, refs?: ChecklistRefs): GuidanceCheck<Checklist> {
  const base = baseToRaw('checklist', d, takenIds, now);
  const issues: DocIssue[] = [...base.issues];
  const items = d.items.map((it, i) => {
    const at = `items.${i}`;
    if (it.completeOn === 'flowCompleted') {
      if (it.flowId === '') issues.push({ path: `${at}.completeOn.flowId`, message: 'choose the flow that completes this item' });
      else if (refs && !refs.flowIds.has(it.flowId)) issues.push({ path: `${at}.completeOn.flowId`, message: `there is no flow “${it.flowId}”` });
    } else if (it.featureId === '') issues.push({ path: `${at}.completeOn.featureId`, message: 'choose the feature that completes this item' });
    else if (refs && !refs.featureIds.has(it.featureId)) issues.push({ path: `${at}.completeOn.featureId`, message: `there is no tagged feature “${it.featureId}”` });
    if (it.startsFlow !== '' && refs && !refs.flowIds.has(it.startsFlow)) issues.push({ path: `${at}.startsFlow`, message: `there is no flow “${it.startsFlow}”` });
    // An unchosen reference goes to the schema as a valid stand-in: the form already said what is missing.
    const completeOn = it.completeOn === 'flowCompleted' ? { kind: 'flowCompleted', flowId: it.flowId || 'unset' } : { kind: 'featureUsed', featureId: it.featureId || 'unset' };
    return { id: it.id, title: it.title, completeOn, ...(it.startsFlow === '' ? {} : { startsFlow: it.startsFlow }) };
  });
  return checkDoc(ChecklistSchema, { ...base.raw, title: d.title, items }, issues, ORDER);
}

export function sameChecklistDraft(a: ChecklistDraft, b: ChecklistDraft): boolean {
  const strip = (d: ChecklistDraft) => JSON.stringify({ ...d, match: d.match.map((m) => m.value), items: d.items.map(({ key: _key, ...it }) => it) });
  return strip(a) === strip(b);
}
