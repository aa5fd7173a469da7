import { FLOW_SCHEMA_VERSION, type Feature, type FeatureUse } from '../src/schema/flow';
import type { ElementFingerprint } from '../src/schema/fingerprint';
import { readFeature, type DocIssue } from '../src/schema/migrate';
import { cleanFingerprint } from './cleanFingerprint';
import { patternEntry, type PatternEntry } from './flowDraft';

/** A feature as its form edits it; see `flowDraft.ts` for the idea. */
export interface FeatureDraft {
  isNew: boolean;
  id: string;
  name: string;
  match: PatternEntry[];
  target: ElementFingerprint;
  use: FeatureUse;
}

export function newFeatureDraft(): FeatureDraft {
  return { isNew: true, id: '', name: '', match: [patternEntry('')], target: { tag: 'button' }, use: 'click' };
}

export function featureToDraft(f: Feature): FeatureDraft {
  return { isNew: false, id: f.id, name: f.name, match: f.match.map(patternEntry), target: f.target, use: f.use };
}

export type FeatureCheck = { ok: true; feature: Feature } | { ok: false; issues: DocIssue[] };

export function draftToFeature(d: FeatureDraft, takenIds: ReadonlySet<string>, now: string): FeatureCheck {
  const raw = {
    schemaVersion: FLOW_SCHEMA_VERSION,
    kind: 'feature',
    id: d.id.trim(),
    name: d.name,
    match: d.match.map((m) => m.value.trim()),
    target: cleanFingerprint(d.target),
    use: d.use,
    updatedAt: now,
  };
  const issues: DocIssue[] = d.isNew && takenIds.has(raw.id) ? [{ path: 'id', message: 'another feature already has this id' }] : [];
  const r = readFeature(raw, now);
  if (!r.ok) return { ok: false, issues: [...issues, ...r.issues] };
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, feature: r.value };
}

export function sameFeatureDraft(a: FeatureDraft, b: FeatureDraft): boolean {
  const strip = (d: FeatureDraft) => JSON.stringify({ ...d, match: d.match.map((m) => m.value) });
  return strip(a) === strip(b);
}
