import { describe, expect, it } from 'vitest';
import { alignToVersion, AUTO_FLOW_QUIET_MS, decideSession, dismiss, markMissing, markShown, move, startRun } from '../../../src/rules/flowRuntime';
import { FlowSchema, type Flow, type FlowInput } from '../../../src/schema/flow';

function flow(over: Partial<FlowInput> = {}): Flow {
  return FlowSchema.parse({
    schemaVersion: 2,
    kind: 'flow',
    id: 'f1',
    name: 'Flow one',
    version: 1,
    status: 'published',
    match: ['https://crm.example.com/*'],
    start: 'auto',
    updatedAt: '2026-01-01T00:00:00.000Z',
    steps: [
      { id: 'a', title: 'A', body: [] },
      { id: 'b', title: 'B', body: [], page: 'https://crm.example.com/deals/*' },
      { id: 'c', title: 'C', body: [] },
    ],
    ...over,
  });
}
const URL1 = 'https://crm.example.com/contacts';

describe('decideSession', () => {
  it('starts a published auto flow on first visit', () => {
    expect(decideSession([flow()], [], URL1)).toMatchObject({ kind: 'start', flow: { id: 'f1' } });
  });
  it('never auto-starts drafts, other hosts, or launcher/manual flows', () => {
    expect(decideSession([flow({ status: 'draft' })], [], URL1)).toBeNull();
    expect(decideSession([flow()], [], 'https://other.example.com/')).toBeNull();
    expect(decideSession([flow({ start: 'launcher' })], [], URL1)).toBeNull();
    expect(decideSession([flow({ start: 'manual' })], [], URL1)).toBeNull();
  });
  it('resumes an active run and does not restart a dismissed or completed one', () => {
    const f = flow();
    const { progress } = startRun(f, 'r1', 1);
    expect(decideSession([f], [progress], URL1)).toMatchObject({ kind: 'resume', progress: { runId: 'r1' } });
    expect(decideSession([f], [{ ...progress, status: 'dismissed' }], URL1)).toBeNull();
    expect(decideSession([f], [{ ...progress, status: 'completed' }], URL1)).toBeNull();
  });
  it('starts a flow from a ?waymark-flow= link only on the request that follows the navigation', () => {
    const f = flow({ start: 'manual' });
    const done = { ...startRun(f, 'r1', 1).progress, status: 'completed' as const };
    const link = `${URL1}?waymark-flow=f1`;
    expect(decideSession([f], [done], link, { linkStart: true })).toMatchObject({ kind: 'start' });
    expect(decideSession([f], [done], link, { linkStart: false })).toBeNull();
  });
  it('lets a user who just finished or closed a guide work: no auto flow starts for a quiet while', () => {
    const done = flow({ id: 'done', name: 'Done one', start: 'manual' });
    const next = flow({ id: 'next', name: 'Next one' });
    const ended = 1_000_000;
    for (const status of ['completed', 'dismissed'] as const) {
      const p = { ...startRun(done, 'r1', 1).progress, status, updatedAt: ended };
      expect(decideSession([done, next], [p], URL1, { now: ended + 5_000 })).toBeNull();
      expect(decideSession([done, next], [p], URL1, { now: ended + AUTO_FLOW_QUIET_MS - 1 })).toBeNull();
      expect(decideSession([done, next], [p], URL1, { now: ended + AUTO_FLOW_QUIET_MS })).toMatchObject({ kind: 'start', flow: { id: 'next' } });
      // What the user asks for is not held back: a link still starts its flow.
      expect(decideSession([done, next], [p], `${URL1}?waymark-flow=next`, { now: ended + 5_000, linkStart: true })).toMatchObject({ kind: 'start', flow: { id: 'next' } });
    }
    // A clock set back (ended "in the future") does not hold auto flows back for ever.
    const future = { ...startRun(done, 'r1', 1).progress, status: 'completed' as const, updatedAt: ended + 10 * AUTO_FLOW_QUIET_MS };
    expect(decideSession([done, next], [future], URL1, { now: ended })).toMatchObject({ kind: 'start', flow: { id: 'next' } });
  });
  it('shows one flow at a time', () => {
    const f1 = flow();
    const f2 = flow({ id: 'f2', name: 'Another' });
    const { progress } = startRun(f1, 'r1', 1);
    expect(decideSession([f1, f2], [progress], 'https://crm.example.com/x')).toMatchObject({ flow: { id: 'f1' } });
  });
});

describe('moving through a run', () => {
  it('records completion events and finishes after the last step', () => {
    const f = flow();
    let p = startRun(f, 'r', 0).progress;
    const kinds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = move(f, p, i, 'next', i + 1);
      p = r.progress;
      kinds.push(...r.events.map((e) => e.type));
    }
    expect(kinds).toEqual(['step_completed', 'step_completed', 'step_completed', 'flow_completed']);
    expect(p.status).toBe('completed');
  });
  it('is idempotent: a move from a step already left changes nothing', () => {
    const f = flow();
    const p0 = startRun(f, 'r', 0).progress;
    const p1 = move(f, p0, 0, 'next', 1).progress;
    const again = move(f, p1, 0, 'next', 2);
    expect(again.progress).toBe(p1);
    expect(again.events).toEqual([]);
  });
  it('goes back without recording, skips with step_skipped, and dismisses once', () => {
    const f = flow();
    const p1 = move(f, startRun(f, 'r', 0).progress, 0, 'next', 1).progress;
    const back = move(f, p1, 1, 'back', 2);
    expect(back.progress.stepIndex).toBe(0);
    expect(back.events).toEqual([]);
    const skip = move(f, p1, 1, 'skip', 3);
    expect(skip.events[0]).toMatchObject({ type: 'step_skipped', stepId: 'b' });
    const d = dismiss(f, p1, 1, 4);
    expect(d.events[0]).toMatchObject({ type: 'flow_dismissed', stepIndex: 1 });
    expect(dismiss(f, d.progress, 1, 5).events).toEqual([]);
  });
  it('records step_shown and target_missing once per step per run', () => {
    const f = flow();
    const p = startRun(f, 'r', 0).progress;
    const s1 = markShown(f, p, 0, 1);
    expect(s1.events).toHaveLength(1);
    expect(markShown(f, s1.progress, 0, 2).events).toHaveLength(0);
    const m1 = markMissing(f, p, 0, 8000, 0.4, 1);
    expect(m1.events[0]).toMatchObject({ type: 'target_missing', waitedMs: 8000, confidence: 0.4 });
    expect(markMissing(f, m1.progress, 0, 8000, 0.4, 2).events).toHaveLength(0);
  });
  it('keeps a run on the same step when a new version reorders steps', () => {
    const f1 = flow();
    const p = move(f1, startRun(f1, 'r', 0).progress, 0, 'next', 1).progress;
    const f2 = flow({ version: 2, steps: [{ id: 'b', title: 'B', body: [] }, { id: 'a', title: 'A', body: [] }] });
    expect(alignToVersion(f2, p)).toMatchObject({ stepIndex: 0, stepId: 'b', flowVersion: 2 });
    const f3 = flow({ version: 3, steps: [{ id: 'z', title: 'Z', body: [] }] });
    expect(alignToVersion(f3, p)).toMatchObject({ stepIndex: 0, stepId: 'z' });
  });
});
