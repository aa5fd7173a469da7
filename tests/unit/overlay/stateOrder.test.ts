import { describe, expect, it } from 'vitest';
import { createStateOrder } from '../../../content-scripts/overlay/stateOrder';

describe('createStateOrder', () => {
  it('drops the answer to a request sent before one whose answer was already applied', () => {
    let t = 100;
    const order = createStateOrder(() => t);
    const refresh = order.stamp(); // a presence refresh goes out…
    t += 5;
    const skip = order.stamp(); // …then the user presses Skip
    expect(order.accept(skip)).toBe(true); // Skip's answer (the run has ended) arrives first
    expect(order.accept(refresh)).toBe(false); // the refresh's answer still shows the run: dropped
  });

  it('applies answers that arrive in the order their requests were sent', () => {
    let t = 0;
    const order = createStateOrder(() => t);
    const a = order.stamp();
    const b = order.stamp(); // same clock tick: still ordered
    t = 1;
    const c = order.stamp();
    expect([order.accept(a), order.accept(b), order.accept(c)]).toEqual([true, true, true]);
  });

  it('orders two requests sent within the same clock tick', () => {
    const order = createStateOrder(() => 42);
    const first = order.stamp();
    const second = order.stamp();
    expect(order.accept(second)).toBe(true);
    expect(order.accept(first)).toBe(false);
  });
});
