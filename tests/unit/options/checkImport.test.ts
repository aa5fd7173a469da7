import { describe, expect, it } from 'vitest';
import { checkImport } from '../../../options-ui/checkImport';
import { convertHtmlBodies } from '../../../options-ui/convertHtmlBodies';
import type { RichText } from '../../../src/schema/richText';

const NOW = '2025-01-02T03:04:05.000Z';
/** Stands in for DOMPurify + htmlToRichText, which need a DOM. */
const fakeHtml = (html: string): RichText => [{ type: 'paragraph', children: [{ type: 'text', text: `html:${html}` }] }];

const step = (id: string, title = 'A step', body: unknown = []) => ({ id, title, body });
const flow = (id: string, steps: unknown[]) => ({
  schemaVersion: 2,
  kind: 'flow',
  id,
  name: `Flow ${id}`,
  version: 1,
  status: 'draft',
  match: ['https://crm.example.com/*'],
  start: 'manual',
  steps,
  updatedAt: NOW,
});
const feature = { schemaVersion: 2, kind: 'feature', id: 'save', name: 'Save', match: ['https://crm.example.com/*'], target: { tag: 'button' }, use: 'click', updatedAt: NOW };
const bundle = (flows: unknown[], features: unknown[] = []) => JSON.stringify({ format: 'waymark-bundle', flows, features });

describe('checkImport', () => {
  it('accepts a valid bundle and counts what it holds', () => {
    const r = checkImport(bundle([flow('a', [step('s1')]), flow('b', [step('s1')])], [feature]), fakeHtml, NOW);
    expect(r).toMatchObject({ ok: true, flows: 2, features: 1, guidance: 0, migrated: 0, converted: 0 });
  });

  it('counts guidance, and lists its problems with their paths', () => {
    const beacon = { schemaVersion: 2, kind: 'beacon', id: 'b', name: 'B', status: 'draft', match: ['https://crm.example.com/*'], target: { tag: 'button' }, title: 'New', body: [], updatedAt: NOW };
    const ok = checkImport(JSON.stringify({ format: 'waymark-bundle', guidance: [beacon] }), fakeHtml, NOW);
    expect(ok).toMatchObject({ ok: true, flows: 0, features: 0, guidance: 1 });
    const bad = checkImport(JSON.stringify({ format: 'waymark-bundle', guidance: [beacon, { ...beacon, id: 'c', title: ' ' }] }), fakeHtml, NOW);
    expect(bad).toEqual({ ok: false, issues: [{ path: 'guidance.1.title', message: 'a beacon needs a title' }] });
  });

  it('lists every problem with its path, not just the first', () => {
    const r = checkImport(bundle([flow('a', [step('s1'), step('s2'), step('s3', '  ')]), flow('b', [])], [{ ...feature, use: 'hover' }]), fakeHtml, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.issues.map((i) => `${i.path}: ${i.message}`);
    expect(lines).toContain('flows.0.steps.2.title: a step needs a title');
    expect(lines).toContain('flows.1.steps: a flow needs at least one step');
    expect(lines.some((l) => l.startsWith('features.0.use: '))).toBe(true);
    expect(lines).toHaveLength(3);
  });

  it('reports JSON syntax errors with line and column', () => {
    expect(checkImport('{\n  "format": "waymark-bundle",\n  "flows": [,]\n}', fakeHtml, NOW)).toEqual({
      ok: false,
      issues: [{ path: 'JSON line 3, column 13', message: 'unexpected ",": expected a value' }],
    });
  });

  it('rejects a file that is not a bundle', () => {
    const r = checkImport('{"flows": []}', fakeHtml, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path).toBe('format');
  });

  it('counts documents migrated from version 1', () => {
    const v1 = { schemaVersion: 1, id: 'old', name: 'Old', status: 'published', urlPattern: 'https://crm.example.com/*', steps: [{ id: 's', title: 'T', body: 'plain <b>text</b>' }] };
    const r = checkImport(bundle([v1]), fakeHtml, NOW);
    expect(r).toMatchObject({ ok: true, flows: 1, migrated: 1, converted: 0 });
  });

  it('converts HTML string bodies of current flows before validating, and sends the converted file', () => {
    const r = checkImport(bundle([flow('a', [step('s1', 'T', '<p>Hello</p>')])]), fakeHtml, NOW);
    expect(r).toMatchObject({ ok: true, converted: 1 });
    if (r.ok) expect((r.bundle as { flows: { steps: { body: RichText }[] }[] }).flows[0]?.steps[0]?.body).toEqual(fakeHtml('<p>Hello</p>'));
  });
});

describe('convertHtmlBodies', () => {
  it('leaves the input untouched and returns it as is when nothing is converted', () => {
    const input = { format: 'waymark-bundle', flows: [flow('a', [step('s', 'T', '<b>x</b>')])] };
    const copy = structuredClone(input);
    const out = convertHtmlBodies(input, fakeHtml);
    expect(input).toEqual(copy);
    expect(out.converted).toBe(1);
    const same = { format: 'waymark-bundle', flows: [flow('a', [step('s')])] };
    expect(convertHtmlBodies(same, fakeHtml).value).toBe(same);
    expect(convertHtmlBodies('nope', fakeHtml)).toEqual({ value: 'nope', converted: 0 });
  });
});
