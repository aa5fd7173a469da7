// A third host app, Relay Helpdesk, whose assistant boxes are bound the way Vue's `v-model` binds a
// field, so that the prompt helper is shown to reach Vue-style state as well as React-style state.
import { h } from '/core.js';

/**
 * A field bound like Vue's `v-model` (runtime-dom's vModelText): the state changes only from the
 * listened event (`input`, or `change` with the `.lazy` modifier) and never while an IME composition
 * is in progress (`compositionstart` … `compositionend`, which then replays an `input`); after every
 * state change the component re-renders in a microtask (Vue's scheduler) and writes the state back
 * into the field when they differ, so text a script puts in without the event is thrown away on the
 * next render.
 */
function vModelField(tag, props, { lazy = false } = {}, onState = () => {}) {
  const el = h(tag, props);
  const state = { value: '' };
  let composing = false;
  let scheduled = false;
  const render = () => {
    scheduled = false;
    if (el.value !== state.value) el.value = state.value;
    onState(state.value);
  };
  const assign = (v) => {
    state.value = v;
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(render);
    }
  };
  el.addEventListener(lazy ? 'change' : 'input', () => {
    if (!composing) assign(el.value);
  });
  el.addEventListener('compositionstart', () => {
    composing = true;
  });
  el.addEventListener('compositionend', () => {
    if (!composing) return;
    composing = false;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return { el, state, rerender: () => assign(state.value) };
}

function answerFor(text) {
  if (!text.trim()) return 'Type or pick a prompt first.';
  return `Assistant: a draft for your ${text.trim().split(/\s+/).length}-word request.`;
}

const TICKET = {
  id: 'HD-2041',
  subject: 'Invoice shows the wrong VAT rate',
  customer: 'Acme Manufacturing',
  body: 'Our May invoice applies 19% VAT, but our contract says we are VAT-exempt for the analytics module. Please correct it and send a new invoice.',
};

export function helpdeskView() {
  const count = h('span', { class: 'muted', 'data-testid': 'helpdesk-reply-count' }, '0 characters');
  const answer = h('div', { class: 'ai-reply', 'aria-live': 'polite', 'data-testid': 'helpdesk-answer' });
  const reply = vModelField(
    'textarea',
    { id: 'replyAssistant', rows: 3, class: 'input', placeholder: 'Ask Relay AI to draft a reply…', 'aria-label': 'Ask Relay AI', 'data-testid': 'helpdesk-assistant' },
    {},
    (v) => {
      count.textContent = `${v.length} characters`;
    },
  );
  const kbState = h('span', { class: 'muted', 'data-testid': 'helpdesk-kb-state' }, 'No question yet');
  // The knowledge-base box is `v-model.lazy`: its state follows `change`, not every keystroke.
  const kb = vModelField(
    'input',
    { id: 'kbAssistant', type: 'text', class: 'input', placeholder: 'Ask the knowledge base…', 'aria-label': 'Ask the knowledge base', 'data-testid': 'helpdesk-kb' },
    { lazy: true },
    (v) => {
      kbState.textContent = v ? `Question: ${v.length} characters` : 'No question yet';
    },
  );
  return h('div', { class: 'page helpdesk-app' },
    h('header', { class: 'page-header' },
      h('div', null, h('h1', { class: 'page-title' }, 'Relay Helpdesk'), h('p', { class: 'muted' }, '1 open ticket'))),
    h('div', { class: 'grid-2' },
      h('section', { class: 'card', 'aria-labelledby': 'ticketSubject' },
        h('h2', { id: 'ticketSubject', class: 'card-title', 'data-testid': 'ticket-subject' }, `${TICKET.id} · ${TICKET.subject}`),
        h('p', { class: 'muted', 'data-testid': 'ticket-customer' }, TICKET.customer),
        h('p', { 'data-testid': 'ticket-body' }, TICKET.body)),
      h('section', { class: 'card ai-panel' },
        h('h2', { class: 'card-title' }, 'Relay AI ', h('span', { class: 'pill' }, 'AI')),
        reply.el,
        h('div', { class: 'ai-row' }, count,
          h('button', { type: 'button', class: 'btn', 'data-testid': 'helpdesk-ask', onclick: () => answer.replaceChildren(h('p', null, answerFor(reply.state.value))) }, 'Draft reply')),
        answer,
        h('div', { class: 'field' }, kb.el, kbState))));
}
