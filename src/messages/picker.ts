import { z } from 'zod';
import { ElementFingerprintSchema } from '../schema/fingerprint';

/**
 * The element picker's messages and the state the background keeps for it. The options page starts a
 * picker in a host tab; the picker, injected into every frame of that tab, reports one pick (or a
 * cancel); the background stores the outcome in `chrome.storage.session` and forwards it to the
 * extension's pages as a `picker/result`. Only the background talks to the tab.
 */

/** Set by `crypto.randomUUID()` in the background; the options page accepts results for its own id only. */
export const PickerSessionIdSchema = z.string().min(8).max(64);

/** What the picker captured, and how it fares on the page it was captured on. */
export const PickedElementSchema = z.strictObject({
  fingerprint: ElementFingerprintSchema,
  /** `locate` found exactly the picked element on that page, at or above the accept threshold. */
  unambiguous: z.boolean(),
  /** `locate`'s confidence in its best candidate on that page, in [0, 1]. */
  confidence: z.number().min(0).max(1),
  /**
   * Elements on the page, the picked one included, that resemble the fingerprint as closely as the best
   * candidate does (within the matcher's separation window): 1 when nothing rivals the pick.
   */
  similar: z.number().int().min(0).max(100_000),
  /** The address of the frame the element was picked in (the tab's own address outside frames). */
  frameUrl: z.string().max(8192),
});
export type PickedElement = z.infer<typeof PickedElementSchema>;

/**
 * What the admin makes from a pick started in the toolbar popup: once the element is picked, the
 * background opens the options page on a new document of that kind with the element filled in (the
 * popup itself closes as soon as the page gets the focus, so it cannot wait for the pick).
 */
export const PickerNextSchema = z.enum(['flow', 'feature', 'tip', 'prompt', 'beacon']);
export type PickerNext = z.infer<typeof PickerNextSchema>;

/** The options page's list for each kind, in its URL hash (`#/<slug>`). */
export const PICKER_NEXT_SLUG: Record<PickerNext, string> = { flow: 'flows', feature: 'features', tip: 'tips', prompt: 'prompts', beacon: 'beacons' };

/**
 * The options page's hash for a new document of kind `next` made from session `sessionId`'s pick:
 * `#/<slug>/new/pick/<sessionId>` (parsed by options-ui/route.ts).
 */
export function pickedEditorHash(next: PickerNext, sessionId: string): string {
  return `#/${PICKER_NEXT_SLUG[next]}/new/pick/${encodeURIComponent(sessionId)}`;
}

/** Why a picker stopped without a pick. */
export const PickerCancelReasonSchema = z.enum([
  /** The admin pressed Esc or the picker's Cancel button on the page. */
  'page',
  /** The admin cancelled from the options page. */
  'admin',
  /** Another picker was started: only one runs at a time. */
  'replaced',
  /** The tab was closed. */
  'tab-closed',
]);
export type PickerCancelReason = z.infer<typeof PickerCancelReasonSchema>;

export const PickerOutcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('picked'), pick: PickedElementSchema }),
  z.strictObject({ kind: z.literal('cancelled'), reason: PickerCancelReasonSchema }),
]);
export type PickerOutcome = z.infer<typeof PickerOutcomeSchema>;

export const PickerSessionSchema = z.strictObject({
  id: PickerSessionIdSchema,
  tabId: z.number().int().min(0),
  /** The tab's title when the picker started, for "Waiting for you to click an element in …". */
  tabTitle: z.string().max(1024),
  /** Milliseconds since the epoch. */
  startedAt: z.number().int().min(0),
  /** Null while the picker waits for a click. */
  outcome: PickerOutcomeSchema.nullable(),
});
export type PickerSession = z.infer<typeof PickerSessionSchema>;

/**
 * Sent by the background to the extension's pages (`chrome.runtime.sendMessage`) when a session ends.
 * Receivers check that the sender is the extension's own background, then parse with this schema.
 */
export const PickerResultMessageSchema = z.strictObject({
  type: z.literal('picker/result'),
  session: PickerSessionSchema,
});
export type PickerResultMessage = z.infer<typeof PickerResultMessageSchema>;

/** Sent by the background to every frame of the picking tab (`chrome.tabs.sendMessage`): stop picking. */
export interface PickerStopMessage {
  type: 'picker/stop';
}

/** An open web page the picker can start in. */
export interface PickerTab {
  tabId: number;
  windowId: number;
  title: string;
  url: string;
  /** The selected tab of its window. */
  active: boolean;
}

/** Content requests the picker sends (merged into `ContentRequestSchemas`). */
export const PickerContentRequestSchemas = {
  'picker/picked': z.strictObject({ type: z.literal('picker/picked'), ...PickedElementSchema.shape }),
  'picker/cancelled': z.strictObject({ type: z.literal('picker/cancelled') }),
} as const;

/** Admin requests for the picker (merged into `AdminRequestSchemas`). */
export const PickerAdminRequestSchemas = {
  /** The open http(s) tabs, for the admin to choose where to pick. */
  'admin/picker/tabs': z.strictObject({ type: z.literal('admin/picker/tabs') }),
  /**
   * Injects the picker into every frame of `tabId` and brings that tab to the front. A session already
   * running is cancelled (`replaced`). `returnTabId` (the options page's own tab) is brought back to the
   * front once the admin has picked.
   */
  'admin/picker/start': z.strictObject({
    type: z.literal('admin/picker/start'),
    tabId: z.number().int().min(0),
    returnTabId: z.number().int().min(0).optional(),
    /** Started from the toolbar popup: after the pick, open the options page on a new document of this kind. */
    then: PickerNextSchema.optional(),
  }),
  /** Stops the running session (only `sessionId`'s, when given). */
  'admin/picker/cancel': z.strictObject({ type: z.literal('admin/picker/cancel'), sessionId: PickerSessionIdSchema.optional() }),
  /** The current or last session, so a page that missed a `picker/result` can catch up. */
  'admin/picker/status': z.strictObject({ type: z.literal('admin/picker/status') }),
} as const;

