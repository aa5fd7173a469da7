import { FLOW_SCHEMA_VERSION, type AdvanceKind, type Flow, type FlowStart, type Placement, type Step } from '../src/schema/flow';
import type { ElementFingerprint } from '../src/schema/fingerprint';
import { readFlow, type DocIssue } from '../src/schema/migrate';
import { fromMarkdown } from '../src/richText/fromMarkdown';
import { toMarkdown } from '../src/richText/toMarkdown';
import { cleanFingerprint } from './cleanFingerprint';
import { newId } from './newId';

/**
 * A flow as the form edits it: text where the admin types (the body as authoring syntax, the timeout
 * as typed), and every choice kept while it is switched off (a target, the element an `elementAppears`
 * step waits for), so that toggling back restores it. `draftToFlow` turns it into a document and
 * validates it with the schema, with issue paths of the document (`steps.2.title`).
 */
export interface StepDraft {
  /** Identity in the UI list only: survives reordering and id edits. */
  key: string;
  id: string;
  title: string;
  body: string;
  placement: Placement;
  hasTarget: boolean;
  target: ElementFingerprint;
  advance: AdvanceKind;
  appears: ElementFingerprint;
  urlTo: string;
  skippable: boolean;
  timeoutMs: string;
  page: string;
}

export interface PatternEntry {
  key: string;
  value: string;
}

/** The micro-survey after the flow; question and comment choice are kept while it is off. */
export interface SurveyDraft {
  enabled: boolean;
  question: string;
  allowComment: boolean;
}

export const DEFAULT_SURVEY_QUESTION = 'How helpful was this guide?';

export interface FlowDraft {
  isNew: boolean;
  id: string;
  name: string;
  description: string;
  status: Flow['status'];
  start: FlowStart;
  match: PatternEntry[];
  steps: StepDraft[];
  survey: SurveyDraft;
  version: number;
  /** Minutes the task takes without guidance, as typed; empty: no baseline (no time saved shown). */
  baselineMinutes: string;
}

export const DEFAULT_TIMEOUT_MS = 8000;

export const patternEntry = (value: string): PatternEntry => ({ key: newId('p'), value });

export function newStepDraft(): StepDraft {
  return {
    key: newId('k'),
    id: newId('step'),
    title: '',
    body: '',
    placement: 'auto',
    hasTarget: false,
    target: { tag: 'button' },
    advance: 'next',
    appears: { tag: 'div' },
    urlTo: '',
    skippable: true,
    timeoutMs: String(DEFAULT_TIMEOUT_MS),
    page: '',
  };
}

export function newFlowDraft(id: string): FlowDraft {
  return {
    isNew: true,
    id,
    name: '',
    description: '',
    status: 'draft',
    start: 'auto',
    match: [patternEntry('')],
    steps: [newStepDraft()],
    survey: { enabled: false, question: DEFAULT_SURVEY_QUESTION, allowComment: true },
    version: 1,
    baselineMinutes: '',
  };
}

function stepToDraft(s: Step): StepDraft {
  return {
    key: newId('k'),
    id: s.id,
    title: s.title,
    body: toMarkdown(s.body),
    placement: s.placement,
    hasTarget: s.target !== undefined,
    target: s.target ?? { tag: 'button' },
    advance: s.advance.kind,
    appears: s.advance.kind === 'elementAppears' ? s.advance.target : { tag: 'div' },
    urlTo: s.advance.kind === 'urlChanges' ? (s.advance.to ?? '') : '',
    skippable: s.skippable,
    timeoutMs: String(s.timeoutMs),
    page: s.page ?? '',
  };
}

