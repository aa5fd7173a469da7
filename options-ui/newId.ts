/** A short random id that satisfies `DocIdSchema`: `prefix-` and 8 hex digits. */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
