import type { Page } from 'puppeteer-core';

/**
 * Picks `selector` on `page` with the mouse once the element picker is up, as an admin does: waits for
 * the picker's banner, moves onto the element until the picker's label matches `label`, and clicks.
 * Every wait polls on a timer (a page in a background tab gets no animation frames).
 */
export async function pickWithMouse(page: Page, selector: string, label: RegExp): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector('waymark-picker')?.shadowRoot?.querySelector('[data-waymark-picker-banner]'), { timeout: 10_000, polling: 50 });
  const { x, y } = await page.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(x - 200, y + 100);
  await page.mouse.move(x, y, { steps: 6 });
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('waymark-picker')?.shadowRoot?.querySelector('.wmp-label')?.textContent ?? ''), { polling: 50 }, label.source);
  await page.mouse.click(x, y);
}
