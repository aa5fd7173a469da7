import { render } from 'preact';
import type { GuidancePageView } from '../../src/messages/protocol';
import { GUIDANCE_CSS } from '../../src/ui/guidance/guidanceStyles';
import { GuidanceLayer, type GuidanceEnv } from './GuidanceLayer';
import { watchSelection } from './pageSelection';

/*
 * The guidance chunk: tips, prompt helpers, beacons, checklists, surveys and the launcher. The overlay
 * imports it lazily, only on pages that have such guidance, so the overlay stays within its budget.
 */

export interface GuidanceMount {
  update(view: GuidancePageView): void;
  destroy(): void;
}

/** Renders the guidance into `container` (inside the overlay's shadow root). Returns its controls. */
export function mountGuidance(container: HTMLElement, env: Omit<GuidanceEnv, 'selection'>): GuidanceMount {
  const style = document.createElement('style');
  style.textContent = GUIDANCE_CSS.replace(/\s*\n\s*/g, '');
  container.before(style);
  const selection = watchSelection();
  const full: GuidanceEnv = { ...env, selection: selection.last };
  return {
    update: (view) => render(<GuidanceLayer view={view} env={full} />, container),
    destroy: () => {
      render(null, container);
      selection.stop();
      style.remove();
    },
  };
}
