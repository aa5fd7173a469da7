import { z } from 'zod';
import type { Feature, Flow } from './flow';
import type { Guidance } from './guidance';
import { formatPath, readFeature, readFlow, readGuidance, type DocIssue } from './migrate';

/** The import / export file: a set of flows, features and guidance documents. */
export const BUNDLE_FORMAT = 'waymark-bundle';

export const BundleEnvelopeSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  exportedAt: z.iso.datetime().optional(),
  flows: z.array(z.unknown()).max(1000).default([]),
  features: z.array(z.unknown()).max(5000).default([]),
  guidance: z.array(z.unknown()).max(5000).default([]),
});

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  exportedAt: string;
  flows: Flow[];
  features: Feature[];
  guidance: Guidance[];
}

export type BundleResult = { ok: true; bundle: Bundle; migrated: number } | { ok: false; issues: DocIssue[] };

/**
 * Validates a whole bundle. Every problem is reported, with its path, before anything is stored:
 * a bundle is accepted whole or not at all.
 */
export function readBundle(raw: unknown, now = new Date().toISOString()): BundleResult {
  const env = BundleEnvelopeSchema.safeParse(raw);
  if (!env.success) {
    return { ok: false, issues: env.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  }
  const issues: DocIssue[] = [];
  const flows: Flow[] = [];
  const features: Feature[] = [];
  const guidance: Guidance[] = [];
  let migrated = 0;
  env.data.flows.forEach((f, i) => {
    const r = readFlow(f, now, ['flows', i]);
    if (r.ok) {
      flows.push(r.value);
      if (r.migratedFrom !== null) migrated++;
    } else issues.push(...r.issues);
  });
  env.data.features.forEach((f, i) => {
    const r = readFeature(f, now, ['features', i]);
    if (r.ok) {
      features.push(r.value);
      if (r.migratedFrom !== null) migrated++;
    } else issues.push(...r.issues);
  });
  env.data.guidance.forEach((g, i) => {
    const r = readGuidance(g, now, ['guidance', i]);
    if (r.ok) guidance.push(r.value);
    else issues.push(...r.issues);
  });
  // Duplicates are reported at the index they have in the file, whatever else failed.
  const dup = (xs: unknown[], key: string) => {
    const seen = new Set<string>();
    xs.forEach((x, i) => {
      const id = typeof x === 'object' && x !== null ? (x as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return;
      if (seen.has(id)) issues.push({ path: `${key}.${i}.id`, message: `duplicate id "${id}" in this file` });
      seen.add(id);
    });
  };
  dup(env.data.flows, 'flows');
  dup(env.data.features, 'features');
  dup(env.data.guidance, 'guidance');
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, bundle: { format: BUNDLE_FORMAT, exportedAt: env.data.exportedAt ?? now, flows, features, guidance }, migrated };
}
