import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../background/db';
import { createWriter } from '../../../background/writer';

describe('the batched event writer', () => {
  it('writes concurrent units in one transaction, with gap-free sequence numbers', async () => {
    const writer = createWriter({ userId: async () => 'u-test', now: () => 1_700_000_000_000 });
    const db = await getDb();
    const spy = vi.spyOn(Object.getPrototypeOf(db), 'transaction');
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        writer.run(async (ctx) => {
          ctx.emit({ type: 'feature_used', featureId: 'f', firstUse: i === 0 });
          return i;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const writes = spy.mock.calls.filter((c) => c[1] === 'readwrite');
    expect(writes).toHaveLength(1);
    spy.mockRestore();
    const events = await db.getAllFromIndex('events', 'bySeq');
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.id)).size).toBe(200);
    expect(events.every((e) => e.userId === 'u-test' && e.synced === 0)).toBe(true);
    expect(await db.get('meta', 'counts')).toEqual({ feature_used: 200 });
  });

  it('applies an operation id once, even when retried', async () => {
    const writer = createWriter({ userId: async () => 'u-test' });
    const db = await getDb();
    const before = (await db.getAll('events')).length;
    const unit = async (ctx: Parameters<Parameters<typeof writer.run>[0]>[0]) => {
      if (await ctx.seenOp('op-1')) return 'duplicate';
      ctx.emit({ type: 'feature_used', featureId: 'g', firstUse: true });
      return 'applied';
    };
    expect(await writer.run(unit)).toBe('applied');
    expect(await writer.run(unit)).toBe('duplicate');
    expect((await db.getAll('events')).length).toBe(before + 1);
  });

  it('answers a failing unit with its error and still commits the others', async () => {
    const writer = createWriter({ userId: async () => 'u-test' });
    const ok = writer.run(async (ctx) => ctx.emit({ type: 'feature_used', featureId: 'ok', firstUse: true }));
    const bad = writer.run(async () => {
      throw new Error('boom');
    });
    await expect(bad).rejects.toThrow('boom');
    await expect(ok).resolves.toBeUndefined();
    const db = await getDb();
    expect((await db.getAll('events')).some((e) => e.type === 'feature_used' && e.featureId === 'ok')).toBe(true);
  });
});
