import { useState } from 'preact/hooks';
import type { Flow } from '../src/schema/flow';
import { ChecklistPanel } from '../src/ui/guidance/ChecklistPanel';
import type { ChecklistDraft } from './checklistDraft';
import { GUIDANCE_PREVIEW_CSS } from './guidancePreviewCss';
import { PreviewFrame } from './PreviewFrame';

/**
 * The checklist panel: the runtime's own `ChecklistPanel`. Ticking items here only shows how progress
 * looks; on the page only the events tick them.
 */
export function ChecklistPreview({ draft, flows }: { draft: ChecklistDraft; flows: readonly Flow[] }) {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [started, setStarted] = useState<string | null>(null);
  const items = draft.items.map((it) => ({ id: it.key, title: it.title.trim() === '' ? '(no title yet)' : it.title, done: done.has(it.key), startable: it.startsFlow !== '' }));
  const startedItem = draft.items.find((it) => it.key === started);
  const startedFlow = startedItem ? flows.find((f) => f.id === startedItem.startsFlow) : undefined;
  return (
    <>
      <PreviewFrame css={GUIDANCE_PREVIEW_CSS} testId="guidance-preview">
        <div class="stage">
          <ChecklistPanel title={draft.title.trim() === '' ? '(no title yet)' : draft.title} items={items} onStart={setStarted} onClose={() => undefined} />
        </div>
      </PreviewFrame>
      {startedItem ? (
        <p class="hint preview-note" role="status">
          “Show me” starts the flow “{startedFlow?.name ?? startedItem.startsFlow}”.
        </p>
      ) : null}
      <fieldset class="group preview-controls">
        <legend>Show as done</legend>
        {draft.items.map((it, i) => (
          <label class="check" key={it.key}>
            <input
              type="checkbox"
              checked={done.has(it.key)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setDone((s) => {
                  const next = new Set(s);
                  if (on) next.add(it.key);
                  else next.delete(it.key);
                  return next;
                });
              }}
            />{' '}
            Item {i + 1}
          </label>
        ))}
      </fieldset>
    </>
  );
}