export function flowToDraft(flow: Flow): FlowDraft {
  return {
    isNew: false,
    id: flow.id,
    name: flow.name,
    description: flow.description,
    status: flow.status,
    start: flow.start,
    match: flow.match.map(patternEntry),
    steps: flow.steps.map(stepToDraft),
    survey: flow.survey ? { enabled: true, ...flow.survey } : { enabled: false, question: DEFAULT_SURVEY_QUESTION, allowComment: true },
    version: flow.version,
    baselineMinutes: flow.baselineMinutes === undefined ? '' : String(flow.baselineMinutes),
  };
}

function advanceOf(s: StepDraft): unknown {
  switch (s.advance) {
    case 'elementAppears':
      return { kind: 'elementAppears', target: cleanFingerprint(s.appears) };
    case 'urlChanges':
      return s.urlTo.trim() === '' ? { kind: 'urlChanges' } : { kind: 'urlChanges', to: s.urlTo.trim() };
    default:
      return { kind: s.advance };
  }
}

/** The document the draft describes, unvalidated, plus the problems only the form can see. */
export function draftToRaw(d: FlowDraft, now: string): { raw: Record<string, unknown>; issues: DocIssue[] } {
  const issues: DocIssue[] = [];
  const steps = d.steps.map((s, i) => {
    const timeout = s.timeoutMs.trim() === '' ? DEFAULT_TIMEOUT_MS : Number(s.timeoutMs);
    if (!Number.isInteger(timeout)) issues.push({ path: `steps.${i}.timeoutMs`, message: 'enter a whole number of milliseconds' });
    return {
      id: s.id,
      ...(s.hasTarget ? { target: cleanFingerprint(s.target) } : {}),
      ...(s.page.trim() === '' ? {} : { page: s.page.trim() }),
      title: s.title,
      body: fromMarkdown(s.body),
      placement: s.placement,
      advance: advanceOf(s),
      skippable: s.skippable,
      timeoutMs: Number.isInteger(timeout) ? timeout : DEFAULT_TIMEOUT_MS,
    };
  });
  const baselineText = d.baselineMinutes.trim();
  const baseline = baselineText === '' ? undefined : Number(baselineText.replace(',', '.'));
  if (baseline !== undefined && !Number.isFinite(baseline)) issues.push({ path: 'baselineMinutes', message: 'enter a number of minutes, or leave it empty' });
  const raw = {
    schemaVersion: FLOW_SCHEMA_VERSION,
    kind: 'flow',
    id: d.id.trim(),
    name: d.name,
    description: d.description,
    version: d.version,
    status: d.status,
    match: d.match.map((m) => m.value.trim()),
    start: d.start,
    steps,
    ...(baseline === undefined || !Number.isFinite(baseline) ? {} : { baselineMinutes: baseline }),
    ...(d.survey.enabled ? { survey: { question: d.survey.question, allowComment: d.survey.allowComment } } : {}),
    updatedAt: now,
  };
  return { raw, issues };
}

export type DraftCheck = { ok: true; flow: Flow } | { ok: false; issues: DocIssue[] };

/**
 * Validates the draft as the background will: with the flow schema (through `readFlow`), plus the
 * form's own checks. `takenIds` are the ids of the other stored flows, for a new flow's id.
 */
export function draftToFlow(d: FlowDraft, takenIds: ReadonlySet<string>, now: string): DraftCheck {
  const { raw, issues } = draftToRaw(d, now);
  if (d.isNew && takenIds.has(d.id.trim())) issues.unshift({ path: 'id', message: 'another flow already has this id' });
  const r = readFlow(raw, now);
  const all = [...issues, ...(r.ok ? [] : r.issues)];
  if (all.length > 0 || !r.ok) return { ok: false, issues: all };
  return { ok: true, flow: r.value };
}

/** Whether two drafts describe the same document (keys and UI-only state aside). */
export function sameDraft(a: FlowDraft, b: FlowDraft): boolean {
  const strip = (d: FlowDraft) => JSON.stringify({ ...d, match: d.match.map((m) => m.value), steps: d.steps.map(({ key: _key, ...s }) => s) });
  return strip(a) === strip(b);
}
