// Cobalt CRM, release 2 (2025.2): the views. Same features as release 1, rebuilt: new class hashes, new ids,
// fewer test ids, the AI assistant moved to a side rail, and no Cancel button on the deal form.
import { h, contacts, findContact, listDeals, addDeal, navigate, toast, money, initials, activityFor, assistantReply, stageSlug, DEAL_STAGES, startApp } from '/core.js';

const badge = (stage) => h('span', { class: `badge badge-${stageSlug(stage)} css-1wq8e3r` }, stage);

function pageHeader(title, sub, ...actions) {
  return h('header', { class: 'page-header css-8rk2nb' },
    h('div', { class: 'page-heading css-0pl4xw' }, h('h1', { class: 'page-title' }, title), sub && h('p', { class: 'muted' }, sub)),
    h('div', { class: 'actions css-ma71fd' }, h('div', { class: 'btn-group' }, actions)));
}

function contactsView(params) {
  const rows = contacts.map((c) => h('tr', { 'data-testid': 'contact-row' },
    h('td', null, h('div', { class: 'cell-primary css-fa0n3e' }, h('a', { class: 'contact-link css-t7z3mq', href: `/contacts/${c.id}` }, c.name))),
    h('td', null, badge(c.stage)),
    h('td', null, c.company),
    h('td', { class: 'muted' }, c.email),
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
  const search = h('input', { id: 'contacts-filter', class: 'input css-c2l9vk', type: 'search', placeholder: 'Search by name, company or email', 'data-testid': 'contacts-search', value: q, oninput: (e) => filter(e.target.value) });
  filter(q);
  return h('div', { class: 'page css-x0v5hs' }, h('div', { class: 'page-inner css-47jqpe' },
    pageHeader('Contacts', `${contacts.length} contacts`,
      h('button', { type: 'button', class: 'btn btn-primary css-ug1b8q', onclick: () => toast('New contacts are imported from your email in this demo') }, 'New contact')),
    h('div', { class: 'card css-p5hw2r' },
      h('div', { class: 'toolbar css-kd30ft' }, h('label', { class: 'sr-only', for: 'contacts-filter' }, 'Search contacts'), search),
      h('div', { class: 'table-scroll css-94bn7x' }, h('table', { class: 'table css-r1c8lw' },
        h('thead', null, h('tr', null, ['Name', 'Stage', 'Company', 'Email', 'Owner'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, rows, empty))))));
}

function contactView(id) {
  const c = findContact(id);
  if (!c) return notFound('Contact not found');
  return h('div', { class: 'page css-x0v5hs' }, h('div', { class: 'page-inner css-47jqpe' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/contacts' }, 'Contacts'), h('span', { 'aria-current': 'page' }, c.name)),
    h('header', { class: 'page-header css-8rk2nb' },
      h('div', { class: 'person css-7e2hsv' }, h('span', { class: 'avatar avatar-lg', 'aria-hidden': 'true' }, initials(c.name)),
        h('div', null, h('h1', { class: 'page-title' }, c.name), h('p', { class: 'muted' }, `${c.title} · ${c.company}`))),
      h('div', { class: 'actions css-ma71fd' }, h('div', { class: 'btn-group' },
        h('button', { type: 'button', id: 'create-deal-btn', class: 'btn btn-primary css-0zq4gm', 'data-testid': 'create-deal', onclick: () => navigate(`/deals/new?contact=${c.id}`) }, 'Create deal'),
        h('button', { type: 'button', class: 'btn css-3yb6ti', onclick: () => toast('Editing is disabled in the demo') }, 'Edit')))),
    h('div', { class: 'grid-2 css-vn25ka' },
      h('section', { class: 'card css-p5hw2r', 'aria-labelledby': 'contact-activity' },
        h('h2', { id: 'contact-activity', class: 'card-title' }, 'Activity'),
        h('ol', { class: 'timeline' }, activityFor(c).map(([when, what]) => h('li', null, h('time', null, when), h('p', null, what))))),
      h('section', { class: 'card css-p5hw2r', 'aria-labelledby': 'contact-details' },
        h('h2', { id: 'contact-details', class: 'card-title' }, 'Details'),
        h('dl', { class: 'fields' }, [['Email', c.email], ['Phone', c.phone], ['Company', c.company], ['Stage', badge(c.stage)], ['Owner', c.owner]]
          .map(([k, v]) => [h('dt', null, k), h('dd', null, v)]))))));
}

function field(id, label, control, wide) {
  return h('div', { class: `field${wide ? ' field-wide' : ''} css-g8s1du` }, h('label', { for: id }, label), h('div', { class: 'control css-5jw0rh' }, control));
}

function newDealView(params) {
  const contact = findContact(params.get('contact') ?? '');
  const error = h('p', { id: 'deal-title-error', class: 'field-error', hidden: true }, 'Give the deal a name.');
  const name = h('input', { id: 'deal-title-input', name: 'title', type: 'text', class: 'input css-c2l9vk', autocomplete: 'off', 'aria-describedby': 'deal-title-error', oninput: () => { error.hidden = true; name.removeAttribute('aria-invalid'); } });
  const prompt = h('textarea', { id: 'ai-prompt-input', name: 'prompt', rows: 4, class: 'input css-c2l9vk', placeholder: 'Ask the assistant…', 'data-testid': 'assistant-prompt' });
  const reply = h('div', { class: 'ai-reply', 'aria-live': 'polite' });
  const ask = h('button', { type: 'button', id: 'assistant-ask', class: 'btn css-3yb6ti', onclick: () => {
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
  return h('div', { class: 'page css-x0v5hs' }, h('div', { class: 'page-inner css-47jqpe' },
    pageHeader('New deal', contact ? `For ${contact.name} · ${contact.company}` : 'Not linked to a contact'),
    h('div', { class: 'deal-layout css-2xk9cz' },
      h('form', { id: 'deal-editor', class: 'card deal-form css-bq6m0e', novalidate: true, 'aria-label': 'New deal', onsubmit: onSubmit },
        h('div', { class: 'form-grid css-u3fp8w' },
          field('deal-title-input', 'Deal name', [name, error]),
          field('deal-stage-select', 'Stage', h('select', { id: 'deal-stage-select', name: 'stage', class: 'input css-c2l9vk' }, DEAL_STAGES.map((s) => h('option', null, s)))),
          field('deal-amount-input', 'Amount (USD)', h('input', { id: 'deal-amount-input', name: 'amount', type: 'number', min: 0, step: 100, class: 'input css-c2l9vk', 'data-testid': 'deal-amount', placeholder: '0' })),
          field('deal-close-date', 'Expected close date', h('input', { id: 'deal-close-date', name: 'closeDate', type: 'date', class: 'input css-c2l9vk' })),
          field('deal-notes', 'Notes', h('textarea', { id: 'deal-notes', name: 'notes', rows: 4, class: 'input css-c2l9vk' }), true)),
        h('div', { class: 'form-actions css-lw4a7t' },
          h('button', { type: 'submit', class: 'btn btn-primary css-ug1b8q', 'data-testid': 'deal-save' }, 'Save'))),
      h('aside', { class: 'assistant-rail css-9hd2qe', 'aria-label': 'Assistant' },
        h('section', { class: 'ai-panel css-e0r6tm', 'aria-labelledby': 'assistant-title' },
          h('h2', { id: 'assistant-title', class: 'card-title' }, 'AI assistant ', h('span', { class: 'pill' }, 'Beta')),
          h('p', { class: 'muted' }, 'Draft next steps, pricing or a follow-up email for this deal.'),
          h('label', { class: 'sr-only', for: 'ai-prompt-input' }, 'Ask the AI assistant'),
          h('div', { class: 'control css-5jw0rh' }, prompt),
          h('div', { class: 'ai-row' }, ask),
          reply)))));
}

function dealsView() {
  const deals = listDeals();
  const open = deals.filter((d) => !d.stage.startsWith('Closed'));
  return h('div', { class: 'page css-x0v5hs' }, h('div', { class: 'page-inner css-47jqpe' },
    pageHeader('Deals', `${open.length} open · ${money(open.reduce((s, d) => s + d.amount, 0))} in pipeline`,
      h('a', { class: 'btn btn-primary css-ug1b8q', href: '/deals/new' }, 'New deal')),
    h('div', { class: 'card css-p5hw2r' }, h('div', { class: 'table-scroll css-94bn7x' },
      h('table', { class: 'table css-r1c8lw' },
        h('thead', null, h('tr', null, ['Deal', 'Contact', 'Amount', 'Stage', 'Close date'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, deals.map((d) => {
          const c = findContact(d.contactId);
          return h('tr', { 'data-testid': 'deal-row' },
            h('td', { class: 'strong' }, d.name),
            h('td', null, c ? h('a', { href: `/contacts/${c.id}` }, c.name) : '—'),
            h('td', { class: 'num' }, money(d.amount)),
            h('td', null, badge(d.stage)),
            h('td', null, d.close || '—'));
        })))))));
}

function notFound(title = 'Page not found') {
  return h('div', { class: 'page empty-state css-x0v5hs' }, h('h1', null, title), h('p', null, h('a', { href: '/contacts' }, 'Back to contacts')));
}

startApp({ contacts: contactsView, contact: contactView, newDeal: newDealView, deals: dealsView, notFound: () => notFound() });
