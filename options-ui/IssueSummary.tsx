import type { Ref } from 'preact';
import type { DocIssue } from '../src/schema/migrate';
import { plural } from './plural';

interface IssueSummaryProps {
  issues: readonly DocIssue[];
  /** An error that is not about one field (the background's reply, a failed send). */
  error?: string | null;
  heading: string;
  /** Takes the admin to the field of an issue. */
  onGo?: (issue: DocIssue) => void;
  summaryRef?: Ref<HTMLDivElement>;
}

/**
 * Every problem at once, each with its path, at the top of a form; focus moves here after a failed
 * save so that screen-reader and keyboard users start from the list.
 */
export function IssueSummary({ issues, error, heading, onGo, summaryRef }: IssueSummaryProps) {
  if (issues.length === 0 && !error) return null;
  return (
    <div class="notice notice-error summary" role="alert" tabIndex={-1} ref={summaryRef} data-testid="issue-summary">
      <p class="notice-title">
        <span aria-hidden="true">⚠ </span>
        {heading}
        {issues.length > 0 ? ` (${plural(issues.length, 'problem')})` : ''}
      </p>
      {error ? <p>{error}</p> : null}
      {issues.length > 0 ? (
        <ul>
          {issues.map((i, n) => (
            <li key={n} data-testid="issue">
              {onGo ? (
                <button type="button" class="link-button" onClick={() => onGo(i)}>
                  <code>{i.path}</code>
                </button>
              ) : (
                <code>{i.path}</code>
              )}
              : {i.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
