import type { DocIssue } from '../src/schema/migrate';

/**
 * The issues that belong to one field: those at its path exactly, or (with `subtree`) anywhere under
 * it, minus paths that another field shows (`except`).
 */
export function issuesAt(issues: readonly DocIssue[], path: string, opts: { subtree?: boolean; except?: readonly string[] } = {}): DocIssue[] {
  return issues.filter((i) => {
    const under = i.path === path || (opts.subtree === true && i.path.startsWith(`${path}.`));
    if (!under) return false;
    return !(opts.except ?? []).some((e) => i.path === e || i.path.startsWith(`${e}.`));
  });
}

/** The DOM id of the control for a document path: `steps.2.title` → `f-steps-2-title`. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** Which step an issue is about, if any: `steps.2.title` → 2. */
export function stepIndexOf(path: string): number | null {
  const m = /^steps\.(\d+)(?:\.|$)/.exec(path);
  return m ? Number(m[1]) : null;
}
