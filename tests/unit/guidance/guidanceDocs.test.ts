import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../src/schema/bundle';
import { readGuidance } from '../../../src/schema/migrate';
import { bootstrapMatches } from '../../../background/bootstrapMatches';
import { beacon, checklist, prompt, tip } from './fixtures';

const issuesOf = (r: ReturnType<typeof readGuidance> | ReturnType<typeof readBundle>) =>
  r.ok ? {} : Object.fromEntries(r.issues.map((i) => [i.path, i.message]));

describe('guidance documents', () => {
  it('reads each kind and fills the audience defaults', () => {
    for (const doc of [prompt, tip, beacon, checklist]) {
      const r = readGuidance(doc);
      expect(r.ok, doc.kind).toBe(true);
      if (r.ok) expect(r.value.audience).toEqual({ visit: { kind: 'any' }, frequency: { kind: 'always' }, priority: 50 });
    }
  });

  it('reports undeclared and unused prompt variables by field', () => {
    const r = readGuidance({ ...prompt, template: 'Summarize {{deal}} and {{owner}}' }, undefined, ['guidance']);
    expect(issuesOf(r)).toEqual({
      'guidance.template': '"{{owner}}" is not a declared variable',
      'guidance.variables.1.name': 'variable "focus" is not used in the template',
    });
  });

  it('refuses an invalid tip pattern and an unknown schema version', () => {
    expect(issuesOf(readGuidance({ ...tip, validation: { pattern: '(', message: 'x' } }))['validation.pattern']).toMatch(/not a valid regular expression/);
    expect(issuesOf(readGuidance({ ...tip, schemaVersion: 3 }))['schemaVersion']).toMatch(/unsupported schemaVersion 3/);
    expect(issuesOf(readGuidance('tip'))).toEqual({ '(root)': 'expected an object' });
  });
});

describe('bundles with guidance', () => {
  it('imports guidance beside flows and features', () => {
    const r = readBundle({ format: 'waymark-bundle', guidance: [prompt, tip, beacon, checklist] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.bundle.guidance.map((g) => g.kind)).toEqual(['prompt', 'tip', 'beacon', 'checklist']);
  });

  it('is accepted whole or not at all, with each problem at its path', () => {
    const r = readBundle({ format: 'waymark-bundle', guidance: [prompt, tip, { ...prompt, template: '' }, { ...tip }] });
    expect(r.ok).toBe(false);
    expect(issuesOf(r)).toMatchObject({
      'guidance.2.template': 'a prompt needs its text',
      'guidance.3.id': 'duplicate id "po-number" in this file',
    });
  });
});

describe('bootstrap registration', () => {
  it('covers the hosts of published guidance, not of drafts', () => {
    const g = [readGuidance(tip), readGuidance({ ...beacon, status: 'draft', match: ['https://draft.example.com/*'] })].flatMap((r) => (r.ok ? [r.value] : []));
    expect(bootstrapMatches({ flows: [], features: [], guidance: g })).toEqual(['http://127.0.0.1/*']);
  });
});
