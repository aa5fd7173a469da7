import { useState } from 'preact/hooks';
import type { InsightsAccessView } from '../../src/messages/insights';
import type { DocIssue } from '../../src/schema/migrate';
import { send } from '../api';
import { Field } from '../Field';

/**
 * Where the champion enters the collector URL (the sync one by default) and a champion token. The
 * background checks the token with the collector before keeping it, and never gives it back.
 */
export function InsightsAccessPanel({ access, onChanged }: { access: InsightsAccessView; onChanged: (v: InsightsAccessView) => void }) {
  const [editing, setEditing] = useState(!access.tokenSet);
  const [serverUrl, setServerUrl] = useState(access.serverUrl ?? '');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<DocIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const issuesOf = (k: string) => issues.filter((i) => i.path === k || i.path === `access.${k}`);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    const r = await send({ type: 'admin/insights/access/set', access: { serverUrl: serverUrl.trim(), ...(token.trim() === '' ? {} : { token: token.trim() }) } });
    setSaving(false);
    if (!r.ok) {
      setError(r.error);
      setIssues(r.issues ?? []);
      return;
    }
    setError(null);
    setIssues([]);
    setToken('');
    setEditing(false);
    onChanged(r.access);
  };

  const forget = async () => {
    const r = await send({ type: 'admin/insights/access/clear' });
    if (!r.ok) return setError(r.error);
    setEditing(true);
    onChanged(r.access);
  };

  return (
    <section class="card" aria-labelledby="access-heading" data-testid="insights-access">
      <h2 id="access-heading" class="section-title">
        Access
      </h2>
      {access.tokenSet && !editing ? (
        <p data-testid="insights-access-status">
          <span aria-hidden="true">✓ </span>
          Reading insights from <span class="mono">{access.effectiveServerUrl ?? '(no collector)'}</span>
          {access.role ? (
            <>
              {' '}
              as <strong>{access.role}</strong> of tenant “{access.tenant}”
            </>
          ) : null}
          . The token is saved and never shown again.{' '}
          <button type="button" class="btn btn-small" onClick={() => setEditing(true)} data-testid="insights-access-change">
            Change
          </button>{' '}
          <button type="button" class="btn btn-small btn-danger-quiet" onClick={() => void forget()} data-testid="insights-access-forget">
            Forget the token
          </button>
        </p>
      ) : (
        <form onSubmit={save} noValidate data-testid="insights-access-form">
          <p class="hint">
            Insights need a <strong>champion</strong> or <strong>admin</strong> token (the sync settings hold an employee token, which can only send events). Ask your collector admin:{' '}
            <code>npm run waymark -- token create --role champion</code>.
          </p>
          {error ? (
            <div class="notice notice-error" role="alert" data-testid="insights-access-error">
              <p class="notice-title">{error}</p>
            </div>
          ) : null}
          <Field
            id="insights-server-url"
            label="Collector URL"
            hint={access.effectiveServerUrl && access.serverUrl === null ? `Leave empty to use the sync collector (${access.effectiveServerUrl}).` : 'The Waymark collector, e.g. https://waymark.example.com.'}
            issues={issuesOf('serverUrl')}
          >
            {(a) => (
              <input
                {...a}
                type="url"
                value={serverUrl}
                placeholder={access.effectiveServerUrl ?? 'https://waymark.example.com'}
                onInput={(e) => setServerUrl(e.currentTarget.value)}
                data-testid="insights-serverUrl"
              />
            )}
          </Field>
          <Field
            id="insights-token"
            label="Champion token"
            hint={access.tokenSet ? 'A token is saved; leave this empty to keep it.' : 'It is checked with the collector, then kept in the extension and never shown again.'}
            issues={issuesOf('token')}
            required={!access.tokenSet}
          >
            {(a) => (
              <input
                {...a}
                type="password"
                autocomplete="off"
                spellcheck={false}
                value={token}
                placeholder={access.tokenSet ? '•••••••• (saved)' : 'wm_…'}
                onInput={(e) => setToken(e.currentTarget.value)}
                data-testid="insights-token"
              />
            )}
          </Field>
          <p>
            <button type="submit" class="btn btn-primary" disabled={saving} data-testid="insights-access-save">
              {saving ? 'Checking…' : 'Check and save'}
            </button>{' '}
            {access.tokenSet ? (
              <button type="button" class="btn" onClick={() => setEditing(false)}>
                Cancel
              </button>
            ) : null}
          </p>
        </form>
      )}
    </section>
  );
}
