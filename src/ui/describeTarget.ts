import type { ElementFingerprint } from '../schema/fingerprint';

/**
 * A one-line, human-readable description of a target, for admins: the tag with the element's own
 * text, then the strongest identifiers, e.g.
 * `button “Save deal” · #save · [data-testid=save-deal] · label “Deal name”`.
 * Long texts are shortened; nothing here is used for matching.
 */
export function describeTarget(fp: ElementFingerprint, maxText = 40): string {
  const quote = (s: string) => `“${shorten(s, maxText)}”`;
  const parts: string[] = [];
  const text = fp.text?.trim();
  parts.push(text ? `${fp.tag} ${quote(text)}` : fp.tag);
  if (fp.id) parts.push(`#${fp.id}`);
  if (fp.testId) parts.push(`[data-testid=${fp.testId}]`);
  if (fp.label?.trim()) parts.push(`label ${quote(fp.label)}`);
  if (fp.ariaLabel?.trim()) parts.push(`aria-label ${quote(fp.ariaLabel)}`);
  if (fp.placeholder?.trim()) parts.push(`placeholder ${quote(fp.placeholder)}`);
  if (fp.name) parts.push(`name=${fp.name}`);
  if (fp.role) parts.push(`role=${fp.role}`);
  if (fp.type) parts.push(`type=${fp.type}`);
  if (fp.title?.trim()) parts.push(`title ${quote(fp.title)}`);
  if (fp.alt?.trim()) parts.push(`alt ${quote(fp.alt)}`);
  if (fp.href) parts.push(`→ ${shorten(fp.href, 60)}`);
  if (parts.length === 1 && fp.classes && fp.classes.length > 0) parts.push(fp.classes.slice(0, 3).map((c) => `.${c}`).join(''));
  if (parts.length === 1 && fp.neighborText?.trim()) parts.push(`near ${quote(fp.neighborText)}`);
  if (fp.framePath && fp.framePath.length > 0) parts.push('in a frame');
  if (fp.shadowPath && fp.shadowPath.length > 0) parts.push('in a shadow root');
  return parts.join(' · ');
}

/** Collapses whitespace and cuts at `max` characters with an ellipsis. */
function shorten(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}
