import { useState } from 'preact/hooks';
import type { PublishFlowResponse } from '../src/schema/api';
import type { Flow } from '../src/schema/flow';
import type { DocIssue } from '../src/schema/migrate';
import { send } from './api';
import { FieldErrors } from './Field';
import { useAdminData } from './useAdminData';

/**
 * "Publish to collector": sends the saved flow to the collector (POST /v1/admin/flows, done by the
 * background with the admin token saved under Insights › Access). The collector's published version is
 * what employees' browsers receive and what time saved is measured against (its `baselineMinutes`).
 * Only a saved flow is published, so what the collector holds is what the editor last saved.
 */
export function PublishFlowPanel({ flow, dirty }: { flow: Flow | null; dirty: boolean }) {
  const [access] = useAdminData(async () => {
    const r = await send({ type: 'admin/insights/access/get' });
    return r.ok ? { ok: true as const, value: r.access } : r;
  });
  const [publishing, setPublishing] = useState(false);
  const [result, setResult] = useState<PublishFlowResponse | null>(null);
  const [error, setError] = useState<{ message: string; issues: DocIssue[] } | null>(null);

  if (access.status !== 'ready') return null;
  const a = access.data;
  if (!a.tokenSet || a.role !== 'admin') {
    return (
      <p class="hint" data-testid="publish-unavailable">
        To publish this flow to the collector (so employees receive it, and time saved uses its baseline), save an <strong>admin</strong> token under{' '}
        <a href="#/insights">Insights › Access</a>
        {a.tokenSet ? ` (the saved one is a ${a.role ?? 'unchecked'} token)` : ''}.
      </p>
    );
  }

  const publish = async () => {
    if (flow === null || publishing) return;
    setPublishing(true);
    setResult(null);
    setError(null);
    const r = await send({ type: 'admin/insights/flows/publish', flow });
    setPublishing(false);
    if (!r.ok) return setError({ message: r.error, issues: r.issues ?? [] });
    setResult(r.published);
  };

  const blocked = flow === null ? 'Create the flow first.' : dirty ? 'Save your changes first: the saved flow is what gets published.' : null;
  return (
    <div class="publish-panel" data-testid="publish-panel">
      <button type="button" class="btn" disabled={blocked !== null || publishing} onClick={() => void publish()} aria-describedby="publish-hint" data-testid="publish-flow">
        {publishing ? 'Publishing…' : 'Publish to collector'}
      </button>{' '}
      <span class="muted" id="publish-hint">
        {blocked ?? `to ${a.effectiveServerUrl ?? 'the collector'} (tenant “${a.tenant}”)`}
      </span>
      {result ? (
        <p class="notice notice-ok" role="status" data-testid="publish-result" data-version={result.flow.version}>
          <span aria-hidden="true">✓ </span>
          Published “{result.flow.name}” as version {result.flow.version} on the collector
          {result.flow.baselineMinutes === undefined ? ' (no baseline: time saved will not be shown)' : ` (baseline ${result.flow.baselineMinutes} min)`}.
        </p>
      ) : null}
      {error ? (
        <div class="notice notice-error" role="alert" data-testid="publish-error">
          <p class="notice-title">Not published: {error.message}</p>
          <FieldErrors messages={error.issues.map((i) => `${i.path || '(flow)'}: ${i.message}`)} />
        </div>
      ) : null}
    </div>
  );
}
