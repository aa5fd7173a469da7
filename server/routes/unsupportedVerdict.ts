import type { z } from 'zod';
import type { EventResult } from '../../src/schema/api';
import { EventEnvelopeSchema } from '../../src/schema/event';
import { unstorableIssues } from '../store/eventStore';

/**
 * The `unsupported` verdict for an event that failed `WaymarkEventSchema`, when its failure is only
 * that it is newer than this collector: a valid envelope (id, seq, ts, userId, a well-formed type)
 * with a type this collector does not know, or a known type whose only problem is top-level fields
 * it does not know. Null when the event is really invalid (it is then `rejected`, with its issues).
 */
export function unsupportedVerdict(raw: unknown, error: z.ZodError, knownTypes: readonly string[]): Extract<EventResult, { status: 'unsupported' }> | null {
  const envelope = EventEnvelopeSchema.safeParse(raw);
  // Text PostgreSQL could never store is invalid for every collector, old or new.
  if (!envelope.success || unstorableIssues(raw, []).length > 0) return null;
  const { id, type } = envelope.data;
  if (!knownTypes.includes(type)) return { id, status: 'unsupported', type };
  const unknownFields: string[] = [];
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys' || issue.path.length !== 0) return null;
    unknownFields.push(...issue.keys);
  }
  return unknownFields.length > 0 ? { id, status: 'unsupported', type, unknownFields } : null;
}
