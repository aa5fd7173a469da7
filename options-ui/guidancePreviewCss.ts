import { GUIDANCE_CSS } from '../src/ui/guidance/guidanceStyles';
import { CARD_CSS } from '../src/ui/styles';

/**
 * The host page's own stylesheets (cards, then guidance), then a stage that lays the pieces out in a
 * box: on a host page they are placed next to their target with fixed positions, here they sit in the
 * flow of the preview, beside a stand-in for the target.
 */
export const GUIDANCE_PREVIEW_CSS = `${CARD_CSS}${GUIDANCE_CSS}
:host { display: block; }
.stage { display: flex; flex-direction: column; align-items: center; gap: 12px; padding: 20px 14px; min-height: 200px;
  background: repeating-linear-gradient(45deg, #f4f6f8, #f4f6f8 10px, #eef1f4 10px, #eef1f4 20px); border-radius: 8px;
  font: 13px/1.4 system-ui, sans-serif; color: #1b1f24; }
.stage .wm-card { position: relative; }
.stage .wm-g-panel { position: relative; width: 100%; max-width: 320px; max-height: none; }
.stage .wm-g-hint, .stage .wm-g-beacon { position: relative; flex: none; }
.target { display: flex; align-items: center; gap: 8px; max-width: 260px; padding: 6px 10px; border: 1px dashed #57606a; border-radius: 6px;
  background: #fff; word-break: break-word; }
.target.box { width: 100%; max-width: 300px; min-height: 44px; color: #57606a; }
:host([data-scheme="dark"]) .stage { background: repeating-linear-gradient(45deg, #161b22, #161b22 10px, #1c2128 10px, #1c2128 20px); color: #e6edf3; }
:host([data-scheme="dark"]) .target { background: #22272e; color: #e6edf3; border-color: #8b949e; }
:host([data-scheme="dark"]) .target.box { color: #9da7b3; }
`;
