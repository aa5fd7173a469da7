import { el, textNode, type Ctx } from '../build';
import type { Page } from '../model';
import { button, field, link, maybeShadow, navList, section, tabs, toolbar } from '../widgets';
import { amount, company, person } from './data';

/** A CRM contact record: top navigation, record header, tabs, an editable details card, activity, deals. */
export function crmPage(ctx: Ctx): Page {
  const { rng } = ctx;
  const name = person(rng);
  const header = el(ctx, 'header', {
    component: 'TopBar',
    part: 'bar',
    children: [
      textNode(ctx, 'strong', 'SalesHub'),
      navList(ctx, 'TopNav', [['Home', '/home'], ['Contacts', '/contacts'], ['Companies', '/companies'], ['Deals', '/deals'], ['Reports', '/reports']]),
      maybeShadow(ctx, 'global-search', field(ctx, 'GlobalSearch', 'Search', { type: 'search' })),
      button(ctx, 'TopBar', 'Help'),
    ],
    meta: { section: true },
  });
  const recordHeader = el(ctx, 'div', {
    component: 'RecordHeader',
    part: 'header',
    children: [
      el(ctx, 'h1', { text: name, meta: { target: rng.chance(0.3), role: 'heading' } }),
      link(ctx, 'RecordHeader', company(rng), `/companies/${rng.int(100, 999)}`),
      maybeShadow(ctx, 'record-actions', toolbar(ctx, 'RecordHeader', [button(ctx, 'RecordHeader', 'Edit'), button(ctx, 'RecordHeader', 'Follow'), button(ctx, 'RecordHeader', 'More')])),
    ],
    meta: { section: true },
  });
  const details = section(ctx, 'ContactCard', 'Contact details', [
    field(ctx, 'ContactCard', 'First name'),
    field(ctx, 'ContactCard', 'Last name'),
    field(ctx, 'ContactCard', 'Email', { type: 'email' }),
    field(ctx, 'ContactCard', 'Phone', { type: 'tel' }),
    field(ctx, 'ContactCard', 'Company'),
    field(ctx, 'ContactCard', 'Owner', { tag: 'select', options: [person(rng), person(rng), person(rng)] }),
    toolbar(ctx, 'ContactCard', [button(ctx, 'ContactCard', 'Save', { variant: 'primary' }), button(ctx, 'ContactCard', 'Cancel')]),
  ]);
  const items = Array.from({ length: rng.int(3, 7) }, () =>
    el(ctx, 'li', { children: [textNode(ctx, 'span', `${rng.pick(['Call with', 'Email to', 'Meeting with'])} ${person(rng)}`), link(ctx, 'Activity', 'Open', `/activities/${rng.int(1000, 9999)}`, false)] }),
  );
  const activity = section(ctx, 'Activity', 'Activity', [
    toolbar(ctx, 'Activity', [button(ctx, 'Activity', 'Log a call'), button(ctx, 'Activity', 'Add note')]),
    el(ctx, 'ul', { component: 'Activity', part: 'list', children: items, meta: { reorder: true } }),
  ]);
  const deals = Array.from({ length: rng.int(2, 5) }, () =>
    el(ctx, 'li', { children: [link(ctx, 'Deals', `${company(rng)} renewal`, `/deals/${rng.int(1000, 9999)}`), textNode(ctx, 'span', ` ${amount(rng)}`)] }),
  );
  const aside = section(ctx, 'Deals', 'Open deals', [el(ctx, 'ul', { component: 'Deals', part: 'list', children: deals, meta: { reorder: true } }), button(ctx, 'Deals', 'New')], 'aside');
  const main: Page['body'] = [recordHeader, tabs(ctx, 'RecordTabs', ['Overview', 'Activity', 'Emails', 'Notes']), aside, details, activity];
  if (rng.chance(0.4)) {
    // A notes editor in a same-origin iframe, with its own Save: a natural look-alike.
    const frame = el(ctx, 'iframe', { attrs: { title: 'Notes editor' } });
    frame.frame = [section(ctx, 'NotesEditor', 'Notes', [field(ctx, 'NotesEditor', 'Description', { tag: 'textarea' }), button(ctx, 'NotesEditor', 'Save', { variant: 'primary' })])];
    main.push(frame);
  }
  return { title: `${name} - Contact`, body: [header, el(ctx, 'main', { children: main, meta: { section: true } })] };
}
