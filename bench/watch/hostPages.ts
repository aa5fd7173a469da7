/**
 * The host pages of `npm run bench:watch`: apps whose DOM never stops changing while a walkthrough
 * step points at a control in their toolbar or composer. Each page counts its own units of work in
 * `window.benchWork` (tokens appended, cells updated, messages appended), so the bench can tell
 * whether the page kept its pace, and says which element the step targets.
 */

export type HostPageId = 'aiStream' | 'grid' | 'chat';

export interface HostPage {
  readonly id: HostPageId;
  /** Path on the bench's page server. */
  readonly path: string;
  /** What one unit of `benchWork` is, for the table. */
  readonly unit: string;
  /** The units of work the page is written to do per second (its nominal pace). */
  readonly nominalPerSec: number;
  /** The step's target: a CSS selector for the bench, and the fingerprint the flow is authored with. */
  readonly targetSelector: string;
  readonly target: Record<string, unknown>;
  readonly html: string;
  readonly js: string;
}

const shell = (title: string, css: string, body: string, script: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d2330; }
button { font: inherit; padding: 6px 12px; border: 1px solid #c4c9d4; border-radius: 6px; background: #fff; }
.toolbar { display: flex; gap: 8px; align-items: center; padding: 8px 16px; border-bottom: 1px solid #e3e6ec; height: 40px; }
.toolbar h1 { font-size: 16px; margin: 0 auto 0 0; }
${css}
</style></head><body>
${body}
<script src="${script}"></script>
</body></html>`;

/**
 * An AI assistant streaming its answers token by token, 60 tokens a second (one timer tick per token,
 * as a server-sent stream delivers them): prose tokens as spans, then a code block growing by text
 * nodes, the transcript scrolled to its end at every token. Answer after answer, as a long session.
 * The composer under the transcript holds the step's target (Send).
 */
const AI_JS = `
const transcript = document.getElementById('transcript');
const words = 'the model reads your question and answers it one token at a time while you watch the text grow line by line across the page'.split(' ');
const code = ['const', ' rows', ' =', ' await', ' fetch(url)', ';', '\\n', 'for', ' (const', ' row', ' of', ' rows)', ' {', '\\n', '  total', ' +=', ' row.amount', ';', '\\n', '}', '\\n'];
let answer = null, para = null, codeEl = null, n = 0, inAnswer = 0;
window.benchWork = 0;
function startAnswer() {
  const q = document.createElement('article');
  q.className = 'msg user';
  q.textContent = 'Question ' + (++n) + ': how do I total the amounts of my rows?';
  answer = document.createElement('article');
  answer.className = 'msg assistant';
  para = document.createElement('p');
  answer.append(para);
  transcript.append(q, answer);
  codeEl = null;
  inAnswer = 0;
}
function token() {
  if (answer === null || inAnswer >= 300) startAnswer();
  inAnswer++;
  if (inAnswer > 120 && inAnswer <= 200) {
    if (codeEl === null) {
      const pre = document.createElement('pre');
      codeEl = document.createElement('code');
      pre.append(codeEl);
      answer.append(pre);
    }
    codeEl.append(document.createTextNode(code[inAnswer % code.length]));
  } else {
    if (inAnswer === 201 || inAnswer % 40 === 0) {
      para = document.createElement('p');
      answer.append(para);
    }
    const span = document.createElement('span');
    span.textContent = words[(inAnswer * 7) % words.length] + ' ';
    para.append(span);
  }
  transcript.scrollTop = transcript.scrollHeight;
  window.benchWork++;
}
setInterval(token, 1000 / 60);
`;

/**
 * A trading grid of 2,000 cells (100 rows × 20 columns): every 100 ms, 200 cells get a new value and
 * flash up or down (their class changes), and the toolbar's clock ticks every second. The toolbar's
 * Export button is the step's target.
 */
const GRID_JS = `
const body = document.getElementById('rows');
const cells = [];
for (let r = 0; r < 100; r++) {
  const tr = document.createElement('tr');
  const th = document.createElement('th');
  th.textContent = 'SYM' + r;
  tr.append(th);
  for (let c = 0; c < 20; c++) {
    const td = document.createElement('td');
    td.textContent = (100 + r + c / 10).toFixed(2);
    tr.append(td);
    cells.push(td);
  }
  body.append(tr);
}
let seed = 12345;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
window.benchWork = 0;
setInterval(() => {
  for (let i = 0; i < 200; i++) {
    const td = cells[Math.floor(rand() * cells.length)];
    const up = rand() < 0.5;
    td.textContent = (100 + rand() * 50).toFixed(2);
    td.className = up ? 'up' : 'down';
    window.benchWork++;
  }
}, 100);
const clock = document.getElementById('clock');
setInterval(() => { clock.textContent = new Date().toISOString().slice(11, 19); }, 1000);
`;

/**
 * A chat channel appending a message every 200 ms to a virtualised list: past 60 messages the oldest
 * is removed, as list virtualisers do. The composer's Send button is the step's target.
 */
const CHAT_JS = `
const list = document.getElementById('messages');
const people = ['Ana', 'Bo', 'Chen', 'Dee', 'Eli'];
const lines = ['shipping the fix now', 'can someone review my PR?', 'standup in 5', 'the build is green again', 'lunch?', 'see the thread above'];
let n = 0;
window.benchWork = 0;
setInterval(() => {
  n++;
  const li = document.createElement('li');
  li.className = 'msg';
  const who = document.createElement('b');
  who.textContent = people[n % people.length];
  const at = document.createElement('time');
  at.textContent = ' 10:' + String(n % 60).padStart(2, '0') + ' ';
  const text = document.createElement('p');
  text.textContent = lines[n % lines.length] + ' (#' + n + ')';
  li.append(who, at, text);
  list.append(li);
  while (list.children.length > 60) list.firstElementChild.remove();
  list.scrollTop = list.scrollHeight;
  window.benchWork++;
}, 200);
`;

export const HOST_PAGES: readonly HostPage[] = [
  {
    id: 'aiStream',
    path: '/ai',
    unit: 'tokens',
    nominalPerSec: 60,
    targetSelector: '#send',
    target: { tag: 'button', id: 'send', text: 'Send', type: 'submit', isButton: true },
    html: shell(
      'Assistant',
      `#transcript { height: 700px; overflow-y: auto; padding: 0 16px; }
.msg { max-width: 760px; margin: 12px auto; } .user { font-weight: 600; }
pre { background: #f4f5f8; padding: 8px; white-space: pre-wrap; }
#composer { display: flex; gap: 8px; max-width: 760px; margin: 8px auto; } #composer textarea { flex: 1; height: 48px; }`,
      `<div class="toolbar"><h1>Assistant</h1><button type="button">New chat</button><button type="button">Share</button></div>
<main id="transcript" aria-live="polite"></main>
<form id="composer" onsubmit="return false"><textarea aria-label="Message the assistant" placeholder="Ask anything"></textarea><button type="submit" id="send">Send</button></form>`,
      '/ai.js',
    ),
    js: AI_JS,
  },
  {
    id: 'grid',
    path: '/grid',
    unit: 'cells',
    nominalPerSec: 2000,
    targetSelector: '#export',
    target: { tag: 'button', id: 'export', text: 'Export', isButton: true },
    html: shell(
      'Markets',
      `#grid-wrap { height: 780px; overflow: auto; } table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
td, th { padding: 2px 6px; border-bottom: 1px solid #eef0f3; text-align: right; } .up { color: #0a7a3d; } .down { color: #b42318; }`,
      `<div class="toolbar" role="toolbar" aria-label="Grid"><h1>Markets</h1><span id="clock"></span><button type="button">Filter</button><button type="button" id="export">Export</button></div>
<div id="grid-wrap"><table aria-label="Quotes"><tbody id="rows"></tbody></table></div>`,
      '/grid.js',
    ),
    js: GRID_JS,
  },
  {
    id: 'chat',
    path: '/chat',
    unit: 'messages',
    nominalPerSec: 5,
    targetSelector: '#send',
    target: { tag: 'button', id: 'send', text: 'Send', isButton: true },
    html: shell(
      '#general',
      `#messages { list-style: none; margin: 0; padding: 0 16px; height: 720px; overflow-y: auto; } .msg p { margin: 2px 0 8px; }
#composer { display: flex; gap: 8px; padding: 8px 16px; border-top: 1px solid #e3e6ec; }
#composer [role="textbox"] { flex: 1; border: 1px solid #c4c9d4; border-radius: 6px; padding: 6px; min-height: 20px; }`,
      `<div class="toolbar"><h1>#general</h1><button type="button">Members</button></div>
<ul id="messages" aria-label="Messages"></ul>
<div id="composer"><div contenteditable="true" role="textbox" aria-label="Message #general"></div><button type="button" id="send">Send</button></div>`,
      '/chat.js',
    ),
    js: CHAT_JS,
  },
];
