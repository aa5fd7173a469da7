import type { AdvanceKind } from '../schema/flow';

/** What the card says when a step does not advance with Next: shared by the overlay and the preview. */
export const ADVANCE_HINTS: Record<Exclude<AdvanceKind, 'next'>, string> = {
  click: 'Click the highlighted element to continue.',
  input: 'Fill in the highlighted field to continue.',
  elementAppears: 'Continue in the page; this guide moves on by itself.',
  urlChanges: 'Continue in the page; this guide moves on by itself.',
};
