import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSyncSettings } from '../../../background/sync/syncSettings';
import { AdminRequestSchemas } from '../../../src/messages/protocol';
import { SYNC_SETTING_KEYS, SyncConfigSchema } from '../../../src/schema/config';
import { memorySettings } from './harness';

describe('SyncConfigSchema', () => {
  it('fills in the defaults and accepts only http(s) collector URLs', () => {
    const c = SyncConfigSchema.parse({ serverUrl: 'https://waymark.example.com/', token: 'wm_x' });
    expect(c).toEqual({
      serverUrl: 'https://waymark.example.com',
      token: 'wm_x',
      userIdSource: 'random',
      retentionDays: 14,
      maxQueuedEvents: 50_000,
      syncIntervalSeconds: 60,
      requestTimeoutSeconds: 30,
    });
    for (const bad of ['ftp://x', 'javascript:alert(1)', 'waymark.example.com', '']) {
      expect(SyncConfigSchema.safeParse({ serverUrl: bad, token: 't' }).success).toBe(false);
    }
  });

  it('needs a user id when the source is managed', () => {
    const r = SyncConfigSchema.safeParse({ serverUrl: 'http://127.0.0.1:8787', token: 't', userIdSource: 'managed' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['userId']);
  });

  it('has the same keys as the managed_schema the manifest declares', () => {
    const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../public/manifest/managed_schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual([...SYNC_SETTING_KEYS].sort());
  });
});

describe('sync settings: saved and by policy', () => {
  it('is unconfigured, with reasons, until there is a server URL and a token', async () => {
    const s = createSyncSettings(memorySettings(null));
    const v = await s.get();
    expect(v.configured).toBe(false);
    expect(v.issues).toEqual([
      { path: 'serverUrl', message: 'a server URL is required' },
      { path: 'token', message: 'a token is required' },
    ]);
    expect(v.values).toMatchObject({ userIdSource: 'random', retentionDays: 14, maxQueuedEvents: 50_000, syncIntervalSeconds: 60 });
  });

  it('saves a complete configuration, never answers with the token, and keeps the token when none is sent', async () => {
    const store = memorySettings(null);
    const s = createSyncSettings(store);
    const saved = await s.save({ serverUrl: 'https://c.example', token: 'wm_secret', team: 'sales' });
    expect(saved.ok).toBe(true);
    expect(JSON.stringify(saved)).not.toContain('wm_secret');
    if (saved.ok) expect(saved.settings).toMatchObject({ configured: true, tokenSet: true, values: { team: 'sales' } });
    const again = await s.save({ serverUrl: 'https://c2.example', syncIntervalSeconds: 5 });
    expect(again.ok).toBe(true);
    expect((await s.load()).config).toMatchObject({ serverUrl: 'https://c2.example', token: 'wm_secret', syncIntervalSeconds: 5 });
    // A save replaces the saved settings: the team was not sent again, so it is gone.
    expect((await s.load()).config?.team).toBeUndefined();
  });

  it('refuses an incomplete or invalid configuration, naming the fields', async () => {
    const s = createSyncSettings(memorySettings(null));
    const r = await s.save({ serverUrl: 'https://c.example' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues?.map((i) => i.path)).toEqual(['token']);
    const bad = AdminRequestSchemas['admin/sync/config/set'].safeParse({ type: 'admin/sync/config/set', settings: { serverUrl: 'file:///etc/passwd' } });
    expect(bad.success).toBe(false);
  });

  it('lets the policy win key by key, and refuses to change a managed key', async () => {
    const store = memorySettings({ serverUrl: 'https://mine.example', token: 'mine', team: 'me' }, { serverUrl: 'https://corp.example', token: 'corp' });
    const s = createSyncSettings(store);
    const l = await s.load();
    expect(l.config).toMatchObject({ serverUrl: 'https://corp.example', token: 'corp', team: 'me' });
    expect(l.managedKeys.sort()).toEqual(['serverUrl', 'token']);
    const r = await s.save({ serverUrl: 'https://elsewhere.example', team: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([{ path: 'serverUrl', message: 'set by your organization; it cannot be changed here' }]);
    // Sending the managed value back unchanged (a form with disabled fields) is fine.
    const ok = await s.save({ serverUrl: 'https://corp.example', team: 'ops' });
    expect(ok.ok).toBe(true);
    expect((await s.load()).config).toMatchObject({ serverUrl: 'https://corp.example', token: 'corp', team: 'ops' });
  });

  it('stops sync on an invalid policy value instead of falling back to the saved one', async () => {
    const store = memorySettings({ serverUrl: 'https://mine.example', token: 'mine' }, { serverUrl: 'not a url', retentionDays: 'ten' });
    const v = await createSyncSettings(store).get();
    expect(v.configured).toBe(false);
    expect(v.managed.sort()).toEqual(['retentionDays', 'serverUrl']);
    expect(v.issues.map((i) => i.path).sort()).toEqual(['retentionDays', 'serverUrl']);
    expect(v.issues[0]?.message).toMatch(/set by policy/);
  });

  it('clears the saved settings, token included, and keeps the policy', async () => {
    const store = memorySettings({ serverUrl: 'https://mine.example', token: 'mine' }, { retentionDays: 30 });
    const s = createSyncSettings(store);
    const v = await s.clear();
    expect(v).toMatchObject({ configured: false, tokenSet: false, managed: ['retentionDays'], values: { retentionDays: 30 } });
  });
});
