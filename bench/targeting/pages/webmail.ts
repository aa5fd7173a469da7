import { el, textNode, type Ctx } from '../build';
import type { Node, Page } from '../model';
import { button, checkbox, field, link, maybeShadow, navList, section, toolbar } from '../widgets';
import { date, person, subject } from './data';

/** A webmail inbox: folders, a message list, a bulk toolbar and a reading pane (sometimes in an iframe). */
export function webmailPage(ctx: Ctx): Page {
  const { rng } = ctx;
  const folders = navList(ctx, 'Folders', ['Inbox', 'Starred', 'Sent', 'Drafts', 'Spam', 'Trash'].map((f) => [f, `#/${f.toLowerCase()}`] as [string, string]));
  const rows: Node[] = [];
  const n = rng.int(8, 20);
  for (let i = 0; i < n; i++) {
    const targetRow = rng.chance(4 / n);
    const from = person(rng);
    rows.push(
      el(ctx, 'div', {
        component: 'MessageRow',
        part: 'row',
        attrs: { role: 'row' },
        children: [
          el(ctx, 'div', { attrs: { role: 'gridcell' }, children: [el(ctx, 'input', { component: 'MessageRow', part: 'checkbox', attrs: { type: 'checkbox', 'aria-label': 'Select' }, meta: { target: targetRow, role: 'toggle' } })] }),
          el(ctx, 'div', { attrs: { role: 'gridcell' }, text: from }),
          el(ctx, 'div', { attrs: { role: 'gridcell' }, children: [link(ctx, 'MessageRow', subject(rng), `#/msg/${1000 + i}`, targetRow)] }),
          el(ctx, 'div', { attrs: { role: 'gridcell' }, text: date(rng) }),
        ],
      }),
    );
  }
  const list = el(ctx, 'div', { component: 'MessageList', part: 'list', attrs: { role: 'grid', 'aria-label': 'Messages' }, children: rows });
  const bulk = toolbar(ctx, 'BulkActions', [
    checkbox(ctx, 'BulkActions', 'Select all'),
    ...['Archive', 'Delete', 'Mark as read', 'Move to', 'Labels', 'Refresh'].map((t) => button(ctx, 'BulkActions', t)),
  ]);
  const paneContent = section(ctx, 'ReadingPane', subject(rng), [
    textNode(ctx, 'p', `From: ${person(rng)}`),
    textNode(ctx, 'p', 'Hi, please find the details below. Let me know what you think.'),
    toolbar(ctx, 'ReadingPane', ['Reply', 'Reply all', 'Forward'].map((t) => button(ctx, 'ReadingPane', t))),
  ], 'article');
  let pane: Node = paneContent;
  if (rng.chance(0.5)) {
    pane = el(ctx, 'iframe', { attrs: { title: 'Message' } });
    pane.frame = [paneContent];
  }
  const top = el(ctx, 'header', {
    component: 'MailHeader',
    part: 'bar',
    children: [button(ctx, 'MailHeader', 'Compose', { variant: 'primary' }), maybeShadow(ctx, 'mail-search', field(ctx, 'MailSearch', 'Search', { type: 'search' })), button(ctx, 'MailHeader', 'Settings'), button(ctx, 'MailHeader', 'Help')],
    meta: { section: true },
  });
  return {
    title: 'Inbox',
    body: [top, el(ctx, 'div', { component: 'Layout', part: 'layout', children: [folders, el(ctx, 'main', { children: [maybeShadow(ctx, 'bulk-actions', bulk), list, pane], meta: { section: true } })] })],
  };
}
