import { describe, expect, it } from 'vitest';
import { oldCollectorRefusal } from '../../../background/sync/oldCollectorRefusal';
import { EVENT_TYPES, type WaymarkEvent } from '../../../src/schema/event';

const event: WaymarkEvent = {
  id: '01977420-dc00-7c8a-8a2e-fb1d040f3454',
  seq: 1,
  ts: 1_750_000_000_000,
  userId: 'u-1',
  type: 'content_shown',
  contentId: 'tip-1',
  contentKind: 'tip',
};
/** The message of a collector whose catalogue lacks `without`, as zod 4 words it. */
const expected = (without: string) => `Invalid discriminator value. Expected ${EVENT_TYPES.filter((t) => t !== without).map((t) => `'${t}'`).join(' | ')}`;

describe('reading an older collector’s refusal', () => {
  it('takes an unknown discriminator at the event’s type path, naming types without this one, as not known', () => {
    expect(oldCollectorRefusal(event, 4, [{ path: 'events.4.type', message: expected('content_shown') }])).toEqual({ type: 'content_shown' });
  });

  it('keeps it final when the collector says it expects this very type (the refusal is about something else)', () => {
    expect(oldCollectorRefusal(event, 0, [{ path: 'events.0.type', message: expected('flow_started') }])).toBeNull();
  });

  it('keeps it final when another issue is mixed in, or the path is another field', () => {
    const typeIssue = { path: 'events.0.type', message: expected('content_shown') };
    expect(oldCollectorRefusal(event, 0, [typeIssue, { path: 'events.0.contentId', message: 'too long' }])).toBeNull();
    expect(oldCollectorRefusal(event, 0, [{ path: 'events.0.contentKind', message: expected('content_shown') }])).toBeNull();
    expect(oldCollectorRefusal(event, 0, [{ path: 'events.0.type', message: 'Invalid input' }])).toBeNull();
    expect(oldCollectorRefusal(event, 0, [])).toBeNull();
  });

  it('takes unrecognized keys that are the event’s own fields as not known, listing them', () => {
    expect(oldCollectorRefusal(event, 2, [{ path: 'events.2', message: 'Unrecognized keys: "contentKind", "contentId"' }])).toEqual({
      type: 'content_shown',
      unknownFields: ['contentKind', 'contentId'],
    });
    expect(oldCollectorRefusal(event, 2, [{ path: 'events.2', message: 'Unrecognized key: "source"' }])).toBeNull();
    expect(oldCollectorRefusal(event, 2, [{ path: 'events.2', message: 'Unrecognized key: contentId' }])).toBeNull();
  });

  it('keeps it final for an event this extension’s own schema finds invalid', () => {
    const bad = { ...event, contentId: 'not an id!' };
    expect(oldCollectorRefusal(bad, 0, [{ path: 'events.0.type', message: expected('content_shown') }])).toBeNull();
  });
});
