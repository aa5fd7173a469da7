import { el, textNode, type Ctx } from '../build';
import type { Page } from '../model';
import { button, field, heading, maybeShadow, navList, section, toolbar } from '../widgets';

/** A reports dashboard: a toolbar, stat tiles (non-interactive targets) and an open modal dialog. */
export function dashboardPage(ctx: Ctx): Page {
  const { rng } = ctx;
  const tiles = ['Revenue', 'New customers', 'Churn rate'].map((t) =>
    el(ctx, 'div', {
      component: 'StatTile',
      part: 'tile',
      purpose: t,
      attrs: { class: 'card' },
      children: [heading(ctx, 3, t, rng.chance(0.5)), textNode(ctx, 'p', rng.pick(['$1.2M', '342', '2.1%', '€980k', '57']))],
      meta: { target: rng.chance(0.3), role: 'tile', section: true },
    }),
  );
  const bar = toolbar(ctx, 'ReportToolbar', [
    button(ctx, 'ReportToolbar', 'Create report', { variant: 'primary' }),
    button(ctx, 'ReportToolbar', 'Share'),
    button(ctx, 'ReportToolbar', 'Download'),
    button(ctx, 'ReportToolbar', 'Filter'),
    field(ctx, 'ReportToolbar', 'Date range', { tag: 'select', options: ['Last 7 days', 'Last 30 days', 'This year'] }),
  ]);
  const dialog = el(ctx, 'div', {
    component: 'CreateReportDialog',
    part: 'dialog',
    attrs: { role: 'dialog', 'aria-label': 'Create report' },
    children: [
      el(ctx, 'h2', { text: 'Create report' }),
      field(ctx, 'CreateReportDialog', 'Report name'),
      field(ctx, 'CreateReportDialog', 'Description', { tag: 'textarea' }),
      toolbar(ctx, 'CreateReportDialog', [button(ctx, 'CreateReportDialog', 'Cancel'), button(ctx, 'CreateReportDialog', 'Create', { variant: 'primary' })]),
    ],
    meta: { section: true },
  });
  return {
    title: 'Reports',
    body: [
      el(ctx, 'header', { children: [navList(ctx, 'MainNav', [['Home', '/'], ['Reports', '/reports'], ['Settings', '/settings']]), button(ctx, 'Header', 'Help')], meta: { section: true } }),
      el(ctx, 'main', {
        children: [el(ctx, 'h1', { text: 'Reports' }), maybeShadow(ctx, 'report-toolbar', bar), el(ctx, 'div', { component: 'Tiles', part: 'tiles', children: tiles, meta: { reorder: true, section: true } }), ...(rng.chance(0.7) ? [dialog] : [section(ctx, 'Empty', 'No reports yet', [button(ctx, 'Empty', 'Create report')])])],
        meta: { section: true },
      }),
    ],
  };
}
