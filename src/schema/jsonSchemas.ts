import { z } from 'zod';
import { WaymarkEventSchema } from './event';
import { ElementFingerprintSchema } from './fingerprint';
import { FeatureSchema, FlowSchema } from './flow';
import { GuidanceSchema } from './guidance';

/**
 * The JSON Schemas we publish (`schema/*.schema.json`), generated from the zod schemas so the two never
 * drift; a unit test fails when the committed files are stale (`npm run schema` rewrites them). They
 * describe the documents as written (input), so fields with defaults are optional.
 */
const BundleFileSchema = z.strictObject({
  format: z.literal('waymark-bundle'),
  exportedAt: z.iso.datetime().optional(),
  flows: z.array(FlowSchema).optional(),
  features: z.array(FeatureSchema).optional(),
  guidance: z.array(GuidanceSchema).optional(),
});

const SOURCES = {
  flow: FlowSchema,
  feature: FeatureSchema,
  guidance: GuidanceSchema,
  event: WaymarkEventSchema,
  'element-fingerprint': ElementFingerprintSchema,
  bundle: BundleFileSchema,
} as const;

export function jsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(SOURCES)) {
    const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    const doc = { $id: `https://waymark.dev/schema/${name}.schema.json`, title: `Waymark ${name}`, ...js };
    out[`${name}.schema.json`] = `${JSON.stringify(doc, null, 2)}\n`;
  }
  return out;
}
