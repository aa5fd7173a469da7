/** The parts of a V8 CPU profile (`Profiler.stop`) that attributing time needs. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  samples?: number[];
}

/** Of a profile's samples on a busy thread (not idle), the share in our code, in total and per chunk. */
export interface ProfileShare {
  readonly busySamples: number;
  /** Fractions of the busy samples. */
  readonly ours: number;
  readonly byChunk: Readonly<Record<string, number>>;
}

/** `overlay-CLJ6isA9.js` → `overlay`: the chunk, whatever this build's hash (8 characters, as vite names chunks). */
export const chunkOf = (url: string) => (url.split('/').pop() ?? url).replace(/(\.ts)?-[\w-]{8}\.js$/, '').replace(/\.js$/, '');

/**
 * The share of the busy samples of a CPU profile spent in code loaded from `origin` (the extension's): a
 * sample counts for the outermost frame of ours on its stack, so what our code calls (a DOM read, a
 * layout it forces, a library inside our chunk) is ours too; the page's own work is not. Samples are
 * counted rather than timed: the profile's time gaps are wall-clock, which a busy machine stretches
 * wherever the thread happened to be descheduled; the caller scales the share by the thread's own CPU
 * time.
 */
export function profileShare(profile: CpuProfile, origin: string): ProfileShare {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** Per node: the chunk of the outermost frame of ours on its stack, or null. */
  const owner = new Map<number, string | null>();
  const ownerOf = (id: number): string | null => {
    const known = owner.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const outer = up === undefined ? null : ownerOf(up);
    const url = byId.get(id)?.callFrame.url ?? '';
    const v = outer ?? (url.startsWith(origin) ? chunkOf(url) : null);
    owner.set(id, v);
    return v;
  };
  let busy = 0;
  const counts: Record<string, number> = {};
  for (const id of profile.samples ?? []) {
    if (byId.get(id)?.callFrame.functionName === '(idle)') continue;
    busy++;
    const chunk = ownerOf(id);
    if (chunk !== null) counts[chunk] = (counts[chunk] ?? 0) + 1;
  }
  const byChunk: Record<string, number> = {};
  for (const [c, n] of Object.entries(counts)) byChunk[c] = busy > 0 ? n / busy : 0;
  return { busySamples: busy, ours: Object.values(byChunk).reduce((a, x) => a + x, 0), byChunk };
}
