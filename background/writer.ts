import type { IDBPTransaction } from 'idb';
import type { NewEvent, WaymarkEvent } from '../src/schema/event';
import { uuidv7 } from '../src/ids/uuidv7';
import { ALL_STORES, getDb, type WaymarkDB } from './db';

export type WriteTx = IDBPTransaction<WaymarkDB, typeof ALL_STORES extends readonly (infer S)[] ? S[] : never, 'readwrite'>;

export interface UnitContext {
  tx: WriteTx;
  now: number;
  /** Appends an event; it is stored in this transaction with the next sequence number. */
  emit(event: NewEvent): void;
  /** True when this operation id was applied before (the unit should then change nothing). */
  seenOp(opId: string): Promise<boolean>;
}

/**
 * A unit of work runs inside the flush transaction. It may only await IndexedDB requests of `tx`:
 * awaiting anything else lets the transaction commit early.
 */
export type Unit<T> = (ctx: UnitContext) => Promise<T>;

interface Pending {
  unit: Unit<unknown>;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

export interface WriterOptions {
  userId: () => Promise<string>;
  now?: () => number;
  /** Flush at once when this many units are waiting. @default 500 */
  maxBatch?: number;
}

/**
 * Batches writes: every unit that arrives before the next flush shares one readwrite transaction, and
 * each unit's promise settles only after that transaction commits. So a caller that got an answer knows
 * its change is durable, and a caller that did not (the worker was stopped) retries.
 */
export function createWriter(opts: WriterOptions) {
  const now = opts.now ?? Date.now;
  const maxBatch = opts.maxBatch ?? 500;
  let queue: Pending[] = [];
  let scheduled = false;
  let flushing: Promise<void> = Promise.resolve();
  const fill = (b: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(b);

  async function flush(batch: Pending[]): Promise<void> {
    const db = await getDb();
    const userId = await opts.userId();
    const tx = db.transaction([...ALL_STORES], 'readwrite');
    const ts = now();
    let seq = (await tx.objectStore('meta').get('seq')) as number | undefined;
    let next = typeof seq === 'number' ? seq : 0;
    const rawCounts = await tx.objectStore('meta').get('counts');
    const counts: Record<string, number> =
      rawCounts && typeof rawCounts === 'object' ? { ...(rawCounts as Record<string, number>) } : {};
    const settled: { p: Pending; ok: boolean; value: unknown }[] = [];
    let wrote = false;
    for (const p of batch) {
      const pendingEvents: NewEvent[] = [];
      const ops: string[] = [];
      const ctx: UnitContext = {
        tx,
        now: ts,
        emit: (e) => {
          pendingEvents.push(e);
        },
        seenOp: async (opId) => {
          const hit = await tx.objectStore('ops').get(opId);
          if (!hit) ops.push(opId);
          return hit !== undefined;
        },
      };
      try {
        const value = await p.unit(ctx);
        for (const e of pendingEvents) {
          next += 1;
          const ev = { ...e, id: uuidv7(ts, fill), seq: next, ts, userId } as WaymarkEvent;
          void tx.objectStore('events').put({ ...ev, synced: 0 });
          counts[e.type] = (counts[e.type] ?? 0) + 1;
          wrote = true;
        }
        for (const opId of ops) void tx.objectStore('ops').put({ opId, ts });
        settled.push({ p, ok: true, value });
      } catch (e) {
        // A unit that fails is answered with its error; the others in the batch still commit.
        settled.push({ p, ok: false, value: e });
      }
    }
    if (wrote) {
      void tx.objectStore('meta').put(next, 'seq');
      // Totals per type since install, kept beside the log so the Activity view need not scan it.
      void tx.objectStore('meta').put(counts, 'counts');
    }
    try {
      await tx.done;
    } catch (e) {
      for (const s of settled) s.p.reject(e);
      return;
    }
    for (const s of settled) (s.ok ? s.p.resolve : s.p.reject)(s.value);
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    const run = () => {
      scheduled = false;
      const batch = queue;
      queue = [];
      if (batch.length === 0) return;
      flushing = flushing.then(() => flush(batch)).catch(() => undefined);
      if (queue.length > 0) schedule();
    };
    if (queue.length >= maxBatch) queueMicrotask(run);
    else setTimeout(run, 0);
  }

  return {
    run<T>(unit: Unit<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ unit: unit as Unit<unknown>, resolve: resolve as (v: unknown) => void, reject });
        schedule();
      });
    },
    /** Resolves when everything queued so far has been written. */
    async drain(): Promise<void> {
      while (queue.length > 0 || scheduled) await new Promise((r) => setTimeout(r, 0));
      await flushing;
    },
  };
}
export type Writer = ReturnType<typeof createWriter>;
