import type { AdvanceKind } from '../src/schema/flow';

export { ADVANCE_HINTS } from '../src/ui/advanceHints';

/** How each way of advancing is explained to the admin in the editor. */
export const ADVANCE_LABELS: Record<AdvanceKind, { label: string; help: string }> = {
  next: { label: 'Next button', help: 'The person reads the step and presses Next.' },
  click: { label: 'Click on the target', help: 'The step moves on when the person clicks the element it points at.' },
  input: { label: 'Input into the target', help: 'The step moves on when the person fills in the field it points at (on change: leaving the field, Enter, or a choice).' },
  elementAppears: { label: 'An element appears', help: 'The step moves on when another element shows up on the page (a dialog, a saved message).' },
  urlChanges: { label: 'The URL changes', help: 'The step moves on when the page address changes; optionally only to a URL matching a pattern.' },
};
