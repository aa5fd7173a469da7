import { el, textNode, type Ctx } from '../build';
import type { Node, Page } from '../model';
import { button, checkbox, field, link, maybeShadow, navList, toolbar } from '../widgets';
import { amount, company, date } from './data';

/** An ERP list: toolbar, search, a grid of invoices with per-row actions, pagination. */
export function erpGridPage(ctx: Ctx, rows = ctx.rng.int(12, 30)): Page {
  const { rng } = ctx;
  const asGrid = rng.chance(0.35); // div role=grid instead of a table
  const cell = (children: Node[], text?: string) =>
    el(ctx, asGrid ? 'div' : 'td', { attrs: asGrid ? { role: 'gridcell' } : {}, children, ...(text === undefined ? {} : { text }) });
  const head = ['', 'Invoice', 'Customer', 'Amount', 'Status', 'Due date', ''];
  const headerRow = el(ctx, asGrid ? 'div' : 'tr', {
    attrs: asGrid ? { role: 'row' } : {},
    children: head.map((h, i) =>
      el(ctx, asGrid ? 'div' : 'th', { attrs: asGrid ? { role: 'columnheader' } : {}, text: h, children: i === 0 ? [checkbox(ctx, 'Grid', 'Select all')] : [] }),
    ),
  });
  const body: Node[] = [];
  for (let r = 0; r < rows; r++) {
    const number = `INV-2024-${String(1000 + r * 7 + rng.int(0, 6)).padStart(5, '0')}`;
    // Row actions are targets only on a few rows, so that targets spread over the page kinds.
    const targetRow = rng.chance(6 / rows);
    const actions = [button(ctx, 'GridRow', 'Edit', { target: targetRow }), button(ctx, 'GridRow', 'Delete', { target: targetRow })];
    const box = el(ctx, 'input', { component: 'GridRow', part: 'checkbox', attrs: { type: 'checkbox', 'aria-label': `Select ${number}` }, meta: { target: targetRow, role: 'toggle' } });
    body.push(
      el(ctx, asGrid ? 'div' : 'tr', {
        component: 'GridRow',
        part: 'row',
        attrs: asGrid ? { role: 'row' } : {},
        children: [
          cell([box]),
          cell([link(ctx, 'GridRow', number, `/invoices/${1000 + r}`, targetRow)]),
          cell([], company(rng)),
          cell([], amount(rng)),
          cell([el(ctx, 'span', { component: 'Badge', part: 'badge', text: rng.pick(['Paid', 'Open', 'Overdue', 'Draft']) })]),
          cell([], date(rng)),
          cell(actions),
        ],
      }),
    );
  }
  const grid = asGrid
    ? el(ctx, 'div', { component: 'Grid', part: 'grid', attrs: { role: 'grid' }, children: [headerRow, ...body] })
    : el(ctx, 'table', { component: 'Grid', part: 'table', children: [el(ctx, 'thead', { children: [headerRow] }), el(ctx, 'tbody', { children: body })] });
  const bar = toolbar(ctx, 'GridToolbar', ['New', 'Import', 'Export', 'Filter', 'Columns', 'Refresh'].map((t, i) => button(ctx, 'GridToolbar', t, i === 0 ? { variant: 'primary' } : {})));
  const pager = el(ctx, 'div', {
    component: 'Pager',
    part: 'pager',
    children: [
      button(ctx, 'Pager', 'Previous'),
      textNode(ctx, 'span', `Page 1 of ${rng.int(3, 40)}`),
      button(ctx, 'Pager', 'Next'),
      field(ctx, 'Pager', 'Page size', { tag: 'select', options: ['25', '50', '100'] }),
    ],
    meta: { section: true, reorder: true },
  });
  return {
    title: 'Invoices',
    body: [
      el(ctx, 'header', { component: 'Shell', part: 'header', children: [navList(ctx, 'MainNav', [['Home', '/'], ['Invoices', '/invoices'], ['Companies', '/customers'], ['Reports', '/reports'], ['Settings', '/settings']])], meta: { section: true } }),
      el(ctx, 'main', {
        children: [el(ctx, 'h1', { text: 'Invoices' }), maybeShadow(ctx, 'grid-toolbar', bar), field(ctx, 'GridSearch', 'Search', { type: 'search' }), grid, pager],
        meta: { section: true },
      }),
    ],
  };
}
