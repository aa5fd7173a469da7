import type { SyncSettingsView } from '../src/messages/protocol';
import { SYNC_DEFAULTS, type SyncSettingKey, type SyncSettingsInput, type UserIdSource } from '../src/schema/config';

/** The sync form as typed: strings for the text and number fields, so a half-typed value survives. */
export interface SyncDraft {
  serverUrl: string;
  /** Write-only: empty means "keep the saved token". */
  token: string;
  userIdSource: UserIdSource;
  userId: string;
  team: string;
  retentionDays: string;
  maxQueuedEvents: string;
  syncIntervalSeconds: string;
  requestTimeoutSeconds: string;
}

export function draftFromView(v: SyncSettingsView): SyncDraft {
  const s = v.values;
  return {
    serverUrl: s.serverUrl ?? '',
    token: '',
    userIdSource: s.userIdSource ?? SYNC_DEFAULTS.userIdSource,
    userId: s.userId ?? '',
    team: s.team ?? '',
    retentionDays: String(s.retentionDays ?? SYNC_DEFAULTS.retentionDays),
    maxQueuedEvents: String(s.maxQueuedEvents ?? SYNC_DEFAULTS.maxQueuedEvents),
    syncIntervalSeconds: String(s.syncIntervalSeconds ?? SYNC_DEFAULTS.syncIntervalSeconds),
    requestTimeoutSeconds: String(s.requestTimeoutSeconds ?? SYNC_DEFAULTS.requestTimeoutSeconds),
  };
}

/** A number field's text as a number; text that is not one is sent as is, for the background to name. */
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim()));

/**
 * What to save: every field the admin may change (keys set by policy are left out: the background
 * keeps them), empty optional fields left out, and the token only when one was typed.
 */
export function inputFromDraft(d: SyncDraft, managed: readonly SyncSettingKey[]): SyncSettingsInput {
  const all: SyncSettingsInput = {
    serverUrl: d.serverUrl.trim(),
    ...(d.token.trim() === '' ? {} : { token: d.token.trim() }),
    userIdSource: d.userIdSource,
    ...(d.userIdSource === 'managed' && d.userId.trim() !== '' ? { userId: d.userId.trim() } : {}),
    ...(d.team.trim() === '' ? {} : { team: d.team.trim() }),
    retentionDays: num(d.retentionDays),
    maxQueuedEvents: num(d.maxQueuedEvents),
    syncIntervalSeconds: num(d.syncIntervalSeconds),
    requestTimeoutSeconds: num(d.requestTimeoutSeconds),
  };
  for (const k of managed) delete all[k];
  return all;
}
