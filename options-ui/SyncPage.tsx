import { useEffect, useState } from 'preact/hooks';
import type { SyncSettingsView, SyncStatus } from '../src/messages/protocol';
import { send } from './api';
import { ErrorNotice, Loading } from './Status';
import { SyncSettingsForm } from './SyncSettingsForm';
import { SyncStatusPanel } from './SyncStatusPanel';
import { useAdminData } from './useAdminData';
import './sync.css';

/** How often the status refreshes while the page is open. */
const STATUS_POLL_MS = 3_000;

/** `#/sync`: where this browser sends its events, and how that is going. */
export function SyncPage() {
  const [settings, reloadSettings] = useAdminData(async () => {
    const r = await send({ type: 'admin/sync/config/get' });
    return r.ok ? { ok: true as const, value: r.settings } : r;
  });
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [syncing, setSyncing] = useState(false);

  const refreshStatus = async () => {
    const r = await send({ type: 'admin/sync/status' });
    if (r.ok) {
      setStatus(r.status);
      setStatusError(null);
    } else setStatusError(r.error);
  };

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await refreshStatus();
      if (live) timer = setTimeout(() => void tick(), STATUS_POLL_MS);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);

  const syncNow = async () => {
    setSyncing(true);
    const r = await send({ type: 'admin/sync/now' });
    setSyncing(false);
    if (r.ok) setStatus(r.status);
    else setStatusError(r.error);
  };

  const onSettingsChanged = (_v: SyncSettingsView) => {
    void refreshStatus();
  };

  return (
    <section data-testid="sync-page">
      <div class="page-head">
        <h1 tabIndex={-1}>Sync</h1>
        <button type="button" class="btn" onClick={() => void syncNow()} disabled={syncing || status?.state === 'unconfigured'} data-testid="sync-now">
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      <p class="lead">
        Send this browser's events to your Waymark collector, and receive the flows your admins publish there. Events stay in this browser until the collector confirms it has
        them.
      </p>

      <section class="card" aria-labelledby="sync-status-heading">
        <h2 id="sync-status-heading" class="section-title">
          Status
        </h2>
        {statusError ? <ErrorNotice title="The sync status could not be loaded." message={statusError} onRetry={() => void refreshStatus()} /> : null}
        {status ? <SyncStatusPanel status={status} /> : statusError ? null : <Loading label="Loading the sync status…" />}
      </section>

      <section class="card" aria-labelledby="sync-settings-heading">
        <h2 id="sync-settings-heading" class="section-title">
          Settings
        </h2>
        {settings.status === 'loading' ? <Loading label="Loading the sync settings…" /> : null}
        {settings.status === 'error' ? <ErrorNotice title="The sync settings could not be loaded." message={settings.error} onRetry={reloadSettings} /> : null}
        {settings.status === 'ready' ? (
          <>
            {!settings.data.configured && settings.data.issues.length > 0 && settings.data.managed.length > 0 ? (
              <div class="notice notice-error" role="alert">
                <p class="notice-title">The settings from your organization are incomplete or invalid, so sync is off:</p>
                <ul class="issue-list">
                  {settings.data.issues.map((i, n) => (
                    <li key={n}>
                      {i.path}: {i.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <SyncSettingsForm view={settings.data} onChanged={onSettingsChanged} />
          </>
        ) : null}
      </section>
    </section>
  );
}
