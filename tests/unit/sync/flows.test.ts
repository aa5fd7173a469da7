import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../background/db';
import { FlowSchema, type Flow } from '../../../src/schema/flow';
import { makeFlow } from '../../server/support/fixtures';
import { BASE_SETTINGS, bench, resetDb } from './harness';

beforeEach(resetDb);

const published = (id: string, version = 1): Flow => FlowSchema.parse(makeFlow(id, { status: 'published', version }));
const storedFlowIds = async () => ((await (await getDb()).getAllKeys('flows')) as string[]).sort();

describe('pulling the published flows', () => {
  it('stores them on the first pull, then sends the ETag and changes nothing on 304', async () => {
    const b = bench();
    b.collector.setFlows([published('onboarding'), published('expenses')]);
    await b.engine.trigger('soon');
    expect(await storedFlowIds()).toEqual(['expenses', 'onboarding']);
    expect(b.flowsChanged.count).toBe(1);
    const first = b.collector.requests.filter((r) => r.path === '/v1/flows');
    expect(first[0]?.headers['if-none-match']).toBeUndefined();

    b.clock.now += 60_000;
    await b.engine.trigger('due');
    const pulls = b.collector.requests.filter((r) => r.path === '/v1/flows');
    expect(pulls).toHaveLength(2);
    expect(pulls[1]?.headers['if-none-match']).toMatch(/^"flows-\d+"$/);
    expect(b.flowsChanged.count).toBe(1);
    expect((await b.engine.status()).flows).toMatchObject({ count: 2, lastPullAt: b.clock.now });
  });

  it('applies new versions and removes retired flows, leaving locally made ones alone', async () => {
    const b = bench();
    const db = await getDb();
    await db.put('flows', published('local-only'), 'local-only');
    b.collector.setFlows([published('onboarding'), published('expenses')]);
    await b.engine.trigger('soon');
    b.collector.setFlows([published('onboarding', 2)]);
    await b.engine.trigger('force');
    expect(await storedFlowIds()).toEqual(['local-only', 'onboarding']);
    expect(((await db.get('flows', 'onboarding')) as Flow).version).toBe(2);
    expect(b.flowsChanged.count).toBe(2);
  });

  it('does not send an ETag to another server or token', async () => {
    const b = bench();
    b.collector.setFlows([published('onboarding')]);
    await b.engine.trigger('soon');
    await b.settings.writeSaved({ v: 1, settings: { ...BASE_SETTINGS, token: 'tok-2' } });
    await b.engine.settingsChanged();
    const pulls = b.collector.requests.filter((r) => r.path === '/v1/flows');
    expect(pulls).toHaveLength(2);
    expect(pulls[1]?.headers['if-none-match']).toBeUndefined();
  });

  it('keeps the flows it has when the answer is not valid', async () => {
    const b = bench();
    b.collector.setFlows([published('onboarding')]);
    await b.engine.trigger('soon');
    b.collector.setFlows([{ ...published('broken'), steps: [] } as unknown as Flow]);
    await b.engine.trigger('force');
    expect(await storedFlowIds()).toEqual(['onboarding']);
    expect((await b.engine.status()).state).toBe('retrying');
  });
});
