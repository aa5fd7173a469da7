import { z } from 'zod';
import { FLOW_SCHEMA_VERSION, FeatureSchema, FlowSchema, type Feature, type Flow } from './flow';
import { plainToRichText } from './richText';
import { ElementFingerprintSchema } from './fingerprint';
import { GuidanceSchema, type Guidance } from './guidance';

/**
 * Version 1 was the prototype format: one URL pattern, an `autoStart` flag, plain-text bodies and
 * `advanceOn` as a bare string. It is kept here only to migrate documents written by it.
 */
export const FlowV1Schema = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.string(),
  name: z.string(),
  status: z.enum(['draft', 'published']),
  urlPattern: z.string(),
  autoStart: z.boolean().default(false),
  updatedAt: z.string().optional(),
  steps: z.array(
    z.strictObject({
      id: z.string(),
      target: ElementFingerprintSchema.optional(),
      title: z.string(),
      body: z.string().default(''),
      placement: z.string().optional(),
      advanceOn: z.enum(['next', 'click', 'input']).default('next'),
    }),
  ),
});

export const FeatureV1Schema = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.string(),
  name: z.string(),
  urlPattern: z.string(),
  target: ElementFingerprintSchema,
  use: z.enum(['click', 'input', 'submit']).default('click'),
});

type Migration = (doc: Record<string, unknown>, now: string) => z.ZodSafeParseResult<Record<string, unknown>>;

const flowMigrations: Record<number, Migration> = {
  1: (doc, now) => {
    const r = FlowV1Schema.safeParse(doc);
    if (!r.success) return r as z.ZodSafeParseResult<never>;
    const v1 = r.data;
    return {
      success: true,
      data: {
        schemaVersion: 2,
        kind: 'flow',
        id: v1.id,
        name: v1.name,
        version: 1,
        status: v1.status,
        match: [v1.urlPattern],
        start: v1.autoStart ? 'auto' : 'manual',
        updatedAt: v1.updatedAt ?? now,
        steps: v1.steps.map((s) => ({
          id: s.id,
          ...(s.target ? { target: s.target } : {}),
          title: s.title,
          body: plainToRichText(s.body),
          ...(s.placement ? { placement: s.placement } : {}),
          advance: { kind: s.advanceOn },
        })),
      },
    };
  },
};

const featureMigrations: Record<number, Migration> = {
  1: (doc, now) => {
    const r = FeatureV1Schema.safeParse(doc);
    if (!r.success) return r as z.ZodSafeParseResult<never>;
    const v1 = r.data;
    return {
      success: true,
      data: { schemaVersion: 2, kind: 'feature', id: v1.id, name: v1.name, match: [v1.urlPattern], target: v1.target, use: v1.use, updatedAt: now },
    };
  },
};

export type MigrateResult<T> = { ok: true; value: T; migratedFrom: number | null } | { ok: false; issues: DocIssue[] };

/** One problem in a document: where (a path such as `steps.2.title`) and why. */
export interface DocIssue {
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

export function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): DocIssue[] {
  return error.issues.map((i) => ({ path: formatPath([...prefix, ...i.path]), message: i.message }));
}

function migrate<T>(
  raw: unknown,
  schema: z.ZodType<T>,
  migrations: Record<number, Migration>,
  now: string,
  prefix: readonly PropertyKey[],
): MigrateResult<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: formatPath(prefix), message: 'expected an object' }] };
  }
  let doc = raw as Record<string, unknown>;
  const from = doc.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1 || from > FLOW_SCHEMA_VERSION) {
    return {
      ok: false,
      issues: [
        {
          path: formatPath([...prefix, 'schemaVersion']),
          message: `unsupported schemaVersion ${JSON.stringify(from)}; this build reads 1 to ${FLOW_SCHEMA_VERSION}`,
        },
      ],
    };
  }
  for (let v = from; v < FLOW_SCHEMA_VERSION; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, issues: [{ path: formatPath([...prefix, 'schemaVersion']), message: `no migration from version ${v}` }] };
    const r = step(doc, now);
    if (!r.success) return { ok: false, issues: zodIssues(r.error, prefix) };
    doc = r.data;
  }
  const parsed = schema.safeParse(doc);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, prefix) };
  return { ok: true, value: parsed.data, migratedFrom: from === FLOW_SCHEMA_VERSION ? null : from };
}

/** Reads a flow of any supported version, migrating it to the current one. */
export function readFlow(raw: unknown, now = new Date().toISOString(), prefix: readonly PropertyKey[] = []): MigrateResult<Flow> {
  return migrate(raw, FlowSchema, flowMigrations, now, prefix);
}

/** Reads a feature of any supported version, migrating it to the current one. */
export function readFeature(raw: unknown, now = new Date().toISOString(), prefix: readonly PropertyKey[] = []): MigrateResult<Feature> {
  return migrate(raw, FeatureSchema, featureMigrations, now, prefix);
}

/**
 * Reads a guidance document (prompt template, tip, beacon, checklist). Guidance started at schema
 * version 2, so there is nothing to migrate yet; an older or newer version is reported, not guessed at.
 */
export function readGuidance(raw: unknown, now = new Date().toISOString(), prefix: readonly PropertyKey[] = []): MigrateResult<Guidance> {
  return migrate(raw, GuidanceSchema, {}, now, prefix);
}
