import { useState } from 'preact/hooks';
import type { InsightsAccessView } from '../../src/messages/insights';
import type { AdminTeamListResponse } from '../../src/schema/insights';
import { send } from '../api';
import { Field } from '../Field';
import { ErrorNotice, Loading } from '../Status';
import { useAdminData } from '../useAdminData';
import { parseTeamCsv, type TeamCsvProblem } from './parseTeamCsv';
import { teamSizeText } from './teamSizeText';

const FIELD_NAMES: Record<TeamCsvProblem['field'], string> = { userId: 'user id', team: 'team', row: 'line' };

/**
 * Teams administration (admin token only): map pseudonymous user ids to teams from a `userId,team`
 * CSV, and set the tenant's minimum group size. A champion token sees why it cannot, and nothing else.
 */
export function TeamsAdminPanel({ access, onChanged }: { access: InsightsAccessView; /** A mapping or the minimum group size was saved. */ onChanged?: () => void }) {
  return (
    <section class="card" aria-labelledby="teams-admin-heading" data-testid="teams-admin">
      <h2 id="teams-admin-heading" class="section-title">
        Teams and privacy
      </h2>
      {access.role === 'admin' ? (
        <TeamsAdminBody onChanged={onChanged} />
      ) : (
        <p class="notice" data-testid="teams-admin-readonly">
          Mapping people to teams and the minimum group size need an <strong>admin</strong> token; the saved token is a {access.role ?? 'unchecked'} token, which can read insights only. Ask
          your collector admin, or save an admin token under Access (<code>npm run waymark -- token create --role admin</code>).
        </p>
      )}
    </section>
  );
}

function TeamsAdminBody({ onChanged }: { onChanged: (() => void) | undefined }) {
  const [loaded, reload] = useAdminData(async () => {
    const r = await send({ type: 'admin/insights/teams/get' });
    return r.ok ? { ok: true as const, value: r.teams } : r;
  });
  const [fresh, setFresh] = useState<AdminTeamListResponse | null>(null);
  const teams = fresh ?? (loaded.status === 'ready' ? loaded.data : null);
  return (
    <>
      {loaded.status === 'loading' ? <Loading label="Loading the teams…" /> : null}
      {loaded.status === 'error' ? <ErrorNotice title="The teams could not be loaded." message={loaded.error} onRetry={reload} /> : null}
      {teams ? <TeamSizes teams={teams} /> : null}
      <TeamMappingForm
        onSaved={(t) => {
          setFresh(t);
          onChanged?.();
        }}
      />
      {teams ? (
        <MinGroupSizeForm
          current={teams.minGroupSize}
          onSaved={(minGroupSize) => {
            setFresh({ ...teams, minGroupSize });
            onChanged?.();
          }}
        />
      ) : null}
    </>
  );
}

