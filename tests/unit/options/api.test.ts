import { describe, expect, it } from 'vitest';
import { createClient } from '../../../options-ui/api';

describe('the admin client', () => {
  it('passes the typed reply through', async () => {
    const send = createClient(async (req) => (req.type === 'admin/flows/list' ? { ok: true, flows: [] } : null));
    const r = await send({ type: 'admin/flows/list' });
    expect(r).toEqual({ ok: true, flows: [] });
  });

  it('turns a rejected send into a failure with a readable reason', async () => {
    const send = createClient(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const r = await send({ type: 'admin/activity', limit: 50 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/background service is not running/);
  });

  it('turns an empty or foreign reply into a failure', async () => {
    for (const reply of [undefined, null, 'ok', { flows: [] }]) {
      const r = await createClient(async () => reply)({ type: 'admin/flows/list' });
      expect(r.ok).toBe(false);
    }
  });

  it('keeps the issues of a refused request and fills in a missing reason', async () => {
    const issues = [{ path: 'flows.0.name', message: 'a flow needs a name' }];
    const r = await createClient(async () => ({ ok: false, issues }))({ type: 'admin/bundle/import', bundle: {} });
    expect(r).toEqual({ ok: false, issues, error: 'The request failed (no reason given).' });
  });
});
