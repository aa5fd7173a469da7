import type { PickedElement } from '../src/messages/picker';
import type { FeatureDraft } from './featureDraft';
import { patternEntry, type FlowDraft } from './flowDraft';
import type { GuidanceDraft } from './guidanceDraft';

/**
 * The URL pattern a new document made from a pick starts with: every page of the site the element was
 * picked on (`<scheme>://<host>/*`, any port, as match patterns read). Null for an address that is not
 * an http(s) page; the admin then writes the pattern.
 */
export function sitePattern(pageUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(pageUrl);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return `${u.protocol}//${u.hostname}/*`;
}

const matchFor = (pick: PickedElement, current: FlowDraft['match']) => {
  const p = sitePattern(pick.frameUrl);
  // Only a still-empty pattern list is filled in.
  return p !== null && current.every((m) => m.value.trim() === '') ? [patternEntry(p)] : current;
};

/** A new flow from a pick: its first step points at the element, on the site it was picked on. */
export function flowWithPick(d: FlowDraft, pick: PickedElement): FlowDraft {
  const [first, ...rest] = d.steps;
  if (!first) return d;
  return { ...d, match: matchFor(pick, d.match), steps: [{ ...first, hasTarget: true, target: pick.fingerprint }, ...rest] };
}

/** A new feature from a pick: the element is the feature's. */
export function featureWithPick(d: FeatureDraft, pick: PickedElement): FeatureDraft {
  return { ...d, match: matchFor(pick, d.match), target: pick.fingerprint };
}

/** A new tip, prompt helper or beacon from a pick: the element is its target. A checklist has none. */
export function guidanceWithPick(d: GuidanceDraft, pick: PickedElement): GuidanceDraft {
  if (d.kind === 'checklist') return d;
  return { ...d, match: matchFor(pick, d.match), target: pick.fingerprint };
}
