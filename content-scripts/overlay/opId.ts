import { uuidv7 } from '../../src/ids/uuidv7';

/** A fresh operation id for a mutating request: a retry of the same request reuses it. */
export function newOpId(): string {
  return uuidv7(Date.now(), (b) => crypto.getRandomValues(b));
}
