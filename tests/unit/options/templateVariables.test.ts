import { describe, expect, it } from 'vitest';
import { analyzeTemplate, templateParts, variableName } from '../../../options-ui/templateVariables';

describe('template variable analysis', () => {
  it('lists used variables in order, with whether each is declared', () => {
    const a = analyzeTemplate('Summarize {{deal}} for {{ customer }}; mention {{deal}} again and {{owner}}.', ['deal', 'customer', 'stage']);
    expect(a.used).toEqual([
      { name: 'deal', declared: true, count: 2 },
      { name: 'customer', declared: true, count: 1 },
      { name: 'owner', declared: false, count: 1 },
    ]);
    expect(a.undeclared).toEqual(['owner']);
    expect(a.unused).toEqual(['stage']);
    expect(a.malformed).toEqual([]);
    expect(a.unclosed).toBe(false);
  });

  it('flags braces that are not placeholders, and an unclosed one', () => {
    const a = analyzeTemplate('Hi {{Customer}} and {{deal name}} {{}} {{ok}} {{Customer}} then {{oops', ['ok']);
    expect(a.malformed).toEqual(['{{Customer}}', '{{deal name}}', '{{}}']);
    expect(a.used.map((u) => u.name)).toEqual(['ok']);
    expect(a.unclosed).toBe(true);
    expect(analyzeTemplate('single { braces } are text', []).malformed).toEqual([]);
  });

  it('ignores empty declared names (a variable row not filled in yet)', () => {
    expect(analyzeTemplate('plain', ['', 'x']).unused).toEqual(['x']);
  });

  it('cuts a template into text and placeholders', () => {
    expect(templateParts('A {{x}} b {{ y }}')).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'variable', name: 'x' },
      { kind: 'text', text: ' b ' },
      { kind: 'variable', name: 'y' },
    ]);
    expect(templateParts('{{x}}')).toEqual([{ kind: 'variable', name: 'x' }]);
    expect(templateParts('')).toEqual([]);
  });

  it('makes variable names from what an admin types', () => {
    expect(variableName('Deal name')).toBe('deal_name');
    expect(variableName('Café total (€)')).toBe('cafe_total');
    expect(variableName('2nd owner')).toBe('nd_owner');
    expect(variableName('!!!')).toBe('');
  });
});
