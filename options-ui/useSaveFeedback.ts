import { useRef, useState } from 'preact/hooks';
import type { DocIssue } from '../src/schema/migrate';

/**
 * What an editor shows around Save: the issues of the last attempt, its error message, whether a save
 * is in flight, and the summary that takes focus when a save fails. Shared by every editor.
 */
export function useSaveFeedback() {
  const [issues, setIssues] = useState<DocIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  return {
    issues,
    setIssues,
    error,
    saving,
    setSaving,
    summaryRef,
    /** Shows why a save failed and moves focus to the summary (after it renders). */
    fail(list: DocIssue[], message: string | null) {
      setIssues(list);
      setError(message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
    clear() {
      setIssues([]);
      setError(null);
    },
  };
}
