import { describe, expect, it } from 'vitest';
import { duplicateFlow } from '../../../options-ui/duplicateFlow';
import { draftToFlow, flowToDraft, newFlowDraft, newStepDraft, sameDraft } from '../../../options-ui/flowDraft';
import { draftToFeature, newFeatureDraft } from '../../../options-ui/featureDraft';
import { fieldId, issuesAt, stepIndexOf } from '../../../options-ui/issuesAt';
import { slugify, uniqueId } from '../../../options-ui/uniqueId';
import type { Flow } from '../../../src/schema/flow';

const NOW = '2025-03-04T05:06:07.000Z';

const flow: Flow = {
  schemaVersion: 2,
  kind: 'flow',
  id: 'first-deal',
  name: 'Create your first deal',
  description: 'For new reps',
  version: 3,
  status: 'published',
  match: ['https://crm.example.com/*'],
  start: 'auto',
  updatedAt: '2025-01-01T00:00:00.000Z',
  steps: [
    {
      id: 'open',
      title: 'Open a contact',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Click ' }, { type: 'text', text: 'Ava', bold: true }] }],
      target: { tag: 'a', text: 'Ava', rect: { x: 1, y: 2, width: 3, height: 4 }, xpath: '/html/body/a' },
      placement: 'right',
      advance: { kind: 'click' },
      skippable: false,
      timeoutMs: 5000,
    },
    {
      id: 'saved',
      title: 'Wait for it',
      body: [],
      page: 'https://crm.example.com/deals/*',
      placement: 'auto',
      advance: { kind: 'elementAppears', target: { tag: 'div', testId: 'toast' } },
      skippable: true,
      timeoutMs: 8000,
    },
    { id: 'go', title: 'Go on', body: [], placement: 'auto', advance: { kind: 'urlChanges', to: 'https://crm.example.com/deals/*' }, skippable: true, timeoutMs: 8000 },
  ],
};

describe('flow drafts', () => {
  it('turn a stored flow into a form and back without loss (fields the form does not show included)', () => {
    const r = draftToFlow(flowToDraft(flow), new Set(), NOW);
    expect(r).toEqual({ ok: true, flow: { ...flow, updatedAt: NOW } });
  });

  it('carry the micro-survey, keep its text while it is off, and report an empty question', () => {
    const withSurvey: Flow = { ...flow, survey: { question: 'Did this help?', allowComment: false } };
    const d = flowToDraft(withSurvey);
    expect(d.survey).toEqual({ enabled: true, question: 'Did this help?', allowComment: false });
    expect(draftToFlow(d, new Set(), NOW)).toEqual({ ok: true, flow: { ...withSurvey, updatedAt: NOW } });
    d.survey.enabled = false;
    const off = draftToFlow(d, new Set(), NOW);
    expect(off.ok && off.flow.survey).toBe(undefined);
    expect(d.survey.question).toBe('Did this help?');
    d.survey = { enabled: true, question: '  ', allowComment: true };
    const bad = draftToFlow(d, new Set(), NOW);
    expect(bad.ok ? [] : bad.issues).toEqual([{ path: 'survey.question', message: 'a survey needs a question' }]);
    expect(newFlowDraft('f').survey.enabled).toBe(false);
  });

  it('report problems with the paths of the document', () => {
    const d = flowToDraft(flow);
    d.name = ' ';
    d.match[0]!.value = 'crm.example.com';
    d.steps[0]!.title = '';
    d.steps[0]!.hasTarget = false; // a click step without a target
    d.steps[1]!.timeoutMs = '2.5';
    d.steps[2]!.urlTo = 'nope';
    const r = draftToFlow(d, new Set(), NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path).sort();
    expect(paths).toEqual(['match.0', 'name', 'steps.0.advance', 'steps.0.title', 'steps.1.timeoutMs', 'steps.2.advance.to']);
  });

  it('edit the baseline minutes: kept, changed, cleared, and refused when not a number', () => {
    const withBaseline = { ...flow, baselineMinutes: 12.5 };
    const d = flowToDraft(withBaseline);
    expect(d.baselineMinutes).toBe('12.5');
    expect(draftToFlow(d, new Set(), NOW)).toEqual({ ok: true, flow: { ...withBaseline, updatedAt: NOW } });
    const r = draftToFlow({ ...d, baselineMinutes: ' 7,5 ' }, new Set(), NOW);
    expect(r.ok && r.flow.baselineMinutes).toBe(7.5);
    const cleared = draftToFlow({ ...d, baselineMinutes: '' }, new Set(), NOW);
    expect(cleared.ok && 'baselineMinutes' in cleared.flow).toBe(false);
    const bad = draftToFlow({ ...d, baselineMinutes: 'ten' }, new Set(), NOW);
    expect(!bad.ok && bad.issues.map((i) => i.path)).toEqual(['baselineMinutes']);
    const negative = draftToFlow({ ...d, baselineMinutes: '-3' }, new Set(), NOW);
    expect(!negative.ok && negative.issues.map((i) => i.path)).toEqual(['baselineMinutes']);
  });

  it('refuse a new flow whose id is taken', () => {
    const d = newFlowDraft('first-deal');
    d.name = 'X';
    d.match[0]!.value = 'https://x.example/*';
    d.steps[0]!.title = 'T';
    const r = draftToFlow(d, new Set(['first-deal']), NOW);
    expect(r.ok ? [] : r.issues).toEqual([{ path: 'id', message: 'another flow already has this id' }]);
  });

  it('compare by content, not by UI keys', () => {
    const a = flowToDraft(flow);
    const b = flowToDraft(flow);
    expect(a.steps[0]!.key).not.toBe(b.steps[0]!.key);
    expect(sameDraft(a, b)).toBe(true);
    b.steps[1]!.title = 'changed';
    expect(sameDraft(a, b)).toBe(false);
  });

  it('give new steps valid, distinct ids', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newStepDraft().id));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^step-[0-9a-f]{8}$/);
  });
});

