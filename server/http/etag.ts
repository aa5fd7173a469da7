import { createHash } from 'node:crypto';

/** A strong ETag: the SHA-256 of the exact bytes sent, so equal tags mean byte-identical bodies. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url')}"`;
}

/**
 * Whether `If-None-Match` matches `etag`. RFC 9110 13.1.2 compares with the weak function here, so a
 * `W/` prefix a proxy may have added is ignored; `*` matches any current representation.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((raw) => {
    const t = raw.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}
