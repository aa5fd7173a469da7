/** Longest id `DocIdSchema` accepts. */
const MAX_ID = 64;

/** A readable id from a name: `Create your first deal` → `create-your-first-deal`. */
export function slugify(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** `base` if it is free, else `base-2`, `base-3`, ... (kept within the id length limit). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const b = base.slice(0, MAX_ID);
  if (!taken.has(b)) return b;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = b.slice(0, MAX_ID - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
