import { EVENT_TYPES, WaymarkEventSchema, type EventType, type WaymarkEvent } from '../../src/schema/event';
import { BUNDLE_FORMAT, readBundle } from '../../src/schema/bundle';
import type { Feature, Flow } from '../../src/schema/flow';
import { readFeature, readFlow } from '../../src/schema/migrate';
import { stepHealth } from '../../src/metrics/stepHealth';
import { getDb } from '../db';
import { getDocs, invalidateDocs } from '../docs';
import type { ChromeSyncEngine } from '../sync/chromeSyncEngine';
import type { Writer } from '../writer';
import type { InsightsAccess } from '../insights/createInsightsAccess';
import { insightsAdminHandlers } from './insights';
import { guidanceAdminHandlers } from './guidance';
import type { AdminHandlers } from './handlerMaps';
import { pickerAdminHandlers } from './picker';

/** What the admin messages need of the sync engine. */
export type SyncAdmin = Pick<ChromeSyncEngine, 'settings' | 'status' | 'syncNow' | 'testConnection'>;

export type { AdminHandlers };

/** The version a saved document gets: one past what is stored, or the incoming one if that is newer. */
function nextVersion(stored: { version: number } | undefined, incoming: number): number {
  return stored ? Math.max(stored.version + 1, incoming) : Math.max(1, incoming);
}

export function adminHandlers(writer: Writer, onDocsChanged: () => Promise<void>, sync: SyncAdmin, insights: InsightsAccess): AdminHandlers {
  const changed = async () => {
    invalidateDocs();
    await onDocsChanged();
  };

  return {
    async 'admin/flows/list'() {
      return { ok: true, flows: (await getDocs()).flows };
    },

    async 'admin/flows/save'(req) {
      const r = readFlow(req.flow, new Date().toISOString(), ['flow']);
      if (!r.ok) return { ok: false, error: 'The flow is not valid.', issues: r.issues };
      const docs = await getDocs();
      const stored = docs.flows.find((f) => f.id === r.value.id);
      const flow: Flow = { ...r.value, version: nextVersion(stored, r.value.version), updatedAt: new Date().toISOString() };
      await writer.run(async (ctx) => {
        void ctx.tx.objectStore('flows').put(flow, flow.id);
      });
      await changed();
      return { ok: true, flow };
    },

    async 'admin/flows/delete'(req) {
      await writer.run(async (ctx) => {
        void ctx.tx.objectStore('flows').delete(req.id);
        void ctx.tx.objectStore('progress').delete(req.id);
      });
      await changed();
      return { ok: true };
    },

    async 'admin/features/list'() {
      return { ok: true, features: (await getDocs()).features };
    },

    async 'admin/features/save'(req) {
      const r = readFeature(req.feature, new Date().toISOString(), ['feature']);
      if (!r.ok) return { ok: false, error: 'The feature is not valid.', issues: r.issues };
      const feature: Feature = { ...r.value, updatedAt: new Date().toISOString() };
      await writer.run(async (ctx) => {
        void ctx.tx.objectStore('features').put(feature, feature.id);
      });
      await changed();
      return { ok: true, feature };
    },

    async 'admin/features/delete'(req) {
      await writer.run(async (ctx) => {
        void ctx.tx.objectStore('features').delete(req.id);
      });
      await changed();
      return { ok: true };
    },

    async 'admin/bundle/import'(req) {
      const r = readBundle(req.bundle);
      if (!r.ok) return { ok: false, error: 'The file is not a valid Waymark bundle; nothing was imported.', issues: r.issues };
      const docs = await getDocs();
      const now = new Date().toISOString();
      // One transaction: the whole bundle is stored, or (on any failure) none of it.
      await writer.run(async (ctx) => {
        for (const f of r.bundle.flows) {
          const stored = docs.flows.find((s) => s.id === f.id);
          void ctx.tx.objectStore('flows').put({ ...f, version: nextVersion(stored, f.version), updatedAt: now }, f.id);
        }
        for (const f of r.bundle.features) void ctx.tx.objectStore('features').put({ ...f, updatedAt: now }, f.id);
        for (const g of r.bundle.guidance) void ctx.tx.objectStore('guidance').put({ ...g, updatedAt: now }, g.id);
      });
      await changed();
      return {
        ok: true,
        flows: r.bundle.flows.length,
        features: r.bundle.features.length,
        guidance: r.bundle.guidance.length,
        migrated: r.migrated,
      };
    },

    async 'admin/bundle/export'() {
      const docs = await getDocs();
      return {
        ok: true,
        bundle: {
          format: BUNDLE_FORMAT,
          exportedAt: new Date().toISOString(),
          flows: docs.flows,
          features: docs.features,
          guidance: docs.guidance,
        },
      };
    },

    async 'admin/activity'(req) {
      const db = await getDb();
      const tx = db.transaction(['events', 'meta'], 'readonly');
      const rawCounts = (await tx.objectStore('meta').get('counts')) as Record<string, number> | undefined;
      const counts = Object.fromEntries(EVENT_TYPES.map((t) => [t, rawCounts?.[t] ?? 0])) as Record<EventType, number>;
      const recent: WaymarkEvent[] = [];
      let cursor = await tx.objectStore('events').index('bySeq').openCursor(null, 'prev');
      while (cursor && recent.length < req.limit) {
        const { synced: _synced, ...ev } = cursor.value;
        const parsed = WaymarkEventSchema.safeParse(ev);
        if (parsed.success) recent.push(parsed.data);
        cursor = await cursor.continue();
      }
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return { ok: true, activity: { total, counts, recent } };
    },

    async 'admin/steps/health'(req) {
      const db = await getDb();
      const events: WaymarkEvent[] = [];
      let cursor = await db.transaction('events').store.openCursor();
      while (cursor) {
        const t = cursor.value.type;
        if (t === 'step_shown' || t === 'target_missing' || t === 'target_ambiguous') {
          const { synced: _synced, ...ev } = cursor.value;
          const parsed = WaymarkEventSchema.safeParse(ev);
          if (parsed.success) events.push(parsed.data);
        }
        cursor = await cursor.continue();
      }
      return { ok: true, health: stepHealth(events, req.flowId) };
    },

    async 'admin/progress/reset'(req) {
      await writer.run(async (ctx) => {
        if (req.flowId) void ctx.tx.objectStore('progress').delete(req.flowId);
        else void ctx.tx.objectStore('progress').clear();
      });
      return { ok: true };
    },

    // Sync settings and status. The token is write-only: no answer ever carries it.
    async 'admin/sync/config/get'() {
      return { ok: true, settings: await sync.settings.get() };
    },

    async 'admin/sync/config/set'(req) {
      // Saving changes chrome.storage, whose onChanged listener restarts sync with the new settings.
      return sync.settings.save(req.settings);
    },

    async 'admin/sync/config/clear'() {
      return { ok: true, settings: await sync.settings.clear() };
    },

    async 'admin/sync/status'() {
      return { ok: true, status: await sync.status() };
    },

    async 'admin/sync/now'() {
      return { ok: true, status: await sync.syncNow() };
    },

    async 'admin/sync/test'(req) {
      return sync.testConnection({ serverUrl: req.serverUrl, token: req.token });
    },

    ...guidanceAdminHandlers(writer, changed),
    ...pickerAdminHandlers(),
    ...insightsAdminHandlers(insights),
  };
}
