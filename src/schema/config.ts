import { z } from 'zod';

/**
 * The sync settings: which collector this browser sends its events to, and how. They come from two
 * places, merged key by key: what an admin saved on the options page (`chrome.storage.local`), and what
 * IT set by policy (`chrome.storage.managed`, described by `manifest/managed_schema.json`). A key set by
 * policy wins and cannot be changed on the options page.
 *
 * The tenant is not a setting: the collector derives it from the token, so a browser can never claim
 * another tenant's name.
 */

/** Where the user id that the collector sees comes from. */
export const USER_ID_SOURCES = ['random', 'managed'] as const;
export type UserIdSource = (typeof USER_ID_SOURCES)[number];

/** The field schemas, without defaults: shared by the stored settings, the policy and the form. */
const fields = {
  /** The collector's base URL, e.g. `https://waymark.example.com`; `/v1/...` is appended. */
  serverUrl: z
    .url({ protocol: /^https?$/, error: (iss) => (iss.input === undefined ? 'a server URL is required' : 'must be an http:// or https:// URL') })
    .max(2048)
    .transform((u) => u.replace(/\/+$/, '')),
  /** An `employee` token for the tenant, made with `npm run waymark -- token create`. */
  token: z
    .string({ error: (iss) => (iss.input === undefined ? 'a token is required' : undefined) })
    .trim()
    .min(1, 'a token is required')
    .max(512),
  /**
   * `random`: the random per-install id the extension makes (the default); `managed`: `userId`, set by
   * policy (e.g. a pseudonymous employee number), so that one person's browsers count as one user.
   */
  userIdSource: z.enum(USER_ID_SOURCES),
  userId: z.string().trim().min(1).max(128),
  /** A label for this browser's team or department, kept with the settings. */
  team: z.string().trim().min(1).max(64),
  /** Synced events are deleted from the browser after this many days. */
  retentionDays: z.number().int().min(1).max(365),
  /** The most unsynced events kept; events beyond it are dropped, and counted. */
  maxQueuedEvents: z.number().int().min(100).max(1_000_000),
  /**
   * How often to sync while the browser runs. Below 30 s the durable wake-up (`chrome.alarms`) still
   * fires every 30 s at most; a timer covers the shorter interval while the worker is alive.
   */
  syncIntervalSeconds: z.number().int().min(1).max(86_400),
  /** A request that has not answered after this long is abandoned and retried later. */
  requestTimeoutSeconds: z.number().int().min(1).max(300),
};

export type SyncSettingKey = keyof typeof fields;
export const SYNC_SETTING_KEYS = Object.keys(fields) as SyncSettingKey[];

/** The defaults, in one place. */
export const SYNC_DEFAULTS = {
  /** @default 'random' */
  userIdSource: 'random',
  /** @default 14 */
  retentionDays: 14,
  /** @default 50000 */
  maxQueuedEvents: 50_000,
  /** @default 60 */
  syncIntervalSeconds: 60,
  /** @default 30 */
  requestTimeoutSeconds: 30,
} as const satisfies Partial<Record<SyncSettingKey, unknown>>;

/**
 * Settings as stored or as set by policy: every key optional, each valid on its own. Unknown keys are
 * stripped, so settings written by a newer release still load.
 */
export const SyncSettingsSchema = z.object(fields).partial();
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

/** What the options page sends to save: the settings it shows. A missing token keeps the saved one. */
export const SyncSettingsInputSchema = z.strictObject(fields).partial();
export type SyncSettingsInput = z.input<typeof SyncSettingsInputSchema>;

/** A complete configuration: the merged settings with the defaults filled in. Sync runs only with one. */
export const SyncConfigSchema = z
  .object({
    ...fields,
    userIdSource: fields.userIdSource.default(SYNC_DEFAULTS.userIdSource),
    userId: fields.userId.optional(),
    team: fields.team.optional(),
    retentionDays: fields.retentionDays.default(SYNC_DEFAULTS.retentionDays),
    maxQueuedEvents: fields.maxQueuedEvents.default(SYNC_DEFAULTS.maxQueuedEvents),
    syncIntervalSeconds: fields.syncIntervalSeconds.default(SYNC_DEFAULTS.syncIntervalSeconds),
    requestTimeoutSeconds: fields.requestTimeoutSeconds.default(SYNC_DEFAULTS.requestTimeoutSeconds),
  })
  .superRefine((c, ctx) => {
    if (c.userIdSource === 'managed' && c.userId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'a user id is required when the user id source is "managed"' });
    }
  });
export type SyncConfig = z.infer<typeof SyncConfigSchema>;
