import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../background/db';
import { HOLD_RETRY_MS } from '../../../background/sync/holdEvents';
import { SYNC_STATE_KEY } from '../../../background/sync/syncState';
import type { NewEvent } from '../../../src/schema/event';
import { BASE_SETTINGS, bench, resetDb, type Bench } from './harness';

beforeEach(resetDb);

/** A type this bench's collector is told it does not know (one the extension does record). */
const NEW_TYPE = 'content_shown';
const shown = (n: number): NewEvent[] => Array.from({ length: n }, (_, i) => ({ type: NEW_TYPE, contentId: `tip-${i}`, contentKind: 'tip' }));

const held = async (b: Bench) => (await b.events()).filter((e) => e.synced === 2);
const sentIds = (b: Bench) => b.collector.uploads().flatMap((u) => (u.body as { events: { id: string }[] }).events.map((e) => e.id));

describe('events the collector does not know', () => {
  it('keeps an unsupported event (not synced, not dropped) and lets the rest of the queue through', async () => {
    const b = bench();
    b.collector.unknownTypes.add(NEW_TYPE);
    await b.record(3);
    await b.emit(shown(2));
    await b.engine.trigger('soon');
    expect(b.collector.stored.size).toBe(3);
    const kept = await held(b);
    expect(kept.map((e) => e.type)).toEqual([NEW_TYPE, NEW_TYPE]);
    expect(await b.unsynced()).toEqual([]);
    const s = await b.engine.status();
    expect(s).toMatchObject({ unsynced: 0, rejected: 0, dropped: 0, stored: 3 });
    expect(s.held).toEqual({ count: 2, types: [NEW_TYPE], retryAt: b.clock.now + HOLD_RETRY_MS });
  });

  it('does not send held events again on every sync, and keeps sending new ones', async () => {
    const b = bench();
    b.collector.unknownTypes.add(NEW_TYPE);
    await b.emit(shown(2));
    await b.engine.trigger('soon');
    const heldIds = (await held(b)).map((e) => e.id);
    expect(sentIds(b)).toEqual(heldIds);
    for (let i = 0; i < 5; i++) {
      b.clock.now += 60_000;
      await b.record(1);
      await b.engine.trigger('due');
    }
    expect(sentIds(b).filter((id) => heldIds.includes(id))).toEqual(heldIds);
    expect(b.collector.stored.size).toBe(5);
    expect((await b.engine.status()).held.count).toBe(2);
  });

  it('sends them again when the collector reports another build, and then they are stored', async () => {
    const b = bench();
    b.collector.unknownTypes.add(NEW_TYPE);
    await b.emit(shown(2));
    await b.engine.trigger('soon');
    b.clock.now += 60_000;
    await b.engine.trigger('due');
    expect(b.collector.uploads()).toHaveLength(1);

    // The collector is upgraded: a new build that knows the type.
    b.collector.unknownTypes.clear();
    b.collector.build.version = '1.1.0+ev.bbbbbbbb';
    b.clock.now += 60_000;
    await b.engine.trigger('due');
    expect(b.collector.uploads()).toHaveLength(2);
    expect(b.collector.stored.size).toBe(2);
    expect(await held(b)).toEqual([]);
    expect((await b.engine.status()).held).toEqual({ count: 0, types: [], retryAt: null });
  });

  it('treats an older collector’s refusal of an unknown type as not final, and a real refusal as final', async () => {
    const b = bench();
    b.collector.build.old = true;
    b.collector.unknownTypes.add(NEW_TYPE);
    await b.record(2);
    await b.emit(shown(1));
    const invalid = (await b.events())[0];
    if (!invalid) throw new Error('nothing recorded');
    b.collector.reject.add(invalid.id);
    await b.engine.trigger('soon');
    const events = await b.events();
    expect(events.map((e) => [e.type, e.synced])).toEqual([
      ['feature_used', 1],
      ['feature_used', 1],
      [NEW_TYPE, 2],
    ]);
    expect(await b.engine.status()).toMatchObject({ rejected: 1, stored: 1, held: { count: 1, types: [NEW_TYPE] } });
  });

  it('with an older collector (no build reported), waits a day, sends them again, and holds them again if still unknown', async () => {
    const b = bench();
    b.collector.build.old = true;
    b.collector.unknownTypes.add(NEW_TYPE);
    await b.emit(shown(2));
    await b.engine.trigger('soon');
    b.clock.now += HOLD_RETRY_MS - 60_000;
    await b.engine.trigger('due');
    expect(b.collector.uploads()).toHaveLength(1);

    b.clock.now += 60_000;
    await b.engine.trigger('due');
    expect(b.collector.uploads()).toHaveLength(2);
    const s = await b.engine.status();
    expect(s.held).toEqual({ count: 2, types: [NEW_TYPE], retryAt: b.clock.now + HOLD_RETRY_MS });
    expect(s).toMatchObject({ rejected: 0, dropped: 0 });

    // Upgraded: the new collector reports a build where the old one reported none.
    b.collector.build.old = false;
    b.collector.unknownTypes.clear();
    b.clock.now += 60_000;
    await b.engine.trigger('due');
    expect(b.collector.stored.size).toBe(2);
    expect((await b.engine.status()).held.count).toBe(0);
  });

  it('keeps holding them while the health check fails, and the run is no failure', async () => {
    const b = bench();
    b.collector.unknownTypes.add(NEW_TYPE);
    await b.emit(shown(1));
    await b.engine.trigger('soon');
    b.collector.build.version = 'other';
    b.collector.faults.push({ kind: 'status', status: 503 });
    b.clock.now += 60_000;
    await b.engine.trigger('due');
    expect(b.collector.uploads()).toHaveLength(1);
    expect(await b.engine.status()).toMatchObject({ state: 'idle', failures: 0, held: { count: 1 } });
  });

  it('sends them again on Sync now', async () => {
    const b = bench();
    b.collector.unknownTypes.add(NEW_TYPE);
    await b.emit(shown(1));
    await b.engine.trigger('soon');
    b.collector.unknownTypes.clear();
    const s = await b.engine.syncNow();
    expect(b.collector.stored.size).toBe(1);
    expect(s.held.count).toBe(0);
  });

  it('bounds held and queued events together, drops held ones first (newest first), and counts them', async () => {
    const b = bench({ saved: { ...BASE_SETTINGS, maxQueuedEvents: 100 } });
    b.collector.unknownTypes.add(NEW_TYPE);
    await b.emit(shown(90));
    await b.engine.trigger('soon');
    expect((await held(b)).length).toBe(90);

    await b.record(30);
    b.clock.now += 60_000;
    await b.engine.trigger('due');
    const kept = await held(b);
    expect(kept).toHaveLength(70);
    expect(kept.at(-1)?.seq).toBe(70);
    expect(b.collector.stored.size).toBe(30);
    const s = await b.engine.status();
    expect(s).toMatchObject({ dropped: 20, unsynced: 0, held: { count: 70 } });
    // What was dropped is reported to the collector, like any drop.
    expect((b.collector.uploads().at(-1)?.body as { client: { dropped: number } }).client.dropped).toBe(20);
  });

  it('forgets the hold once the bound dropped every held event, and asks the collector nothing for it', async () => {
    const b = bench({ saved: { ...BASE_SETTINGS, maxQueuedEvents: 100 } });
    b.collector.unknownTypes.add(NEW_TYPE);
    await b.emit(shown(90));
    await b.engine.trigger('soon');
    await b.record(100);
    b.clock.now += 60_000;
    await b.engine.trigger('due');
    expect(b.collector.requests.filter((r) => r.path === '/v1/health')).toEqual([]);
    expect(await b.engine.status()).toMatchObject({ dropped: 90, stored: 100, held: { count: 0, types: [], retryAt: null } });
    b.clock.now += 60_000;
    await b.engine.trigger('due');
    expect(b.collector.requests.filter((r) => r.path === '/v1/health')).toEqual([]);
  });

  it('reads a sync state stored before holding existed, keeping its install and counters', async () => {
    const db = await getDb();
    const v1 = {
      v: 1,
      installId: 'i-before',
      dropped: 4,
      stored: 10,
      duplicates: 1,
      rejected: 2,
      lastAttemptAt: null,
      lastSuccessAt: null,
      lastFailureAt: null,
      lastRunAt: null,
      lastError: null,
      failures: 0,
      retryAt: null,
      pause: null,
      flows: null,
    };
    await db.put('meta', v1, SYNC_STATE_KEY);
    const b = bench();
    b.collector.unknownTypes.add(NEW_TYPE);
    await b.emit(shown(1));
    await b.engine.trigger('soon');
    expect(await b.engine.status()).toMatchObject({ dropped: 4, stored: 10, duplicates: 1, rejected: 2, held: { count: 1 } });
    expect((b.collector.uploads()[0]?.body as { client: { installId: string } }).client.installId).toBe('i-before');
    expect(await db.get('meta', SYNC_STATE_KEY)).toMatchObject({ v: 2, installId: 'i-before' });
  });
});
