import type { ApiIssue } from '../../src/schema/api';
import { WaymarkEventSchema, type WaymarkEvent } from '../../src/schema/event';

/** What a collector did not know about an event: its type, or fields of a type it knows. */
export interface NotKnown {
  type: string;
  unknownFields?: string[];
}

/*
 * The exact messages a collector from before the `unsupported` verdict puts in its `rejected` issues
 * (zod 4's English messages, through `zodIssues`): for a type outside its discriminated union,
 * `events.<i>.type: Invalid discriminator value. Expected 'flow_started' | 'step_shown' | ...`; for a
 * field its strict object does not have, `events.<i>: Unrecognized key: "source"` (or `keys: "a", "b"`).
 * `tests/server/unsupportedEvents.test.ts` checks them against the server's answer to a client that
 * does not list `unsupported`, which is that older answer unchanged.
 */
const UNKNOWN_TYPE = /^Invalid discriminator value\. Expected ((?:'[^']*'(?: \| )?)+)$/;
const UNKNOWN_KEYS = /^Unrecognized keys?: (.+)$/;

function expectedTypes(list: string): string[] {
  return [...list.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
}

function keyNames(list: string): string[] | null {
  const names: string[] = [];
  for (const part of list.split(', ')) {
    try {
      const name: unknown = JSON.parse(part);
      if (typeof name !== 'string') return null;
      names.push(name);
    } catch {
      return null;
    }
  }
  return names;
}

/**
 * Reads a `rejected` verdict on `event` (sent at `index` of its batch) as an older collector's way of
 * saying it does not know the event's type or some of its fields, or null when the refusal is
 * anything else. Only an event valid by this extension's own schema qualifies: then the disagreement
 * is the collector's age, not the event. Every issue must be of the one kind, and name this event's
 * own type (absent from the list the collector says it expects) or own fields, so a real problem
 * mixed in keeps the verdict final.
 */
export function oldCollectorRefusal(event: WaymarkEvent, index: number, issues: readonly ApiIssue[]): NotKnown | null {
  if (issues.length === 0 || !WaymarkEventSchema.safeParse(event).success) return null;
  const at = `events.${index}`;
  const typeIssues = issues.map((i) => (i.path === `${at}.type` ? UNKNOWN_TYPE.exec(i.message) : null));
  if (typeIssues.every((m) => m !== null)) {
    const known = typeIssues.flatMap((m) => expectedTypes(m[1] ?? ''));
    return known.length > 0 && !known.includes(event.type) ? { type: event.type } : null;
  }
  const fields: string[] = [];
  for (const i of issues) {
    const m = i.path === at ? UNKNOWN_KEYS.exec(i.message) : null;
    const names = m ? keyNames(m[1] ?? '') : null;
    if (!names || !names.every((n) => Object.hasOwn(event, n))) return null;
    fields.push(...names);
  }
  return { type: event.type, unknownFields: fields };
}
