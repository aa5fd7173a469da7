import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../src/schema/bundle';
import { WaymarkEventSchema } from '../../../src/schema/event';
import { readFlow, readFeature } from '../../../src/schema/migrate';
import { jsonSchemas } from '../../../src/schema/jsonSchemas';
import { plainToRichText, richTextToPlain, RichTextSchema } from '../../../src/schema/richText';
import { uuidv7 } from '../../../src/ids/uuidv7';

const v2 = {
  schemaVersion: 2,
  kind: 'flow',
  id: 'onboarding',
  name: 'Onboarding',
  version: 3,
  status: 'published',
  match: ['https://crm.example.com/*'],
  start: 'auto',
  updatedAt: '2026-01-01T00:00:00.000Z',
  steps: [{ id: 's1', title: 'Hello', body: [], target: { tag: 'button', text: 'Save' }, advance: { kind: 'click' } }],
};

describe('flow documents', () => {
  it('fills defaults and keeps the document', () => {
    const r = readFlow(v2);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.migratedFrom).toBeNull();
      expect(r.value.steps[0]).toMatchObject({ placement: 'auto', skippable: true, timeoutMs: 8000 });
    }
  });

  it('names the path and reason of each problem', () => {
    const bad = { ...v2, match: ['crm.example.com'], steps: [{ id: 's1', title: '', body: [{ type: 'paragraph', children: [{ type: 'link', href: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] }] }] }] };
    const r = readFlow(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.message]));
      expect(byPath['match.0']).toMatch(/expected <scheme>/);
      expect(byPath['steps.0.title']).toMatch(/needs a title/);
      expect(byPath['steps.0.body.0.children.0.href']).toMatch(/http/);
    }
  });

  it('rejects unknown fields, duplicate step ids, and click steps without a target', () => {
    const r = readFlow({
      ...v2,
      colour: 'red',
      steps: [
        { id: 'a', title: 'A', body: [], advance: { kind: 'click' } },
        { id: 'a', title: 'B', body: [] },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.issues.map((i) => i.path);
      expect(paths).toContain('(root)');
      expect(paths).toContain('steps.1.id');
      expect(paths).toContain('steps.0.advance');
    }
  });

  it('migrates version 1 documents on read', () => {
    const r = readFlow(
      {
        schemaVersion: 1,
        id: 'old',
        name: 'Old flow',
        status: 'draft',
        urlPattern: 'https://crm.example.com/*',
        autoStart: true,
        steps: [{ id: 's', title: 'T', body: 'First paragraph.\n\nSecond.', advanceOn: 'click', target: { tag: 'a' } }],
      },
      '2026-02-02T00:00:00.000Z',
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.migratedFrom).toBe(1);
      expect(r.value).toMatchObject({ kind: 'flow', version: 1, start: 'auto', match: ['https://crm.example.com/*'], updatedAt: '2026-02-02T00:00:00.000Z' });
      expect(r.value.steps[0]?.advance).toEqual({ kind: 'click' });
      expect(r.value.steps[0]?.body).toHaveLength(2);
    }
    const f = readFeature({ schemaVersion: 1, id: 'x', name: 'X', urlPattern: 'https://a.example.com/*', target: { tag: 'button' } });
    expect(f.ok && f.value.match).toEqual(['https://a.example.com/*']);
  });

  it('refuses versions it does not know', () => {
    const r = readFlow({ ...v2, schemaVersion: 9 });
    expect(!r.ok && r.issues[0]).toMatchObject({ path: 'schemaVersion', message: expect.stringMatching(/unsupported schemaVersion 9/) });
  });
});

describe('bundles', () => {
  it('accepts a whole valid bundle and reports every problem of an invalid one', () => {
    expect(readBundle({ format: 'waymark-bundle', flows: [v2] }).ok).toBe(true);
    const r = readBundle({ format: 'waymark-bundle', flows: [v2, { ...v2, name: '' }, v2] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['flows.1.name', 'flows.2.id']));
    }
    const env = readBundle({ format: 'something-else' });
    expect(!env.ok && env.issues[0]?.path).toBe('format');
  });
});

describe('events', () => {
  it('accepts the catalogue and refuses text fields it does not know', () => {
    const base = { id: uuidv7(1_700_000_000_000, (b) => b.fill(7)), seq: 1, ts: 1, userId: 'u-1' };
    expect(WaymarkEventSchema.safeParse({ ...base, type: 'feature_used', featureId: 'f', firstUse: true }).success).toBe(true);
    expect(WaymarkEventSchema.safeParse({ ...base, type: 'feature_used', featureId: 'f', firstUse: true, typed: 'hello' }).success).toBe(false);
    expect(WaymarkEventSchema.safeParse({ ...base, type: 'page_text', text: 'x' }).success).toBe(false);
  });
  it('makes time-ordered UUIDv7 ids', () => {
    const a = uuidv7(1000, (b) => b.fill(255));
    const b = uuidv7(2000, (x) => x.fill(0));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });
});

describe('rich text', () => {
  it('turns plain text into paragraphs and back', () => {
    const doc = plainToRichText('One.\n\nTwo.');
    expect(RichTextSchema.parse(doc)).toHaveLength(2);
    expect(richTextToPlain(doc)).toBe('One.\n\nTwo.');
  });
});

describe('published JSON Schemas', () => {
  it('are current (run `npm run schema` after changing a zod schema)', () => {
    for (const [file, text] of Object.entries(jsonSchemas())) {
      const committed = readFileSync(resolve(import.meta.dirname, '../../../schema', file), 'utf8');
      expect(committed, file).toBe(text);
    }
  });
});
