import type { GuidanceKind } from '../src/schema/guidance';

/** How each kind of guidance is named in the options page, and where its pages live. */
export interface GuidanceKindInfo {
  kind: GuidanceKind;
  /** The first segment of its routes: `#/prompts`, `#/prompts/new`, `#/prompts/<id>`. */
  slug: GuidanceSlug;
  /** Navigation and list heading: "Prompt helpers". */
  plural: string;
  /** In sentences: "prompt helper". */
  noun: string;
  /** What it is for, under the list heading. */
  lead: string;
}

export type GuidanceSlug = 'prompts' | 'tips' | 'beacons' | 'checklists';

export const GUIDANCE_INFO: Record<GuidanceKind, GuidanceKindInfo> = {
  prompt: {
    kind: 'prompt',
    slug: 'prompts',
    plural: 'Prompt helpers',
    noun: 'prompt helper',
    lead: 'Prompt templates offered in the AI assistant box of a host app, with variables filled from the page (a field, or what the person selected). Only the template id is recorded, never the text.',
  },
  tip: {
    kind: 'tip',
    slug: 'tips',
    plural: 'Smart tips',
    noun: 'smart tip',
    lead: 'A hint icon beside a field, with guidance on hover and focus, and optionally when the value breaks a rule. Values are checked in the page and never recorded.',
  },
  beacon: {
    kind: 'beacon',
    slug: 'beacons',
    plural: 'Beacons',
    noun: 'beacon',
    lead: 'A pulsing hotspot on something new, shown until the person first uses the feature it points at (or opens the beacon).',
  },
  checklist: {
    kind: 'checklist',
    slug: 'checklists',
    plural: 'Checklists',
    noun: 'checklist',
    lead: 'An onboarding task list. Items complete on real events: a flow finished, a feature used. Never on a click on the item itself.',
  },
};

export const KIND_OF_SLUG: Record<GuidanceSlug, GuidanceKind> = { prompts: 'prompt', tips: 'tip', beacons: 'beacon', checklists: 'checklist' };

/** The kinds in navigation order. */
export const GUIDANCE_ORDER: readonly GuidanceKind[] = ['prompt', 'tip', 'beacon', 'checklist'];