/** Team sizes, each shown only at or above the minimum group size (members are never listed). */
function TeamSizes({ teams }: { teams: AdminTeamListResponse }) {
  const min = teams.minGroupSize;
  const unassigned = teamSizeText(teams.unassigned, min);
  return (
    <>
      <table class="table" data-testid="team-sizes">
        <caption>People per team (a team with fewer than {min} people shows no number)</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col" class="num">
              People
            </th>
            <th scope="col" class="num">
              Of them mapped here
            </th>
          </tr>
        </thead>
        <tbody>
          {teams.teams.length === 0 ? (
            <tr>
              <td colSpan={3} class="empty">
                No team yet: no browser reported one and no one was mapped.
              </td>
            </tr>
          ) : null}
          {teams.teams.map((t) => {
            const size = teamSizeText(t.members, min);
            return (
              <tr key={t.team} data-row={t.team}>
                <th scope="row">{t.team}</th>
                <td class="num" data-col="members">
                  {size.text}
                </td>
                <td class="num" data-col="mapped">
                  {size.shown ? t.mappedByAdmin.toLocaleString('en') : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="hint" data-testid="team-unassigned">
        People with events but no team: {unassigned.text}.
      </p>
    </>
  );
}

function TeamMappingForm({ onSaved }: { onSaved: (t: AdminTeamListResponse) => void }) {
  const [csv, setCsv] = useState('');
  const [problems, setProblems] = useState<TeamCsvProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const readFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setCsv(await file.text());
    setProblems([]);
    setSaved(null);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    setError(null);
    const parsed = parseTeamCsv(csv);
    if (!parsed.ok) return setProblems(parsed.problems);
    setProblems([]);
    setSaving(true);
    const r = await send({ type: 'admin/insights/teams/assign', assignments: parsed.assignments });
    setSaving(false);
    if (!r.ok) {
      // The collector's errors name `assignments.<i>.<field>`: shown at the line they came from.
      const byLine = (r.issues ?? []).flatMap((i): TeamCsvProblem[] => {
        const m = /^assignments\.(\d+)\.(userId|team)$/.exec(i.path);
        const line = m ? parsed.lines[Number(m[1])] : undefined;
        return m && line !== undefined ? [{ line, field: m[2] === 'team' ? 'team' : 'userId', message: i.message }] : [];
      });
      setProblems(byLine);
      return setError(`Nothing saved: ${r.error}`);
    }
    const removed = parsed.removed > 0 ? `, ${parsed.removed} of them back to the team their browser reports` : '';
    setSaved(`Saved ${r.updated} ${r.updated === 1 ? 'assignment' : 'assignments'}${removed}.`);
    onSaved(r.teams);
  };

  return (
    <form class="subsection" onSubmit={save} noValidate data-testid="team-mapping-form" aria-labelledby="team-mapping-heading">
      <h3 id="team-mapping-heading" class="subsection-heading">
        Map people to teams
      </h3>
      <p class="hint">
        One <code>userId,team</code> per line (a <code>userId,team</code> header is optional). Use the pseudonymous ids the extension sends (the <em>managed</em> user id, such as an employee
        number), never names or e-mail addresses. An empty team removes the mapping, so the team the browser reports applies again. This mapping wins over the reported team. Every line is
        checked first: if one is wrong, nothing is saved.
      </p>
      <Field id="team-csv" label="Mapping (CSV)" issues={[]}>
        {(a) => <textarea {...a} rows={6} spellcheck={false} value={csv} onInput={(e) => setCsv(e.currentTarget.value)} placeholder={'userId,team\nemp-1042,sales'} data-testid="team-csv" />}
      </Field>
      <div class="field">
        <label class="field-label" for="team-csv-file">
          Or load a CSV file
        </label>
        <input id="team-csv-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void readFile(e)} data-testid="team-csv-file" />
      </div>
      {error ? (
        <div class="notice notice-error" role="alert" data-testid="team-mapping-error">
          <p class="notice-title">{error}</p>
        </div>
      ) : null}
      {problems.length > 0 ? (
        <div class="notice notice-error" role="alert" data-testid="team-csv-problems">
          <p class="notice-title">Nothing was saved: fix these lines first.</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i} data-line={p.line} data-field={p.field}>
                <span aria-hidden="true">⚠ </span>Line {p.line}, {FIELD_NAMES[p.field]}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {saved ? (
        <p class="notice notice-ok" role="status" data-testid="team-mapping-saved">
          <span aria-hidden="true">✓ </span>
          {saved}
        </p>
      ) : null}
      <p>
        <button type="submit" class="btn btn-primary" disabled={saving} data-testid="team-mapping-save">
          {saving ? 'Saving…' : 'Check and save the mapping'}
        </button>
      </p>
    </form>
  );
}

function MinGroupSizeForm({ current, onSaved }: { current: number; onSaved: (n: number) => void }) {
  const [value, setValue] = useState(String(current));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    setError(null);
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isInteger(n)) return setFieldError('enter a whole number of people');
    setSaving(true);
    // The collector owns the floor (never below 5): its refusal is shown at the field.
    const r = await send({ type: 'admin/insights/settings/set', minGroupSize: n });
    setSaving(false);
    if (!r.ok) {
      const atField = (r.issues ?? []).filter((i) => i.path === 'minGroupSize').map((i) => i.message);
      if (atField.length > 0) return setFieldError(atField.join('; '));
      setFieldError(null);
      return setError(`Not saved: ${r.error}`);
    }
    setFieldError(null);
    setSaved(`Saved: numbers about fewer than ${r.settings.minGroupSize} people are withheld.`);
    onSaved(r.settings.minGroupSize);
  };

  return (
    <form class="subsection" onSubmit={save} noValidate data-testid="min-group-form" aria-labelledby="min-group-heading">
      <h3 id="min-group-heading" class="subsection-heading">
        Minimum group size
      </h3>
      <Field
        id="min-group-size"
        label="Withhold numbers about fewer people than"
        hint="5 by default; it can be raised, never set below 5."
        liveError={fieldError}
      >
        {(a) => <input {...a} type="number" inputMode="numeric" step={1} value={value} onInput={(e) => setValue(e.currentTarget.value)} data-testid="min-group-size" />}
      </Field>
      {error ? (
        <div class="notice notice-error" role="alert" data-testid="min-group-error">
          <p class="notice-title">{error}</p>
        </div>
      ) : null}
      {saved ? (
        <p class="notice notice-ok" role="status" data-testid="min-group-saved">
          <span aria-hidden="true">✓ </span>
          {saved}
        </p>
      ) : null}
      <p>
        <button type="submit" class="btn btn-primary" disabled={saving} data-testid="min-group-save">
          {saving ? 'Saving…' : 'Save the minimum group size'}
        </button>
      </p>
    </form>
  );
}
