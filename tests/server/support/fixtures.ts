import { randomFillSync } from 'node:crypto';
import { uuidv7 } from '../../../src/ids/uuidv7';
import { EVENT_TYPES, type WaymarkEvent } from '../../../src/schema/event';
import type { FlowInput } from '../../../src/schema/flow';

export const newId = (): string => uuidv7(Date.now(), (b) => randomFillSync(b));

let seq = 0;

/**
 * A valid event of each type in turn (or of `type`), with a fresh id. The switch is exhaustive on
 * purpose: a new event type fails the typecheck here until the tests generate it too.
 */
export function makeEvent(i = 0, type?: WaymarkEvent['type']): WaymarkEvent {
  const base = { id: newId(), seq: ++seq, ts: 1_750_000_000_000 + i, userId: `user-${i % 7}` };
  const flow = { flowId: `flow-${i % 3}`, flowVersion: 1 + (i % 2) };
  const step = { ...flow, stepId: `step-${i % 4}`, stepIndex: i % 4 };
  const t = type ?? EVENT_TYPES[i % EVENT_TYPES.length] ?? 'flow_started';
  switch (t) {
    case 'flow_started':
    case 'flow_completed':
      return { ...base, type: t, ...flow };
    case 'step_shown':
    case 'step_completed':
    case 'step_skipped':
    case 'flow_dismissed':
      return { ...base, type: t, ...step };
    case 'target_missing':
    case 'target_ambiguous':
      return { ...base, type: t, ...step, waitedMs: 8000, confidence: 0.4 };
    case 'feature_used':
      return { ...base, type: t, featureId: `feature-${i % 5}`, firstUse: i % 2 === 0 };
    case 'feature_seen':
    case 'feature_outcome':
      return { ...base, type: t, featureId: `feature-${i % 5}` };
    case 'prompt_used':
      return { ...base, type: t, templateId: `prompt-${i % 3}`, firstUse: i % 2 === 0 };
    case 'prompt_rated':
      return { ...base, type: t, templateId: `prompt-${i % 3}`, rating: i % 2 === 0 ? 'up' : 'down' };
    case 'survey_answered':
      return { ...base, type: t, ...flow, score: 1 + (i % 5) };
    case 'step_confused':
      return { ...base, type: t, ...step };
    case 'content_shown':
      return { ...base, type: t, contentId: `tip-${i % 3}`, contentKind: 'tip' };
  }
}

export function makeEvents(n: number): WaymarkEvent[] {
  return Array.from({ length: n }, (_, i) => makeEvent(i));
}

/** A minimal valid flow document (schema version 2). */
export function makeFlow(id: string, overrides: Partial<FlowInput> = {}): FlowInput {
  return {
    schemaVersion: 2,
    kind: 'flow',
    id,
    name: `Flow ${id}`,
    version: 1,
    status: 'draft',
    match: ['https://app.example.com/*'],
    start: 'auto',
    steps: [
      {
        id: 'hello',
        title: 'Hello',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Welcome.' }] }],
      },
    ],
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}
