import { useState } from 'preact/hooks';
import type { SyncSettingsView } from '../src/messages/protocol';
import type { SyncSettingKey } from '../src/schema/config';
import type { DocIssue } from '../src/schema/migrate';
import { send } from './api';
import { useApp, useUnsavedGuard } from './appContext';
import { ConfirmDialog } from './ConfirmDialog';
import { Field, type FieldA11y } from './Field';
import { draftFromView, inputFromDraft, type SyncDraft } from './syncDraft';

type TestState = { kind: 'idle' } | { kind: 'working' } | { kind: 'ok'; text: string } | { kind: 'error'; text: string };

const NUMBER_FIELDS: { key: 'retentionDays' | 'maxQueuedEvents' | 'syncIntervalSeconds' | 'requestTimeoutSeconds'; label: string; hint: string; min: number; max: number }[] = [
  { key: 'retentionDays', label: 'Keep sent events for (days)', hint: 'Events already sent are deleted from this browser after this many days.', min: 1, max: 365 },
  { key: 'maxQueuedEvents', label: 'Queue limit (events)', hint: 'The most unsent events kept while the collector cannot be reached; newer ones are dropped and counted.', min: 100, max: 1_000_000 },
  { key: 'syncIntervalSeconds', label: 'Sync every (seconds)', hint: 'How often events are sent and published flows fetched.', min: 1, max: 86_400 },
  { key: 'requestTimeoutSeconds', label: 'Request timeout (seconds)', hint: 'A request not answered within this time is abandoned and retried later.', min: 1, max: 300 },
];

function ManagedNote({ on }: { on: boolean }) {
  return on ? <span class="managed-note">Managed by your organization</span> : null;
}

