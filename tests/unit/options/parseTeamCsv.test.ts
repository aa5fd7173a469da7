import { describe, expect, it } from 'vitest';
import { parseTeamCsv, TEAM_CSV_MAX_PROBLEMS } from '../../../options-ui/insights/parseTeamCsv';
import { teamSizeText } from '../../../options-ui/insights/teamSizeText';
import { TEAM_ASSIGNMENTS_MAX } from '../../../src/schema/insights';

describe('parseTeamCsv', () => {
  it('reads userId,team lines, with or without a header, quoted fields, CRLF and a BOM; an empty team removes the mapping', () => {
    const r = parseTeamCsv('\uFEFFuserId,team\r\nu-1,sales\r\n"u-2","north, east"\r\n\r\nu-3,\r\nu-4," ""ops"" "\r\n');
    expect(r).toEqual({
      ok: true,
      assignments: [
        { userId: 'u-1', team: 'sales' },
        { userId: 'u-2', team: 'north, east' },
        { userId: 'u-3', team: null },
        { userId: 'u-4', team: '"ops"' },
      ],
      lines: [2, 3, 5, 6],
      removed: 1,
    });
    expect(parseTeamCsv('u-1,sales')).toEqual({ ok: true, assignments: [{ userId: 'u-1', team: 'sales' }], lines: [1], removed: 0 });
  });

  it('reports every problem by line and field, and keeps no assignment when there is one', () => {
    const r = parseTeamCsv(
      ['userId,team', 'u-1,sales', 'ada@example.com,sales', 'Ada Lovelace,ops', ',ops', 'u-1,ops', `u-5,${'x'.repeat(65)}`, 'u-6', 'u-7,a,b', '"u-8,ops', 'u-9,ok'].join('\n'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'userId'],
      [4, 'userId'],
      [5, 'userId'],
      [6, 'userId'],
      [7, 'team'],
      [8, 'row'],
      [9, 'row'],
      [10, 'row'],
    ]);
    expect(r.problems[0]?.message).toContain('pseudonymous');
    expect(r.problems[2]?.message).toBe('a user id is required');
    expect(r.problems[3]?.message).toBe('“u-1” is already on line 2');
    expect(r.problems[5]?.message).toBe('expected 2 fields (userId,team), found 1');
    expect(r.problems[7]?.message).toBe('a quoted field is not closed');
  });

  it('refuses an empty file and one over the request limit, and caps the problem list', () => {
    expect(parseTeamCsv('userId,team\n\n')).toEqual({ ok: false, problems: [{ line: 1, field: 'row', message: 'no assignments: write one userId,team per line' }] });
    const many = Array.from({ length: TEAM_ASSIGNMENTS_MAX + 1 }, (_, i) => `u-${i},t`).join('\n');
    const over = parseTeamCsv(many);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.problems[0]?.message).toContain(`at most ${TEAM_ASSIGNMENTS_MAX}`);
    const bad = parseTeamCsv(Array.from({ length: 80 }, (_, i) => `x${i}@e.com,t`).join('\n'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toHaveLength(TEAM_CSV_MAX_PROBLEMS + 1);
      expect(bad.problems.at(-1)?.message).toBe(`and ${80 - TEAM_CSV_MAX_PROBLEMS} more problems`);
    }
  });
});

describe('teamSizeText', () => {
  it('shows a team size only at or above the minimum group size', () => {
    expect(teamSizeText(5, 5)).toEqual({ shown: true, text: '5' });
    expect(teamSizeText(1200, 5)).toEqual({ shown: true, text: '1,200' });
    expect(teamSizeText(4, 5)).toEqual({ shown: false, text: 'fewer than 5' });
    expect(teamSizeText(0, 8)).toEqual({ shown: false, text: 'fewer than 8' });
    expect(teamSizeText(7, 8)).toEqual({ shown: false, text: 'fewer than 8' });
  });
});
