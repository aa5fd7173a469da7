// Cobalt CRM, release 1: the views. Class names like css-1k8v2qd stand for what a CSS-in-JS build emits.
import { h, contacts, findContact, listDeals, addDeal, navigate, toast, money, initials, activityFor, assistantReply, stageSlug, DEAL_STAGES, startApp } from '/core.js';

const badge = (stage) => h('span', { class: `badge badge-${stageSlug(stage)} css-5m0vaa` }, stage);

function pageHeader(title, sub, ...actions) {
  return h('header', { class: 'page-header css-r8d2lf' },
    h('div', null, h('h1', { class: 'page-title' }, title), sub && h('p', { class: 'muted' }, sub)),
    h('div', { class: 'actions' }, actions));
}

function contactsView(params) {
  const rows = contacts.map((c) => h('tr', { 'data-testid': 'contact-row' },
    h('td', null, h('a', { class: 'contact-link css-1k8v2qd', href: `/contacts/${c.id}` }, c.name)),
    h('td', null, c.company),
    h('td', { class: 'muted' }, c.email),
    h('td', null, badge(c.stage)),
    h('td', null, c.owner)));
  const empty = h('tr', { hidden: true }, h('td', { colspan: 5, class: 'empty' }, 'No contacts match your search.'));
  const filter = (q) => {
    let shown = 0;
    rows.forEach((r, i) => {
      const c = contacts[i];
      r.hidden = !`${c.name} ${c.company} ${c.email}`.toLowerCase().includes(q.toLowerCase());
      if (!r.hidden) shown++;
    });
    empty.hidden = shown > 0;
  };
  const q = params.get('q') ?? '';
  const search = h('input', { id: 'contactSearch', class: 'input css-2hx9wd', type: 'search', placeholder: 'Search by name, company or email', 'data-testid': 'contact-search', value: q, oninput: (e) => filter(e.target.value) });
  filter(q);
  return h('div', { class: 'page css-1n7qz0k' },
    pageHeader('Contacts', `${contacts.length} contacts`,
      h('button', { type: 'button', class: 'btn btn-primary css-9x1mfa', 'data-testid': 'new-contact', onclick: () => toast('New contacts are imported from your email in this demo') }, 'New contact')),
    h('div', { class: 'card css-3jv0yt' },
      h('div', { class: 'toolbar' }, h('label', { class: 'sr-only', for: 'contactSearch' }, 'Search contacts'), search),
      h('table', { class: 'table css-8w4e1p' },
        h('thead', null, h('tr', null, ['Name', 'Company', 'Email', 'Stage', 'Owner'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, rows, empty))));
}

function contactView(id) {
  const c = findContact(id);
  if (!c) return notFound('Contact not found');
  return h('div', { class: 'page css-1n7qz0k' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/contacts' }, 'Contacts'), h('span', { 'aria-current': 'page' }, c.name)),
    h('header', { class: 'page-header css-r8d2lf' },
      h('div', { class: 'person' }, h('span', { class: 'avatar avatar-lg', 'aria-hidden': 'true' }, initials(c.name)),
        h('div', null, h('h1', { class: 'page-title' }, c.name), h('p', { class: 'muted' }, `${c.title} · ${c.company}`))),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'btn css-6tq2co', onclick: () => toast('Editing is disabled in the demo') }, 'Edit'),
        h('button', { type: 'button', id: 'createDeal', class: 'btn btn-primary css-q3v8z1', 'data-testid': 'create-deal', onclick: () => navigate(`/deals/new?contact=${c.id}`) }, 'Create deal'))),
    h('div', { class: 'grid-2 css-0f7m2d' },
      h('section', { class: 'card css-3jv0yt', 'aria-labelledby': 'detailsTitle' },
        h('h2', { id: 'detailsTitle', class: 'card-title' }, 'Details'),
        h('dl', { class: 'fields' }, [['Email', c.email], ['Phone', c.phone], ['Company', c.company], ['Stage', badge(c.stage)], ['Owner', c.owner]]
          .map(([k, v]) => [h('dt', null, k), h('dd', null, v)]))),
      h('section', { class: 'card css-3jv0yt', 'aria-labelledby': 'activityTitle' },
        h('h2', { id: 'activityTitle', class: 'card-title' }, 'Activity'),
        h('ol', { class: 'timeline' }, activityFor(c).map(([when, what]) => h('li', null, h('time', null, when), h('p', null, what)))))));
}

function field(id, label, control, wide) {
  return h('div', { class: `field${wide ? ' field-wide' : ''} css-y4c1bn` }, h('label', { for: id }, label), control);
}

