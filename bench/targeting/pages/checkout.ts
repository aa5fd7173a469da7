import { el, textNode, type Ctx } from '../build';
import type { Node, Page } from '../model';
import { button, checkbox, field, toolbar } from '../widgets';

/** A checkout form: two address fieldsets with the same field labels, then navigation buttons. */
export function checkoutPage(ctx: Ctx): Page {
  const { rng } = ctx;
  const address = (legend: string, prefix: string): Node =>
    el(ctx, 'fieldset', {
      component: 'AddressForm',
      part: 'fieldset',
      purpose: legend,
      children: [
        el(ctx, 'legend', { text: legend }),
        ...(prefix === 'billing' ? [checkbox(ctx, 'AddressForm', 'Same as shipping')] : []),
        field(ctx, 'AddressForm', 'Street', { name: `${prefix}Street` }),
        field(ctx, 'AddressForm', 'City', { name: `${prefix}City` }),
        field(ctx, 'AddressForm', 'Postal code', { name: `${prefix}Postal` }),
        field(ctx, 'AddressForm', 'Country', { tag: 'select', options: ['Germany', 'France', 'Spain', 'United States'], name: `${prefix}Country` }),
      ],
      meta: { section: true },
    });
  const steps = el(ctx, 'ol', {
    component: 'Steps',
    part: 'steps',
    children: ['Cart', 'Address', 'Payment', 'Review'].map((s) => textNode(ctx, 'li', s)),
  });
  const summary = el(ctx, 'aside', {
    component: 'Summary',
    part: 'summary',
    children: [el(ctx, 'h2', { text: 'Order summary' }), textNode(ctx, 'p', `${rng.int(1, 5)} items`), textNode(ctx, 'p', `Total $${rng.int(20, 400)}.00`)],
    meta: { section: true },
  });
  return {
    title: 'Checkout',
    body: [
      el(ctx, 'main', {
        children: [
          el(ctx, 'h1', { text: 'Checkout' }),
          steps,
          summary,
          el(ctx, 'form', {
            component: 'Checkout',
            part: 'form',
            children: [address('Shipping address', 'shipping'), address('Billing address', 'billing'), toolbar(ctx, 'Checkout', [button(ctx, 'Checkout', 'Back'), button(ctx, 'Checkout', rng.chance(0.5) ? 'Continue' : 'Place order', { variant: 'primary' })])],
            meta: { section: true },
          }),
        ],
        meta: { section: true },
      }),
    ],
  };
}
