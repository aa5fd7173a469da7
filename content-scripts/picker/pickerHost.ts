import { bannerEdge, type Box, type Edge } from './bannerEdge';
import { followTopLayer } from './followTopLayer';
import type { HoverLabel } from './hoverLabel';
import { PICKER_TAG } from './isOurNode';
import { PICKER_CSS } from './pickerCss';
import { placeLabel } from './placeLabel';

/**
 * `ok`: the element can be picked; `blocked`: it is in a frame a tour could not reach; `failed`: it was
 * picked, but its capture was refused (pick another).
 */
export type HoverTone = 'ok' | 'blocked' | 'failed';

const TONE_NOTE: Record<Exclude<HoverTone, 'ok'>, string> = {
  blocked: ' · in a frame from another site: cannot be picked',
  failed: ' · could not be captured: pick another element',
};

export interface PickerHost {
  /** Outlines `box` (viewport coordinates) and labels it. */
  showHover(box: Box, label: HoverLabel, tone: HoverTone): void;
  hideHover(): void;
  /** Re-attaches the host if the page removed it (some apps replace whole subtrees). */
  ensureAttached(): void;
  destroy(): void;
}

export interface PickerHostOptions {
  /** Show the banner (the top frame only: one banner per tab). */
  banner: boolean;
  onCancel(): void;
  /** False once the picker must stop (its extension is gone): the host is then neither moved nor put back. */
  live(): boolean;
}

/** How far outside the element the highlight box is drawn, in CSS pixels. */
const RING = 3;

/** The banner's text; the e2e tests and the docs quote it. */
export const BANNER_TEXT = 'Waymark: click the element for this step · Esc to cancel';

/**
 * The picker's home: a custom element with an open shadow root holding the highlight box, its label and
 * (in the top frame) the banner. Built with DOM calls and `textContent` only: page text shown in the
 * label can never become markup. It lives on <html>, or inside the page's open modal dialog or
 * fullscreen element, and follows them as they open and close (`followTopLayer`): outside an open modal
 * dialog the banner could not be clicked. Where the browser supports it, the host is a manual popover
 * in the top layer, drawn above the dialog rather than beneath it.
 */
export function createPickerHost(doc: Document, opts: PickerHostOptions): PickerHost {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string) => {
    const e = doc.createElement(tag);
    e.className = cls;
    return e;
  };
  const host = doc.createElement(PICKER_TAG);
  host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; margin: 0; padding: 0; border: 0; overflow: visible; z-index: 2147483647;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PICKER_CSS;
  const root = el('div', 'wmp-root');
  const box = el('div', 'wmp-box');
  const label = el('div', 'wmp-label');
  const labelTag = el('span', 'wmp-tag');
  const labelName = el('span', 'wmp-name');
  label.append(labelTag, labelName);
  root.append(box, label);

  let banner: HTMLElement | null = null;
  let cancel: HTMLButtonElement | null = null;
  let edge: Edge = 'top';
  const onCancelClick = () => opts.onCancel();
  if (opts.banner) {
    banner = el('div', 'wmp-banner');
    banner.setAttribute('role', 'region');
    banner.setAttribute('aria-label', 'Waymark element picker');
    banner.setAttribute('data-waymark-picker-banner', '');
    const text = el('p', 'wmp-text');
    const sub = el('span', 'wmp-sub');
    sub.textContent = 'Or Tab to it and press Enter';
    text.append(BANNER_TEXT, sub);
    cancel = el('button', 'wmp-cancel');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    cancel.addEventListener('click', onCancelClick);
    banner.append(text, cancel);
    root.append(banner);
  }
  shadow.append(style, root);

  const follower = followTopLayer(doc, host, opts.live);

  const viewport = () => ({ width: doc.documentElement.clientWidth, height: doc.documentElement.clientHeight });

  return {
    showHover(b, text, tone) {
      root.classList.toggle('wmp-blocked', tone !== 'ok');
      // A ring just outside the element, so its own border and colour stay visible inside.
      box.style.display = 'block';
      box.style.transform = `translate(${b.left - RING}px, ${b.top - RING}px)`;
      box.style.width = `${Math.max(0, b.right - b.left) + 2 * RING}px`;
      box.style.height = `${Math.max(0, b.bottom - b.top) + 2 * RING}px`;
      labelTag.textContent = text.tag;
      labelName.textContent = tone !== 'ok' ? TONE_NOTE[tone] : text.name ? ` ${text.name}` : '';
      label.style.display = 'block';
      const vp = viewport();
      const r = label.getBoundingClientRect();
      const at = placeLabel(b, { width: r.width, height: r.height }, vp);
      label.style.transform = `translate(${at.left}px, ${at.top}px)`;
      if (banner) {
        const br = banner.getBoundingClientRect();
        const next = bannerEdge(edge, b, { width: br.width, height: br.height }, vp);
        if (next !== edge) {
          edge = next;
          banner.classList.toggle('wmp-bottom', edge === 'bottom');
        }
      }
    },
    hideHover() {
      box.style.display = 'none';
      label.style.display = 'none';
    },
    ensureAttached: follower.ensureAttached,
    destroy() {
      follower.destroy();
      cancel?.removeEventListener('click', onCancelClick);
      try {
        if (host.matches(':popover-open')) host.hidePopover();
      } catch {
        // Already gone.
      }
      host.remove();
    },
  };
}
