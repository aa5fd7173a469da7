/**
 * The overlay's stylesheet. It lives inside a shadow root, so host CSS cannot reach it and it cannot
 * leak out; `:host { all: initial }` cuts inheritance from the host page as well. In forced colours
 * (Windows high contrast) box shadows are dropped, so the highlight, drawn with one, gets an outline. On a
 * dark page (the host's `data-scheme`, see `pageScheme.ts`) the card is dark too.
 */
export const CARD_CSS = `
:host { all: initial; }
.wm-card { box-sizing: border-box; position: absolute; top: 0; left: 0; width: max-content; max-width: min(360px, calc(100vw - 16px));
  background: #fff; color: #1b1f24; border: 1px solid #c9d1d9; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.22);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 14px 16px 12px; z-index: 2147483647; text-align: left; }
.wm-card:focus { outline: none; }
.wm-card:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
.wm-head { display: flex; align-items: flex-start; gap: 8px; }
.wm-title { flex: 1; margin: 0 0 6px; font-size: 15px; font-weight: 650; line-height: 1.3; }
.wm-close { all: unset; cursor: pointer; font-size: 20px; line-height: 1; padding: 0 4px; color: #57606a; border-radius: 4px; }
.wm-close:focus-visible, .wm-btn:focus-visible { outline: 3px solid #0b5cad; outline-offset: 1px; }
.wm-body { margin: 0; }
.wm-p { margin: 0 0 8px; }
.wm-list { margin: 0 0 8px; padding-left: 20px; }
.wm-pre { margin: 0 0 8px; padding: 6px 8px; background: #f3f5f7; border-radius: 6px; overflow: auto; font: 12px/1.4 ui-monospace, monospace; }
.wm-card code { font: 12.5px ui-monospace, monospace; background: #f3f5f7; padding: 0 3px; border-radius: 3px; }
.wm-card a { color: #0b5cad; text-decoration: underline; }
.wm-hint { margin: 4px 0 8px; font-size: 13px; color: #57606a; font-style: italic; }
.wm-missing { color: #7a4b00; }
.wm-foot { display: flex; align-items: center; justify-content: space-between; gap: 12px; margin-top: 6px; }
.wm-progress { font-size: 12px; color: #57606a; }
.wm-actions { display: flex; gap: 6px; }
.wm-confused { all: unset; cursor: pointer; font-size: 12px; color: #57606a; text-decoration: underline; margin-right: auto; }
.wm-confused:disabled { cursor: default; text-decoration: none; }
.wm-confused:focus-visible { outline: 3px solid #0b5cad; outline-offset: 1px; }
.wm-btn { all: unset; cursor: pointer; padding: 5px 12px; border-radius: 6px; border: 1px solid #c9d1d9; background: #f6f8fa; color: #1b1f24; font-size: 13px; font-weight: 550; }
.wm-btn:hover { background: #eef1f4; }
.wm-primary { background: #0b5cad; border-color: #0b5cad; color: #fff; }
.wm-primary:hover { background: #094c8f; }
.wm-arrow { position: absolute; width: 10px; height: 10px; background: #fff; transform: rotate(45deg); }
.wm-centered .wm-arrow { display: none; }
.wm-centered { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%); }
.wm-highlight { position: absolute; top: 0; left: 0; pointer-events: none; border-radius: 6px; box-shadow: 0 0 0 3px #0b5cad, 0 0 0 9999px rgba(15, 23, 42, .12);
  z-index: 2147483646; transition: transform .12s ease-out; }
@media (prefers-reduced-motion: reduce) { .wm-highlight { transition: none; } }
@media (forced-colors: active) { .wm-highlight { outline: 3px solid Highlight; } }
:host([data-scheme="dark"]) .wm-card, :host([data-scheme="dark"]) .wm-arrow { background: #1c2128; color: #e6edf3; border-color: #3d444d; }
:host([data-scheme="dark"]) .wm-card { box-shadow: 0 8px 28px rgba(0,0,0,.6); }
:host([data-scheme="dark"]) :is(.wm-close, .wm-hint, .wm-progress, .wm-confused) { color: #9da7b3; }
:host([data-scheme="dark"]) :is(.wm-pre, .wm-card code) { background: #2d333b; }
:host([data-scheme="dark"]) .wm-btn:not(.wm-primary) { background: #2d333b; color: #e6edf3; border-color: #3d444d; }
:host([data-scheme="dark"]) .wm-btn:not(.wm-primary):hover { background: #373e47; }
:host([data-scheme="dark"]) .wm-card a { color: #6cb6ff; }
:host([data-scheme="dark"]) .wm-missing { color: #e3b341; }
:host([data-scheme="dark"]) :is(.wm-card:focus-visible, .wm-close:focus-visible, .wm-btn:focus-visible, .wm-confused:focus-visible) { outline-color: #4493f8; }
:host([data-scheme="dark"]) .wm-highlight { box-shadow: 0 0 0 3px #4493f8, 0 0 0 9999px rgba(0, 0, 0, .25); }
`;