function newDealView(params) {
  const contact = findContact(params.get('contact') ?? '');
  const error = h('p', { id: 'dealNameError', class: 'field-error', hidden: true }, 'Give the deal a name.');
  const name = h('input', { id: 'dealName', name: 'title', type: 'text', class: 'input css-2hx9wd', 'data-testid': 'deal-name', autocomplete: 'off', 'aria-describedby': 'dealNameError', oninput: () => { error.hidden = true; name.removeAttribute('aria-invalid'); } });
  const prompt = h('textarea', { id: 'aiPrompt', name: 'prompt', rows: 3, class: 'input css-2hx9wd', placeholder: 'Ask the assistant…', 'data-testid': 'ai-assistant-input' });
  const reply = h('div', { class: 'ai-reply', 'aria-live': 'polite' });
  const ask = h('button', { type: 'button', id: 'aiAsk', class: 'btn css-6tq2co', 'data-testid': 'ai-ask', onclick: () => {
    reply.replaceChildren(h('p', { class: 'muted' }, 'Thinking…'));
    ask.disabled = true;
    setTimeout(() => { ask.disabled = false; reply.replaceChildren(h('p', null, assistantReply(prompt.value.trim(), contact))); }, 500);
  } }, 'Ask');
  const onSubmit = (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    if (!name.value.trim()) {
      error.hidden = false;
      name.setAttribute('aria-invalid', 'true');
      return name.focus();
    }
    addDeal({ name: name.value.trim(), contactId: contact?.id, amount: Number(f.get('amount')) || 0, stage: f.get('stage'), close: f.get('closeDate') });
    toast('Deal saved');
    navigate('/deals');
  };
  return h('div', { class: 'page css-1n7qz0k' },
    pageHeader('New deal', contact ? `For ${contact.name} · ${contact.company}` : 'Not linked to a contact'),
    h('form', { id: 'dealForm', class: 'card deal-form css-m2k8ds', novalidate: true, 'aria-label': 'New deal', onsubmit: onSubmit },
      h('div', { class: 'form-grid css-h1q7xe' },
        field('dealName', 'Deal name', [name, error]),
        field('dealAmount', 'Amount (USD)', h('input', { id: 'dealAmount', name: 'amount', type: 'number', min: 0, step: 100, class: 'input css-2hx9wd', 'data-testid': 'deal-amount', placeholder: '0' })),
        field('dealStage', 'Stage', h('select', { id: 'dealStage', name: 'stage', class: 'input css-2hx9wd' }, DEAL_STAGES.map((s) => h('option', null, s)))),
        field('closeDate', 'Expected close date', h('input', { id: 'closeDate', name: 'closeDate', type: 'date', class: 'input css-2hx9wd' })),
        field('dealNotes', 'Notes', h('textarea', { id: 'dealNotes', name: 'notes', rows: 4, class: 'input css-2hx9wd' }), true)),
      h('section', { class: 'ai-panel css-w5n3ub', 'aria-labelledby': 'aiTitle' },
        h('h2', { id: 'aiTitle', class: 'card-title' }, 'AI assistant ', h('span', { class: 'pill' }, 'Beta')),
        h('p', { class: 'muted' }, 'Draft next steps, pricing or a follow-up email for this deal.'),
        h('label', { class: 'sr-only', for: 'aiPrompt' }, 'Ask the AI assistant'),
        prompt,
        h('div', { class: 'ai-row' }, ask),
        reply),
      h('div', { class: 'form-actions css-z6r0pk' },
        h('button', { type: 'button', class: 'btn css-6tq2co', 'data-testid': 'cancel-deal', onclick: () => navigate(contact ? `/contacts/${contact.id}` : '/deals') }, 'Cancel'),
        h('button', { type: 'submit', class: 'btn btn-primary css-9x1mfa', 'data-testid': 'save-deal' }, 'Save deal'))));
}

function dealsView() {
  const deals = listDeals();
  const open = deals.filter((d) => !d.stage.startsWith('Closed'));
  return h('div', { class: 'page css-1n7qz0k' },
    pageHeader('Deals', `${open.length} open · ${money(open.reduce((s, d) => s + d.amount, 0))} in pipeline`,
      h('a', { class: 'btn btn-primary css-9x1mfa', href: '/deals/new', 'data-testid': 'new-deal' }, 'New deal')),
    h('div', { class: 'card css-3jv0yt' },
      h('table', { class: 'table css-8w4e1p' },
        h('thead', null, h('tr', null, ['Deal', 'Contact', 'Stage', 'Amount', 'Close date'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, deals.map((d) => {
          const c = findContact(d.contactId);
          return h('tr', { 'data-testid': 'deal-row' },
            h('td', { class: 'strong' }, d.name),
            h('td', null, c ? h('a', { href: `/contacts/${c.id}` }, c.name) : '—'),
            h('td', null, badge(d.stage)),
            h('td', { class: 'num' }, money(d.amount)),
            h('td', null, d.close || '—'));
        })))));
}

function notFound(title = 'Page not found') {
  return h('div', { class: 'page empty-state css-1n7qz0k' }, h('h1', null, title), h('p', null, h('a', { href: '/contacts' }, 'Back to contacts')));
}

startApp({ contacts: contactsView, contact: contactView, newDeal: newDealView, deals: dealsView, notFound: () => notFound() });
