/** Writes `schema/*.schema.json` from the zod schemas (see src/schema/jsonSchemas.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { jsonSchemas } from '../src/schema/jsonSchemas';

const dir = resolve(import.meta.dirname, '..', 'schema');
mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, file), text);
  console.log(`wrote schema/${file}`);
}
