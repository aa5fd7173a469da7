import { uuidv7 } from '../../../src/ids/uuidv7';
import type { NewEvent, WaymarkEvent } from '../../../src/schema/event';

/** Builds valid events at given times for hand-computed metric tests. */
export function eventBuilder(): { at: (userId: string, ts: number, e: NewEvent) => WaymarkEvent; events: WaymarkEvent[] } {
  let n = 0;
  const seqs = new Map<string, number>();
  const events: WaymarkEvent[] = [];
  return {
    events,
    at(userId, ts, e) {
      const seq = (seqs.get(userId) ?? 0) + 1;
      seqs.set(userId, seq);
      const bytes = ++n;
      const ev = { ...e, id: uuidv7(ts, (b) => b.fill(bytes % 256)), seq, ts, userId } as WaymarkEvent;
      events.push(ev);
      return ev;
    },
  };
}

export const T0 = Date.parse('2026-03-02T09:00:00.000Z'); // a Monday
export const MIN = 60_000;
export const DAY = 86_400_000;
