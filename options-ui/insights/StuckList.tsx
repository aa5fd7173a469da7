import { useState } from 'preact/hooks';
import type { InsightsScope, StuckItem } from '../../src/schema/insights';
import { routeHref } from '../route';
import { formatRate } from './formatInsight';
import { mailtoHref, reachTeamMessage } from './reachTeamMessage';

/**
 * Where people get stuck, worst first: each step with why it is on the list and what a champion can do
 * (edit the step in the flow editor; reach the team with a message that names no one).
 */
/** `localFlowIds`: the flows stored in this browser (null while loading), which "Edit the step" can open. */
export function StuckList({ items, scope, localFlowIds }: { items: StuckItem[]; scope: InsightsScope; localFlowIds: ReadonlySet<string> | null }) {
  if (items.length === 0) {
    return (
      <p class="empty" data-testid="stuck-empty">
        No step loses people or misses its target often enough to list (each listed step was reached by at least {scope.minGroupSize} people).
      </p>
    );
  }
  return (
    <ol class="stuck-list" data-testid="stuck-list">
      {items.map((it, n) => (
        <StuckRow key={`${it.flowId}/${it.stepId}`} item={it} rank={n + 1} scope={scope} local={localFlowIds === null || localFlowIds.has(it.flowId)} />
      ))}
    </ol>
  );
}

function StuckRow({ item, rank, scope, local }: { item: StuckItem; rank: number; scope: InsightsScope; local: boolean }) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const msg = reachTeamMessage(item, scope);
  const why = item.reason === 'target_missing' ? `target missing ${formatRate(item.missingRate)} of the times shown` : `${formatRate(item.dropRate)} of people stop here`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${msg.subject}\n\n${msg.body}`);
      setCopied('Message copied.');
    } catch {
      setCopied('Copying was refused by the browser: select the text below and copy it.');
    }
  };
  const edit = (
    <a class={`btn btn-small${item.action === 'edit_step' ? ' btn-primary' : ''}`} href={routeHref({ page: 'flow', id: item.flowId, step: item.stepId })} data-testid="stuck-edit">
      Edit the step
    </a>
  );
  const reach = (
    <button type="button" class={`btn btn-small${item.action === 'reach_team' ? ' btn-primary' : ''}`} aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="stuck-reach">
      Reach the team
    </button>
  );
  return (
    <li class="stuck-item" data-testid="stuck-item" data-flow={item.flowId} data-step={item.stepId} data-reason={item.reason}>
      <p class="stuck-head">
        <span class="stuck-rank">#{rank}</span> <strong data-testid="stuck-flow">{item.flowName ?? item.flowId}</strong> ›{' '}
        <span data-testid="stuck-step">
          step {item.stepIndex + 1} “{item.stepTitle ?? item.stepId}”
        </span>
      </p>
      <p class="stuck-why">
        <span class={`tag tag-${item.reason}`}>{item.reason === 'target_missing' ? '⚠ Target missing' : '▼ Drop-off'}</span> {why} · reached by {item.reached} people
      </p>
      <p class="hint">{item.advice}</p>
      <p class="stuck-actions">
        {item.action === 'edit_step' ? (
          <>
            {edit} {reach}
          </>
        ) : (
          <>
            {reach} {edit}
          </>
        )}
      </p>
      {!local ? <p class="hint">This flow is not in this browser's flows yet: import or sync it to edit it here.</p> : null}
      {open ? (
        <div class="reach-team" data-testid="reach-team">
          <label class="field-label" for={`msg-${item.flowId}-${item.stepId}`}>
            A message for the team (it names no one; edit it as you like)
          </label>
          <textarea id={`msg-${item.flowId}-${item.stepId}`} readOnly rows={7} value={`${msg.subject}\n\n${msg.body}`} data-testid="reach-message" />
          <p>
            <button type="button" class="btn btn-small" onClick={() => void copy()}>
              Copy the message
            </button>{' '}
            <a class="btn btn-small" href={mailtoHref(msg)} data-testid="reach-mailto">
              Write an e-mail
            </a>{' '}
            <span role="status">{copied}</span>
          </p>
        </div>
      ) : null}
    </li>
  );
}
