import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `${dir} is in use by process ${pid} (a running Waymark server?). One PGlite data directory serves one ` +
        'process: stop that process first, or run the collector against PostgreSQL (DATABASE_URL).',
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Whether `pid` is a live process. A zombie (killed, not yet reaped by its parent) counts as dead: a
 * server killed with SIGKILL stays one for a moment, and its lock must not outlive it.
 */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // Linux: the state is the field after the parenthesised command name.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

function tryLock(file: string): { ok: true; release: () => void } | { ok: false; pid: number } {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const pid = Number(readFileSync(file, 'utf8').trim());
    // Our own pid means this process opened the directory already: that is locked too.
    if (Number.isInteger(pid) && pid > 0 && (pid === process.pid || isAlive(pid))) return { ok: false, pid };
    unlinkSync(file); // stale: its process is gone
    return tryLock(file);
  }
  let released = false;
  return {
    ok: true,
    release() {
      if (released) return;
      released = true;
      try {
        unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}

/**
 * Takes `dir/waymark.pid`, created exclusively, and returns the function that releases it. PGlite does
 * not lock its directory, and two processes writing the same files corrupt them. A lock left by a
 * process that died is taken over; one held by a live process is waited for up to `waitMs` (a restart
 * overlapping the old process's shutdown), then refused.
 */
export async function lockDataDir(dir: string, waitMs = 0): Promise<() => void> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'waymark.pid');
  const deadline = Date.now() + waitMs;
  for (;;) {
    const r = tryLock(file);
    if (r.ok) return r.release;
    if (Date.now() >= deadline) throw new DataDirLockedError(dir, r.pid);
    await sleep(100);
  }
}
