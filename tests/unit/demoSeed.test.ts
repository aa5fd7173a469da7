import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBundle, type Bundle } from '../../src/schema/bundle';
import { matchAny, matchUrl } from '../../src/rules/urlPattern';
import type { ElementFingerprint } from '../../src/schema/fingerprint';

/**
 * The demo seed describes release 1 of the demo host app. These checks keep the two from drifting apart:
 * an edit to the app that renames a control the seed points at fails here, not in a slow browser test.
 */

const DEMO = fileURLToPath(new URL('../../demo/', import.meta.url));

/** Every html/js/css file the host server serves for a release: its own folder, then the shared one. */
function releaseSource(release: 1 | 2): string {
  return [`host/r${release}`, 'host/shared']
    .flatMap((dir) =>
      readdirSync(join(DEMO, dir))
        .filter((f) => /\.(html|js|css)$/.test(f))
        .map((f) => readFileSync(join(DEMO, dir, f), 'utf8')),
    )
    .join('\n');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The value as a whole string literal or element text: 'x', "x", `x` or >x<. */
const hasLiteral = (src: string, value: string) => new RegExp(`['"\`>]${escape(value)}['"\`<]`).test(src);
/** The value as a whole class name or path segment, not a part of a longer one. */
const hasToken = (src: string, value: string) => new RegExp(`(?<![\\w-])${escape(value)}(?![\\w-])`).test(src);

/** Fingerprint fields whose values the markup source spells out verbatim. */
const LITERAL_FIELDS = ['id', 'testId', 'text', 'label', 'placeholder', 'ariaLabel', 'name', 'type', 'role', 'title', 'alt'] as const;

/**
 * The role a capture records without a role attribute: the element's implicit ARIA role, which the markup
 * never spells out. Only the few tags the seed points at; any other role must be written in the source.
 */
function implicitRole(fp: ElementFingerprint): string | undefined {
  if (fp.tag === 'a') return fp.href !== undefined ? 'link' : undefined;
  if (fp.tag === 'button') return 'button';
  if (fp.tag === 'textarea') return 'textbox';
  if (fp.tag === 'input' && ['text', 'email', 'search', 'tel', 'url', undefined].includes(fp.type)) return 'textbox';
  return undefined;
}

function missingFrom(src: string, fp: ElementFingerprint): string[] {
  const missing: string[] = [];
  for (const field of LITERAL_FIELDS) {
    const value = fp[field];
    if (field === 'role' && value !== undefined && value === implicitRole(fp)) continue;
    if (value !== undefined && !hasLiteral(src, value)) missing.push(`${field}=${value}`);
  }
  for (const cls of fp.classes ?? []) if (!hasToken(src, cls)) missing.push(`class=${cls}`);
  for (const seg of (fp.href ?? '').split('/').filter(Boolean)) if (!hasToken(src, seg)) missing.push(`href segment=${seg}`);
  return missing;
}

const raw: unknown = JSON.parse(readFileSync(join(DEMO, 'seed/crm-onboarding.json'), 'utf8'));

function seed(): Bundle {
  const r = readBundle(raw);
  if (!r.ok) throw new Error(`seed bundle rejected:\n${r.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`);
  return r.bundle;
}

function targets(b: Bundle): [string, ElementFingerprint][] {
  return [
    ...b.flows.flatMap((f) => f.steps.flatMap((s) => (s.target ? [[`${f.id}/${s.id}`, s.target] as [string, ElementFingerprint]] : []))),
    ...b.features.map((f) => [`feature ${f.id}`, f.target] as [string, ElementFingerprint]),
    ...b.guidance.flatMap((g) => {
      const own: [string, ElementFingerprint][] = g.kind === 'checklist' ? [] : [[`${g.kind} ${g.id}`, g.target]];
      const vars = g.kind === 'prompt' ? g.variables.flatMap((v) => (v.source.kind === 'element' ? [[`${g.id} {{${v.name}}}`, v.source.target] as [string, ElementFingerprint]] : [])) : [];
      return [...own, ...vars];
    }),
  ];
}

describe('demo seed bundle', () => {
  it('passes readBundle as it is, without migration', () => {
    const r = readBundle(raw);
    expect(r.ok ? [] : r.issues).toEqual([]);
    expect(r.ok && r.migrated).toBe(0);
  });

  it('holds the onboarding flow and the features', () => {
    const b = seed();
    expect(b.flows.map((f) => [f.id, f.status, f.start, f.steps.length])).toEqual([['crm-first-deal', 'published', 'auto', 4]]);
    expect(b.flows[0]!.steps.map((s) => s.advance.kind)).toEqual(['click', 'click', 'input', 'next']);
    expect(b.features.map((f) => [f.id, f.use])).toEqual([
      ['ai-assistant', 'click'],
      ['save-deal', 'click'],
      ['export-orders', 'click'],
    ]);
  });

  it('holds an example of each kind of guidance, and a survey after the flow', () => {
    const b = seed();
    expect(b.guidance.map((g) => g.kind).sort()).toEqual(['beacon', 'checklist', 'prompt', 'prompt', 'prompt', 'tip']);
    expect(b.flows[0]!.survey?.question).toMatch(/clear/);
    // The checklist's items complete on events the seed can really produce.
    const checklist = b.guidance.find((g) => g.kind === 'checklist');
    for (const it of checklist?.kind === 'checklist' ? checklist.items : []) {
      const known = it.completeOn.kind === 'flowCompleted' ? b.flows.map((f) => f.id) : b.features.map((f) => f.id);
      expect(known, it.id).toContain(it.completeOn.kind === 'flowCompleted' ? it.completeOn.flowId : it.completeOn.featureId);
    }
    // Guidance lives beside the CRM pages, on the webmail and the ERP grid too.
    expect(b.guidance.filter((g) => matchAny(g.match, 'http://127.0.0.1:5173/mail')).map((g) => g.id)).toContain('mail-reply');
    expect(b.guidance.filter((g) => matchAny(g.match, 'http://127.0.0.1:5173/erp/orders')).map((g) => g.id)).toEqual(
      expect.arrayContaining(['erp-reorder', 'po-number-tip', 'new-export']),
    );
  });

  it('shows each step on its own route, on any port of the demo host', () => {
    const flow = seed().flows[0]!;
    const urls = {
      contacts: 'http://127.0.0.1:5173/contacts',
      contact: 'http://127.0.0.1:41234/contacts/c-1001',
      newDeal: 'http://localhost:5173/deals/new?contact=c-1001',
      deals: 'http://localhost:5173/deals',
    };
    const onPage = (url: string) => flow.steps.filter((s) => s.page !== undefined && matchUrl(s.page, url)).map((s) => s.id);
    expect(onPage(urls.contacts)).toEqual(['open-contact']);
    expect(onPage(urls.contact)).toEqual(['create-deal']);
    expect(onPage(urls.newDeal)).toEqual(['name-deal', 'meet-assistant']);
    expect(onPage(urls.deals)).toEqual([]);
    for (const url of Object.values(urls)) expect(matchAny(flow.match, url), url).toBe(true);
    expect(matchAny(flow.match, 'https://crm.example.com/contacts')).toBe(false);
  });

  it('points every target at markup that release 1 really has', () => {
    const src = releaseSource(1);
    const problems = targets(seed()).flatMap(([where, fp]) => missingFrom(src, fp).map((m) => `${where}: ${m}`));
    expect(problems).toEqual([]);
  });

  it('starts on the first contact of the list', () => {
    const first = /\['(c-\d+)'/.exec(readFileSync(join(DEMO, 'host/shared/core.js'), 'utf8'))?.[1];
    expect(seed().flows[0]!.steps[0]!.target?.href).toBe(`/contacts/${first}`);
  });

  // Release 2 exists to exercise re-finding elements after a redesign; if it stopped differing from
  // release 1 where the seed points, those tests would prove nothing.
  it('differs from release 2 where a redesign would break naive selectors', () => {
    const r1 = releaseSource(1);
    const r2 = releaseSource(2);
    // Only the CRM is redesigned in release 2; the webmail and the ERP grid are the same in both.
    const b = seed();
    const crm = { ...b, guidance: [], features: b.features.filter((f) => matchAny(f.match, 'http://127.0.0.1/deals/new')) };
    for (const [where, fp] of targets(crm)) {
      for (const cls of (fp.classes ?? []).filter((c) => c.startsWith('css-'))) expect(hasToken(r2, cls), `${where} ${cls}`).toBe(false);
      if (fp.id !== undefined) expect(hasLiteral(r2, fp.id), `${where} id ${fp.id}`).toBe(false);
    }
    expect(hasLiteral(r2, 'deal-name')).toBe(false);
    expect(hasLiteral(r2, 'Save deal')).toBe(false);
    // The one control that really disappears.
    expect(hasLiteral(r1, 'Cancel')).toBe(true);
    expect(hasLiteral(r2, 'Cancel')).toBe(false);
  });
});
