import { describe, expect, it } from 'vitest';
import { matchUrl, parseUrlPattern, toRegistrationPattern } from '../../../src/rules/urlPattern';

describe('URL patterns', () => {
  it.each([
    ['https://crm.example.com/deals/*', 'https://crm.example.com/deals/42', true],
    ['https://crm.example.com/deals/*', 'https://crm.example.com/contacts/1', false],
    ['https://crm.example.com/deals/*', 'http://crm.example.com/deals/42', false],
    ['*://crm.example.com/*', 'http://crm.example.com/x', true],
    ['*://*.example.com/*', 'https://a.b.example.com/x', true],
    ['*://*.example.com/*', 'https://example.com/x', true],
    ['*://*.example.com/*', 'https://badexample.com/x', false],
    ['http://127.0.0.1/*', 'http://127.0.0.1:5173/contacts', true],
    ['http://127.0.0.1:5173/*', 'http://127.0.0.1:5174/contacts', false],
    ['http://127.0.0.1:80/*', 'http://127.0.0.1/contacts', true],
    ['*://*/contacts', 'http://h/contacts?q=1', true],
    ['*://*/contacts', 'http://h/contacts/1', false],
    ['*://*/search?q=*', 'http://h/search?q=abc', true],
    ['*://*/search?q=*', 'http://h/search', false],
    ['*://*/*', 'file:///etc/passwd', false],
    ['*://*/*', 'chrome-extension://abc/x', false],
    ['*://*/*', 'not a url', false],
    ['https://CRM.Example.com/*', 'https://crm.example.com/', true],
  ])('%s against %s → %s', (pattern, url, expected) => {
    expect(matchUrl(pattern, url)).toBe(expected);
  });

  it('treats regex characters in paths literally', () => {
    expect(matchUrl('*://*/a.b(c)', 'http://h/a.b(c)')).toBe(true);
    expect(matchUrl('*://*/a.b(c)', 'http://h/aXb(c)')).toBe(false);
  });

  it.each([
    ['crm.example.com/*', /expected <scheme>/],
    ['ftp://x/*', /expected <scheme>/],
    ['https://exa mple.com/*', /expected <scheme>|not a host/],
    ['https://ex*ample.com/*', /not a host name/],
    ['https://example.com:99999/*', /out of range/],
    ['https://example.com', /expected <scheme>/],
  ])('rejects %s with a specific reason', (pattern, reason) => {
    const r = parseUrlPattern(pattern);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(reason);
  });

  it('derives browser match patterns for registration (host only, no port)', () => {
    expect(toRegistrationPattern('http://127.0.0.1:5173/deals/*')).toBe('http://127.0.0.1/*');
    expect(toRegistrationPattern('*://*.example.com/x')).toBe('*://*.example.com/*');
    expect(toRegistrationPattern('nonsense')).toBeNull();
  });
});
