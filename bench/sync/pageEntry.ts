import { getDb } from '../../background/db';
import { createWriter } from '../../background/writer';
import { uuidv7 } from '../../src/ids/uuidv7';
import type { NewEvent, WaymarkEvent } from '../../src/schema/event';

/*
 * Runs inside an extension page of real Chromium (bundled by run.ts): the extension's own IndexedDB
 * schema and its real batched writer, against the same events written one transaction each.
 */

const event = (i: number): NewEvent => ({ type: 'feature_used', featureId: `feature-${i % 7}`, firstUse: i % 50 === 0 });
const fill = (b: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(b);

async function reset(): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['events', 'meta', 'ops'], 'readwrite');
  await Promise.all([tx.objectStore('events').clear(), tx.objectStore('meta').clear(), tx.objectStore('ops').clear(), tx.done]);
}

export interface BenchResult {
  events: number;
  ms: number;
  transactions: number;
  stored: number;
}

async function storedCount(): Promise<number> {
  return (await getDb()).count('events');
}

/**
 * The real writer: `n` units arrive at once (as messages from busy tabs do) and share flush
 * transactions of up to 500 units; each unit's promise settles after its transaction committed.
 */
async function batched(n: number): Promise<BenchResult> {
  await reset();
  const db = await getDb();
  let transactions = 0;
  const original = db.transaction.bind(db);
  db.transaction = ((...args: Parameters<typeof db.transaction>) => {
    if (args[1] === 'readwrite') transactions++;
    return original(...args);
  }) as typeof db.transaction;
  try {
    const writer = createWriter({ userId: async () => 'u-bench' });
    const t0 = performance.now();
    await Promise.all(Array.from({ length: n }, (_, i) => writer.run(async (ctx) => ctx.emit(event(i)))));
    const ms = performance.now() - t0;
    return { events: n, ms, transactions, stored: await storedCount() };
  } finally {
    db.transaction = original;
  }
}

/**
 * One readwrite transaction per event doing the writer's work for one event (next sequence number,
 * the event, the counters), each awaited before its caller is answered, as durability requires. All
 * `n` are started at once, so IndexedDB may pipeline them: the best case for this approach.
 */
async function perEvent(n: number): Promise<BenchResult> {
  await reset();
  const db = await getDb();
  const one = async (i: number) => {
    const tx = db.transaction(['events', 'meta'], 'readwrite');
    const meta = tx.objectStore('meta');
    const seq = ((await meta.get('seq')) as number | undefined) ?? 0;
    const counts = ((await meta.get('counts')) as Record<string, number> | undefined) ?? {};
    const ts = Date.now();
    const e = { ...event(i), id: uuidv7(ts, fill), seq: seq + 1, ts, userId: 'u-bench' } as WaymarkEvent;
    void tx.objectStore('events').put({ ...e, synced: 0 });
    void meta.put(seq + 1, 'seq');
    void meta.put({ ...counts, [e.type]: (counts[e.type] ?? 0) + 1 }, 'counts');
    await tx.done;
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: n }, (_, i) => one(i)));
  const ms = performance.now() - t0;
  return { events: n, ms, transactions: n, stored: await storedCount() };
}

export const api = { batched, perEvent };
(globalThis as unknown as { WaymarkSyncBench: typeof api }).WaymarkSyncBench = api;
