import type { CSSProperties } from 'preact';
import { useRef } from 'preact/hooks';
import { usePanelFocus, type PanelFocus } from './usePanelFocus';

export interface ChecklistEntry {
  id: string;
  title: string;
  done: boolean;
  /** The item can show the user how: clicking it starts a flow. */
  startable: boolean;
}

export interface ChecklistPanelProps {
  title: string;
  items: ChecklistEntry[];
  onStart(itemId: string): void;
  onClose(): void;
  /** Whether it takes focus on opening. @default 'never' */
  focus?: PanelFocus;
  style?: CSSProperties | undefined;
}

/** An onboarding checklist: items are ticked by real events, never by clicking them. */
export function ChecklistPanel(p: ChecklistPanelProps) {
  const done = p.items.filter((i) => i.done).length;
  const pct = p.items.length === 0 ? 0 : Math.round((done / p.items.length) * 100);
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = usePanelFocus(ref, p.focus ?? 'never', p.onClose);
  return (
    <div class="wm-card wm-g-panel" role="dialog" aria-modal="false" aria-label={p.title} tabIndex={-1} style={p.style} ref={ref} onKeyDown={onKeyDown} data-waymark-checklist="">
      <div class="wm-head">
        <h2 class="wm-title">{p.title}</h2>
        <button type="button" class="wm-close" aria-label="Close checklist" onClick={p.onClose}>×</button>
      </div>
      <p class="wm-progress" role="status">{done} of {p.items.length} done</p>
      <div class="wm-g-bar" aria-hidden="true"><span style={{ width: `${pct}%` }} /></div>
      <ul class="wm-g-list">
        {p.items.map((it) => (
          <li key={it.id} class="wm-g-check" data-done={it.done ? '' : undefined} data-item={it.id}>
            <span class="wm-g-mark" aria-hidden="true">{it.done ? '✓' : '○'}</span>
            <span class="wm-g-check-title">
              {it.title}
              <span class="wm-sr">{it.done ? ' (done)' : ''}</span>
            </span>
            {!it.done && it.startable ? (
              <button type="button" class="wm-btn" onClick={() => p.onStart(it.id)} aria-label={`Show me: ${it.title}`}>Show me</button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
