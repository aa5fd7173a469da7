import type { StuckItem } from '../../src/schema/insights';

/**
 * A message a champion can send to the team about a step people give up on. It names the flow, the
 * step and the share of people who stop there, and asks why: never who, and no number of people that
 * would let a reader count a small group.
 */
export function reachTeamMessage(item: StuckItem, scope: { team: string | null; from: string; to: string }): { subject: string; body: string } {
  const flow = item.flowName ?? item.flowId;
  const step = item.stepTitle ?? item.stepId;
  const pct = `${Math.round(item.rate * 100)}%`;
  const who = scope.team === null ? 'Hi everyone' : `Hi ${scope.team} team`;
  const what =
    item.reason === 'target_missing'
      ? `the guide often cannot find what step ${item.stepIndex + 1} “${step}” points at (${pct} of the times it was shown)`
      : `${pct} of the people who reach step ${item.stepIndex + 1} “${step}” stop there`;
  return {
    subject: `“${flow}”: help us fix step ${item.stepIndex + 1}`,
    body:
      `${who},\n\n` +
      `between ${scope.from} and ${scope.to}, in the guide “${flow}”, ${what}.\n\n` +
      `What makes this step hard? Reply to this message, or press “This confused me” on the step next time. ` +
      `Answers are read by the guide's authors only, to improve it.\n`,
  };
}

/** A `mailto:` link with no recipient: the champion chooses whom to send it to in their mail program. */
export function mailtoHref(m: { subject: string; body: string }): string {
  return `mailto:?subject=${encodeURIComponent(m.subject)}&body=${encodeURIComponent(m.body)}`;
}
