import { PROMPT_VARIABLE } from '../src/schema/guidance';

/** One `{{name}}` the template uses. */
export interface UsedVariable {
  name: string;
  declared: boolean;
  /** How many times it appears. */
  count: number;
}

/** What the prompt editor says about a template while it is typed. */
export interface TemplateAnalysis {
  /** Every valid placeholder, in order of first use. */
  used: UsedVariable[];
  /** Used, not declared: the save would fail on these. */
  undeclared: string[];
  /** Declared, not used: the save would fail on these too. */
  unused: string[];
  /**
   * Braces that look meant as a placeholder but are not one (`{{Customer}}`, `{{ deal name }}`, `{{}}`),
   * as written. Employees would see them as literal text.
   */
  malformed: string[];
  /** A `{{` with no `}}` after it. */
  unclosed: boolean;
}

/** Anything between double braces, valid or not. */
const BRACED = /\{\{([^{}]*)\}\}/g;
const VALID = new RegExp(`^${PROMPT_VARIABLE.source}$`);

/** Compares the placeholders of `template` with the declared variable names. */
export function analyzeTemplate(template: string, declared: readonly string[]): TemplateAnalysis {
  const names = new Set(declared);
  const used = new Map<string, UsedVariable>();
  const malformed: string[] = [];
  for (const m of template.matchAll(BRACED)) {
    const whole = m[0];
    const valid = VALID.exec(whole);
    if (!valid) {
      if (!malformed.includes(whole)) malformed.push(whole);
      continue;
    }
    const name = valid[1] as string;
    const u = used.get(name);
    if (u) u.count++;
    else used.set(name, { name, declared: names.has(name), count: 1 });
  }
  const list = [...used.values()];
  return {
    used: list,
    undeclared: list.filter((u) => !u.declared).map((u) => u.name),
    unused: [...new Set(declared)].filter((n) => n !== '' && !used.has(n)),
    malformed,
    unclosed: template.replace(BRACED, '').includes('{{'),
  };
}

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'variable'; name: string };

/** The template cut into literal text and placeholders, for a preview that marks where values go. */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let at = 0;
  for (const m of template.matchAll(PROMPT_VARIABLE)) {
    const i = m.index;
    if (i > at) parts.push({ kind: 'text', text: template.slice(at, i) });
    parts.push({ kind: 'variable', name: m[1] as string });
    at = i + m[0].length;
  }
  if (at < template.length) parts.push({ kind: 'text', text: template.slice(at) });
  return parts;
}

/** A name for a variable typed as the admin would: `Deal name` → `deal_name` (empty when nothing is left). */
export function variableName(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[_0-9]+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return s;
}
