import { describe, expect, it } from 'vitest';
import { draftToAudienceRaw, newAudienceDraft, parseTeams } from '../../../options-ui/audienceDraft';
import type { BeaconDraft } from '../../../options-ui/beaconDraft';
import type { ChecklistDraft } from '../../../options-ui/checklistDraft';
import { duplicateGuidance } from '../../../options-ui/duplicateGuidance';
import { sortIssues } from '../../../options-ui/guidanceBaseDraft';
import { draftToGuidance, guidanceToDraft, newGuidanceDraft, sameGuidanceDraft } from '../../../options-ui/guidanceDraft';
import type { PromptDraft } from '../../../options-ui/promptDraft';
import { newVariableDraft } from '../../../options-ui/promptDraft';
import type { TipDraft } from '../../../options-ui/tipDraft';
import type { Beacon, Checklist, Guidance, PromptTemplate, Tip } from '../../../src/schema/guidance';

const NOW = '2025-03-04T05:06:07.000Z';
const OLD = '2025-01-01T00:00:00.000Z';
const audience = { visit: { kind: 'any' }, frequency: { kind: 'always' }, priority: 50 } as const;

const prompt: PromptTemplate = {
  schemaVersion: 2,
  kind: 'prompt',
  id: 'summarize-deal',
  name: 'Summarize this deal',
  status: 'published',
  match: ['http://127.0.0.1/*'],
  audience: {
    elementPresent: { tag: 'div', testId: 'assistant' },
    teams: ['sales', 'ops'],
    visit: { kind: 'fromNth', n: 3 },
    frequency: { kind: 'everyNDays', days: 7 },
    priority: 70,
  },
  updatedAt: OLD,
  description: 'For the approval queue',
  target: { tag: 'textarea', testId: 'ai-box', rect: { x: 1, y: 2, width: 3, height: 4 } },
  template: 'Summarize {{deal}} for {{ customer }}.',
  variables: [
    { name: 'deal', label: 'Deal name', source: { kind: 'element', target: { tag: 'h1', text: 'Acme renewal' } }, fallback: 'this deal' },
    { name: 'customer', label: 'Customer', source: { kind: 'selection' }, fallback: '' },
  ],
};

const tip: Tip = {
  schemaVersion: 2,
  kind: 'tip',
  id: 'vat-tip',
  name: 'VAT number',
  status: 'draft',
  match: ['https://erp.example.com/*'],
  audience,
  updatedAt: OLD,
  target: { tag: 'input', label: 'VAT number' },
  title: 'VAT number format',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Two letters, then digits.' }] }],
  validation: { required: true, pattern: '[A-Z]{2}\\d{8,12}', maxLength: 14, message: 'Use the country code and the digits.' },
};

const beacon: Beacon = {
  schemaVersion: 2,
  kind: 'beacon',
  id: 'new-export',
  name: 'New export',
  status: 'published',
  match: ['https://crm.example.com/*'],
  audience,
  updatedAt: OLD,
  target: { tag: 'button', text: 'Export' },
  featureId: 'export-csv',
  title: 'Export is here',
  body: [],
};

const checklist: Checklist = {
  schemaVersion: 2,
  kind: 'checklist',
  id: 'onboarding',
  name: 'Onboarding',
  status: 'published',
  match: ['https://crm.example.com/*'],
  audience: { ...audience, visit: { kind: 'first' }, frequency: { kind: 'once' } },
  updatedAt: OLD,
  title: 'Get started',
  items: [
    { id: 'first-deal', title: 'Create a deal', completeOn: { kind: 'flowCompleted', flowId: 'crm-first-deal' }, startsFlow: 'crm-first-deal' },
    { id: 'export', title: 'Export your list', completeOn: { kind: 'featureUsed', featureId: 'export-csv' } },
  ],
};

const refs = { flowIds: new Set(['crm-first-deal']), featureIds: new Set(['export-csv']) };

