import type { Feature, Flow } from '../src/schema/flow';
import type { Guidance } from '../src/schema/guidance';
import { readFeature, readFlow, readGuidance, type DocIssue } from '../src/schema/migrate';
import { getDb } from './db';

export interface Docs {
  flows: Flow[];
  features: Feature[];
  /** Prompt templates, tips, beacons and checklists. */
  guidance: Guidance[];
  /** Stored records that failed validation: kept in storage, left out of use, shown to admins. */
  broken: { store: 'flows' | 'features' | 'guidance'; key: string; issues: DocIssue[] }[];
}

let cache: Promise<Docs> | null = null;

/**
 * Flows, features and guidance, read from IndexedDB and validated (and migrated) on the way in. The cache is only
 * a copy: this worker is the only writer and drops it on every change, and a restarted worker reads
 * storage again.
 */
export function getDocs(): Promise<Docs> {
  cache ??= (async () => {
    const db = await getDb();
    const tx = db.transaction(['flows', 'features', 'guidance'], 'readonly');
    const [flowKeys, flowVals, featKeys, featVals, guideKeys, guideVals] = await Promise.all([
      tx.objectStore('flows').getAllKeys(),
      tx.objectStore('flows').getAll(),
      tx.objectStore('features').getAllKeys(),
      tx.objectStore('features').getAll(),
      tx.objectStore('guidance').getAllKeys(),
      tx.objectStore('guidance').getAll(),
    ]);
    const docs: Docs = { flows: [], features: [], guidance: [], broken: [] };
    flowVals.forEach((raw, i) => {
      const r = readFlow(raw);
      if (r.ok) docs.flows.push(r.value);
      else docs.broken.push({ store: 'flows', key: String(flowKeys[i]), issues: r.issues });
    });
    featVals.forEach((raw, i) => {
      const r = readFeature(raw);
      if (r.ok) docs.features.push(r.value);
      else docs.broken.push({ store: 'features', key: String(featKeys[i]), issues: r.issues });
    });
    guideVals.forEach((raw, i) => {
      const r = readGuidance(raw);
      if (r.ok) docs.guidance.push(r.value);
      else docs.broken.push({ store: 'guidance', key: String(guideKeys[i]), issues: r.issues });
    });
    for (const b of docs.broken) console.warn(`waymark: stored ${b.store} record "${b.key}" is invalid`, b.issues);
    return docs;
  })().catch((e: unknown) => {
    cache = null;
    throw e;
  });
  return cache;
}

export function invalidateDocs(): void {
  cache = null;
}
