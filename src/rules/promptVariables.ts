/*
 * Prompt templates on the page: no zod here, so the content scripts can use it. The template's text is
 * filled and edited in the page only; it is never recorded or sent.
 */

/** `{{name}}` in a template. Names are lower-case identifiers. */
export const PROMPT_VARIABLE = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;

/** One variable as filled on the page. */
export interface FilledVariable {
  name: string;
  label: string;
  /** What the page gave (or the fallback); '' when neither did. */
  value: string;
}

/**
 * Replaces every `{{name}}` with its value. A variable left empty becomes `[label]`, so the user sees
 * what to type there instead of a silent gap; `missing` lists those labels.
 */
export function fillTemplate(template: string, vars: readonly FilledVariable[]): { text: string; missing: string[] } {
  const byName = new Map(vars.map((v) => [v.name, v]));
  const missing: string[] = [];
  const text = template.replace(PROMPT_VARIABLE, (whole, name: string) => {
    const v = byName.get(name);
    if (!v) return whole;
    const value = v.value.trim();
    if (value !== '') return value;
    if (!missing.includes(v.label)) missing.push(v.label);
    return `[${v.label}]`;
  });
  return { text, missing };
}
