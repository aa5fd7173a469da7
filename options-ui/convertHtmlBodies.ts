import type { RichText } from '../src/schema/richText';

/**
 * Imported files may carry a step body as an HTML string (written by hand or by another tool) where
 * the format wants structured rich text. Before the file is validated, every such string in a flow of
 * the current format is converted with `toRichText` (in the page: DOMPurify, then `htmlToRichText`).
 * Version 1 flows are left alone: their bodies are plain text by definition, and their migration
 * turns them into paragraphs. The input is not modified; converted parts are copies.
 */
export function convertHtmlBodies(raw: unknown, toRichText: (html: string) => RichText): { value: unknown; converted: number } {
  if (!isRecord(raw) || !Array.isArray(raw.flows)) return { value: raw, converted: 0 };
  let converted = 0;
  const flows = raw.flows.map((flow: unknown) => {
    if (!isRecord(flow) || flow.schemaVersion === 1 || !Array.isArray(flow.steps)) return flow;
    let changed = false;
    const steps = flow.steps.map((step: unknown) => {
      if (!isRecord(step) || typeof step.body !== 'string') return step;
      changed = true;
      converted++;
      return { ...step, body: toRichText(step.body) };
    });
    return changed ? { ...flow, steps } : flow;
  });
  return converted > 0 ? { value: { ...raw, flows }, converted } : { value: raw, converted: 0 };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
