import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../../background/db';
import { invalidateDocs } from '../../../background/docs';
import { contentHandlers } from '../../../background/handlers/content';
import { createWriter } from '../../../background/writer';

const sender = {} as chrome.runtime.MessageSender;
const feature = {
  schemaVersion: 2,
  kind: 'feature',
  id: 'bulk-edit',
  name: 'Bulk edit',
  match: ['https://crm.example.com/*'],
  target: { tag: 'button', text: 'Bulk edit' },
  use: 'click',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('feature exposure (feature/seen)', () => {
  it('records feature_seen once per user, before the first use, and tells pages the feature was seen', async () => {
    const db = await getDb();
    await db.put('features', feature, feature.id);
    invalidateDocs();
    let now = 1_767_000_000_000;
    const h = contentHandlers(createWriter({ userId: async () => 'u-1', now: () => now }), { team: async () => undefined });
    const url = 'https://crm.example.com/deals';

    expect((await h['page/state']({ type: 'page/state', url, linkStart: false, present: [], settled: true }, sender)).ok).toBe(true);
    const before = await h['page/state']({ type: 'page/state', url, linkStart: false, present: [], settled: true }, sender);
    expect(before.ok && before.state.features).toEqual([expect.objectContaining({ id: 'bulk-edit', seen: false })]);

    expect(await h['feature/seen']({ type: 'feature/seen', opId: 'op-a', featureId: 'bulk-edit' }, sender)).toEqual({ ok: true, recorded: true });
    now += 60_000;
    expect(await h['feature/seen']({ type: 'feature/seen', opId: 'op-b', featureId: 'bulk-edit' }, sender)).toEqual({ ok: true, recorded: false });
    // The exposure record does not count as a use: the first use is still the first.
    expect(await h['feature/used']({ type: 'feature/used', opId: 'op-c', featureId: 'bulk-edit' }, sender)).toEqual({ ok: true, firstUse: true });
    expect(await h['feature/used']({ type: 'feature/used', opId: 'op-d', featureId: 'bulk-edit' }, sender)).toEqual({ ok: true, firstUse: false });
    expect(await h['feature/seen']({ type: 'feature/seen', opId: 'op-e', featureId: 'nope' }, sender)).toMatchObject({ ok: false });

    const after = await h['page/state']({ type: 'page/state', url, linkStart: false, present: [], settled: true }, sender);
    expect(after.ok && after.state.features[0]?.seen).toBe(true);
    const events = (await db.getAllFromIndex('events', 'bySeq')).filter((e) => 'featureId' in e && e.featureId === 'bulk-edit');
    expect(events.map((e) => [e.type, 'firstUse' in e ? e.firstUse : null])).toEqual([
      ['feature_seen', null],
      ['feature_used', true],
      ['feature_used', false],
    ]);
    expect(await db.get('featureUse', 'bulk-edit')).toEqual({ featureId: 'bulk-edit', firstSeenAt: now - 60_000, firstUsedAt: now, count: 2 });
  });

  it('records no exposure after a use made before exposures were tracked', async () => {
    const db = await getDb();
    await db.put('featureUse', { featureId: 'bulk-edit', firstUsedAt: 1, count: 3 });
    const h = contentHandlers(createWriter({ userId: async () => 'u-1' }), { team: async () => undefined });
    const n = (await db.getAll('events')).length;
    expect(await h['feature/seen']({ type: 'feature/seen', opId: 'op-x', featureId: 'bulk-edit' }, sender)).toEqual({ ok: true, recorded: false });
    expect((await db.getAll('events')).length).toBe(n);
    expect((await db.get('featureUse', 'bulk-edit'))?.firstSeenAt).toBeDefined();
  });
});
