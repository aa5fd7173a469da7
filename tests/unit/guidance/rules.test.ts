import { describe, expect, it } from 'vitest';
import { DAY_MS, frequencyAllowed, teamAllowed, visitAllowed } from '../../../src/rules/audienceRules';
import { checklistDone } from '../../../src/rules/checklistDone';
import { contentKey, emptyContentState, noteClosed, noteShown, noteVisit, type ContentState } from '../../../src/rules/contentState';
import { startRun } from '../../../src/rules/flowRuntime';
import { launcherGuides } from '../../../src/rules/launcherGuides';
import { pendingSurvey, SURVEY_WINDOW_MS } from '../../../src/rules/pendingSurvey';
import { arbitratePopups, pickPopup } from '../../../src/rules/pickPopup';
import { planGuidance, type GuidanceContext } from '../../../src/rules/planGuidance';
import { FlowSchema, type FlowInput } from '../../../src/schema/flow';
import { GuidanceSchema, type Guidance } from '../../../src/schema/guidance';
import { beacon, checklist, prompt, tip } from './fixtures';

const URL = 'http://127.0.0.1/crm/deals';
const NOW = 1_800_000_000_000;
const g = (doc: object): Guidance => GuidanceSchema.parse(doc);
const ctx = (over: Partial<GuidanceContext> = {}): GuidanceContext => ({
  url: URL,
  team: undefined,
  now: NOW,
  present: new Set(),
  states: new Map(),
  achievements: { flowsCompleted: new Set(), featuresUsed: new Set() },
  ...over,
});
const state = (key: string, over: Partial<ContentState> = {}): [string, ContentState] => [key, { ...emptyContentState(key), ...over }];

describe('visit rule', () => {
  it('first visit, every visit, from the N-th', () => {
    expect(visitAllowed({ kind: 'first' }, 1)).toBe(true);
    expect(visitAllowed({ kind: 'first' }, 2)).toBe(false);
    expect(visitAllowed({ kind: 'any' }, 9)).toBe(true);
    expect([1, 2, 3, 4].map((v) => visitAllowed({ kind: 'fromNth', n: 3 }, v))).toEqual([false, false, true, true]);
  });
});

describe('frequency cap', () => {
  const key = 'tip:t';
  const visit = (s: ContentState, at: number) => noteVisit(s, at);
  it('once: shown on one page view, never again on a later one', () => {
    let s = visit(emptyContentState(key), NOW);
    expect(frequencyAllowed({ kind: 'once' }, s, NOW)).toBe(true);
    s = noteShown(s, NOW + 1).state;
    // Recomputed on the same page view: it stays, rather than vanishing from under the user.
    expect(frequencyAllowed({ kind: 'once' }, s, NOW + 2)).toBe(true);
    s = visit(s, NOW + 10);
    expect(frequencyAllowed({ kind: 'once' }, s, NOW + 10)).toBe(false);
  });
  it('every N days counts from the last showing', () => {
    let s = noteShown(visit(emptyContentState(key), NOW), NOW).state;
    s = visit(s, NOW + DAY_MS);
    expect(frequencyAllowed({ kind: 'everyNDays', days: 2 }, s, NOW + DAY_MS)).toBe(false);
    s = visit(s, NOW + 2 * DAY_MS);
    expect(frequencyAllowed({ kind: 'everyNDays', days: 2 }, s, NOW + 2 * DAY_MS)).toBe(true);
    expect(frequencyAllowed({ kind: 'always' }, s, NOW)).toBe(true);
  });
  it('counts a showing once per page view', () => {
    const s = visit(emptyContentState(key), NOW);
    const first = noteShown(s, NOW + 1);
    expect(first.changed).toBe(true);
    expect(noteShown(first.state, NOW + 2)).toEqual({ state: first.state, changed: false });
    expect(noteClosed(noteClosed(s, 5), 9).closedAt).toBe(5);
  });
});

describe('team rule', () => {
  it('matches labels regardless of case; no teams means everyone; no team sees only content for everyone', () => {
    expect(teamAllowed(undefined, undefined)).toBe(true);
    expect(teamAllowed([], 'sales')).toBe(true);
    expect(teamAllowed(['Sales', 'Support'], ' sales ')).toBe(true);
    expect(teamAllowed(['Sales'], 'finance')).toBe(false);
    expect(teamAllowed(['Sales'], undefined)).toBe(false);
  });
});

