import { readBundle } from '../src/schema/bundle';
import type { DocIssue } from '../src/schema/migrate';
import type { RichText } from '../src/schema/richText';
import { convertHtmlBodies } from './convertHtmlBodies';
import { parseJson } from './parseJson';

export type ImportCheck =
  | {
      ok: true;
      /** What to send to the background: the parsed file, with HTML bodies already converted. */
      bundle: unknown;
      flows: number;
      features: number;
      guidance: number;
      migrated: number;
      /** Step bodies given as HTML and converted to rich text. */
      converted: number;
    }
  | { ok: false; issues: DocIssue[] };

/**
 * Everything the page checks before an import is sent: the file is JSON, HTML bodies are converted,
 * and the whole bundle is validated with `readBundle`, so that every problem is listed at once and
 * nothing is sent unless all of it is valid. The background validates again.
 */
export function checkImport(text: string, toRichText: (html: string) => RichText, now = new Date().toISOString()): ImportCheck {
  const json = parseJson(text);
  if (!json.ok) {
    const where = json.line === undefined ? 'JSON' : `JSON line ${json.line}, column ${json.column ?? 1}`;
    return { ok: false, issues: [{ path: where, message: json.message }] };
  }
  const { value, converted } = convertHtmlBodies(json.value, toRichText);
  const r = readBundle(value, now);
  if (!r.ok) return { ok: false, issues: r.issues };
  return { ok: true, bundle: value, flows: r.bundle.flows.length, features: r.bundle.features.length, guidance: r.bundle.guidance.length, migrated: r.migrated, converted };
}
