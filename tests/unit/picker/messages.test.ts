import { describe, expect, expectTypeOf, it } from 'vitest';
import { PickerResultMessageSchema } from '../../../src/messages/picker';
import { AdminRequestSchemas, ContentRequestSchemas, type RequestType, type Responses } from '../../../src/messages/protocol';

const pick = {
  fingerprint: { tag: 'button', text: 'Create deal', testId: 'create-deal', framePath: [0], shadowPath: ['invoice-card#card'] },
  unambiguous: true,
  confidence: 0.93,
  similar: 1,
  frameUrl: 'http://127.0.0.1:5173/contacts/c-1001',
};

describe('the picker messages', () => {
  it('every request type has a reply type', () => {
    expectTypeOf<RequestType>().toEqualTypeOf<keyof Responses>();
  });

  it('checks the picked fingerprint with the published schema', () => {
    const schema = ContentRequestSchemas['picker/picked'];
    expect(schema.safeParse({ type: 'picker/picked', ...pick }).success).toBe(true);
    expect(schema.safeParse({ type: 'picker/picked', ...pick, fingerprint: { tag: 'Button' } }).success).toBe(false);
    expect(schema.safeParse({ type: 'picker/picked', ...pick, confidence: 1.5 }).success).toBe(false);
    // Strict: a picker cannot smuggle other fields in.
    expect(schema.safeParse({ type: 'picker/picked', ...pick, tabId: 4 }).success).toBe(false);
  });

  it('admin requests carry tab ids, never page data', () => {
    expect(AdminRequestSchemas['admin/picker/start'].safeParse({ type: 'admin/picker/start', tabId: 12, returnTabId: 3 }).success).toBe(true);
    expect(AdminRequestSchemas['admin/picker/start'].safeParse({ type: 'admin/picker/start', tabId: -1 }).success).toBe(false);
    expect(AdminRequestSchemas['admin/picker/cancel'].safeParse({ type: 'admin/picker/cancel' }).success).toBe(true);
  });

  it('parses the result the options page receives, and rejects a malformed one', () => {
    const session = { id: '0193c7a2-5d7e-7cc1-9e4f-3a2b1c0d9e8f', tabId: 7, tabTitle: 'Contacts · Cobalt CRM', startedAt: 1_700_000_000_000 };
    expect(PickerResultMessageSchema.safeParse({ type: 'picker/result', session: { ...session, outcome: { kind: 'picked', pick } } }).success).toBe(true);
    expect(PickerResultMessageSchema.safeParse({ type: 'picker/result', session: { ...session, outcome: { kind: 'cancelled', reason: 'page' } } }).success).toBe(true);
    expect(PickerResultMessageSchema.safeParse({ type: 'picker/result', session: { ...session, outcome: { kind: 'cancelled', reason: 'bored' } } }).success).toBe(false);
    expect(PickerResultMessageSchema.safeParse({ type: 'picker/result', session: { ...session, outcome: { kind: 'picked', pick: { ...pick, fingerprint: {} } } } }).success).toBe(false);
  });
});
