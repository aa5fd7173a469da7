import { pickVerdict } from './pickVerdict';
import type { PickAtStartState } from './usePickAtStart';

/**
 * Above an editor opened from the toolbar popup's pick: where the element was picked and whether a
 * tour will find exactly it there; or, when the pick is no longer there, that the form starts empty.
 */
export function PickedNotice({ state }: { state: PickAtStartState }) {
  if (state.status === 'ready') {
    const v = pickVerdict(state.value.pick);
    return (
      <p class={`notice ${v.tone === 'ok' ? 'notice-ok' : 'notice-warn'}`} role="status" data-testid="picked-notice" data-tone={v.tone}>
        Element picked on “{state.value.tabTitle}”: <strong>{v.text}</strong>. It is filled in below; check it, then save.
      </p>
    );
  }
  if (state.status === 'gone') {
    return (
      <p class="notice notice-warn" role="status" data-testid="picked-notice" data-tone="gone">
        The element picked from the toolbar is no longer available (another pick started, or the browser was restarted). Use “Pick on page” below.
      </p>
    );
  }
  return null;
}
