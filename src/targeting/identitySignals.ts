import type { ElementFingerprint } from '../schema/fingerprint';
import { analyzeToken } from './generatedTokens';
import type { Signal, SignalName } from './signal';
import { tokenize } from './normalizeText';
import { compileText, textSimilarity } from './similarity';

type IdentityField = 'testId' | 'id' | 'name';

/** How far a written identifier is trusted, by how much of it a tool generated. */
const QUALITY = { none: 1, partial: 0.3, full: 0.1 } as const;

/**
 * A developer-chosen identifier: `data-testid` and kin, `id`, a form control's `name`. Equal raw values
 * always count (even generated ones: same counter, same build); otherwise only the written parts are
 * compared, so `Button_save__a8f3k` still meets `Button_save__9zq1x`. Identifiers that merely resemble
 * each other count for nothing: `create_button` and `create_report_button`, `shippingCity` and
 * `billingCity` name different elements. Test ids and form names are contracts (with tests, with the
 * server) that releases keep, so a different written one counts against; ids are renamed in refactors
 * too often for that. Only fully written identifiers are witnesses.
 */
export function identitySignal(target: ElementFingerprint, field: IdentityField, baseWeight: number): Signal | null {
  const value = target[field];
  if (value === undefined || value === '') return null;
  const analysis = analyzeToken(value);
  const contradicts = field !== 'id' && analysis.generated === 'none';
  const name: SignalName = field;
  return {
    name,
    weight: baseWeight * QUALITY[analysis.generated],
    witness: analysis.generated === 'none' ? 'strong' : 'none',
    similarity(c) {
      const other = c[field];
      if (other === undefined || other === '') return 0;
      if (other === value) return 1;
      const a = analyzeToken(other);
      if (analysis.stable !== '' && a.stable === analysis.stable) return 0.9;
      return contradicts && a.generated === 'none' ? (field === 'name' ? -0.6 : -0.3) : 0;
    },
  };
}

const ID_SEGMENT = /^(\d+|[0-9a-f]{8,}|[0-9a-f-]{32,36})$/i;
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/**
 * A link's destination without what varies per record or per session: origin, numeric and hex ids in
 * the path (`/contacts/1234` -> `/contacts/*`), query values. Plain string work: a URL parser per
 * candidate link cost more than the rest of the link's scoring.
 */
export function normalizeHref(href: string): string | null {
  const h = href.trim();
  if (h === '' || h === '#' || /^javascript:/i.test(h)) return null;
  let rest = h.replace(ORIGIN, '');
  let hash = '';
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) {
    hash = rest.length - hashAt > 1 ? rest.slice(hashAt).toLowerCase() : '';
    rest = rest.slice(0, hashAt);
  }
  let query = '';
  const queryAt = rest.indexOf('?');
  if (queryAt >= 0) {
    query = rest
      .slice(queryAt + 1)
      .split('&')
      .map((kv) => kv.split('=')[0] ?? '')
      .filter((k) => k !== '')
      .sort()
      .join('&');
    rest = rest.slice(0, queryAt);
  }
  const path = rest
    .split('/')
    .map((s) => (ID_SEGMENT.test(s) ? '*' : s.toLowerCase()))
    .join('/');
  return path + (query ? '?' + query : '') + hash;
}

/** A fragment that is a client-side route (`#/sent`, `#!/inbox`), not an anchor in the page. */
const HASH_ROUTE = /#!?\//;

/**
 * The path of a link, with the origin, query and anchor fragment dropped. A hash route is the path of
 * a hash-routed app (`#/sent` and `#/starred` are two places, not one page), so it is kept. A link that
 * is nothing but a fragment (`#notes`, `#activity`: the tabs of a record page) has no path of its own:
 * the fragment is where it goes.
 */
function hrefPath(href: string): string {
  const h = href.trim().replace(ORIGIN, '');
  if (h.startsWith('#')) return h.split('?')[0]?.toLowerCase() ?? '';
  const cut = h.search(/[?#]/);
  let path = (cut < 0 ? h : h.slice(0, cut)).toLowerCase();
  if (path.endsWith('/')) path = path.slice(0, -1);
  const hashAt = h.indexOf('#');
  const route = hashAt >= 0 && HASH_ROUTE.test(h.slice(hashAt, hashAt + 3)) ? h.slice(hashAt).split('?')[0]?.toLowerCase() ?? '' : '';
  return path + route;
}

/**
 * A link's destination. The same path is a witness; the same pattern with another record id
 * (`/deals/2623` against `/deals/6413`) is another record, which counts against (the list of deals links
 * to every deal); a partly shared path counts a little.
 */
export function hrefSignal(target: ElementFingerprint): Signal | null {
  if (target.href === undefined) return null;
  const norm = normalizeHref(target.href);
  if (norm === null) return null;
  const path = hrefPath(target.href);
  const compiled = compileText(norm.replace(/[*/]/g, ' '));
  const cache = new Map<string, number>();
  return {
    name: 'href',
    weight: 3,
    witness: 'strong',
    similarity(c) {
      if (c.href === undefined) return 0;
      if (c.href === target.href) return 1;
      let v = cache.get(c.href);
      if (v === undefined) {
        const other = normalizeHref(c.href);
        if (other === null) v = 0;
        else if (hrefPath(c.href) === path) v = 0.95;
        // The same kind of link to another record: a contradiction, like another test id.
        else if (other === norm) v = -0.3;
        else v = 0.4 * textSimilarity(compiled, tokenize(other.replace(/[*/]/g, ' ')));
        cache.set(c.href, v);
      }
      return v;
    },
  };
}
