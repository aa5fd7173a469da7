import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { WaymarkEvent } from '../src/schema/event';

/**
 * An event as stored: the event, plus where it stands with the collector: 0 queued, 1 acknowledged,
 * 2 held because the collector did not know it (sent again once the collector may have changed).
 */
export type StoredEvent = WaymarkEvent & { synced: 0 | 1 | 2 };

/**
 * What this browser knows of one feature: when its user first saw it (`feature_seen` was recorded then),
 * first used it, and how often. A record may exist with `count: 0` (seen, never used). Records written
 * before exposure was tracked have no `firstSeenAt`.
 */
export interface FeatureUseRecord {
  featureId: string;
  firstSeenAt?: number;
  firstUsedAt?: number;
  count: number;
}

export interface OpRecord {
  opId: string;
  ts: number;
}

/**
 * The extension's database. Stored documents are validated (and migrated) on read: a record written by
 * an older build, or damaged, is reported rather than trusted.
 */
export interface WaymarkDB extends DBSchema {
  flows: { key: string; value: unknown };
  features: { key: string; value: unknown };
  progress: { key: string; value: unknown };
  featureUse: { key: string; value: FeatureUseRecord };
  /** Prompt templates, tips, beacons and checklists (`src/schema/guidance.ts`), keyed by id. */
  guidance: { key: string; value: unknown };
  /**
   * What each user has seen of each piece of guidance (visits, times shown, uses, closed), keyed by
   * `<kind>:<id>` (`src/rules/contentState.ts`). Validated on read like the documents.
   */
  contentState: { key: string; value: unknown };
  events: { key: string; value: StoredEvent; indexes: { bySeq: number; bySynced: [number, number] } };
  /** Operation ids already applied, so a message retried after a worker restart is applied once. */
  ops: { key: string; value: OpRecord; indexes: { byTs: number } };
  meta: { key: string; value: unknown };
}

export const DB_NAME = 'waymark';
export const DB_VERSION = 2;
export type Db = IDBPDatabase<WaymarkDB>;
export const ALL_STORES = ['flows', 'features', 'progress', 'featureUse', 'guidance', 'contentState', 'events', 'ops', 'meta'] as const;

let opening: Promise<Db> | null = null;

/** Opens (and on first use creates or upgrades) the database. Each upgrade step is kept forever. */
export function getDb(): Promise<Db> {
  opening ??= openDB<WaymarkDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('flows');
        db.createObjectStore('features');
        db.createObjectStore('progress');
        db.createObjectStore('featureUse', { keyPath: 'featureId' });
        const events = db.createObjectStore('events', { keyPath: 'id' });
        events.createIndex('bySeq', 'seq', { unique: true });
        events.createIndex('bySynced', ['synced', 'seq']);
        const ops = db.createObjectStore('ops', { keyPath: 'opId' });
        ops.createIndex('byTs', 'ts');
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        // Guidance beyond walkthroughs: its documents, and per-user state for targeting rules.
        db.createObjectStore('guidance');
        db.createObjectStore('contentState');
      }
    },
    terminated() {
      opening = null;
    },
  });
  return opening;
}
