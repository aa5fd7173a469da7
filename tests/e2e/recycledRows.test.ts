import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForStep } from './support/browser';
import { describeInBrowsers, testFlow } from './support/inBrowsers';
import { html, servePages, type PageServer } from './support/pageServer';

/**
 * Grids that reuse their row elements: a list keyed by index re-renders a sort or a filter by
 * rewriting the text of the rows in place, and a virtualized list recycles the rows scrolled out of
 * view for the ones scrolled in. The element a step was anchored to then shows another record, though
 * it never left the page. The step must follow its record to the element now showing it, and must not
 * stay on another record's button when its record is no longer shown.
 */
const INVOICES = Array.from({ length: 12 }, (_, i) => ({ number: `INV-2024-${1001 + i}`, customer: ['Acme', 'Globex', 'Initech', 'Umbrella'][i % 4] as string, amount: 100 + 37 * i }));

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoices</title></head>
<body style="font: 15px system-ui; margin: 24px">
<h1>Invoices</h1>
<p><button type="button" id="sort">Sort by amount, highest first</button> <button type="button" id="filter">Only Acme</button> <button type="button" id="status">Mark the first paid</button></p>
<table><thead><tr><th>Number</th><th>Customer</th><th>Amount</th><th>Status</th><th></th></tr></thead><tbody id="rows"></tbody></table>
<script>
const invoices = ${JSON.stringify(INVOICES)};
const tbody = document.getElementById('rows');
// One row element per slot, created once and reused for whatever record the slot shows (keyed by index).
const slots = invoices.map(() => {
  const tr = document.createElement('tr');
  for (let c = 0; c < 4; c++) tr.append(document.createElement('td'));
  const td = document.createElement('td');
  const edit = document.createElement('button');
  edit.type = 'button';
  edit.textContent = 'Edit';
  edit.addEventListener('click', () => { document.title = 'Editing ' + tr.cells[0].textContent; });
  td.append(edit);
  tr.append(td);
  tbody.append(tr);
  return tr;
});
function render(list) {
  slots.forEach((tr, i) => {
    const inv = list[i];
    tr.hidden = inv === undefined;
    if (!inv) return;
    tr.cells[0].textContent = inv.number;
    tr.cells[1].textContent = inv.customer;
    tr.cells[2].textContent = '$' + inv.amount;
    tr.cells[3].textContent = inv.paid ? 'Paid' : 'Open';
  });
}
render(invoices);
document.getElementById('sort').onclick = () => render([...invoices].sort((a, b) => b.amount - a.amount));
document.getElementById('filter').onclick = () => render(invoices.filter((x) => x.customer === 'Acme'));
document.getElementById('status').onclick = () => { invoices[2].paid = true; render(invoices); };
</script></body></html>`;

/** The Edit button of INV-2024-1003 (Initech), as the picker records it: the row label names the record. */
const EDIT_1003 = { tag: 'button', role: 'button', text: 'Edit', neighborText: 'Invoices · INV-2024-1003', isButton: true, uniqueBy: [] };
/** One flow per test, so each starts afresh from its link. */
const flow = (id: string) =>
  testFlow(id, 'Edit an invoice', [
    { id: 'edit', title: 'Edit this invoice', body: [], target: EDIT_1003, advance: { kind: 'click' } },
    { id: 'done', title: 'Done', body: [], advance: { kind: 'next' } },
  ]);
const FLOWS = ['recycled-sort', 'recycled-filter', 'recycled-cell'].map(flow);

let fixture: PageServer;
beforeAll(async () => {
  fixture = await servePages({ '/': html(PAGE) });
});
afterAll(async () => {
  await fixture?.close();
});

/** The record shown in the row the highlight encloses, or `null` when no highlight is drawn. */
function ringedRecord(tab: Page): Promise<string | null> {
  return tab.evaluate(() => {
    const ring = document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('.wm-highlight')?.getBoundingClientRect();
    if (!ring || ring.width === 0) return null;
    for (const b of document.querySelectorAll('#rows button')) {
      const r = b.getBoundingClientRect();
      if (r.width > 0 && ring.left <= r.left + 1 && ring.top <= r.top + 1 && ring.right >= r.right - 1 && ring.bottom >= r.bottom - 1 && r.left - ring.left < 12) return (b.closest('tr') as HTMLTableRowElement).cells[0]?.textContent ?? '';
    }
    return 'elsewhere';
  });
}

async function ringSettlesOn(tab: Page, record: string | null): Promise<void> {
  const deadline = Date.now() + 5000;
  let seen: string | null = null;
  while (Date.now() < deadline) {
    seen = await ringedRecord(tab);
    if (seen === record) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(seen).toBe(record);
}

describeInBrowsers('rows reused for other records', FLOWS, ({ tab, timeout }) => {
  it('follows its record when a sort rewrites the rows in place', async () => {
    await tab().goto(`${fixture.url}/?waymark-flow=recycled-sort`);
    expect(await waitForStep(tab(), 0, timeout)).toBe('found');
    await ringSettlesOn(tab(), 'INV-2024-1003');
    await tab().click('#sort');
    // INV-2024-1003 ($174) is now in the tenth row; the third row shows INV-2024-1010.
    await ringSettlesOn(tab(), 'INV-2024-1003');
    // And the step still advances on the click of the record's Edit.
    const edit = await tab().evaluateHandle(() => [...document.querySelectorAll('#rows tr')].find((tr) => (tr as HTMLTableRowElement).cells[0]?.textContent === 'INV-2024-1003')?.querySelector('button'));
    await (edit as unknown as { click(): Promise<void> }).click();
    expect(await waitForStep(tab(), 1, timeout)).not.toBe('locating');
    expect(await tab().title()).toBe('Editing INV-2024-1003');
  });

  it('leaves another record\'s row when a filter hides its record, and comes back with it', async () => {
    await tab().goto(`${fixture.url}/?waymark-flow=recycled-filter`);
    expect(await waitForStep(tab(), 0, timeout)).toBe('found');
    await tab().click('#filter');
    // Only Acme's invoices are shown: INV-2024-1003 (Initech) is not, and its old row shows an Acme one.
    await ringSettlesOn(tab(), null);
    await tab().evaluate(() => (document.getElementById('sort') as HTMLButtonElement).click());
    await ringSettlesOn(tab(), 'INV-2024-1003');
  });

  it('stays put when only another cell of its row changes', async () => {
    await tab().goto(`${fixture.url}/?waymark-flow=recycled-cell`);
    expect(await waitForStep(tab(), 0, timeout)).toBe('found');
    await tab().click('#status');
    await new Promise((r) => setTimeout(r, 400));
    await ringSettlesOn(tab(), 'INV-2024-1003');
  });
});
