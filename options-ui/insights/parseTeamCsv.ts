import { TEAM_ASSIGNMENTS_MAX, TeamAssignmentSchema, type TeamAssignment } from '../../src/schema/insights';

/** A problem with one line of a team mapping: which line (1-based, as an editor numbers them) and which field. */
export interface TeamCsvProblem {
  line: number;
  field: 'userId' | 'team' | 'row';
  message: string;
}

/** `lines[i]`: the line of `assignments[i]`, to place the collector's `assignments.<i>.…` errors. */
export type TeamCsvResult = { ok: true; assignments: TeamAssignment[]; lines: number[]; removed: number } | { ok: false; problems: TeamCsvProblem[] };

/** Problems listed past this many are summed up in one: a wrong file should not print ten thousand lines. */
export const TEAM_CSV_MAX_PROBLEMS = 50;

/** Looks like an e-mail address, or like a person's name ("Ada Lovelace"): not a pseudonymous id. */
const EMAIL = /@/;
const SPACE = /\s/;

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields) into fields; null when a quote is left open. */
function splitLine(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= line.length) return null;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += line[i];
        i++;
      }
      out.push(v);
      if (i < line.length && line[i] !== ',') return null;
    } else {
      const end = line.indexOf(',', i);
      out.push(end === -1 ? line.slice(i) : line.slice(i, end));
      i = end === -1 ? line.length : end;
    }
    if (i >= line.length) return out;
    i++; // the comma
  }
}

/**
 * Reads an admin's team mapping, `userId,team` per line (an optional `userId,team` header; an empty team
 * removes the admin's mapping, so the team the browser reports applies again). Every line is checked
 * and every problem reported by line and field; any problem means no assignment at all, so a mapping is
 * never half applied. User ids must be pseudonymous: an e-mail address or a name with spaces is refused.
 */
export function parseTeamCsv(text: string): TeamCsvResult {
  const problems: TeamCsvProblem[] = [];
  const assignments: TeamAssignment[] = [];
  const at: number[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, n) => {
    const line = n + 1;
    if (raw.trim() === '') return;
    const fields = splitLine(raw);
    if (fields === null) return problems.push({ line, field: 'row', message: 'a quoted field is not closed' });
    if (n === 0 && fields.length === 2 && fields[0]?.trim().toLowerCase() === 'userid' && fields[1]?.trim().toLowerCase() === 'team') return;
    if (fields.length !== 2) return problems.push({ line, field: 'row', message: `expected 2 fields (userId,team), found ${fields.length}` });
    const userId = (fields[0] ?? '').trim();
    const teamText = (fields[1] ?? '').trim();
    let bad = false;
    if (EMAIL.test(userId) || SPACE.test(userId)) {
      problems.push({ line, field: 'userId', message: 'must be a pseudonymous id (no e-mail address, no name with spaces)' });
      bad = true;
    }
    const parsed = TeamAssignmentSchema.safeParse({ userId, team: teamText === '' ? null : teamText });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'team' ? 'team' : 'userId';
        if (field === 'userId' && bad) continue;
        problems.push({ line, field, message: field === 'userId' && userId === '' ? 'a user id is required' : issue.message });
        bad = true;
      }
    }
    const first = seen.get(userId);
    if (userId !== '' && first !== undefined) {
      problems.push({ line, field: 'userId', message: `“${userId}” is already on line ${first}` });
      bad = true;
    }
    if (userId !== '' && first === undefined) seen.set(userId, line);
    if (!bad && parsed.success) {
      assignments.push(parsed.data);
      at.push(line);
    }
  });
  if (problems.length === 0 && assignments.length === 0) problems.push({ line: 1, field: 'row', message: 'no assignments: write one userId,team per line' });
  if (problems.length === 0 && assignments.length > TEAM_ASSIGNMENTS_MAX) {
    problems.push({ line: lines.length, field: 'row', message: `${assignments.length} assignments: at most ${TEAM_ASSIGNMENTS_MAX} at a time, split the file` });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, TEAM_CSV_MAX_PROBLEMS);
    const more = problems.length - shown.length;
    const last = shown.at(-1)?.line ?? 1;
    return { ok: false, problems: more > 0 ? [...shown, { line: last, field: 'row', message: `and ${more} more problems` }] : shown };
  }
  return { ok: true, assignments, lines: at, removed: assignments.filter((a) => a.team === null).length };
}
