import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForStep } from './support/browser';
import { describeInBrowsers, testFlow, type BrowserUnderTest } from './support/inBrowsers';
import { html, js, servePages, type PageServer } from './support/pageServer';

/**
 * Hotwire Turbo (Rails apps) and similar "HTML over the wire" libraries navigate by fetching the next
 * page and replacing the whole <body> (`document.body.replaceWith(newBody)`), with `pushState`: no
 * page load, and every element of the old body gone at once. A walkthrough across such pages must
 * find each step's target in the new body, and say so when a target is not there.
 */
const page = (title: string, main: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><script src="/turbo.js"></script>
<style>body.dark { background: #0d1117; color: #e6edf3; }</style></head>
<body style="font: 16px system-ui; margin: 40px"><nav><a href="/projects" data-turbo>Projects</a> <a href="/people" data-turbo>People</a></nav>${main}</body></html>`;
const PROJECTS = page('Projects', '<h1>Projects</h1><button type="button" id="new-project">New project</button>');
const PEOPLE = page('People', '<h1>People</h1><button type="button" id="invite">Invite people</button>');
// The library's essence: links fetched, the body swapped, the URL pushed; back and forward too.
const TURBO = `addEventListener('click', async (e) => {
  const a = e.target.closest && e.target.closest('a[data-turbo]');
  if (!a) return;
  e.preventDefault();
  await visit(a.getAttribute('href'), true);
});
async function visit(href, push) {
  const text = await (await fetch(href)).text();
  const next = new DOMParser().parseFromString(text, 'text/html');
  document.title = next.title;
  document.body.replaceWith(document.adoptNode(next.body));
  if (push) history.pushState({}, '', href);
}
addEventListener('popstate', () => visit(location.pathname, false));`;

const FLOW = testFlow('swap-guide', 'Projects, then people', [
  { id: 'projects', title: 'Open People', body: [], page: '*://*/projects*', target: { tag: 'a', text: 'People', href: '/people' }, advance: { kind: 'click' } },
  { id: 'invite', title: 'Invite your team', body: [], page: '*://*/people*', target: { tag: 'button', id: 'invite', text: 'Invite people' }, advance: { kind: 'click' } },
  { id: 'done', title: 'Done', body: [], advance: { kind: 'next' } },
]);

let fixture: PageServer;
beforeAll(async () => {
  fixture = await servePages({ '/projects': html(PROJECTS), '/people': html(PEOPLE), '/turbo.js': js(TURBO) });
});
afterAll(async () => {
  await fixture?.close();
});

function bodySwaps({ send, tab: tabOf, timeout }: BrowserUnderTest) {
  let tab: Page;
  beforeAll(() => {
    tab = tabOf();
  });
  /** Starts the guide on Projects (its first step found) and follows the People link: the body swaps. */
  const toPeople = async () => {
    await send({ type: 'admin/progress/reset' });
    await tab.goto(`${fixture.url}/projects?waymark-flow=swap-guide`);
    expect(await waitForStep(tab, 0, timeout)).toBe('found');
    await tab.click('a[href="/people"]');
  };

  it('the next step is found in the swapped-in body, and its highlight is on it', async () => {
    await toPeople();
    await tab.waitForFunction(() => location.pathname === '/people' && !!document.getElementById('invite'), { polling: 50 });
    expect(await waitForStep(tab, 1, timeout)).toBe('found');
    await tab.waitForFunction(
      () => {
        const ring = document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('.wm-highlight')?.getBoundingClientRect();
        const t = document.getElementById('invite')?.getBoundingClientRect();
        return !!ring && !!t && ring.left <= t.left + 1 && ring.right >= t.right - 1 && ring.top <= t.top + 1 && ring.bottom >= t.bottom - 1;
      },
      { timeout: 5000, polling: 50 },
    );
    await tab.click('#invite');
    expect(await waitForStep(tab, 2, timeout)).toBe('centered');
  });

  it("the app's theme switched on the swapped-in body: the card follows it", async () => {
    await toPeople();
    expect(await waitForStep(tab, 1, timeout)).toBe('found');
    const scheme = () => tab.evaluate(() => document.querySelector('waymark-overlay')?.getAttribute('data-scheme'));
    expect(await scheme()).toBe('light');
    // The theme switch is a class on <body>, now the new one.
    await tab.evaluate(() => document.body.classList.add('dark'));
    await tab.waitForFunction(() => document.querySelector('waymark-overlay')?.getAttribute('data-scheme') === 'dark', { timeout: 3000, polling: 50 }).catch(() => undefined);
    expect(await scheme()).toBe('dark');
    await tab.evaluate(() => document.body.classList.remove('dark'));
    await tab.waitForFunction(() => document.querySelector('waymark-overlay')?.getAttribute('data-scheme') === 'light', { timeout: 3000, polling: 50 }).catch(() => undefined);
    expect(await scheme()).toBe('light');
  });

  it('back to a page whose body lacks the step target: the step waits there, and is found again forward', async () => {
    await toPeople();
    expect(await waitForStep(tab, 1, timeout)).toBe('found');
    // Back: the body swapped again, to one without the button; the step does not point at anything there.
    await tab.goBack();
    await tab.waitForFunction(() => location.pathname === '/projects' && !!document.getElementById('new-project'), { polling: 50 });
    await new Promise((r) => setTimeout(r, 500));
    const shown = await tab.evaluate(() => document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-step="1"]')?.getAttribute('data-waymark-phase') ?? null);
    expect(shown).not.toBe('found');
    await tab.goForward();
    await tab.waitForFunction(() => location.pathname === '/people' && !!document.getElementById('invite'), { polling: 50 });
    expect(await waitForStep(tab, 1, timeout)).toBe('found');
  });
}

describeInBrowsers('a host app that swaps its whole <body> to navigate (Turbo)', [FLOW], bodySwaps);
