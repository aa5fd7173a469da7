import type { Block, Inline, RichText } from '../schema/richText';
import { SAFE_LINK } from '../schema/safeLink';

/**
 * Renders authored rich text as Preact elements. There is no HTML string anywhere on this path, so
 * authored content cannot inject markup; links are re-checked here because a document may come from
 * storage written by an older build.
 */
export function RichTextView({ doc }: { doc: RichText }) {
  return <>{doc.map((b, i) => <BlockView key={i} block={b} />)}</>;
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'paragraph':
      return <p class="wm-p"><Inlines xs={block.children} /></p>;
    case 'code':
      return <pre class="wm-pre"><code>{block.text}</code></pre>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}><Inlines xs={item} /></li>);
      return block.ordered ? <ol class="wm-list">{items}</ol> : <ul class="wm-list">{items}</ul>;
    }
  }
}

function Inlines({ xs }: { xs: Inline[] }) {
  return (
    <>
      {xs.map((x, i) => {
        if (x.type === 'link') {
          const text = x.children.map((c, j) => <Run key={j} run={c} />);
          return SAFE_LINK.test(x.href) ? (
            <a key={i} href={x.href} target="_blank" rel="noopener noreferrer">{text}</a>
          ) : (
            <span key={i}>{text}</span>
          );
        }
        return <Run key={i} run={x} />;
      })}
    </>
  );
}

function Run({ run }: { run: Extract<Inline, { type: 'text' }> }) {
  let node: preact.ComponentChild = run.text;
  if (run.code) node = <code>{node}</code>;
  if (run.italic) node = <em>{node}</em>;
  if (run.bold) node = <strong>{node}</strong>;
  return <>{node}</>;
}