describe('duplicateFlow', () => {
  it('makes a draft copy at version 1 with a free id', () => {
    const copy = duplicateFlow(flow, new Set(['first-deal', 'first-deal-copy']), NOW);
    expect(copy).toMatchObject({ id: 'first-deal-copy-2', name: 'Copy of Create your first deal', status: 'draft', version: 1, updatedAt: NOW });
    expect(copy.steps).toEqual(flow.steps);
    expect(copy.steps).not.toBe(flow.steps);
  });

  it('keeps ids and names within their limits', () => {
    const long = { ...flow, id: 'x'.repeat(64), name: 'n'.repeat(200) };
    const copy = duplicateFlow(long, new Set([long.id]), NOW);
    expect(copy.id.length).toBeLessThanOrEqual(64);
    expect(copy.name.length).toBe(200);
    expect(draftToFlow({ ...flowToDraft(copy), isNew: true }, new Set([long.id]), NOW).ok).toBe(true);
  });
});

describe('feature drafts', () => {
  it('validate with the feature schema', () => {
    const d = newFeatureDraft();
    expect(draftToFeature(d, new Set(), NOW).ok).toBe(false);
    Object.assign(d, { id: 'save-deal', name: 'Save deal' });
    d.match[0]!.value = 'https://crm.example.com/*';
    d.target = { tag: 'button', text: 'Save', label: '' };
    const r = draftToFeature(d, new Set(), NOW);
    expect(r).toEqual({
      ok: true,
      feature: { schemaVersion: 2, kind: 'feature', id: 'save-deal', name: 'Save deal', match: ['https://crm.example.com/*'], target: { tag: 'button', text: 'Save' }, use: 'click', updatedAt: NOW },
    });
  });
});

describe('ids and issue paths', () => {
  it('slugs names and finds free ids', () => {
    expect(slugify('  Créer un deal — vite! ', 'f')).toBe('creer-un-deal-vite');
    expect(slugify('***', 'fallback')).toBe('fallback');
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
  });

  it('places issues on fields', () => {
    const issues = [
      { path: 'steps.1.target.tag', message: 'x' },
      { path: 'steps.1.target', message: 'y' },
      { path: 'steps.10', message: 'z' },
    ];
    expect(issuesAt(issues, 'steps.1.target', { subtree: true, except: ['steps.1.target.tag'] }).map((i) => i.message)).toEqual(['y']);
    expect(issuesAt(issues, 'steps.1', { subtree: true })).toHaveLength(2);
    expect(fieldId('steps.2.advance.to')).toBe('f-steps-2-advance-to');
    expect(stepIndexOf('steps.10')).toBe(10);
    expect(stepIndexOf('match.0')).toBe(null);
  });
});
