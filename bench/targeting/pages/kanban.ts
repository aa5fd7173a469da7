import { el, textNode, type Ctx } from '../build';
import type { Page } from '../model';
import { button, field, link, maybeShadow, section, toolbar } from '../widgets';
import { person, task } from './data';

/** A project board: columns with cards, each column with its own "Add card" (look-alikes by design). */
export function kanbanPage(ctx: Ctx): Page {
  const { rng } = ctx;
  const columns = ['To do', 'In progress', 'Done'].map((name) => {
    const cards = Array.from({ length: rng.int(2, 6) }, () =>
      el(ctx, 'article', {
        component: 'Card',
        part: 'card',
        children: [link(ctx, 'Card', task(rng), `/tasks/${rng.int(100, 999)}`, rng.chance(0.3)), textNode(ctx, 'span', person(rng))],
      }),
    );
    return section(ctx, 'Column', name, [el(ctx, 'div', { component: 'Column', part: 'cards', children: cards, meta: { reorder: true } }), button(ctx, 'Column', 'Add card')]);
  });
  const bar = toolbar(ctx, 'BoardToolbar', [button(ctx, 'BoardToolbar', 'Invite', { variant: 'primary' }), button(ctx, 'BoardToolbar', 'Filter'), field(ctx, 'BoardSearch', 'Search', { type: 'search' })]);
  return {
    title: 'Board',
    body: [
      el(ctx, 'header', { children: [textNode(ctx, 'strong', 'Board'), maybeShadow(ctx, 'board-toolbar', bar)], meta: { section: true } }),
      el(ctx, 'main', { component: 'Board', part: 'board', children: columns, meta: { section: true, reorder: true } }),
    ],
  };
}
