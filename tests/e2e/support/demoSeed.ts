import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The demo's seed bundle (the CRM onboarding walkthrough, its features and guidance), read fresh from
 * `demo/seed/` as an admin's import would send it. `T` types the parts a test looks into.
 */
export function demoSeed<T = unknown>(): T {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../demo/seed/crm-onboarding.json'), 'utf8')) as T;
}
