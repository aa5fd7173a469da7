import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForWaymark } from './support/browser';
import { clickOverlayButton, doc, inOverlay } from './support/guidance';
import { describeInBrowsers, type BrowserUnderTest } from './support/inBrowsers';
import { html, servePages, type PageServer } from './support/pageServer';

/**
 * Enterprise apps still put their forms in same-origin frames (ERP screens, portals), and classic rich
 * editors (TinyMCE, CKEditor 4) edit inside an iframe of their own. The top frame's locator reaches
 * into such frames, so guidance anchored there must also hear the field being focused, typed into and
 * left in the frame's own document, and sit beside the field on screen, offset by the frame's place.
 */
const TOP = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Portal</title></head>
<body style="font: 16px system-ui; margin: 30px">
<h1>Purchasing portal</h1>
<iframe src="/form" title="Order form" style="width: 640px; height: 320px; margin-left: 80px; margin-top: 40px; border: 1px solid #999"></iframe>
</body></html>`;
const FORM = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Order form</title></head>
<body style="font: 16px system-ui; margin: 20px">
<p><label>PO number <input id="po" name="po" data-testid="po-number"></label></p>
<p><label>Supplier <input id="supplier" name="supplier"></label></p>
<p><label for="ask">Ask the assistant</label><br><textarea id="ask" data-testid="frame-assistant" rows="3" cols="50"></textarea></p>
</body></html>`;

const tip = doc({
  kind: 'tip',
  id: 'frame-po-tip',
  name: 'PO number',
  target: { tag: 'input', id: 'po', name: 'po', label: 'PO number', testId: 'po-number', framePath: [0] },
  title: 'Purchase order number',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Use the 8-digit number from the confirmation.' }] }],
  validation: { required: true, pattern: '\\\\d{8}', message: 'A PO number is exactly 8 digits.' },
});
const prompt = doc({
  kind: 'prompt',
  id: 'frame-prompt',
  name: 'Ask for a delivery date',
  target: { tag: 'textarea', id: 'ask', label: 'Ask the assistant', testId: 'frame-assistant', framePath: [0] },
  template: 'When can the supplier deliver the order?',
  variables: [],
});

let fixture: PageServer;
beforeAll(async () => {
  fixture = await servePages({ '/': html(TOP), '/form': html(FORM) });
});
afterAll(async () => {
  await fixture?.close();
});

function inFrames({ send, tab: tabOf }: BrowserUnderTest) {
  let tab: Page;
  let form: Frame;
  beforeAll(async () => {
    tab = tabOf();
    for (const guidance of [tip, prompt]) expect(await send({ type: 'admin/guidance/save', guidance })).toMatchObject({ ok: true });
  });
  const open = async () => {
    await tab.goto(`${fixture.url}/`);
    await waitForWaymark(tab);
    const f = tab.frames().find((x) => x.url().endsWith('/form'));
    if (!f) throw new Error('no form frame');
    await f.waitForSelector('#ask');
    form = f;
  };

  it("a smart tip on a field in the frame: shown when the field is focused there, beside it on screen, with the broken rule's message when left", async () => {
    await open();
    await inOverlay(tab, '[data-waymark-hint="frame-po-tip"] button');
    await form.click('#po');
    await inOverlay(tab, '[data-waymark-tip="wm-tip-frame-po-tip"]');
    // Beside the field on screen: the frame's offset counted.
    const fieldOnScreen = await tab.evaluate(() => {
      const frame = document.querySelector('iframe')!;
      const f = frame.getBoundingClientRect();
      const r = frame.contentDocument!.getElementById('po')!.getBoundingClientRect();
      return { left: f.left + frame.clientLeft + r.left, right: f.left + frame.clientLeft + r.right, top: f.top + frame.clientTop + r.top, bottom: f.top + frame.clientTop + r.bottom };
    });
    const hint = await (await inOverlay(tab, '[data-waymark-hint="frame-po-tip"] button')).evaluate((b) => b.getBoundingClientRect().toJSON() as DOMRect);
    expect(Math.abs(hint.left - fieldOnScreen.right), JSON.stringify({ hint, fieldOnScreen })).toBeLessThan(20);
    expect(hint.top).toBeGreaterThanOrEqual(fieldOnScreen.top - 2);
    expect(hint.bottom).toBeLessThanOrEqual(fieldOnScreen.bottom + 2);
    // Typed into and left empty-handed (a rule broken): the message says why.
    await form.type('#po', '123');
    await form.click('#supplier');
    await tab.waitForFunction(() => /exactly 8 digits/.test(document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-tip="wm-tip-frame-po-tip"]')?.textContent ?? ''), { timeout: 5000, polling: 50 });
  });

  it('a prompt helper on an assistant box in the frame: offered when it is focused there, and Insert fills it', async () => {
    await open();
    await form.click('#ask');
    await (await inOverlay(tab, '[data-template="frame-prompt"]')).click();
    await clickOverlayButton(tab, 'Insert');
    await form.waitForFunction(() => (document.getElementById('ask') as HTMLTextAreaElement).value === 'When can the supplier deliver the order?', { timeout: 5000, polling: 50 });
  });
}

describeInBrowsers('guidance on fields inside a same-origin frame', [], inFrames);
