import type { Flow } from '../src/schema/flow';
import { uniqueId } from './uniqueId';

/**
 * A copy of a flow to start a variant from: a new id, "Copy of …", a draft at version 1 (so it never
 * goes live by accident). Step ids are kept: they only need to be unique within their flow.
 */
export function duplicateFlow(flow: Flow, taken: ReadonlySet<string>, now: string): Flow {
  return {
    ...structuredClone(flow),
    id: uniqueId(`${flow.id.slice(0, 58)}-copy`, taken),
    name: `Copy of ${flow.name}`.slice(0, 200),
    status: 'draft',
    version: 1,
    updatedAt: now,
  };
}
