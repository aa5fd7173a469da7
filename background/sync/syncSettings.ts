import type { z } from 'zod';
import type { Failure, Ok, SyncSettingsView } from '../../src/messages/protocol';
import {
  SYNC_DEFAULTS,
  SYNC_SETTING_KEYS,
  SyncConfigSchema,
  SyncSettingsSchema,
  type SyncConfig,
  type SyncSettingKey,
  type SyncSettings,
  type SyncSettingsInput,
} from '../../src/schema/config';
import { zodIssues, type DocIssue } from '../../src/schema/migrate';

/** Where settings are kept: `chrome.storage` in the extension, a fake in tests. */
export interface SettingsStore {
  /** What the admin saved on the options page, as stored (unvalidated). */
  readSaved(): Promise<unknown>;
  writeSaved(record: unknown): Promise<void>;
  clearSaved(): Promise<void>;
  /** The enterprise policy (`chrome.storage.managed`); `{}` when there is none. */
  readManaged(): Promise<unknown>;
}

export interface LoadedSettings {
  /** The complete configuration, or null when sync cannot run (see `issues`). */
  config: SyncConfig | null;
  /** The merged settings with defaults filled in; what the options page shows. */
  values: SyncSettings & Required<Pick<SyncSettings, keyof typeof SYNC_DEFAULTS>>;
  saved: SyncSettings;
  /** Keys the policy sets (even to an invalid value): they win over saved ones, and are read-only. */
  managedKeys: SyncSettingKey[];
  issues: DocIssue[];
}

const asRecord = (raw: unknown): Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};

/**
 * Validates each key on its own, so one bad value is reported by name and does not hide the others.
 * `where` prefixes the issue paths ("policy" or "saved").
 */
function readEach(raw: unknown, where: string): { settings: SyncSettings; present: SyncSettingKey[]; issues: DocIssue[] } {
  const rec = asRecord(raw);
  const settings: Record<string, unknown> = {};
  const present: SyncSettingKey[] = [];
  const issues: DocIssue[] = [];
  for (const key of SYNC_SETTING_KEYS) {
    if (rec[key] === undefined) continue;
    present.push(key);
    const r = (SyncSettingsSchema.shape[key] as z.ZodType).safeParse(rec[key]);
    if (r.success) settings[key] = r.data;
    else issues.push(...zodIssues(r.error, [key]).map((i) => ({ ...i, message: `${i.message} (${where})` })));
  }
  return { settings: settings as SyncSettings, present, issues };
}

/** Saved settings are wrapped with a version, like every persisted record. */
const SAVED_VERSION = 1;
function wrapSaved(settings: SyncSettings): { v: number; settings: SyncSettings } {
  return { v: SAVED_VERSION, settings };
}
function unwrapSaved(raw: unknown): unknown {
  const rec = asRecord(raw);
  return rec.v === SAVED_VERSION ? rec.settings : {};
}

/**
 * The sync settings: loaded from the saved ones and the policy (the policy wins key by key), checked,
 * and saved from the options page. Sync runs only when the merge is a complete, valid configuration.
 */
export function createSyncSettings(store: SettingsStore) {
  async function load(): Promise<LoadedSettings> {
    const [savedRaw, managedRaw] = await Promise.all([store.readSaved(), store.readManaged().catch(() => ({}))]);
    const saved = readEach(unwrapSaved(savedRaw), 'saved');
    const managed = readEach(managedRaw, 'set by policy');
    const merged: SyncSettings = { ...saved.settings };
    // A key the policy sets is the policy's, even when its value is invalid: never fall back to a user's.
    for (const key of managed.present) delete merged[key];
    Object.assign(merged, managed.settings);
    const issues = [...managed.issues, ...saved.issues.filter((i) => !managed.present.some((k) => i.path.startsWith(k)))];
    const full = SyncConfigSchema.safeParse(merged);
    // A key already reported as invalid is not reported again as missing.
    if (!full.success) issues.push(...zodIssues(full.error).filter((i) => !issues.some((j) => j.path === i.path)));
    return {
      config: full.success && issues.length === 0 ? full.data : null,
      values: { ...SYNC_DEFAULTS, ...merged },
      saved: saved.settings,
      managedKeys: managed.present,
      issues,
    };
  }

  function view(l: LoadedSettings): SyncSettingsView {
    const { token, ...values } = l.values;
    return { values, tokenSet: token !== undefined, managed: l.managedKeys, configured: l.config !== null, issues: l.issues };
  }

  async function get(): Promise<SyncSettingsView> {
    return view(await load());
  }

  return {
    load,
    view,
    get,

    /**
     * Replaces the saved settings with `input`; a missing token keeps the saved one. Refused, with the
     * reasons, when it would change a key set by policy or not make a complete configuration: a half
     * configuration would only stop sync.
     */
    async save(input: SyncSettingsInput): Promise<Ok<{ settings: SyncSettingsView }> | Failure> {
      const current = await load();
      const parsed = SyncSettingsSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: 'The sync settings are not valid.', issues: zodIssues(parsed.error) };
      const next: SyncSettings = { ...parsed.data };
      if (next.token === undefined && current.saved.token !== undefined) next.token = current.saved.token;
      const locked: DocIssue[] = [];
      for (const key of current.managedKeys) {
        if (next[key] !== undefined && key in input && next[key] !== current.values[key]) {
          locked.push({ path: key, message: 'set by your organization; it cannot be changed here' });
        }
        delete next[key];
      }
      if (locked.length > 0) return { ok: false, error: 'Some settings are managed by your organization.', issues: locked };
      const managed = Object.fromEntries(current.managedKeys.map((k) => [k, current.values[k]]));
      const full = SyncConfigSchema.safeParse({ ...next, ...managed });
      if (!full.success) return { ok: false, error: 'The sync settings are not complete.', issues: zodIssues(full.error) };
      await store.writeSaved(wrapSaved(next));
      return { ok: true, settings: await get() };
    },

    async clear(): Promise<SyncSettingsView> {
      await store.clearSaved();
      return get();
    },
  };
}
export type SyncSettingsService = ReturnType<typeof createSyncSettings>;
