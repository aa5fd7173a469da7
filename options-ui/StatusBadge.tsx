import type { Flow } from '../src/schema/flow';

/** Draft or published: a word and a shape, so it does not rely on colour. */
export function StatusBadge({ status }: { status: Flow['status'] }) {
  return (
    <span class={`badge badge-${status}`} data-testid="flow-status">
      <span aria-hidden="true">{status === 'published' ? '● ' : '○ '}</span>
      {status === 'published' ? 'Published' : 'Draft'}
    </span>
  );
}
