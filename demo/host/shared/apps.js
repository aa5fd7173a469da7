// Two more host apps beside the CRM, so that guidance is shown on more than one kind of page: a webmail
// (Lumen Mail) and an ERP-style purchase-order grid (Orbit ERP). Both releases serve them as they are.
// Each has an AI assistant box that behaves like a framework-controlled input: its value lives in
// component state and is re-rendered from it on every `input` event, as React and Vue do.
import { h, toast } from '/core.js';

/**
 * A textarea controlled the way React controls one: the displayed value is always the state's, the
 * state changes only through `input` events, and (like React's value tracker) an `input` event whose
 * value equals the last value the component itself rendered is ignored. A script that sets
 * `el.value = …` directly updates that tracker, so its text is thrown away on the next render.
 */
function controlledTextarea(props, onState) {
  let state = '';
  const el = h('textarea', props);
  const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
  let tracked = '';
  Object.defineProperty(el, 'value', {
    configurable: true,
    get: () => proto.get.call(el),
    set: (v) => {
      tracked = String(v);
      proto.set.call(el, v);
    },
  });
  const render = () => {
    if (proto.get.call(el) !== state) el.value = state;
    else tracked = state;
    onState(state);
  };
  el.addEventListener('input', () => {
    const v = proto.get.call(el);
    if (v !== tracked) state = v;
    // Re-rendered in a microtask, as a framework batches its update after the event.
    queueMicrotask(render);
  });
  return { el, get: () => state, set: (v) => { state = v; render(); } };
}

function assistantAnswer(text) {
  if (!text.trim()) return 'Type or pick a prompt first.';
  return `Assistant: here is a first answer to your ${text.trim().split(/\s+/).length}-word request.`;
}

const MESSAGES = [
  { id: 'm-1', from: 'Liam Becker', subject: 'Fleet rollout: revised quote', when: '09:41', body: 'Hi Maya, attached is the revised quote for the fleet rollout. We would need delivery by 15 July and a 3-year support term. Can you confirm the discount by Friday?' },
  { id: 'm-2', from: 'Sofia Moreno', subject: 'Finance suite – contract review', when: 'Yesterday', body: 'Our legal team reviewed the contract and has two comments on the liability cap and on payment terms (net 60 instead of net 30).' },
  { id: 'm-3', from: 'Oliver Nowak', subject: 'Plant analytics pilot', when: 'Mon', body: 'The pilot starts next week in the Dortmund plant. Please send the onboarding checklist for the shift leads.' },
];

export function mailView(params) {
  const open = MESSAGES.find((m) => m.id === params.get('m')) ?? MESSAGES[0];
  const count = h('span', { class: 'muted', 'data-testid': 'mail-assistant-count' }, '0 characters');
  const reply = h('div', { class: 'ai-reply', 'aria-live': 'polite' });
  let draft = '';
  // The assistant box is a contenteditable, like the editors of most webmail apps.
  const assistant = h('div', {
    id: 'mailAssistant',
    class: 'input mail-assistant',
    contenteditable: 'true',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': 'Ask the mail assistant',
    'data-testid': 'mail-assistant',
    oninput: () => {
      draft = assistant.textContent ?? '';
      count.textContent = `${draft.length} characters`;
    },
  });
  const list = h('ul', { class: 'mail-list', 'aria-label': 'Inbox' }, MESSAGES.map((m) =>
    h('li', null, h('a', { href: `/mail?m=${m.id}`, class: `mail-item${m === open ? ' is-open' : ''}`, 'data-testid': 'mail-item' },
      h('strong', null, m.from), h('span', null, m.subject), h('time', { class: 'muted' }, m.when)))));
  return h('div', { class: 'page mail-app' },
    h('header', { class: 'page-header' }, h('div', null, h('h1', { class: 'page-title' }, 'Lumen Mail'), h('p', { class: 'muted' }, 'Inbox · 3 messages'))),
    h('div', { class: 'mail-layout' },
      h('section', { class: 'card' }, list),
      h('section', { class: 'card mail-read', 'aria-labelledby': 'mailSubject' },
        h('h2', { id: 'mailSubject', class: 'card-title', 'data-testid': 'mail-subject' }, open.subject),
        h('p', { class: 'muted' }, `From ${open.from}`),
        h('p', { class: 'mail-body', 'data-testid': 'mail-body' }, open.body),
        h('div', { class: 'ai-panel' },
          h('h2', { class: 'card-title' }, 'Mail assistant ', h('span', { class: 'pill' }, 'AI')),
          assistant,
          h('div', { class: 'ai-row' }, count,
            h('button', { type: 'button', class: 'btn', 'data-testid': 'mail-assistant-ask', onclick: () => reply.replaceChildren(h('p', null, assistantAnswer(draft))) }, 'Ask')),
          reply))));
}

