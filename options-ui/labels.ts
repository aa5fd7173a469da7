import type { EventType } from '../src/schema/event';
import type { FeatureUse, FlowStart } from '../src/schema/flow';

/** Words shown to admins for the closed sets of the schema, in one place. */

export const START_MODES: { value: FlowStart; label: string; help: string }[] = [
  { value: 'auto', label: 'Automatically', help: 'Starts by itself the first time a person visits a matching page.' },
  { value: 'launcher', label: 'From the launcher', help: 'Listed in the self-help launcher; people start it when they want.' },
  { value: 'manual', label: 'Manually, by link', help: 'Starts only from a link carrying ?waymark-flow=<id> (or from the launcher).' },
];

export const START_LABELS: Record<FlowStart, string> = { auto: 'Automatically', launcher: 'From the launcher', manual: 'Manually (link)' };

export const USE_MODES: { value: FeatureUse; label: string; help: string }[] = [
  { value: 'click', label: 'A click', help: 'Each click on the element counts as a use.' },
  { value: 'input', label: 'An input', help: 'Changing the value of the field counts as a use (what is typed is never recorded).' },
  { value: 'submit', label: 'A submit', help: 'Submitting the form the element belongs to counts as a use.' },
];

export const EVENT_LABELS: Record<EventType, string> = {
  flow_started: 'Flow started',
  step_shown: 'Step shown',
  step_completed: 'Step completed',
  step_skipped: 'Step skipped',
  flow_completed: 'Flow completed',
  flow_dismissed: 'Flow dismissed',
  target_missing: 'Target missing',
  target_ambiguous: 'Target ambiguous',
  feature_used: 'Feature used',
  feature_seen: 'Feature first seen',
  feature_outcome: 'Feature outcome',
  prompt_used: 'Prompt used',
  prompt_rated: 'Prompt rated',
  survey_answered: 'Survey answered',
  step_confused: 'Step confused someone',
  content_shown: 'Guidance shown',
};
