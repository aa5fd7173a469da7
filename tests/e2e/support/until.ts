/** Polls `probe` until it gives a truthy value, and returns it; fails naming `what` after `timeout` ms. */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