describe('planGuidance', () => {
  it('keeps what matches the URL and team, and leaves out drafts', () => {
    const docs = [g(tip), g({ ...prompt, status: 'draft' }), g({ ...checklist, match: ['http://127.0.0.1/mail/*'] }), g({ ...tip, id: 'sales-tip', audience: { teams: ['sales'] } })];
    expect(planGuidance(docs, ctx()).items.map((i) => i.doc.id)).toEqual(['po-number']);
    expect(planGuidance(docs, ctx({ team: 'Sales' })).items.map((i) => i.doc.id)).toEqual(['po-number', 'sales-tip']);
  });

  it('asks for element checks and waits for them (a beacon checks its own target)', () => {
    const el = { tag: 'div', testId: 'grid' };
    const docs = [g({ ...tip, audience: { elementPresent: el } }), g(beacon)];
    const before = planGuidance(docs, ctx());
    expect(before.items).toEqual([]);
    expect(before.checks).toEqual([
      { id: 'po-number', targets: [el] },
      { id: 'new-export', targets: [expect.objectContaining({ tag: 'button', text: 'Export' })] },
    ]);
    const after = planGuidance(docs, ctx({ present: new Set(['po-number', 'new-export']) }));
    expect(after.items.map((i) => i.doc.id)).toEqual(['po-number', 'new-export']);
    expect(after.candidates).toEqual([{ kind: 'beacon', id: 'new-export', priority: 50 }]);
  });

  it('retires a beacon on the first use of its feature, or once opened when it has none', () => {
    const present = new Set(['new-export']);
    expect(planGuidance([g(beacon)], ctx({ present, achievements: { flowsCompleted: new Set(), featuresUsed: new Set(['export']) } })).items).toEqual([]);
    const { featureId: _f, ...noFeature } = beacon;
    const opened = new Map([state(contentKey('beacon', 'new-export'), { used: 1 })]);
    expect(planGuidance([g(noFeature)], ctx({ present })).items).toHaveLength(1);
    expect(planGuidance([g(noFeature)], ctx({ present, states: opened })).items).toEqual([]);
    // With a feature linked, opening it is not a use: it keeps pulsing until the feature is used.
    expect(planGuidance([g(beacon)], ctx({ present, states: opened })).items).toHaveLength(1);
  });

  it('lists capped content without letting it show unasked', () => {
    const docs = [g({ ...tip, audience: { visit: { kind: 'fromNth', n: 2 } } }), g({ ...checklist, audience: { frequency: { kind: 'once' } } })];
    const states = new Map([state('tip:po-number', { visits: 1, lastVisitAt: NOW }), state('checklist:getting-started', { visits: 3, lastVisitAt: NOW, shown: 1, lastShownAt: NOW - 5 })]);
    const plan = planGuidance(docs, ctx({ states }));
    expect(plan.items.map((i) => [i.doc.id, i.unasked])).toEqual([['po-number', false], ['getting-started', false]]);
    expect(plan.candidates).toEqual([]);
    const second = planGuidance(docs, ctx({ states: new Map([state('tip:po-number', { visits: 2 })]) }));
    expect(second.items.map((i) => [i.doc.id, i.unasked])).toEqual([['po-number', true], ['getting-started', true]]);
  });

  it('completes checklist items on real events and stops opening a finished or closed checklist', () => {
    const c = g(checklist);
    if (c.kind !== 'checklist') throw new Error('fixture');
    expect(checklistDone(c, { flowsCompleted: new Set(['crm-onboarding']), featuresUsed: new Set() })).toEqual(['tour']);
    const all = { flowsCompleted: new Set(['crm-onboarding']), featuresUsed: new Set(['export']) };
    expect(planGuidance([c], ctx({ achievements: all }))).toMatchObject({ items: [{ done: ['tour', 'export'] }], candidates: [] });
    expect(planGuidance([c], ctx()).candidates).toEqual([{ kind: 'checklist', id: 'getting-started', priority: 50 }]);
    // Finished on this page view (it was on screen): it stays, so the user sees it complete.
    const seen = new Map([state('checklist:getting-started', { visits: 1, lastVisitAt: NOW - 9, shown: 1, lastShownAt: NOW - 5 })]);
    expect(planGuidance([c], ctx({ achievements: all, states: seen })).candidates).toEqual([{ kind: 'checklist', id: 'getting-started', priority: 50 }]);
    const closed = new Map([state('checklist:getting-started', { closedAt: NOW - 1 })]);
    expect(planGuidance([c], ctx({ states: closed })).candidates).toEqual([]);
  });
});

