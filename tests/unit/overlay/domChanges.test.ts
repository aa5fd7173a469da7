import { describe, expect, it, vi } from 'vitest';
import { createDomChanges, WATCHED_ATTRIBUTES, type ObserverCtor } from '../../../content-scripts/overlay/domChanges';

/** A stand-in MutationObserver: counts what was made, observed and disconnected, and delivers by hand. */
function fakeObservers() {
  const made: Array<{ cb: MutationCallback; observed: Array<[unknown, MutationObserverInit | undefined]>; disconnected: number }> = [];
  const Ctor: ObserverCtor = class {
    private rec: (typeof made)[number];
    constructor(cb: MutationCallback) {
      this.rec = { cb, observed: [], disconnected: 0 };
      made.push(this.rec);
    }
    observe(target: Node, init?: MutationObserverInit) {
      this.rec.observed.push([target, init]);
    }
    disconnect() {
      this.rec.disconnected++;
    }
  };
  const fire = (records: Partial<MutationRecord>[]) => made.at(-1)?.cb(records as MutationRecord[], {} as MutationObserver);
  return { Ctor, made, fire };
}

const root = {} as Node;

describe('the shared DOM change hub', () => {
  it('is one observer for every listener, attached on the first and detached after the last', () => {
    const { Ctor, made, fire } = fakeObservers();
    const hub = createDomChanges(root, Ctor);
    expect(made).toHaveLength(0);
    const a = vi.fn();
    const b = vi.fn();
    const stopA = hub.subscribe(a);
    const stopB = hub.subscribe(b);
    expect(made).toHaveLength(1);
    expect(made[0]?.observed).toEqual([[root, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES }]]);
    const batch: Partial<MutationRecord>[] = [{ type: 'childList' }];
    fire(batch);
    expect(a).toHaveBeenCalledWith(batch);
    expect(b).toHaveBeenCalledWith(batch);
    stopA();
    expect(made[0]?.disconnected).toBe(0);
    fire(batch);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    stopB();
    expect(made[0]?.disconnected).toBe(1);
    // Stopping twice does nothing more.
    stopB();
    expect(made[0]?.disconnected).toBe(1);
    // A new listener gets a new observer.
    hub.subscribe(a);
    expect(made).toHaveLength(2);
  });

  it('a listener that throws does not keep the batch from the others; one that leaves during a batch gets no more', () => {
    const { Ctor, fire } = fakeObservers();
    const hub = createDomChanges(root, Ctor);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const later = vi.fn();
    hub.subscribe(() => {
      throw new Error('broken');
    });
    let stopLater: () => void = () => undefined;
    hub.subscribe(() => stopLater());
    stopLater = hub.subscribe(later);
    fire([{ type: 'attributes' }]);
    expect(later).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
