import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PickedElement } from '../src/messages/picker';
import { pickVerdict } from './pickVerdict';
import type { TabPreference } from './rankPickerTabs';
import { usePicker } from './usePicker';
import './picker.css';

interface PickOnPageProps {
  /** Which tabs to offer first. */
  prefer: TabPreference;
  /** What the control fills in, for screen readers: "the element", "the element that appears". */
  what: string;
  onPicked(pick: PickedElement): void;
}

/**
 * "Pick on page": the admin chooses one of the open web pages, clicks the element there (or Tabs to it
 * and presses Enter), and comes back to find the target filled in, with a word on whether a tour will
 * find exactly that element on that page. Every step is a button, so it all works from the keyboard.
 */
export function PickOnPage({ prefer, what, onPicked }: PickOnPageProps) {
  const { state, choose, start, cancel } = usePicker(prefer, onPicked);
  const panelRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);

  // Focus follows the flow: into the list when it opens, onto the result when the admin comes back.
  // Layout effects: the focus moves in the same frame the content appears, not a frame later.
  const tabsLoaded = state.phase === 'choosing' && state.tabs !== null;
  useLayoutEffect(() => {
    if (tabsLoaded) panelRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [tabsLoaded]);
  useLayoutEffect(() => {
    if (state.phase === 'picked') resultRef.current?.focus();
  }, [state]);

  return (
    <div class="picker">
      <button type="button" class="btn" data-testid="pick-on-page" aria-expanded={state.phase === 'choosing'} onClick={choose} disabled={state.phase === 'waiting'}>
        <span aria-hidden="true">◎</span> Pick on page
        <span class="sr-only"> ({what})</span>
      </button>

      {state.phase === 'choosing' ? (
        <div
          class="picker-panel"
          ref={panelRef}
          role="group"
          aria-label="Choose the tab to pick in"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              cancel();
            }
          }}
        >
          <p class="picker-panel-title">Pick in which tab?</p>
          {state.tabs === null ? (
            <p class="muted">Looking for open pages…</p>
          ) : state.tabs.length === 0 && state.error === null ? (
            <p class="hint">No web page is open. Open the app in another tab, then refresh this list.</p>
          ) : (
            <ul class="picker-tabs">
              {state.tabs.map(({ tab, matches }) => (
                <li key={tab.tabId}>
                  <button type="button" class="picker-tab" data-testid="picker-tab" onClick={() => start(tab.tabId)}>
                    <span class="picker-tab-title">{tab.title || tab.url}</span>
                    {matches ? <span class="picker-tab-match">matches the URL patterns</span> : null}
                    <span class="picker-tab-url mono">{tab.url}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {state.error !== null ? (
            <p class="field-warning" role="alert">
              <span aria-hidden="true">⚠ </span>
              {state.error}
            </p>
          ) : null}
          <div class="picker-panel-actions">
            <button type="button" class="btn btn-small" onClick={choose}>
              Refresh list
            </button>
            <button type="button" class="btn btn-small btn-quiet" onClick={cancel}>
              Close
            </button>
          </div>
        </div>
      ) : null}

      {state.phase === 'waiting' ? (
        <p class="picker-status" role="status" data-testid="picker-status">
          <span class="spinner" aria-hidden="true" />
          <span class="picker-status-text">Waiting for you to click an element in “{state.tabTitle}”… (Esc on the page cancels)</span>
          <button type="button" class="btn btn-small" onClick={cancel}>
            Cancel
          </button>
        </p>
      ) : null}

      {state.phase === 'ended' ? (
        <p class="picker-status muted" role="status" data-testid="picker-status">
          {state.message}
        </p>
      ) : null}

      {state.phase === 'picked' ? <PickResult pick={state.pick} tabTitle={state.tabTitle} resultRef={resultRef} /> : null}
    </div>
  );
}

function PickResult({ pick, tabTitle, resultRef }: { pick: PickedElement; tabTitle: string; resultRef: RefObject<HTMLParagraphElement | null> }) {
  const verdict = pickVerdict(pick);
  return (
    <p class={`picker-result picker-${verdict.tone}`} role="status" tabIndex={-1} ref={resultRef} data-testid="picker-result">
      <span aria-hidden="true">{verdict.tone === 'ok' ? '✓ ' : '⚠ '}</span>
      Picked in “{tabTitle}”. {verdict.text}
    </p>
  );
}
