import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../../background/db';
import type { Docs } from '../../../background/docs';
import { computePageState } from '../../../background/pageState';
import { createWriter } from '../../../background/writer';
import { FlowSchema, type FlowInput } from '../../../src/schema/flow';
import { GuidanceSchema } from '../../../src/schema/guidance';
import { beacon, checklist, tip } from './fixtures';

/*
 * The background's page state over a real (fake-indexeddb) database and the batched writer: visits are
 * counted per page view, and an auto flow takes its turn among the pop-ups.
 */
let clock = 1_800_000_000_000;
const writer = createWriter({ userId: async () => 'u-test', now: () => clock });
const URL = 'http://127.0.0.1/crm/deals';

const flow = (over: Partial<FlowInput> = {}) =>
  FlowSchema.parse({
    schemaVersion: 2,
    kind: 'flow',
    id: 'welcome',
    name: 'Welcome',
    version: 1,
    status: 'published',
    match: ['http://127.0.0.1/*'],
    start: 'auto',
    updatedAt: '2026-01-01T00:00:00.000Z',
    steps: [{ id: 'a', title: 'A', body: [] }],
    ...over,
  });
const docs = (over: Partial<Docs>): Docs => ({ flows: [], features: [], guidance: [], broken: [], ...over });
const state = (d: Docs, page: Parameters<typeof computePageState>[3] = {}) => writer.run((ctx) => computePageState(ctx, d, URL, page));

describe('computePageState', () => {
  it('counts a visit per page view for the guidance of the page, not per request', async () => {
    const d = docs({ guidance: [GuidanceSchema.parse({ ...tip, audience: { visit: { kind: 'fromNth', n: 2 } } })] });
    const first = await state(d, { linkStart: true });
    expect(first.guidance.items.map((i) => i.unasked)).toEqual([false]);
    // The same page view asking again (presence, tab shown again) is not a new visit.
    expect((await state(d)).guidance.items.map((i) => i.unasked)).toEqual([false]);
    clock += 1000;
    expect((await state(d, { linkStart: true })).guidance.items.map((i) => i.unasked)).toEqual([true]);
    const rec = (await (await getDb()).get('contentState', 'tip:po-number')) as { visits: number };
    expect(rec.visits).toBe(2);
  });

  it('starts an auto flow only when no higher pop-up is on the page, or could be', async () => {
    const high = GuidanceSchema.parse({ ...beacon, audience: { priority: 80 } });
    const d = docs({ flows: [flow()], guidance: [high] });
    // First request of the page: the beacon's element has not been looked for yet. The flow waits.
    const waiting = await state(d, { linkStart: true, settled: false });
    expect([waiting.session, waiting.guidance.popup]).toEqual([null, null]);
    // The page found the beacon: it is the pop-up, and the flow still waits.
    const found = await state(d, { present: ['new-export'], settled: true });
    expect([found.session, found.guidance.popup]).toEqual([null, { kind: 'beacon', id: 'new-export', priority: 80 }]);
    // Not there after all: the flow's turn.
    const absent = await state(d, { settled: true });
    expect(absent.session?.flowId).toBe('welcome');
    expect(absent.guidance.popup).toEqual({ kind: 'flow', id: 'welcome', priority: 50 });
    // Once on screen it keeps the page, even when the beacon shows up.
    expect((await state(d, { present: ['new-export'] })).guidance.popup).toMatchObject({ kind: 'flow' });
  });

  it('offers a checklist item the flow of which starts on this page', async () => {
    const c = GuidanceSchema.parse({ ...checklist, match: ['http://127.0.0.1/*'] });
    const d = docs({ flows: [flow({ id: 'crm-onboarding', start: 'manual' })], guidance: [c] });
    const s = await state(d);
    expect(s.guidance.items[0]).toMatchObject({ done: [], startable: ['tour'] });
    expect(s.guidance.guides.map((g) => g.id)).toEqual(['crm-onboarding']);
  });

  it('counts a feature as used only once it was used, not when it was merely seen (feature_seen)', async () => {
    const db = await getDb();
    // An exposure writes the feature's record with no use yet.
    await db.put('featureUse', { featureId: 'export', firstSeenAt: clock, count: 0 });
    const c = GuidanceSchema.parse({ ...checklist, match: ['http://127.0.0.1/*'] });
    const b = GuidanceSchema.parse({ ...beacon, audience: { priority: 80 } });
    const d = docs({ guidance: [c, b] });
    const seen = await state(d, { present: ['new-export'], settled: true });
    expect(seen.guidance.items.find((i) => i.doc.kind === 'checklist')).toMatchObject({ done: [] });
    expect(seen.guidance.items.some((i) => i.doc.kind === 'beacon')).toBe(true);
    await db.put('featureUse', { featureId: 'export', firstSeenAt: clock, firstUsedAt: clock + 1, count: 1 });
    const used = await state(d, { present: ['new-export'], settled: true });
    expect(used.guidance.items.find((i) => i.doc.kind === 'checklist')).toMatchObject({ done: ['export'] });
    expect(used.guidance.items.some((i) => i.doc.kind === 'beacon')).toBe(false);
  });
});
