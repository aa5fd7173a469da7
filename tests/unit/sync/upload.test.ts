import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BATCH_LIMITS, MAX_BATCHES_PER_RUN } from '../../../background/sync/uploadEvents';
import { bench, resetDb, type Request } from './harness';

beforeEach(resetDb);

const sentIds = (r: Request) => (r.body as { events: { id: string }[] }).events.map((e) => e.id);

describe('uploading the event queue', () => {
  it('sends batches of at most 500 events and 256 KB, oldest first, and marks every acknowledged event synced', async () => {
    expect(DEFAULT_BATCH_LIMITS).toEqual({ maxEvents: 500, maxBytes: 256 * 1024 });
    const b = bench();
    await b.record(1_234);
    await b.engine.trigger('soon');
    const uploads = b.collector.uploads();
    expect(uploads.map((u) => sentIds(u).length)).toEqual([500, 500, 234]);
    for (const u of uploads) expect(new TextEncoder().encode(JSON.stringify(u.body)).length).toBeLessThanOrEqual(256 * 1024);
    const all = await b.events();
    expect(uploads.flatMap(sentIds)).toEqual(all.map((e) => e.id));
    expect(all.every((e) => e.synced === 1)).toBe(true);
    expect(b.collector.stored.size).toBe(1_234);
    const st = await b.engine.status();
    expect(st).toMatchObject({ state: 'idle', unsynced: 0, stored: 1_234, duplicates: 0, rejected: 0, failures: 0 });
  });

  it('cuts a batch at the byte limit', async () => {
    const b = bench({ engine: { batchLimits: { maxEvents: 500, maxBytes: 8_000 } } });
    await b.record(300);
    await b.engine.trigger('soon');
    const sizes = b.collector.uploads().map((u) => new TextEncoder().encode(JSON.stringify((u.body as { events: unknown[] }).events)).length);
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8_000);
    expect(b.collector.stored.size).toBe(300);
  });

  it('sends the event as stored, without its synced flag, and reports the install, its dropped count and the verdicts it reads', async () => {
    const b = bench();
    await b.record(1);
    await b.engine.trigger('soon');
    const body = b.collector.uploads()[0]?.body as { events: Record<string, unknown>[]; client: { installId: string; dropped: number } };
    expect(body.events[0]).not.toHaveProperty('synced');
    expect(body.events[0]).toMatchObject({ type: 'feature_used', userId: 'u-random', seq: 1 });
    expect(body.client).toEqual({ installId: expect.stringMatching(/^i-/), dropped: 0, verdicts: ['unsupported'] });
  });

  it('reports the team set by policy with each batch, for the collector’s team breakdown', async () => {
    const b = bench({ managed: { team: 'finance' } });
    await b.record(3);
    await b.engine.trigger('soon');
    const body = b.collector.uploads()[0]?.body as { client: { team?: string } };
    expect(body.client.team).toBe('finance');
  });

  it('marks nothing synced before the collector answers, and nothing when it does not', async () => {
    const b = bench();
    await b.record(10);
    b.collector.faults.push({ kind: 'status', status: 500 });
    await b.engine.trigger('soon');
    expect(b.collector.stored.size).toBe(0);
    expect(await b.unsynced()).toHaveLength(10);
    expect((await b.engine.status()).state).toBe('retrying');
  });

  it('resends events whose acknowledgement was lost, and counts the duplicate verdicts as acknowledged', async () => {
    const b = bench();
    await b.record(20);
    b.collector.faults.push({ kind: 'lose-answer' });
    await b.engine.trigger('soon');
    // The collector stored them, but the extension never heard so: they are still queued.
    expect(b.collector.stored.size).toBe(20);
    expect(await b.unsynced()).toHaveLength(20);
    b.clock.now += 60_000;
    await b.engine.trigger('due');
    expect(await b.unsynced()).toHaveLength(0);
    expect(await b.engine.status()).toMatchObject({ stored: 0, duplicates: 20, unsynced: 0, state: 'idle' });
    expect(b.collector.stored.size).toBe(20);
  });

  it('does not resend an event the collector rejected', async () => {
    const b = bench();
    await b.record(5);
    const bad = (await b.events())[2]!.id;
    b.collector.reject.add(bad);
    await b.engine.trigger('soon');
    expect(await b.engine.status()).toMatchObject({ stored: 4, rejected: 1, unsynced: 0 });
    await b.record(1);
    await b.engine.trigger('force');
    expect(b.collector.uploads().flatMap(sentIds).filter((id) => id === bad)).toHaveLength(1);
  });

  it('retries a 200 whose body is not a valid answer, without marking anything', async () => {
    const b = bench();
    await b.record(3);
    b.collector.faults.push({ kind: 'raw', status: 200, text: '<html>captive portal</html>' });
    await b.engine.trigger('soon');
    expect(await b.unsynced()).toHaveLength(3);
    const st = await b.engine.status();
    expect(st.state).toBe('retrying');
    expect(st.lastError).toMatch(/unexpected answer/);
    b.collector.faults.push({ kind: 'status', status: 200, body: { results: [] } });
    await b.engine.trigger('force');
    expect(await b.unsynced()).toHaveLength(3);
    expect((await b.engine.status()).lastError).toMatch(/0 verdicts for 3 events/);
  });

  it('splits a batch the collector finds too large (413)', async () => {
    const b = bench();
    await b.record(40);
    b.collector.faults.push({ kind: 'status', status: 413 });
    await b.engine.trigger('soon');
    const sizes = b.collector.uploads().map((u) => sentIds(u).length);
    expect(sizes[0]).toBe(40);
    expect(Math.max(...sizes.slice(1))).toBeLessThanOrEqual(20);
    expect(await b.unsynced()).toHaveLength(0);
    expect(b.collector.stored.size).toBe(40);
  });

  it('ends a run after MAX_BATCHES_PER_RUN batches and carries on at once with a new run', async () => {
    const b = bench({ engine: { batchLimits: { maxEvents: 1, maxBytes: 1_000_000 } } });
    await b.record(MAX_BATCHES_PER_RUN + 3);
    await b.engine.trigger('soon');
    expect(b.collector.stored.size).toBe(MAX_BATCHES_PER_RUN);
    const next = b.timers.at(-1);
    expect(next?.at).toBe(b.clock.now + 200);
    next?.fn();
    await b.engine.trigger('due'); // queued behind the timer's run: resolves after it
    expect(b.collector.stored.size).toBe(MAX_BATCHES_PER_RUN + 3);
  });

  it('runs one sync at a time, whatever triggers it', async () => {
    const b = bench();
    await b.record(1_100);
    await Promise.all([b.engine.trigger('soon'), b.engine.trigger('due'), b.engine.trigger('force'), b.engine.syncNow()]);
    expect(b.collector.maxInFlight).toBe(1);
    expect(b.collector.uploads().flatMap(sentIds)).toHaveLength(1_100);
    expect(new Set(b.collector.uploads().flatMap(sentIds)).size).toBe(1_100);
  });

  it('uses the managed user id on the wire when the policy says so, and keeps the stored event as it was', async () => {
    const b = bench({ managed: { userIdSource: 'managed', userId: 'emp-4711' } });
    await b.record(2);
    await b.engine.trigger('soon');
    const sent = (b.collector.uploads()[0]?.body as { events: { userId: string }[] }).events;
    expect(sent.map((e) => e.userId)).toEqual(['emp-4711', 'emp-4711']);
    expect((await b.events()).map((e) => e.userId)).toEqual(['u-random', 'u-random']);
  });

  it('does nothing on the network without a complete configuration', async () => {
    const b = bench({ saved: { serverUrl: 'https://collector.test' } });
    await b.record(2);
    await b.engine.trigger('force');
    expect(b.collector.requests).toHaveLength(0);
    expect(await b.engine.status()).toMatchObject({ state: 'unconfigured', unsynced: 2, nextAttemptAt: null });
  });

  it('schedules the next run at the interval, with a timer while alive and an alarm for a stopped worker', async () => {
    const b = bench({ saved: { serverUrl: 'https://collector.test', token: 'tok-1', syncIntervalSeconds: 5 } });
    await b.engine.trigger('soon');
    expect(b.alarms.at(-1)).toBe(0.5);
    expect(b.timers.map((t) => t.at - b.clock.now)).toEqual([5_000]);
    expect((await b.engine.status()).nextAttemptAt).toBe(b.clock.now + 5_000);
    // Not due yet: a wake-up (worker start, alarm) does not sync.
    const before = b.collector.requests.length;
    b.clock.now += 2_000;
    await b.engine.trigger('due');
    expect(b.collector.requests.length).toBe(before);
    b.clock.now += 3_000;
    await b.record(1);
    await b.engine.trigger('due');
    expect(b.collector.stored.size).toBe(1);
    b.engine.destroy();
    expect(b.timers).toHaveLength(0);
  });
});
