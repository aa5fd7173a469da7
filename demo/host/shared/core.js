// Cobalt CRM runtime shared by every release: fake data, a small DOM builder, the router and toasts.
// Markup lives in each release's views.js, so a release can change its DOM without touching this file.

const PEOPLE = [
  ['c-1001', 'Ava Thompson', 'VP Operations', 'Northwind Traders', 'Qualified', 'Maya Patel'],
  ['c-1002', 'Liam Becker', 'Head of Procurement', 'Globex Logistics', 'Proposal', 'Maya Patel'],
  ['c-1003', 'Sofia Moreno', 'CFO', 'Initech Labs', 'Negotiation', 'Jonas Weber'],
  ['c-1004', 'Noah Fischer', 'IT Director', 'Umbrella Health', 'Lead', 'Priya Shah'],
  ['c-1005', 'Mia Johansson', 'COO', 'Stark Renewables', 'Customer', 'Jonas Weber'],
  ['c-1006', 'Ethan Clarke', 'Sales Operations Lead', 'Hooli Media', 'Qualified', 'Priya Shah'],
  ['c-1007', 'Chloe Dubois', 'Marketing Director', 'Wayne Retail', 'Lead', 'Maya Patel'],
  ['c-1008', 'Lucas Rossi', 'Founder', 'Pied Piper Studio', 'Proposal', 'Jonas Weber'],
  ['c-1009', 'Hannah Kim', 'Head of Finance', 'Soylent Foods', 'Customer', 'Priya Shah'],
  ['c-1010', 'Oliver Nowak', 'Plant Manager', 'Acme Manufacturing', 'Negotiation', 'Maya Patel'],
  ['c-1011', 'Grace Okafor', 'Chief of Staff', 'Vandelay Imports', 'Qualified', 'Jonas Weber'],
  ['c-1012', 'Daniel Sato', 'Engineering Manager', 'Cyberdyne Systems', 'Lead', 'Priya Shah'],
  ['c-1013', 'Emma Laurent', 'Buyer', 'Tyrell Biotech', 'Proposal', 'Maya Patel'],
  ['c-1014', 'Jack Murphy', 'Regional Director', 'Oceanic Air', 'Customer', 'Jonas Weber'],
];

export const contacts = PEOPLE.map(([id, name, title, company, stage, owner], i) => ({
  id,
  name,
  title,
  company,
  stage,
  owner,
  email: `${name.toLowerCase().replace(' ', '.')}@${company.split(' ')[0].toLowerCase()}.example`,
  phone: `+1 415 555 ${String(132 + i * 37).padStart(4, '0')}`,
}));

export const findContact = (id) => contacts.find((c) => c.id === id);

export const DEAL_STAGES = ['Discovery', 'Qualified', 'Proposal', 'Negotiation', 'Closed won', 'Closed lost'];

const SEED_DEALS = [
  { id: 'd-2001', name: 'Globex – fleet rollout', contactId: 'c-1002', amount: 48000, stage: 'Proposal', close: '2025-07-15' },
  { id: 'd-2002', name: 'Initech – finance suite', contactId: 'c-1003', amount: 125000, stage: 'Negotiation', close: '2025-06-30' },
  { id: 'd-2003', name: 'Stark – renewal 2025', contactId: 'c-1005', amount: 72000, stage: 'Closed won', close: '2025-05-02' },
  { id: 'd-2004', name: 'Acme – plant analytics', contactId: 'c-1010', amount: 36500, stage: 'Qualified', close: '2025-08-21' },
  { id: 'd-2005', name: 'Tyrell – pilot', contactId: 'c-1013', amount: 12000, stage: 'Discovery', close: '2025-09-01' },
];

const DEALS_KEY = 'cobalt.deals';

/** Deals live in sessionStorage so that a saved deal survives a reload, as it would on a real backend. */
export function listDeals() {
  try {
    return JSON.parse(sessionStorage.getItem(DEALS_KEY) ?? 'null') ?? SEED_DEALS;
  } catch {
    return SEED_DEALS;
  }
}

export function addDeal(deal) {
  const all = [{ id: `d-${Date.now().toString(36)}`, ...deal }, ...listDeals()];
  try {
    sessionStorage.setItem(DEALS_KEY, JSON.stringify(all));
  } catch {
    /* storage disabled: the deal is simply not kept */
  }
}

