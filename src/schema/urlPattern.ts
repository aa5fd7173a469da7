import { z } from 'zod';
import { parseUrlPattern } from '../rules/urlPattern';

/** A URL pattern (see `src/rules/urlPattern.ts` for the syntax), checked when parsed. */
export const UrlPatternSchema = z
  .string()
  .max(2048)
  .superRefine((value, ctx) => {
    const r = parseUrlPattern(value);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
  });
