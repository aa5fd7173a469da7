/**
 * URL patterns say where content applies. The syntax follows browser match patterns, with a port:
 *
 *   <scheme>://<host>[:<port>]<path>
 *
 * - scheme: `http`, `https`, or `*` (either of the two);
 * - host: `*` (any), `*.example.com` (the domain and its subdomains), or an exact host name or IPv4 address;
 * - port: a number or `*`; when omitted, any port matches (as in browser match patterns);
 * - path: starts with `/`; `*` matches any run of characters, `/` included. A pattern whose path holds a
 *   `?` is matched against path and query; otherwise the query and fragment are ignored.
 */
export interface ParsedUrlPattern {
  scheme: '*' | 'http' | 'https';
  /** `*`, `*.suffix` or an exact host, lower-cased. */
  host: string;
  /** `null` means any port. */
  port: string | null;
  pathRegex: RegExp;
  matchesQuery: boolean;
}

export type ParseResult = { ok: true; pattern: ParsedUrlPattern } | { ok: false; error: string };

const PATTERN = /^(\*|https?):\/\/([^/:]+)(?::(\*|\d{1,5}))?(\/.*)$/;
const HOST = /^(\*|(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/;

function escapeRegex(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export function parseUrlPattern(source: string): ParseResult {
  const m = PATTERN.exec(source.trim());
  if (!m) {
    return {
      ok: false,
      error: 'expected <scheme>://<host>[:<port>]/<path>, e.g. https://crm.example.com/deals/*',
    };
  }
  const [, scheme, rawHost, port, path] = m as unknown as [string, '*' | 'http' | 'https', string, string | undefined, string];
  const host = rawHost.toLowerCase();
  if (!HOST.test(host)) return { ok: false, error: `"${rawHost}" is not a host name; use *, *.example.com or an exact host` };
  if (port !== undefined && port !== '*' && Number(port) > 65535) return { ok: false, error: `port ${port} is out of range` };
  const regex = '^' + path.split('*').map(escapeRegex).join('.*') + '$';
  return {
    ok: true,
    pattern: {
      scheme,
      host,
      port: port === undefined || port === '*' ? null : port,
      pathRegex: new RegExp(regex),
      matchesQuery: path.includes('?'),
    },
  };
}

const cache = new Map<string, ParsedUrlPattern | null>();

function cachedParse(source: string): ParsedUrlPattern | null {
  let hit = cache.get(source);
  if (hit === undefined) {
    const r = parseUrlPattern(source);
    hit = r.ok ? r.pattern : null;
    if (cache.size > 500) cache.clear();
    cache.set(source, hit);
  }
  return hit;
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : protocol === 'http:' ? '80' : '';
}

/** Does `url` match `pattern`? Invalid patterns and non-http(s) URLs never match. */
export function matchUrl(pattern: string, url: string): boolean {
  const p = cachedParse(pattern);
  if (!p) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (p.scheme !== '*' && u.protocol !== `${p.scheme}:`) return false;
  const host = u.hostname.toLowerCase();
  if (p.host !== '*') {
    if (p.host.startsWith('*.')) {
      const suffix = p.host.slice(2);
      if (host !== suffix && !host.endsWith(`.${suffix}`)) return false;
    } else if (host !== p.host) return false;
  }
  if (p.port !== null && (u.port || defaultPort(u.protocol)) !== p.port) return false;
  const subject = p.matchesQuery ? u.pathname + u.search : u.pathname;
  return p.pathRegex.test(subject);
}

export function matchAny(patterns: readonly string[], url: string): boolean {
  return patterns.some((p) => matchUrl(p, url));
}

/**
 * The browser match pattern under which the bootstrap script is registered for a URL pattern: the
 * scheme and host, any path. Browser match patterns carry no port, so the port check is left to
 * `matchUrl` inside the background.
 */
export function toRegistrationPattern(pattern: string): string | null {
  const p = cachedParse(pattern);
  if (!p) return null;
  return `${p.scheme}://${p.host}/*`;
}
