import type { ElementFingerprint } from '../src/schema/fingerprint';
import { PromptTemplateSchema, type PromptTemplate } from '../src/schema/guidance';
import type { DocIssue } from '../src/schema/migrate';
import { cleanFingerprint } from './cleanFingerprint';
import { BASE_ORDER, baseToDraft, baseToRaw, checkDoc, newBaseDraft, type GuidanceBaseDraft, type GuidanceCheck } from './guidanceBaseDraft';
import { newId } from './newId';

export interface PromptVariableDraft {
  /** Identity in the UI list only. */
  key: string;
  name: string;
  label: string;
  source: 'selection' | 'element';
  /** Kept while the source is the selection, so switching back restores it. */
  element: ElementFingerprint;
  fallback: string;
}

export interface PromptDraft extends GuidanceBaseDraft {
  kind: 'prompt';
  description: string;
  target: ElementFingerprint;
  template: string;
  variables: PromptVariableDraft[];
}

export function newVariableDraft(name = ''): PromptVariableDraft {
  return { key: newId('v'), name, label: '', source: 'selection', element: { tag: 'input' }, fallback: '' };
}

export function newPromptDraft(id: string): PromptDraft {
  return { ...newBaseDraft(id), kind: 'prompt', description: '', target: { tag: 'textarea' }, template: '', variables: [] };
}

export function promptToDraft(p: PromptTemplate): PromptDraft {
  return {
    ...baseToDraft(p),
    kind: 'prompt',
    description: p.description,
    target: p.target,
    template: p.template,
    variables: p.variables.map((v) => ({
      key: newId('v'),
      name: v.name,
      label: v.label,
      source: v.source.kind,
      element: v.source.kind === 'element' ? v.source.target : { tag: 'input' },
      fallback: v.fallback,
    })),
  };
}

const ORDER = [...BASE_ORDER, 'description', 'target', 'template', 'variables', 'audience'];

export function draftToPrompt(d: PromptDraft, takenIds: ReadonlySet<string>, now: string): GuidanceCheck<PromptTemplate> {
  const base = baseToRaw('prompt', d, takenIds, now);
  const issues: DocIssue[] = [...base.issues];
  const raw = {
    ...base.raw,
    description: d.description,
    target: cleanFingerprint(d.target),
    template: d.template,
    variables: d.variables.map((v) => ({
      name: v.name.trim(),
      label: v.label,
      source: v.source === 'element' ? { kind: 'element', target: cleanFingerprint(v.element) } : { kind: 'selection' },
      fallback: v.fallback,
    })),
  };
  return checkDoc(PromptTemplateSchema, raw, issues, ORDER);
}

export function samePromptDraft(a: PromptDraft, b: PromptDraft): boolean {
  const strip = (d: PromptDraft) => JSON.stringify({ ...d, match: d.match.map((m) => m.value), variables: d.variables.map(({ key: _key, ...v }) => v) });
  return strip(a) === strip(b);
}
