import { beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../background/sync/backoffDelay';
import { parseRetryAfter } from '../../../background/sync/collectorClient';
import { retryDecision } from '../../../background/sync/retryDecision';
import { bench, resetDb } from './harness';

beforeEach(resetDb);

describe('backoff', () => {
  const opts = { baseMs: 1_000, maxMs: 60_000 };
  it('doubles per failure, with jitter between half and all of the step, up to the cap', () => {
    expect([1, 2, 3, 4].map((f) => backoffDelay(f, opts, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((f) => backoffDelay(f, opts, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffDelay(30, opts, () => 1)).toBe(60_000);
    expect(backoffDelay(1_000, opts, () => 0.5)).toBe(45_000);
  });
  it('waits at least as long as Retry-After asks, up to the cap', () => {
    expect(backoffDelay(1, opts, () => 0, 7_000)).toBe(7_000);
    expect(backoffDelay(1, opts, () => 0, 3_600_000)).toBe(60_000);
    expect(parseRetryAfter('3', 0)).toBe(3_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});

describe('which failures are retried', () => {
  const http = (status: number) => ({ kind: 'http' as const, status, message: 'x', retryAfterMs: null });
  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(retryDecision(http(status)).action).toBe('retry');
  });
  it.each([400, 401, 403, 404, 405, 409, 410, 413, 422])('does not retry HTTP %i', (status) => {
    expect(retryDecision(http(status)).action).toBe('pause');
  });
  it('retries network failures, timeouts and unreadable answers', () => {
    expect(retryDecision({ kind: 'network', message: 'x' }).action).toBe('retry');
    expect(retryDecision({ kind: 'timeout', afterMs: 1 }).action).toBe('retry');
    expect(retryDecision({ kind: 'invalid', message: 'x' }).action).toBe('retry');
  });
});

describe('the engine after failures', () => {
  it('backs off exponentially on 5xx, waits out the backoff, and recovers', async () => {
    const b = bench();
    await b.record(4);
    b.collector.faults.push({ kind: 'status', status: 503 }, { kind: 'status', status: 500 });
    await b.engine.trigger('soon');
    let st = await b.engine.status();
    // random() is 0.5 in the bench: 3/4 of the step.
    expect(st).toMatchObject({ state: 'retrying', failures: 1, nextAttemptAt: b.clock.now + 750 });
    expect(b.timers.at(-1)?.at).toBe(b.clock.now + 750);

    // Neither a worker start nor the alarm nor new settings of the same kind skip the backoff.
    b.clock.now += 400;
    await b.engine.trigger('due');
    await b.engine.trigger('soon');
    expect(b.collector.uploads()).toHaveLength(1);

    b.clock.now += 350;
    await b.engine.trigger('due');
    st = await b.engine.status();
    expect(st).toMatchObject({ state: 'retrying', failures: 2, nextAttemptAt: b.clock.now + 1_500 });
    b.clock.now += 1_500;
    await b.engine.trigger('due');
    expect(await b.engine.status()).toMatchObject({ state: 'idle', failures: 0, unsynced: 0, lastError: null, lastSuccessAt: b.clock.now });
    expect(b.collector.uploads()).toHaveLength(3);
  });

  it('retries network errors and timeouts', async () => {
    const b = bench({ saved: { serverUrl: 'https://collector.test', token: 'tok-1', requestTimeoutSeconds: 1 } });
    await b.record(2);
    b.collector.faults.push({ kind: 'network' });
    await b.engine.trigger('soon');
    expect((await b.engine.status()).lastError).toMatch(/network error/);
    b.collector.faults.push({ kind: 'hang' });
    b.clock.now += 10_000;
    await b.engine.trigger('due');
    expect(await b.engine.status()).toMatchObject({ state: 'retrying', failures: 2, lastError: 'no answer within 1 s' });
    b.clock.now += 10_000;
    await b.engine.trigger('due');
    expect(await b.engine.status()).toMatchObject({ state: 'idle', unsynced: 0 });
  });

  it('honours Retry-After on 429', async () => {
    const b = bench();
    await b.record(1);
    b.collector.faults.push({ kind: 'status', status: 429, headers: { 'Retry-After': '20' } });
    await b.engine.trigger('soon');
    expect((await b.engine.status()).nextAttemptAt).toBe(b.clock.now + 20_000);
  });

  it.each([401, 403])('pauses on %i until the settings change, keeping every event', async (status) => {
    const b = bench();
    await b.record(3);
    b.collector.faults.push({ kind: 'status', status, body: { error: 'token revoked' } });
    await b.engine.trigger('soon');
    let st = await b.engine.status();
    expect(st).toMatchObject({ state: 'paused', nextAttemptAt: null, unsynced: 3 });
    expect(st.pausedReason).toMatch(/refused the token.*token revoked/);
    b.clock.now += 3_600_000;
    await b.engine.trigger('due');
    await b.engine.trigger('soon');
    expect(b.collector.uploads()).toHaveLength(1);
    // A new token is a new configuration.
    b.settings.managed = { token: 'tok-2' };
    await b.engine.settingsChanged();
    st = await b.engine.status();
    expect(st).toMatchObject({ state: 'idle', unsynced: 0, pausedReason: null });
  });

  it('does not retry other 4xx, until an admin presses Sync now', async () => {
    const b = bench();
    await b.record(3);
    b.collector.faults.push({ kind: 'status', status: 400, body: { error: 'invalid ingest request', issues: [{ path: 'client', message: 'bad' }] } });
    await b.engine.trigger('soon');
    expect(await b.engine.status()).toMatchObject({ state: 'paused', unsynced: 3 });
    expect((await b.engine.status()).pausedReason).toMatch(/HTTP 400: invalid ingest request \(client: bad\)/);
    b.clock.now += 3_600_000;
    await b.engine.trigger('due');
    expect(b.collector.uploads()).toHaveLength(1);
    const st = await b.engine.syncNow();
    expect(st).toMatchObject({ state: 'idle', unsynced: 0 });
  });

  it('a worker that starts again remembers the backoff (it is in IndexedDB, not in memory)', async () => {
    const first = bench();
    await first.record(1);
    first.collector.faults.push({ kind: 'status', status: 500 });
    await first.engine.trigger('soon');
    first.engine.destroy();
    // A new engine over the same database: what a restarted worker builds.
    const second = bench();
    second.clock.now = first.clock.now + 100;
    await second.engine.trigger('due');
    expect(second.collector.requests).toHaveLength(0);
    expect(second.timers.at(-1)?.at).toBe(first.clock.now + 750);
    second.clock.now = first.clock.now + 750;
    await second.engine.trigger('due');
    expect(second.collector.stored.size).toBe(1);
  });
});