describe('guidance drafts', () => {
  it.each([prompt, tip, beacon, checklist] as Guidance[])('turn a stored $kind into a form and back without loss', (g) => {
    const d = guidanceToDraft(g);
    expect(draftToGuidance(d, new Set(), NOW, refs)).toEqual({ ok: true, value: { ...g, updatedAt: NOW } });
    expect(sameGuidanceDraft(d, guidanceToDraft(g))).toBe(true);
  });

  it('a new draft of each kind reports what is missing, with document paths, in form order', () => {
    const paths = (kind: Guidance['kind']) => {
      const r = draftToGuidance(newGuidanceDraft(kind, 'x-1'), new Set(), NOW, refs);
      return r.ok ? [] : r.issues.map((i) => i.path);
    };
    expect(paths('prompt')).toEqual(['name', 'match.0', 'template']);
    expect(paths('tip')).toEqual(['name', 'match.0', 'title']);
    expect(paths('beacon')).toEqual(['name', 'match.0', 'title']);
    expect(paths('checklist')).toEqual(['name', 'match.0', 'title', 'items.0.completeOn.flowId', 'items.0.title']);
  });

  it('a prompt refuses undeclared and unused variables, and duplicates', () => {
    const d = guidanceToDraft(prompt) as PromptDraft;
    d.template = 'Summarize {{deal}} for {{owner}}.';
    d.variables.push({ ...newVariableDraft('deal'), label: 'Again' });
    const r = draftToGuidance(d, new Set(), NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { path: 'template', message: '"{{owner}}" is not a declared variable' },
      { path: 'variables.2.name', message: 'duplicate variable "deal"' },
      { path: 'variables.1.name', message: 'variable "customer" is not used in the template' },
    ]);
  });

  it('a tip reports an invalid regex, a length that is not a number, and validation without a rule', () => {
    const d = guidanceToDraft(tip) as TipDraft;
    d.pattern = '[A-Z';
    d.maxLength = '1.5';
    let r = draftToGuidance(d, new Set(), NOW);
    expect(r.ok ? [] : r.issues).toEqual([
      { path: 'validation.maxLength', message: 'enter the maximum length as a whole number of characters' },
      { path: 'validation.pattern', message: expect.stringMatching(/^not a valid regular expression: /) as unknown as string },
    ]);
    Object.assign(d, { required: false, pattern: '', maxLength: '' });
    r = draftToGuidance(d, new Set(), NOW);
    expect(r.ok ? [] : r.issues).toEqual([{ path: 'validation', message: 'choose at least one rule: required, a pattern or a maximum length' }]);
    // Switched off, the rules are kept in the draft but not saved.
    Object.assign(d, { hasValidation: false, pattern: '[A-Z' });
    r = draftToGuidance(d, new Set(), NOW);
    expect(r.ok && r.value.kind === 'tip' && r.value.validation).toBe(undefined);
  });

  it('a beacon or checklist pointing at a flow or feature that does not exist is refused', () => {
    const b = guidanceToDraft(beacon) as BeaconDraft;
    b.featureId = 'gone';
    expect(draftToGuidance(b, new Set(), NOW, refs)).toEqual({ ok: false, issues: [{ path: 'featureId', message: 'there is no tagged feature “gone”' }] });
    const c = guidanceToDraft(checklist) as ChecklistDraft;
    c.items[0]!.startsFlow = 'gone';
    c.items[1]!.completeOn = 'flowCompleted'; // switched kind: no flow chosen yet
    const r = draftToGuidance(c, new Set(), NOW, refs);
    expect(r.ok ? [] : r.issues).toEqual([
      { path: 'items.0.startsFlow', message: 'there is no flow “gone”' },
      { path: 'items.1.completeOn.flowId', message: 'choose the flow that completes this item' },
    ]);
    // Switching back restores the feature chosen before.
    c.items[1]!.completeOn = 'featureUsed';
    c.items[0]!.startsFlow = '';
    expect(draftToGuidance(c, new Set(), NOW, refs).ok).toBe(true);
  });

  it('a new document may not take an id another piece of guidance has', () => {
    const d = newGuidanceDraft('beacon', 'taken');
    Object.assign(d, { name: 'B', title: 'T', match: [{ key: 'k', value: 'https://a.example/*' }] });
    expect(draftToGuidance(d, new Set(['taken']), NOW)).toEqual({ ok: false, issues: [{ path: 'id', message: 'another piece of guidance already has this id' }] });
    expect(draftToGuidance(d, new Set(['other']), NOW).ok).toBe(true);
  });

  it('sameGuidanceDraft ignores list keys and sees real changes', () => {
    const a = guidanceToDraft(checklist) as ChecklistDraft;
    const b = guidanceToDraft(checklist) as ChecklistDraft;
    expect(a.items[0]!.key).not.toBe(b.items[0]!.key);
    expect(sameGuidanceDraft(a, b)).toBe(true);
    b.items.reverse();
    expect(sameGuidanceDraft(a, b)).toBe(false);
    expect(sameGuidanceDraft(a, guidanceToDraft(tip))).toBe(false);
  });
});

describe('audience drafts', () => {
  it('read teams from a comma-separated line and report one listed twice', () => {
    expect(parseTeams(' sales, ops ,, \nsupport ')).toEqual(['sales', 'ops', 'support']);
    const d = { ...newAudienceDraft(), teams: 'sales, ops, sales' };
    expect(draftToAudienceRaw(d).issues).toEqual([{ path: 'audience.teams.2', message: 'team “sales” is listed twice' }]);
  });

  it('report numbers that are not whole numbers once, at their path; ranges are left to the schema', () => {
    const d = { ...newAudienceDraft(), visit: 'fromNth' as const, nth: 'two', frequency: 'everyNDays' as const, days: '', priority: '7.5' };
    const r = draftToAudienceRaw(d);
    expect(r.issues.map((i) => i.path)).toEqual(['audience.visit.n', 'audience.frequency.days', 'audience.priority']);
    expect(r.raw).toEqual({ visit: { kind: 'fromNth', n: 2 }, frequency: { kind: 'everyNDays', days: 1 }, priority: 50 });
    const g = guidanceToDraft(beacon);
    g.audience.priority = '101';
    const check = draftToGuidance(g, new Set(), NOW);
    expect(check.ok ? [] : check.issues.map((i) => i.path)).toEqual(['audience.priority']);
  });

  it('keep the number of a rule while another rule is chosen, and an empty priority is the default', () => {
    const d = { ...newAudienceDraft(), visit: 'first' as const, nth: '5', priority: ' ' };
    expect(draftToAudienceRaw(d)).toEqual({ raw: { visit: { kind: 'first' }, frequency: { kind: 'always' }, priority: 50 }, issues: [] });
    expect(d.nth).toBe('5');
  });
});

describe('helpers', () => {
  it('duplicate any kind as a draft with a fresh id', () => {
    const copy = duplicateGuidance(checklist, new Set(['onboarding', 'onboarding-copy']), NOW);
    expect(copy).toEqual({ ...checklist, id: 'onboarding-copy-2', name: 'Copy of Onboarding', status: 'draft', updatedAt: NOW });
    expect(copy.items).not.toBe(checklist.items);
  });

  it('sort issues by the order of the form, keeping the order within a field', () => {
    const list = [
      { path: 'items.1.title', message: 'b' },
      { path: 'name', message: 'a' },
      { path: 'zzz', message: 'z' },
      { path: 'items.0.title', message: 'c' },
    ];
    expect(sortIssues(list, ['name', 'items']).map((i) => i.message)).toEqual(['a', 'b', 'c', 'z']);
  });
});
