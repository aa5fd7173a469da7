import { describe, expect, it } from 'vitest';
import { draftFromView, inputFromDraft } from '../../../options-ui/syncDraft';
import type { SyncSettingsView } from '../../../src/messages/protocol';
import { SyncSettingsInputSchema } from '../../../src/schema/config';

const view: SyncSettingsView = {
  values: { serverUrl: 'https://c.example', userIdSource: 'random', retentionDays: 14, maxQueuedEvents: 50_000, syncIntervalSeconds: 60, requestTimeoutSeconds: 30 },
  tokenSet: true,
  managed: ['serverUrl'],
  configured: true,
  issues: [],
};

describe('the sync form draft', () => {
  it('starts from the settings with an empty (write-only) token', () => {
    expect(draftFromView(view)).toMatchObject({ serverUrl: 'https://c.example', token: '', retentionDays: '14', userId: '', team: '' });
  });

  it('sends what the admin may change: no managed key, no empty token, no user id unless managed', () => {
    const d = { ...draftFromView(view), team: ' sales ', userId: 'ignored' };
    const input = inputFromDraft(d, view.managed);
    expect(input).toEqual({ userIdSource: 'random', team: 'sales', retentionDays: 14, maxQueuedEvents: 50_000, syncIntervalSeconds: 60, requestTimeoutSeconds: 30 });
    expect(SyncSettingsInputSchema.safeParse(input).success).toBe(true);
    expect(inputFromDraft({ ...d, token: ' wm_new ', userIdSource: 'managed', userId: 'emp-1' }, [])).toMatchObject({
      serverUrl: 'https://c.example',
      token: 'wm_new',
      userIdSource: 'managed',
      userId: 'emp-1',
    });
  });

  it('lets the schema name a number field that is not a number', () => {
    const r = SyncSettingsInputSchema.safeParse(inputFromDraft({ ...draftFromView(view), retentionDays: 'ten' }, []));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['retentionDays']);
  });
});
