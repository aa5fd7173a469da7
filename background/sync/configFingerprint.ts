import type { SyncConfig } from '../../src/schema/config';

/**
 * Names one collector account and one build of the extension: a pause ("the collector refused this
 * token / request") holds while the fingerprint stays the same, and a flows ETag is only sent back to
 * the server and token it came from. Hashed, so the token itself is not copied into IndexedDB.
 */
export async function configFingerprint(config: Pick<SyncConfig, 'serverUrl' | 'token'>, version: string): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([config.serverUrl, config.token, version]));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