export const money = (n) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(n || 0);
export const initials = (name) => name.split(' ').map((p) => p[0]).join('');

export function activityFor(c) {
  return [
    ['Today, 09:12', `Email opened: “Proposal for ${c.company}”`],
    ['Yesterday', `Call with ${c.name.split(' ')[0]} — 24 min, notes added by ${c.owner}`],
    ['Mon', `Stage changed to ${c.stage}`],
    ['Last week', `Contact created from web form`],
  ];
}

/** The canned reply of the "AI assistant": local and instant, there is no model behind it. */
export function assistantReply(question, contact) {
  const q = question.toLowerCase();
  const who = contact ? contact.name.split(' ')[0] : 'the buyer';
  if (!q) return 'Ask me something, for example “What should my next step be?”';
  if (/price|amount|discount|budget/.test(q)) return `Deals like this one usually close between $30k and $60k. Anchor high and offer a 10% multi-year discount to ${who}.`;
  if (/email|write|draft/.test(q)) return `Draft: “Hi ${who}, thanks for your time today. I have attached the proposal we discussed — could we review it together on Thursday?”`;
  return `Suggested next step: book a 30-minute pricing review with ${who} this week, then move the deal to Proposal.`;
}

/** Builds an element. Props starting with "on" are listeners; other props are attributes (true = empty). */
export function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...kids.flat(4).filter((k) => k != null && k !== false));
  return el;
}

export const stageSlug = (s) => s.toLowerCase().replace(/\s+/g, '-');

export function toast(message) {
  let region = document.querySelector('.toast-region');
  if (!region) {
    region = h('div', { class: 'toast-region', role: 'status', 'aria-live': 'polite' });
    document.body.append(region);
  }
  const t = h('div', { class: 'toast' }, message);
  region.append(t);
  setTimeout(() => t.remove(), 3200);
}

const ROUTES = [
  [/^\/contacts\/?$/, 'contacts'],
  [/^\/contacts\/([\w-]+)\/?$/, 'contact'],
  [/^\/deals\/new\/?$/, 'newDeal'],
  [/^\/deals\/?$/, 'deals'],
  [/^\/mail\/?$/, 'mail'],
  [/^\/erp\/orders\/?$/, 'erp'],
  [/^\/helpdesk\/?$/, 'helpdesk'],
];

let views = null;
let main = null;
let ticket = 0;

export function navigate(to, replace = false) {
  history[replace ? 'replaceState' : 'pushState'](null, '', to);
  render();
}

/**
 * Like a real SPA, a route change first clears the view and renders the new one a little later (as if
 * its code or data were being fetched), so anything looking for an element must wait for it.
 */
function render() {
  const { pathname, search } = location;
  if (pathname === '/') return navigate('/contacts', true);
  const mine = ++ticket;
  main.replaceChildren(h('div', { class: 'loading', role: 'progressbar', 'aria-label': 'Loading' }, h('span', { class: 'spinner' })));
  for (const a of document.querySelectorAll('nav a[href]')) {
    if (pathname.startsWith(a.getAttribute('href'))) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  setTimeout(() => {
    if (mine !== ticket) return; // a later navigation won
    const hit = ROUTES.map(([re, name]) => [re.exec(pathname), name]).find(([m]) => m);
    const params = new URLSearchParams(search);
    main.replaceChildren(hit ? views[hit[1]](...hit[0].slice(1), params) : views.notFound());
    document.title = `${main.querySelector('h1')?.textContent ?? 'Cobalt'} · Cobalt CRM`;
    window.scrollTo(0, 0);
  }, 150 + Math.floor(Math.random() * 150));
}

function onClick(e) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
  e.preventDefault();
  if (a.pathname + a.search !== location.pathname + location.search) navigate(a.pathname + a.search);
}

export async function startApp(releaseViews) {
  // The webmail, ERP and helpdesk pages are the same in every release; a release may still override them.
  const [apps, helpdesk] = await Promise.all([import('/apps.js'), import('/helpdesk.js')]);
  views = { mail: apps.mailView, erp: apps.erpView, helpdesk: helpdesk.helpdeskView, ...releaseViews };
  main = document.querySelector('main');
  document.addEventListener('click', onClick);
  addEventListener('popstate', render);
  const search = document.querySelector('input[type=search][name=q]');
  search?.form?.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(`/contacts?q=${encodeURIComponent(search.value.trim())}`);
  });
  render();
}
