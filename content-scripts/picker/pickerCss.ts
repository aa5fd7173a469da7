/**
 * The picker's stylesheet, inside its shadow root (host CSS cannot reach it, it cannot leak out). The
 * box and the label never take the pointer, so hovering goes on to the page beneath them.
 */
export const PICKER_CSS = `
:host { all: initial; }
.wmp-box { position: fixed; top: 0; left: 0; box-sizing: border-box; pointer-events: none; display: none;
  border: 2px solid #0b5cad; background: rgba(11, 92, 173, .10); border-radius: 4px; z-index: 2147483646;
  box-shadow: 0 0 0 1px #fff, 0 0 0 3px rgba(11, 92, 173, .35); }
.wmp-label { position: fixed; top: 0; left: 0; pointer-events: none; display: none; box-sizing: border-box;
  max-width: min(440px, calc(100vw - 8px)); padding: 2px 8px; border-radius: 4px; background: #0b5cad; color: #fff;
  font: 12px/18px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; z-index: 2147483647; }
.wmp-tag { font: 600 12px/18px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.wmp-blocked .wmp-box { border-color: #b42318; background: rgba(180, 35, 24, .10); }
.wmp-blocked .wmp-label { background: #b42318; }
.wmp-banner { position: fixed; top: 8px; left: 50%; transform: translateX(-50%); box-sizing: border-box;
  display: flex; align-items: center; gap: 12px; max-width: calc(100vw - 16px); padding: 8px 8px 8px 14px;
  background: #fff; color: #1b1f24; border: 2px solid #0b5cad; border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, .28);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left; z-index: 2147483647; }
.wmp-banner.wmp-bottom { top: auto; bottom: 8px; }
.wmp-text { margin: 0; }
.wmp-sub { display: block; color: #57606a; font-size: 12px; }
.wmp-cancel { all: unset; cursor: pointer; padding: 4px 10px; border-radius: 6px; border: 1px solid #c9d1d9; background: #f6f8fa;
  color: #1b1f24; font: 550 13px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; white-space: nowrap; }
.wmp-cancel:hover { background: #eef1f4; }
.wmp-cancel:focus-visible { outline: 3px solid #0b5cad; outline-offset: 1px; }
`;