/** The sync settings form. Keys set by policy are shown read-only; the token is never shown, only replaced. */
export function SyncSettingsForm({ view: initial, onChanged }: { view: SyncSettingsView; onChanged: (v: SyncSettingsView) => void }) {
  const { flash } = useApp();
  // What the background last said about the settings: it changes with every save or disconnect.
  const [view, setView] = useState(initial);
  const [draft, setDraft] = useState<SyncDraft>(() => draftFromView(view));
  const [saved, setSaved] = useState<SyncDraft>(() => draftFromView(view));
  const [issues, setIssues] = useState<DocIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const [confirmClear, setConfirmClear] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  useUnsavedGuard(dirty);

  const managed = (k: SyncSettingKey) => view.managed.includes(k);
  const issuesOf = (k: SyncSettingKey) => issues.filter((i) => i.path === k || i.path.startsWith(`${k}.`));
  const set = (patch: Partial<SyncDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const applyView = (v: SyncSettingsView) => {
    const d = draftFromView(v);
    setView(v);
    setDraft(d);
    setSaved(d);
    onChanged(v);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    const r = await send({ type: 'admin/sync/config/set', settings: inputFromDraft(draft, view.managed) });
    setSaving(false);
    if (!r.ok) {
      // Issues found by the message check name `settings.<key>`; the fields are named `<key>`.
      setIssues((r.issues ?? []).map((i) => ({ ...i, path: i.path.replace(/^settings\./, '') })));
      setError(r.error);
      return;
    }
    setIssues([]);
    setError(null);
    applyView(r.settings);
    flash('Sync settings saved. Sync starts now.');
  };

  const testConnection = async () => {
    setTest({ kind: 'working' });
    const r = await send({
      type: 'admin/sync/test',
      ...(draft.serverUrl.trim() === '' ? {} : { serverUrl: draft.serverUrl.trim() }),
      ...(draft.token.trim() === '' ? {} : { token: draft.token.trim() }),
    });
    setTest(
      r.ok
        ? { kind: 'ok', text: `Connected: tenant “${r.whoami.tenant}”, role ${r.whoami.role}${r.whoami.role === 'employee' ? '' : ' (an employee token is enough for sync)'}.` }
        : { kind: 'error', text: r.issues?.length ? `${r.error} ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` : r.error },
    );
  };

  const clear = async () => {
    setConfirmClear(false);
    const r = await send({ type: 'admin/sync/config/clear' });
    if (!r.ok) return setError(r.error);
    applyView(r.settings);
    flash('Sync settings removed. Events stay in this browser.');
  };

  const text = (k: 'userId' | 'team', a: FieldA11y) => (
    <input
      {...a}
      type="text"
      value={draft[k]}
      disabled={managed(k)}
      onInput={(e) => set({ [k]: e.currentTarget.value })}
      data-testid={`sync-${k}`}
    />
  );

  return (
    <form onSubmit={save} noValidate data-testid="sync-form">
      {view.managed.length > 0 ? (
        <p class="notice" data-testid="sync-managed-note">
          Some of these settings are managed by your organization and cannot be changed here.
        </p>
      ) : null}
      {error ? (
        <div class="notice notice-error" role="alert" data-testid="sync-save-error">
          <p class="notice-title">{error}</p>
          {issues.length > 0 ? (
            <ul class="issue-list">
              {issues.map((i, n) => (
                <li key={n}>
                  {i.path}: {i.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <Field id="sync-server-url" label={<>Collector URL <ManagedNote on={managed('serverUrl')} /></>} hint="The Waymark collector, e.g. https://waymark.example.com." issues={issuesOf('serverUrl')} required>
        {(a) => (
          <input
            {...a}
            type="url"
            value={draft.serverUrl}
            disabled={managed('serverUrl')}
            placeholder="https://waymark.example.com"
            autocomplete="url"
            onInput={(e) => set({ serverUrl: e.currentTarget.value })}
            data-testid="sync-serverUrl"
          />
        )}
      </Field>

      <Field
        id="sync-token"
        label={<>Token <ManagedNote on={managed('token')} /></>}
        hint={
          managed('token')
            ? 'Set by policy.'
            : view.tokenSet
              ? 'A token is saved; it is never shown again. Type a new one to replace it, or leave this empty to keep it.'
              : 'An employee token from your collector admin (npm run waymark -- token create --role employee).'
        }
        issues={issuesOf('token')}
        required={!view.tokenSet}
      >
        {(a) => (
          <input
            {...a}
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={draft.token}
            disabled={managed('token')}
            placeholder={view.tokenSet ? '•••••••• (saved)' : 'wm_…'}
            onInput={(e) => set({ token: e.currentTarget.value })}
            data-testid="sync-token"
          />
        )}
      </Field>

      <fieldset class="group" disabled={managed('userIdSource')}>
        <legend>
          User id sent with events <ManagedNote on={managed('userIdSource')} />
        </legend>
        <div class="choice">
          <input type="radio" id="sync-uid-random" name="userIdSource" checked={draft.userIdSource === 'random'} onChange={() => set({ userIdSource: 'random' })} aria-describedby="sync-uid-random-help" />
          <label for="sync-uid-random">Random, per browser</label>
          <p class="hint" id="sync-uid-random-help">
            A random id made once for this browser profile. It says nothing about who the person is.
          </p>
        </div>
        <div class="choice">
          <input type="radio" id="sync-uid-managed" name="userIdSource" checked={draft.userIdSource === 'managed'} onChange={() => set({ userIdSource: 'managed' })} aria-describedby="sync-uid-managed-help" />
          <label for="sync-uid-managed">Given by your organization</label>
          <p class="hint" id="sync-uid-managed-help">
            A pseudonymous id (such as an employee number, never a name or an e-mail address), usually set by policy, so one person's browsers count as one user.
          </p>
        </div>
        {draft.userIdSource === 'managed' ? (
          <Field id="sync-user-id" label={<>User id <ManagedNote on={managed('userId')} /></>} issues={issuesOf('userId')} required>
            {(a) => text('userId', a)}
          </Field>
        ) : null}
      </fieldset>

      <Field id="sync-team" label={<>Team <ManagedNote on={managed('team')} /></>} hint="Optional: a label for this browser's team or department." issues={issuesOf('team')}>
        {(a) => text('team', a)}
      </Field>

      <details class="advanced">
        <summary>Advanced</summary>
        <div class="grid-2">
          {NUMBER_FIELDS.map((f) => (
            <Field key={f.key} id={`sync-${f.key}`} label={<>{f.label} <ManagedNote on={managed(f.key)} /></>} hint={f.hint} issues={issuesOf(f.key)}>
              {(a) => (
                <input
                  {...a}
                  type="number"
                  min={f.min}
                  max={f.max}
                  step={1}
                  value={draft[f.key]}
                  disabled={managed(f.key)}
                  onInput={(e) => set({ [f.key]: e.currentTarget.value })}
                  data-testid={`sync-${f.key}`}
                />
              )}
            </Field>
          ))}
        </div>
      </details>

      <div class="row sync-actions">
        <button type="submit" class="btn btn-primary" disabled={saving} data-testid="sync-save">
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" class="btn" onClick={() => void testConnection()} disabled={test.kind === 'working'} data-testid="sync-test">
          {test.kind === 'working' ? 'Testing…' : 'Test connection'}
        </button>
        {view.tokenSet && !managed('token') ? (
          <button type="button" class="btn btn-danger-quiet" onClick={() => setConfirmClear(true)} data-testid="sync-clear">
            Disconnect…
          </button>
        ) : null}
      </div>
      <div role="status" aria-live="polite" data-testid="sync-test-result" data-result={test.kind}>
        {test.kind === 'ok' ? <p class="notice notice-ok">✓ {test.text}</p> : null}
        {test.kind === 'error' ? <p class="notice notice-error">⚠ {test.text}</p> : null}
      </div>

      <ConfirmDialog open={confirmClear} title="Disconnect from the collector?" confirmLabel="Disconnect" onConfirm={() => void clear()} onCancel={() => setConfirmClear(false)}>
        <p>The saved collector URL and token are removed from this browser. Events not yet sent stay here, and are sent when sync is set up again.</p>
      </ConfirmDialog>
    </form>
  );
}
