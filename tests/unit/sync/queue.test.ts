import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../background/db';
import { BASE_SETTINGS, bench, DAY, resetDb } from './harness';

beforeEach(resetDb);

describe('the bounded queue', () => {
  it('keeps at most maxQueuedEvents unsynced events, drops the newest, counts them and reports the count', async () => {
    const b = bench({ saved: null });
    await b.record(150);
    await b.engine.trigger('soon');
    expect(b.collector.requests).toHaveLength(0);
    // No configuration: the default bound (50,000) holds them all.
    expect(await b.unsynced()).toHaveLength(150);

    await b.settings.writeSaved({ v: 1, settings: { ...BASE_SETTINGS, maxQueuedEvents: 100 } });
    b.collector.faults.push({ kind: 'network' });
    await b.engine.settingsChanged();
    const left = await b.unsynced();
    expect(left.map((e) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect((await b.engine.status()).dropped).toBe(50);

    b.clock.now += 60_000;
    await b.engine.trigger('due');
    const last = b.collector.uploads().at(-1)?.body as { client: { dropped: number } };
    expect(last.client.dropped).toBe(50);
    expect(b.collector.stored.size).toBe(100);
    expect(await b.engine.status()).toMatchObject({ unsynced: 0, dropped: 50, stored: 100 });
  });

  it('counts only unsynced events against the bound', async () => {
    const b = bench({ saved: { ...BASE_SETTINGS, maxQueuedEvents: 100 } });
    await b.record(100);
    await b.engine.trigger('soon');
    await b.record(100);
    await b.engine.trigger('force');
    expect(await b.engine.status()).toMatchObject({ dropped: 0, unsynced: 0, stored: 200 });
  });
});

describe('retention', () => {
  it('prunes synced events older than retentionDays, never unsynced ones', async () => {
    const b = bench({ saved: { ...BASE_SETTINGS, retentionDays: 3 } });
    await b.record(5); // day 0, synced below
    await b.engine.trigger('soon');
    b.clock.now += 2 * DAY;
    await b.record(4); // day 2, synced below
    await b.engine.trigger('force');
    b.collector.faults.push({ kind: 'network' });
    b.clock.now += 2 * DAY;
    await b.record(3); // day 4, not synced (network failure)
    await b.engine.trigger('force');
    // Day 4: the day-0 events are past 3 days and synced: gone. The rest stay.
    const events = await b.events();
    expect(events.map((e) => [e.seq, e.synced])).toEqual([
      [6, 1], [7, 1], [8, 1], [9, 1],
      [10, 0], [11, 0], [12, 0],
    ]);
    b.clock.now += 30 * DAY;
    b.collector.faults.push({ kind: 'network' });
    await b.engine.trigger('force');
    // Unsynced events are the queue: kept however old.
    expect((await b.events()).map((e) => e.seq)).toEqual([10, 11, 12]);
    expect(await (await getDb()).countFromIndex('events', 'bySeq')).toBe(3);
  });
});
