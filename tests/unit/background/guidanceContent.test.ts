import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../../background/db';
import { invalidateDocs } from '../../../background/docs';
import { contentHandlers } from '../../../background/handlers/content';
import { createWriter } from '../../../background/writer';

const sender = {} as chrome.runtime.MessageSender;
const base = { schemaVersion: 2, match: ['https://crm.example.com/*'], updatedAt: '2026-01-01T00:00:00.000Z' };
const prompt = (id: string, status: 'draft' | 'published') => ({
  ...base,
  kind: 'prompt',
  id,
  name: id,
  status,
  target: { tag: 'textarea', id: 'ask' },
  template: 'Summarize this deal.',
  variables: [],
});
const tip = (id: string, status: 'draft' | 'published') => ({ ...base, kind: 'tip', id, name: id, status, target: { tag: 'input', id: 'po' }, title: 'PO', body: [] });
const flow = (id: string, status: 'draft' | 'published', survey: boolean) => ({
  ...base,
  kind: 'flow',
  id,
  name: id,
  version: 1,
  status,
  start: 'manual',
  steps: [{ id: 's', title: 'Hello', body: [] }],
  ...(survey ? { survey: { question: 'How was it?', allowComment: true } } : {}),
});

describe('guidance messages from content scripts name only published documents', () => {
  it('refuses a draft or survey-less document, and records nothing for it', async () => {
    const db = await getDb();
    for (const g of [prompt('live-prompt', 'published'), prompt('draft-prompt', 'draft'), tip('draft-tip', 'draft')]) await db.put('guidance', g, g.id);
    for (const f of [flow('draft-flow', 'draft', true), flow('plain-flow', 'published', false)]) await db.put('flows', f, f.id);
    invalidateDocs();
    const h = contentHandlers(createWriter({ userId: async () => 'u-1' }), { team: async () => undefined });
    const url = 'https://crm.example.com/deals';
    const events = async () => (await db.getAll('events')).length;
    const n = await events();

    expect(await h['prompt/used']({ type: 'prompt/used', opId: 'op-1', templateId: 'draft-prompt' }, sender)).toEqual({ ok: false, error: 'unknown prompt template "draft-prompt"' });
    expect(await h['prompt/rated']({ type: 'prompt/rated', opId: 'op-2', templateId: 'draft-prompt', rating: 'up' }, sender)).toMatchObject({ ok: false });
    expect(await h['guidance/shown']({ type: 'guidance/shown', opId: 'op-3', kind: 'tip', id: 'draft-tip' }, sender)).toEqual({ ok: false, error: 'unknown tip "draft-tip"' });
    expect(await h['guidance/shown']({ type: 'guidance/shown', opId: 'op-4', kind: 'survey', id: 'draft-flow' }, sender)).toMatchObject({ ok: false });
    expect(await h['survey/answer']({ type: 'survey/answer', opId: 'op-5', url, flowId: 'draft-flow', score: 4, present: [] }, sender)).toMatchObject({ ok: false });
    expect(await h['guidance/close']({ type: 'guidance/close', opId: 'op-6', url, kind: 'survey', id: 'plain-flow', present: [] }, sender)).toEqual({
      ok: false,
      error: 'unknown survey "plain-flow"',
    });
    expect(await events()).toBe(n);
    expect(await db.getAllKeys('contentState')).toEqual([]);

    // The published one is taken.
    expect(await h['prompt/used']({ type: 'prompt/used', opId: 'op-7', templateId: 'live-prompt' }, sender)).toEqual({ ok: true, firstUse: true });
    expect(await events()).toBe(n + 1);
  });
});
