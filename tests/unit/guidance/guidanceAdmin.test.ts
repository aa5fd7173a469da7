import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME, getDb } from '../../../background/db';
import { getDocs } from '../../../background/docs';
import { adminHandlers, type SyncAdmin } from '../../../background/handlers/admin';
import { createWriter } from '../../../background/writer';
import { beacon, checklist, prompt, tip } from './fixtures';

const noSync = {} as SyncAdmin;
const writer = createWriter({ userId: async () => 'u-test' });
let changes = 0;
const admin = adminHandlers(writer, async () => void changes++, noSync);

const legacyFlow = {
  schemaVersion: 2,
  kind: 'flow',
  id: 'kept',
  name: 'Kept',
  version: 1,
  status: 'published',
  match: ['http://127.0.0.1/*'],
  start: 'manual',
  updatedAt: '2026-01-01T00:00:00.000Z',
  steps: [{ id: 's1', title: 'Hi', body: [] }],
};

beforeAll(async () => {
  // A database as the previous build left it (version 1), holding a flow, before this build opens it.
  const v1 = await openDB(DB_NAME, 1, {
    upgrade(db) {
      for (const s of ['flows', 'features', 'progress', 'meta']) db.createObjectStore(s);
      db.createObjectStore('featureUse', { keyPath: 'featureId' });
      const events = db.createObjectStore('events', { keyPath: 'id' });
      events.createIndex('bySeq', 'seq', { unique: true });
      events.createIndex('bySynced', ['synced', 'seq']);
      db.createObjectStore('ops', { keyPath: 'opId' }).createIndex('byTs', 'ts');
    },
  });
  await v1.put('flows', legacyFlow, 'kept');
  v1.close();
});

describe('guidance admin messages', () => {
  it('upgrades a version 1 database, keeping its flows', async () => {
    const db = await getDb();
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['guidance', 'contentState', 'flows']));
    const r = await admin['admin/flows/list']({ type: 'admin/flows/list' });
    expect(r.ok && r.flows.map((f) => f.id)).toEqual(['kept']);
  });

  it('saves, lists and deletes each kind', async () => {
    for (const doc of [prompt, tip, beacon, checklist]) {
      const r = await admin['admin/guidance/save']({ type: 'admin/guidance/save', guidance: doc });
      expect(r.ok, doc.kind).toBe(true);
    }
    expect(changes).toBeGreaterThanOrEqual(4);
    const list = await admin['admin/guidance/list']({ type: 'admin/guidance/list' });
    expect(list.ok && list.guidance.map((g) => g.id).sort()).toEqual(['getting-started', 'new-export', 'po-number', 'summarize-deal']);
    await admin['admin/guidance/delete']({ type: 'admin/guidance/delete', id: 'po-number' });
    const after = await admin['admin/guidance/list']({ type: 'admin/guidance/list' });
    expect(after.ok && after.guidance.some((g) => g.id === 'po-number')).toBe(false);
  });

  it('answers invalid input with field-level issues and stores nothing', async () => {
    const r = await admin['admin/guidance/save']({ type: 'admin/guidance/save', guidance: { ...tip, id: 'bad tip', title: '' } });
    expect(r).toMatchObject({ ok: false, error: 'The tip is not valid.' });
    if (!r.ok) {
      expect(r.issues?.map((i) => i.path).sort()).toEqual(['guidance.id', 'guidance.title']);
    }
    const clash = await admin['admin/guidance/save']({ type: 'admin/guidance/save', guidance: { ...tip, id: 'new-export' } });
    expect(clash).toMatchObject({ ok: false, issues: [{ path: 'guidance.id', message: 'already used by the beacon "New export"' }] });
  });

  it('reports a damaged stored record and leaves it out', async () => {
    const db = await getDb();
    await db.put('guidance', { ...tip, id: 'damaged', kind: 'tooltip' }, 'damaged');
    await admin['admin/guidance/save']({ type: 'admin/guidance/save', guidance: tip }); // drops the cache
    const list = await admin['admin/guidance/list']({ type: 'admin/guidance/list' });
    expect(list.ok && list.guidance.some((g) => g.id === 'damaged')).toBe(false);
    expect((await getDocs()).broken).toEqual([{ store: 'guidance', key: 'damaged', issues: [{ path: 'kind', message: expect.stringMatching(/Invalid discriminator/) }] }]);
    await db.delete('guidance', 'damaged');
  });

  it('exports and imports guidance in the bundle, whole or not at all', async () => {
    const exp = await admin['admin/bundle/export']({ type: 'admin/bundle/export' });
    expect(exp.ok).toBe(true);
    if (!exp.ok) return;
    expect(exp.bundle.guidance.length).toBe(4);
    const bad = await admin['admin/bundle/import']({
      type: 'admin/bundle/import',
      bundle: { format: 'waymark-bundle', guidance: [{ ...prompt, id: 'other' }, { ...checklist, items: [] }] },
    });
    expect(bad).toMatchObject({ ok: false, issues: [{ path: 'guidance.1.items', message: 'a checklist needs at least one item' }] });
    const stillFour = await admin['admin/guidance/list']({ type: 'admin/guidance/list' });
    expect(stillFour.ok && stillFour.guidance.length).toBe(4);
    const ok = await admin['admin/bundle/import']({ type: 'admin/bundle/import', bundle: { format: 'waymark-bundle', guidance: [{ ...prompt, id: 'other' }] } });
    expect(ok).toMatchObject({ ok: true, guidance: 1, flows: 0 });
  });
});