describe('priority: one pop-up at a time', () => {
  it('the highest priority wins, then the kind, then the id', () => {
    expect(pickPopup([])).toBeNull();
    expect(pickPopup([{ kind: 'beacon', id: 'b', priority: 10 }, { kind: 'checklist', id: 'c', priority: 90 }])).toMatchObject({ id: 'c' });
    expect(pickPopup([{ kind: 'beacon', id: 'z', priority: 50 }, { kind: 'beacon', id: 'a', priority: 50 }])).toMatchObject({ id: 'a' });
    expect(pickPopup([{ kind: 'beacon', id: 'a', priority: 50 }, { kind: 'checklist', id: 'z', priority: 50 }])).toMatchObject({ kind: 'checklist' });
  });
  it('an auto flow starts only when it wins; a flow on screen keeps the page', () => {
    const beacon80 = { kind: 'beacon' as const, id: 'b', priority: 80 };
    const beacon20 = { kind: 'beacon' as const, id: 'b', priority: 20 };
    expect(arbitratePopups({ kind: 'auto', flowId: 'f' }, [beacon80])).toEqual({ popup: beacon80, startAuto: false });
    expect(arbitratePopups({ kind: 'auto', flowId: 'f' }, [beacon20])).toMatchObject({ popup: { kind: 'flow', id: 'f' }, startAuto: true });
    expect(arbitratePopups({ kind: 'shown', flowId: 'f' }, [beacon80])).toMatchObject({ popup: { kind: 'flow', id: 'f' } });
    expect(arbitratePopups({ kind: 'none' }, [beacon20])).toEqual({ popup: beacon20, startAuto: false });
  });
  it('an auto flow waits for the page to look for a pop-up that would outrank it', () => {
    const beacon80 = { kind: 'beacon' as const, id: 'b', priority: 80 };
    const beacon20 = { kind: 'beacon' as const, id: 'b', priority: 20 };
    const auto = { kind: 'auto' as const, flowId: 'f' };
    expect(arbitratePopups(auto, [], { pending: [beacon80], settled: false })).toEqual({ popup: null, startAuto: false });
    // Looked for and not there: the flow goes ahead.
    expect(arbitratePopups(auto, [], { pending: [beacon80], settled: true })).toMatchObject({ startAuto: true });
    // A pending pop-up the flow outranks does not hold it back.
    expect(arbitratePopups(auto, [], { pending: [beacon20], settled: false })).toMatchObject({ startAuto: true });
  });
  it('plans a beacon waiting for its element as pending, not as a candidate', () => {
    const plan = planGuidance([g({ ...beacon, audience: { priority: 80 } })], ctx());
    expect(plan).toMatchObject({ candidates: [], pending: [{ kind: 'beacon', id: 'new-export', priority: 80 }] });
    const capped = planGuidance([g({ ...beacon, audience: { visit: { kind: 'fromNth', n: 5 } } })], ctx());
    expect(capped.pending).toEqual([]);
  });
});

const flow = (over: Partial<FlowInput> = {}) =>
  FlowSchema.parse({
    schemaVersion: 2,
    kind: 'flow',
    id: 'f1',
    name: 'Flow one',
    version: 4,
    status: 'published',
    match: ['http://127.0.0.1/crm/*'],
    start: 'launcher',
    updatedAt: '2026-01-01T00:00:00.000Z',
    steps: [{ id: 'a', title: 'A', body: [] }],
    ...over,
  });

describe('surveys and launcher guides', () => {
  it('asks after a completed flow with a survey, until answered or closed, within a day', () => {
    const f = flow({ survey: { question: 'How clear was it?' } });
    const done = { ...startRun(f, 'r', NOW - 1000).progress, status: 'completed' as const, updatedAt: NOW - 1000 };
    expect(pendingSurvey([f], [done], new Map(), URL, NOW)).toEqual({ flowId: 'f1', flowVersion: 4, flowName: 'Flow one', question: 'How clear was it?', allowComment: true });
    expect(pendingSurvey([f], [{ ...done, status: 'active' }], new Map(), URL, NOW)).toBeNull();
    expect(pendingSurvey([f], [done], new Map([state('survey:f1', { closedAt: NOW })]), URL, NOW)).toBeNull();
    expect(pendingSurvey([f], [done], new Map(), URL, NOW + SURVEY_WINDOW_MS)).toBeNull();
    expect(pendingSurvey([flow()], [done], new Map(), URL, NOW)).toBeNull();
    expect(pendingSurvey([f], [done], new Map(), 'http://127.0.0.1/mail/', NOW)).toBeNull();
  });
  it('offers launcher and manual flows whose first step is on the page', () => {
    const flows = [flow({ id: 'b', name: 'B' }), flow({ id: 'a', name: 'A', start: 'manual' }), flow({ id: 'c', start: 'auto' }), flow({ id: 'd', status: 'draft' })];
    expect(launcherGuides(flows, URL).map((x) => x.id)).toEqual(['a', 'b']);
    expect(launcherGuides(flows, 'http://127.0.0.1/mail/')).toEqual([]);
  });
});

describe('prompt templates and tip rules (in the page)', async () => {
  const { fillTemplate } = await import('../../../src/rules/promptVariables');
  const { checkTipValue } = await import('../../../src/rules/checkTipValue');
  it('fills variables and shows the label where the page gave nothing', () => {
    expect(
      fillTemplate('Summarize {{deal}} for {{ team }}; mention {{deal}}. {{other}}', [
        { name: 'deal', label: 'Deal name', value: ' Acme ' },
        { name: 'team', label: 'Team', value: '' },
      ]),
    ).toEqual({ text: 'Summarize Acme for [Team]; mention Acme. {{other}}', missing: ['Team'] });
  });
  it('checks required, maximum length and a whole-value pattern', () => {
    const rules = { required: true, pattern: '\\d{8}', maxLength: 8 };
    expect(checkTipValue(rules, '')).toBe('required');
    expect(checkTipValue({ ...rules, required: false }, '  ')).toBeNull();
    expect(checkTipValue(rules, '123456789')).toBe('maxLength');
    expect(checkTipValue(rules, 'x12345678'.slice(0, 8))).toBe('pattern');
    expect(checkTipValue(rules, '12345678')).toBeNull();
    expect(checkTipValue({ required: false, pattern: '(' }, 'x')).toBeNull();
  });
});