const ORDERS = [
  ['40012345', 'Northwind Traders', 'Pallet racks', 24, 'Approved'],
  ['40012346', 'Globex Logistics', 'Forklift service', 1, 'Pending'],
  ['40012347', 'Acme Manufacturing', 'Safety gloves', 500, 'Approved'],
  ['40012348', 'Initech Labs', 'Label printers', 6, 'Draft'],
  ['40012349', 'Stark Renewables', 'Solar inverters', 12, 'Pending'],
];

export function erpView() {
  const state = { text: '' };
  const count = h('span', { class: 'muted', 'data-testid': 'erp-assistant-count' }, '0 characters');
  const answer = h('div', { class: 'ai-reply', 'aria-live': 'polite' });
  const assistant = controlledTextarea(
    { id: 'erpAssistant', rows: 3, class: 'input', placeholder: 'Ask Orbit Copilot…', 'aria-label': 'Ask Orbit Copilot', 'data-testid': 'erp-assistant' },
    (s) => {
      state.text = s;
      count.textContent = `${s.length} characters`;
    },
  );
  const rows = ORDERS.map(([po, supplier, item, qty, status]) =>
    h('tr', { 'data-testid': 'order-row' },
      h('td', { class: 'num strong' }, po), h('td', null, supplier), h('td', null, item), h('td', { class: 'num' }, String(qty)),
      h('td', null, h('span', { class: 'badge' }, status))));
  const poInput = h('input', { id: 'poNumber', name: 'po', class: 'input', type: 'text', autocomplete: 'off', 'data-testid': 'po-number', placeholder: '8 digits' });
  return h('div', { class: 'page erp-app' },
    h('header', { class: 'page-header' },
      h('div', null, h('h1', { class: 'page-title' }, 'Orbit ERP · Purchase orders'), h('p', { class: 'muted' }, `${ORDERS.length} orders`)),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'exportOrders', class: 'btn', 'data-testid': 'export-orders', onclick: () => toast('Exported 5 orders to orders.csv') }, 'Export CSV'))),
    h('div', { class: 'card', role: 'region', 'aria-label': 'Orders grid' },
      h('table', { class: 'table erp-grid', 'data-testid': 'orders-grid' },
        h('thead', null, h('tr', null, ['PO number', 'Supplier', 'Item', 'Qty', 'Status'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, rows))),
    h('div', { class: 'grid-2 erp-lower' },
      h('form', { class: 'card deal-form', 'aria-label': 'New order', onsubmit: (e) => { e.preventDefault(); toast('Order saved'); } },
        h('h2', { class: 'card-title' }, 'New order'),
        h('div', { class: 'field' }, h('label', { for: 'poNumber' }, 'PO number'), poInput),
        h('div', { class: 'field' }, h('label', { for: 'poSupplier' }, 'Supplier'), h('input', { id: 'poSupplier', class: 'input', type: 'text', 'data-testid': 'po-supplier' })),
        h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'save-order' }, 'Save order'))),
      h('section', { class: 'card ai-panel' },
        h('h2', { class: 'card-title' }, 'Orbit Copilot ', h('span', { class: 'pill' }, 'AI')),
        assistant.el,
        h('div', { class: 'ai-row' }, count,
          h('button', { type: 'button', class: 'btn', 'data-testid': 'erp-assistant-ask', onclick: () => answer.replaceChildren(h('p', null, assistantAnswer(state.text))) }, 'Ask')),
        answer)));
}
