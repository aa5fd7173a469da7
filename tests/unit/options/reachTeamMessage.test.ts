import { describe, expect, it } from 'vitest';
import { mailtoHref, reachTeamMessage } from '../../../options-ui/insights/reachTeamMessage';
import type { StuckItem } from '../../../src/schema/insights';

const item: StuckItem = {
  flowId: 'crm-onboarding',
  flowName: 'CRM onboarding',
  stepId: 'add-contact',
  stepIndex: 2,
  stepTitle: 'Add the contact',
  reason: 'drop_off',
  rate: 0.4567,
  reached: 37,
  dropRate: 0.4567,
  missingRate: 0.01,
  action: 'reach_team',
  advice: 'Explain the task',
};

describe('reachTeamMessage', () => {
  it('names the flow, the step and the share that stops, without counting people', () => {
    const m = reachTeamMessage(item, { team: 'Sales', from: '2026-01-05', to: '2026-02-01' });
    expect(m.subject).toBe('“CRM onboarding”: help us fix step 3');
    expect(m.body).toContain('Hi Sales team');
    expect(m.body).toContain('46% of the people who reach step 3 “Add the contact” stop there');
    expect(m.body).not.toContain('37');
  });

  it('speaks of the guide when the target goes missing, and falls back to ids', () => {
    const m = reachTeamMessage({ ...item, reason: 'target_missing', flowName: null, stepTitle: null, rate: 0.9 }, { team: null, from: 'a', to: 'b' });
    expect(m.body).toContain('Hi everyone');
    expect(m.body).toContain('“crm-onboarding”');
    expect(m.body).toContain('cannot find what step 3 “add-contact” points at (90% of the times it was shown)');
  });

  it('makes a mailto link without a recipient, fully encoded', () => {
    const href = mailtoHref({ subject: 'a & b', body: 'line 1\nline 2' });
    expect(href).toBe('mailto:?subject=a%20%26%20b&body=line%201%0Aline%202');
  });
});
