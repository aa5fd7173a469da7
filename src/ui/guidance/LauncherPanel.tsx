import type { CSSProperties } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { filterEntries, KIND_LABEL, type LauncherEntry } from './filterEntries';

export interface LauncherPanelProps {
  entries: LauncherEntry[];
  onPick(key: string): void;
  /** Esc, or the close button. */
  onClose(): void;
  style?: CSSProperties | undefined;
}

/**
 * The launcher's list: the guides, tips and prompt helpers for this page, with search. Keyboard: the
 * search field has focus, arrow keys move through the list, Enter opens, Esc closes.
 */
export function LauncherPanel(p: LauncherPanelProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const search = useRef<HTMLInputElement>(null);
  const shown = filterEntries(p.entries, query);
  const cur = Math.min(active, Math.max(0, shown.length - 1));
  // Focus goes to the search field as soon as the list is there, so typing searches at once.
  useLayoutEffect(() => search.current?.focus(), []);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = shown.length;
      if (n > 0) setActive((cur + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      setActive(e.key === 'Home' ? 0 : Math.max(0, shown.length - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = shown[cur];
      if (hit) p.onPick(hit.key);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      p.onClose();
    }
  };
  const optId = (i: number) => `wm-g-opt-${i}`;
  return (
    <div class="wm-card wm-g-panel" role="dialog" aria-modal="false" aria-label="Help for this page" style={p.style} onKeyDown={onKey} data-waymark-launcher-panel="">
      <div class="wm-head">
        <h2 class="wm-title">Help for this page</h2>
        <button type="button" class="wm-close" aria-label="Close help" onClick={p.onClose}>×</button>
      </div>
      <input
        ref={search}
        class="wm-g-search"
        type="text"
        autocomplete="off"
        placeholder="Search guides and tips"
        aria-label="Search guides and tips"
        role="combobox"
        aria-expanded="true"
        aria-controls="wm-g-options"
        aria-activedescendant={shown.length > 0 ? optId(cur) : undefined}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
      />
      {shown.length === 0 ? <p class="wm-g-empty" role="status">{p.entries.length === 0 ? 'Nothing for this page yet.' : 'No match.'}</p> : null}
      <ul class="wm-g-list" role="listbox" id="wm-g-options" aria-label="Guides and tips">
        {shown.map((e, i) => (
          <li
            key={e.key}
            id={optId(i)}
            role="option"
            class="wm-g-item"
            aria-selected={i === cur}
            data-entry={e.key}
            onMouseEnter={() => setActive(i)}
            onClick={() => p.onPick(e.key)}
          >
            <span class="wm-g-kind">{KIND_LABEL[e.kind]}</span>
            {e.title}
            {e.detail ? <span class="wm-g-detail">{e.detail}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
