import { parseUrlPattern } from '../src/rules/urlPattern';

/** The live check of a URL pattern as it is typed; empty is left to the save (it may be optional). */
export function urlPatternError(value: string): string | null {
  if (value.trim() === '') return null;
  const r = parseUrlPattern(value);
  return r.ok ? null : r.error;
}

export const URL_PATTERN_HINT = 'Like a browser match pattern: https://crm.example.com/deals/* — scheme http, https or *; host exact, *.example.com or *; an optional :port; * in the path matches anything.';
