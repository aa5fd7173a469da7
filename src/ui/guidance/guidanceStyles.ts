/**
 * The stylesheet of tips, beacons, prompt helpers, checklists, surveys and the launcher. Added to the
 * overlay's shadow root by the guidance chunk (and to the options page's previews), so the overlay chunk
 * does not carry it. Builds on the card styles (`CARD_CSS`).
 */
export const GUIDANCE_CSS = `
.wm-g-hint { all: unset; box-sizing: border-box; position: fixed; width: 18px; height: 18px; border-radius: 50%; background: #0b5cad; color: #fff;
  font: 700 12px/18px system-ui, sans-serif; text-align: center; cursor: help; z-index: 2147483646; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
.wm-g-hint:focus-visible, .wm-g-beacon:focus-visible, .wm-g-launcher:focus-visible, .wm-g-item:focus-visible, .wm-g-score:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
.wm-g-bubble { max-width: 300px; }
.wm-g-error { margin: 0 0 6px; color: #9a1c1c; font-weight: 600; }
.wm-g-beacon { all: unset; position: fixed; width: 16px; height: 16px; border-radius: 50%; background: #e8590c; cursor: pointer; z-index: 2147483646; }
.wm-g-beacon::after { content: ""; position: absolute; inset: -6px; border-radius: 50%; border: 3px solid #e8590c; animation: wm-g-pulse 1.6s ease-out infinite; }
@keyframes wm-g-pulse { from { transform: scale(.6); opacity: .9; } to { transform: scale(1.6); opacity: 0; } }
@media (prefers-reduced-motion: reduce) { .wm-g-beacon::after { animation: none; opacity: .5; } }
.wm-g-panel { position: fixed; width: 320px; max-height: min(460px, calc(100vh - 90px)); overflow: auto; }
.wm-g-launcher { all: unset; box-sizing: border-box; position: fixed; width: 44px; height: 44px; border-radius: 50%; background: #0b5cad; color: #fff;
  font: 700 20px/44px system-ui, sans-serif; text-align: center; cursor: grab; box-shadow: 0 4px 14px rgba(0,0,0,.3); z-index: 2147483646; touch-action: none; user-select: none; }
.wm-g-launcher[data-dragging] { cursor: grabbing; }
.wm-g-search { box-sizing: border-box; width: 100%; margin: 0 0 8px; padding: 6px 8px; border: 1px solid #c9d1d9; border-radius: 6px; font: inherit; }
.wm-g-list { list-style: none; margin: 0; padding: 0; }
.wm-g-item { display: block; padding: 6px 8px; border-radius: 6px; cursor: pointer; }
.wm-g-item[aria-selected="true"] { background: #e7f0fa; }
.wm-g-kind { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #57606a; }
.wm-g-detail { display: block; font-size: 12px; color: #57606a; }
.wm-g-empty { color: #57606a; font-size: 13px; margin: 4px 0; }
.wm-g-check { display: flex; gap: 8px; align-items: baseline; margin: 0 0 6px; }
.wm-g-check[data-done] .wm-g-check-title { text-decoration: line-through; color: #57606a; }
.wm-g-mark { width: 16px; flex: none; text-align: center; font-weight: 700; color: #1a7f37; }
.wm-g-bar { height: 6px; border-radius: 3px; background: #eaeef2; margin: 2px 0 10px; overflow: hidden; }
.wm-g-bar > span { display: block; height: 100%; background: #1a7f37; }
.wm-g-scores { display: flex; gap: 6px; margin: 4px 0 10px; }
.wm-g-score { all: unset; width: 34px; height: 30px; border: 1px solid #c9d1d9; border-radius: 6px; text-align: center; cursor: pointer; font-weight: 600; }
.wm-g-score[aria-pressed="true"] { background: #0b5cad; border-color: #0b5cad; color: #fff; }
.wm-g-text { box-sizing: border-box; width: 100%; min-height: 90px; margin: 0 0 8px; padding: 6px 8px; border: 1px solid #c9d1d9; border-radius: 6px; font: 13px/1.4 inherit; resize: vertical; }
.wm-g-missing { font-size: 12px; color: #7a4b00; margin: 0 0 6px; }
.wm-g-label { display: block; font-size: 12px; color: #57606a; margin: 0 0 4px; }
:host([data-scheme="dark"]) .wm-g-error { color: #ff7b72; }
:host([data-scheme="dark"]) :is(.wm-g-search, .wm-g-text) { background: #0d1117; color: #e6edf3; border-color: #3d444d; }
:host([data-scheme="dark"]) .wm-g-item[aria-selected="true"] { background: #243b55; }
:host([data-scheme="dark"]) :is(.wm-g-kind, .wm-g-detail, .wm-g-empty, .wm-g-label, .wm-g-check[data-done] .wm-g-check-title) { color: #9da7b3; }
:host([data-scheme="dark"]) .wm-g-mark { color: #3fb950; }
:host([data-scheme="dark"]) .wm-g-bar { background: #2d333b; }
:host([data-scheme="dark"]) .wm-g-bar > span { background: #3fb950; }
:host([data-scheme="dark"]) .wm-g-score { border-color: #3d444d; }
:host([data-scheme="dark"]) .wm-g-missing { color: #e3b341; }
:host([data-scheme="dark"]) :is(.wm-g-hint:focus-visible, .wm-g-beacon:focus-visible, .wm-g-launcher:focus-visible, .wm-g-item:focus-visible, .wm-g-score:focus-visible) { outline-color: #4493f8; }
.wm-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
