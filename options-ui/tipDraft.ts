import type { ElementFingerprint } from '../src/schema/fingerprint';
import { TipSchema, type Tip } from '../src/schema/guidance';
import { fromMarkdown } from '../src/richText/fromMarkdown';
import { toMarkdown } from '../src/richText/toMarkdown';
import type { DocIssue } from '../src/schema/migrate';
import { cleanFingerprint } from './cleanFingerprint';
import { BASE_ORDER, baseToDraft, baseToRaw, checkDoc, newBaseDraft, type GuidanceBaseDraft, type GuidanceCheck } from './guidanceBaseDraft';

export interface TipDraft extends GuidanceBaseDraft {
  kind: 'tip';
  target: ElementFingerprint;
  title: string;
  /** In the authoring syntax of `fromMarkdown`. */
  body: string;
  /** The rules below are kept while validation is off. */
  hasValidation: boolean;
  required: boolean;
  pattern: string;
  maxLength: string;
  message: string;
}

export function newTipDraft(id: string): TipDraft {
  return { ...newBaseDraft(id), kind: 'tip', target: { tag: 'input' }, title: '', body: '', hasValidation: false, required: false, pattern: '', maxLength: '', message: '' };
}

export function tipToDraft(t: Tip): TipDraft {
  const v = t.validation;
  return {
    ...baseToDraft(t),
    kind: 'tip',
    target: t.target,
    title: t.title,
    body: toMarkdown(t.body),
    hasValidation: v !== undefined,
    required: v?.required ?? false,
    pattern: v?.pattern ?? '',
    maxLength: v?.maxLength === undefined ? '' : String(v.maxLength),
    message: v?.message ?? '',
  };
}

const ORDER = [...BASE_ORDER, 'target', 'title', 'body', 'validation', 'audience'];

export function draftToTip(d: TipDraft, takenIds: ReadonlySet<string>, now: string): GuidanceCheck<Tip> {
  const base = baseToRaw('tip', d, takenIds, now);
  const issues: DocIssue[] = [...base.issues];
  let validation: Record<string, unknown> | undefined;
  if (d.hasValidation) {
    const max = d.maxLength.trim();
    const maxLength = max === '' ? undefined : Number(max);
    if (maxLength !== undefined && !Number.isInteger(maxLength)) issues.push({ path: 'validation.maxLength', message: 'enter the maximum length as a whole number of characters' });
    if (!d.required && d.pattern === '' && maxLength === undefined) issues.push({ path: 'validation', message: 'choose at least one rule: required, a pattern or a maximum length' });
    validation = {
      required: d.required,
      ...(d.pattern === '' ? {} : { pattern: d.pattern }),
      ...(maxLength !== undefined && Number.isInteger(maxLength) ? { maxLength } : {}),
      message: d.message,
    };
  }
  const raw = {
    ...base.raw,
    target: cleanFingerprint(d.target),
    title: d.title,
    body: fromMarkdown(d.body),
    ...(validation ? { validation } : {}),
  };
  return checkDoc(TipSchema, raw, issues, ORDER);
}

export function sameTipDraft(a: TipDraft, b: TipDraft): boolean {
  const strip = (d: TipDraft) => JSON.stringify({ ...d, match: d.match.map((m) => m.value) });
  return strip(a) === strip(b);
}
