import { getDb } from './db';

let cached: Promise<string> | null = null;

/**
 * The pseudonymous user id: random, made once per install and persisted, so it survives worker
 * restarts and says nothing about who the person is.
 */
export function getUserId(): Promise<string> {
  cached ??= (async () => {
    const db = await getDb();
    const tx = db.transaction('meta', 'readwrite');
    const existing = await tx.store.get('userId');
    if (typeof existing === 'string' && existing.length > 0) return existing;
    const id = `u-${crypto.randomUUID()}`;
    await tx.store.put(id, 'userId');
    await tx.done;
    return id;
  })().catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}
