import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const PackageSchema = z.object({ version: z.string().min(1) });

/**
 * This collector's build, as `GET /v1/health` and every ingest answer report it: the package version
 * and a digest of the event catalogue it accepts (the events' JSON Schema). The digest changes with
 * any new event type or field even when nobody bumped the version, and that is what tells a client
 * holding `unsupported` events that sending them again may now succeed.
 */
export function collectorVersion(eventSchema: z.ZodType): string {
  const pkg = PackageSchema.parse(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')));
  const catalogue = JSON.stringify(z.toJSONSchema(eventSchema));
  return `${pkg.version}+ev.${createHash('sha256').update(catalogue).digest('hex').slice(0, 8)}`;
}
