/**
 * How many people a team has, as the admin's team list shows it: the number only when it is at least
 * the tenant's minimum group size, so the list never says how small a small team is.
 */
export function teamSizeText(members: number, minGroupSize: number): { shown: true; text: string } | { shown: false; text: string } {
  return members >= minGroupSize ? { shown: true, text: members.toLocaleString('en') } : { shown: false, text: `fewer than ${minGroupSize}` };
}
