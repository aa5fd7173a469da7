import type { ElementFingerprint } from '../src/schema/fingerprint';
import { BeaconSchema, type Beacon } from '../src/schema/guidance';
import { fromMarkdown } from '../src/richText/fromMarkdown';
import { toMarkdown } from '../src/richText/toMarkdown';
import { cleanFingerprint } from './cleanFingerprint';
import { BASE_ORDER, baseToDraft, baseToRaw, checkDoc, newBaseDraft, type GuidanceBaseDraft, type GuidanceCheck } from './guidanceBaseDraft';

export interface BeaconDraft extends GuidanceBaseDraft {
  kind: 'beacon';
  target: ElementFingerprint;
  /** A tagged feature's id, or '' for none (opening the beacon retires it). */
  featureId: string;
  title: string;
  body: string;
}

export function newBeaconDraft(id: string): BeaconDraft {
  return { ...newBaseDraft(id), kind: 'beacon', target: { tag: 'button' }, featureId: '', title: '', body: '' };
}

export function beaconToDraft(b: Beacon): BeaconDraft {
  return { ...baseToDraft(b), kind: 'beacon', target: b.target, featureId: b.featureId ?? '', title: b.title, body: toMarkdown(b.body) };
}

const ORDER = [...BASE_ORDER, 'target', 'featureId', 'title', 'body', 'audience'];

/** `featureIds`: the tagged features; a beacon linked to one that is gone would never retire. */
export function draftToBeacon(d: BeaconDraft, takenIds: ReadonlySet<string>, now: string, featureIds?: ReadonlySet<string>): GuidanceCheck<Beacon> {
  const base = baseToRaw('beacon', d, takenIds, now);
  const issues = [...base.issues];
  if (d.featureId !== '' && featureIds && !featureIds.has(d.featureId)) issues.push({ path: 'featureId', message: `there is no tagged feature “${d.featureId}”` });
  const raw = {
    ...base.raw,
    target: cleanFingerprint(d.target),
    ...(d.featureId === '' ? {} : { featureId: d.featureId }),
    title: d.title,
    body: fromMarkdown(d.body),
  };
  return checkDoc(BeaconSchema, raw, issues, ORDER);
}

export function sameBeaconDraft(a: BeaconDraft, b: BeaconDraft): boolean {
  const strip = (d: BeaconDraft) => JSON.stringify({ ...d, match: d.match.map((m) => m.value) });
  return strip(a) === strip(b);
}
