/**
 * In-page harness of `locatorDifferential.test.ts` (bundled as an IIFE and injected into a 127.0.0.1
 * page): mutates the page at random, seeded, in many ways, and after each batch checks that what the
 * locator kept (`collectCandidates` with a `cacheKey`, brought up to date from mutation records) is
 * what a fresh read of the page gives: the same candidates in the same order, the same ranking and
 * assessment, the same `locate` answer, and on some rounds every field of every candidate.
 */
import { createRng, type Rng } from '../../../bench/targeting/rng';
import { candidateQuery } from '../../../content-scripts/targeting/candidateQuery';
import { collectCandidates, fingerprintOf, locate } from '../../../content-scripts/targeting';
import { materialize } from '../../../content-scripts/targeting/materialize';
import type { ElementFingerprint } from '../../../src/schema/fingerprint';
import { rankWithAssessment } from '../../../src/targeting';

const OWN = 'x-own';

/** Our own nodes (as `isOwnNode` has it): an `x-own` element, or anything inside one, shadow roots included. */
function ignore(el: Element): boolean {
  for (let n: Node | null = el; n !== null; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n instanceof Element && n.localName === OWN) return true;
  return false;
}

/** Is `b` `a` or inside it, shadow roots included? */
function holds(a: Node, b: Node): boolean {
  for (let n: Node | null = b; n !== null; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n === a) return true;
  return false;
}

/** Every element of the page, open shadow roots and same-origin frames included. */
function deepElements(root: Document | ShadowRoot, out: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) deepElements(el.shadowRoot, out);
    if (el.localName === 'iframe') {
      const doc = (el as HTMLIFrameElement).contentDocument;
      if (doc?.body) deepElements(doc, out);
    }
  }
  return out;
}

const WORDS = ['Save', 'Edit', 'Delete', 'Search', 'Billing', 'Shipping', 'Email', 'Phone', 'ACME', 'Globex', 'Initech', 'Cancel', 'Open', 'Next'];
const TAGS = ['button', 'a', 'input', 'span', 'div', 'td', 'h2', 'h3', 'label', 'select', 'textarea', 'li', 'section', 'summary', 'legend'];
const ATTRS = ['id', 'class', 'role', 'aria-label', 'title', 'name', 'type', 'href', 'data-testid', 'hidden', 'for', 'aria-labelledby', 'placeholder', 'contenteditable'];
const ROLES = ['button', 'link', 'heading', 'row', 'cell', 'gridcell', 'tab', 'checkbox', 'textbox', 'menuitem'];

function word(rng: Rng): string {
  return rng.pick(WORDS);
}

/** A small random subtree, as a host app renders: a control, a labelled field, a row, a heading, a card. */
function subtree(doc: Document, rng: Rng, ids: { n: number }): Element {
  const kind = rng.int(0, 7);
  const el = (tag: string, text?: string) => {
    const e = doc.createElement(tag);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  if (kind === 0) return el('button', word(rng));
  if (kind === 1) {
    const a = el('a', word(rng));
    a.setAttribute('href', `/${word(rng).toLowerCase()}`);
    return a;
  }
  if (kind === 2) {
    const wrap = el('div');
    const id = `f${ids.n++}`;
    const label = el('label', word(rng));
    label.setAttribute('for', id);
    const input = el('input');
    input.id = id;
    wrap.append(label, input);
    return wrap;
  }
  if (kind === 3) {
    const tr = el('tr');
    tr.append(el('td', word(rng)), el('td', word(rng)));
    const td = el('td');
    td.append(el('button', rng.pick(['Edit', 'Delete'])));
    tr.append(td);
    return tr;
  }
  if (kind === 4) return el(rng.pick(['h2', 'h3', 'legend', 'caption']), word(rng));
  if (kind === 5) {
    const card = el('div');
    card.className = `card c-${rng.int(0, 99)}`;
    card.append(el('h3', word(rng)), el('p', `${word(rng)} ${word(rng)}`));
    const b = el('button', word(rng));
    if (rng.chance(0.4)) b.dataset.testid = word(rng).toLowerCase();
    card.append(b);
    return card;
  }
  if (kind === 6) {
    const host = el('div');
    const root = host.attachShadow({ mode: 'open' });
    root.append(el('h3', word(rng)), el('button', word(rng)));
    return host;
  }
  const row = el('div');
  row.setAttribute('role', 'row');
  const cell = el('span', word(rng));
  cell.setAttribute('role', 'gridcell');
  const b = el('span', word(rng));
  b.setAttribute('role', 'button');
  row.append(cell, b);
  return row;
}

export type Op = 'add' | 'remove' | 'move' | 'wrap' | 'rename' | 'retext' | 'text' | 'attribute' | 'shadowAdded' | 'shadowAttached' | 'iframe' | 'navigate' | 'own' | 'reorder' | 'burst';
const OPS: readonly Op[] = ['add', 'remove', 'move', 'wrap', 'rename', 'retext', 'text', 'attribute', 'shadowAdded', 'shadowAttached', 'iframe', 'navigate', 'own', 'reorder', 'burst'];

/** The elements a mutation may pick: not the document's skeleton, not our own. */
function pickable(): Element[] {
  return deepElements(document).filter((e) => !['html', 'head', 'body', 'script', 'style', 'title', 'meta'].includes(e.localName) && !ignore(e));
}

/** Applies one random mutation; returns what it did, for the report. */
function mutate(rng: Rng, ids: { n: number }): string {
  const all = pickable();
  if (all.length < 8) {
    document.body.append(subtree(document, rng, ids));
    return 'add to body';
  }
  const any = () => rng.pick(all);
  // Big subtrees are left alone by removals and re-texts, or the page would soon be empty.
  const small = (e: Element) => e.getElementsByTagName('*').length < 40;
  const op = rng.pick(OPS);
  const doc = (e: Element) => e.ownerDocument;
  const place = (child: Node, parent: Element) => {
    const kids = parent.childNodes;
    parent.insertBefore(child, kids.length === 0 || rng.chance(0.3) ? null : (kids[rng.int(0, kids.length - 1)] as Node));
  };
  const x = any();
  switch (op) {
    case 'add':
      place(subtree(doc(x), rng, ids), x);
      return `add in ${x.localName}`;
    case 'remove':
      if (!small(x)) return 'remove (skipped)';
      x.remove();
      return `remove ${x.localName}`;
    case 'move': {
      const to = any();
      if (holds(x, to) || doc(to) !== doc(x)) return 'move (skipped)';
      place(x, to);
      return `move ${x.localName} into ${to.localName}`;
    }
    case 'wrap': {
      const w = doc(x).createElement(rng.pick(['div', 'span', 'section', 'tr']));
      x.replaceWith(w);
      w.append(x);
      return `wrap ${x.localName}`;
    }
    case 'rename': {
      const y = doc(x).createElement(rng.pick(TAGS));
      for (const a of x.getAttributeNames()) y.setAttribute(a, x.getAttribute(a) as string);
      y.append(...x.childNodes);
      x.replaceWith(y);
      return `rename ${x.localName} to ${y.localName}`;
    }
    case 'retext':
      if (!small(x)) return 'retext (skipped)';
      x.textContent = word(rng);
      return `retext ${x.localName}`;
    case 'text': {
      const walker = doc(x).createTreeWalker(x, NodeFilter.SHOW_TEXT);
      const t = walker.nextNode() as Text | null;
      if (t === null) {
        x.append(word(rng));
        return `text added to ${x.localName}`;
      }
      t.data = rng.chance(0.2) ? '' : word(rng);
      return `text of ${x.localName}`;
    }
    case 'attribute': {
      const name = rng.pick(ATTRS);
      if (rng.chance(0.3)) x.removeAttribute(name);
      else if (name === 'role') x.setAttribute(name, rng.pick(ROLES));
      else if (name === 'for' || name === 'aria-labelledby') {
        // Often a form field's id: its label, and with it its caption, change.
        const fields = all.filter((e) => e.id !== '' && (rng.chance(0.2) || ['input', 'select', 'textarea'].includes(e.localName)));
        x.setAttribute(name, fields.length === 0 ? 'nothing' : rng.pick(fields).id);
      }
      else if (name === 'hidden' || name === 'contenteditable') x.setAttribute(name, '');
      else if (name === 'type') x.setAttribute(name, rng.pick(['button', 'submit', 'text', 'email', 'checkbox']));
      else x.setAttribute(name, name === 'id' ? `id${ids.n++}` : word(rng));
      return `attribute ${name} on ${x.localName}`;
    }
    case 'shadowAdded': {
      const host = doc(x).createElement(rng.pick(['div', 'span', 'section']));
      host.attachShadow({ mode: 'open' }).append(subtree(doc(x), rng, ids), subtree(doc(x), rng, ids));
      host.append(subtree(doc(x), rng, ids));
      place(host, x);
      return `shadow host added in ${x.localName}`;
    }
    case 'shadowAttached': {
      // On an element already on the page: no mutation record says so.
      const hosts = all.filter((e) => ['div', 'span', 'section', 'p'].includes(e.localName) && e.shadowRoot === null);
      if (hosts.length === 0) return 'shadow attached (skipped)';
      const host = rng.pick(hosts);
      const root = host.attachShadow({ mode: 'open' });
      root.append(subtree(doc(host), rng, ids), doc(host).createElement('slot'));
      return `shadow attached to ${host.localName}`;
    }
    case 'iframe': {
      const frames = all.filter((e) => e.localName === 'iframe');
      if (frames.length > 0 && rng.chance(0.4)) {
        rng.pick(frames).remove();
        return 'iframe removed';
      }
      // about:blank is same-origin and ready at once; its body is filled from here.
      const f = doc(x).createElement('iframe');
      place(f, x.ownerDocument === document ? x : document.body);
      const d = f.contentDocument;
      if (d?.body) d.body.append(subtree(d, rng, ids), subtree(d, rng, ids));
      return 'iframe added';
    }
    case 'navigate': {
      // The frame's new document arrives in a later task (see `run`), with no record in this one.
      const frames = all.filter((e) => e.localName === 'iframe');
      if (frames.length === 0) return 'navigate (skipped)';
      rng.pick(frames).setAttribute('srcdoc', `<h2>${word(rng)}</h2><button type="button">${word(rng)}</button><a href="/x">${word(rng)}</a>`);
      return 'navigate frame';
    }
    case 'burst': {
      // More records than the state follows one by one, or more elements than it walks: it starts afresh.
      if (rng.chance(0.5)) {
        for (let i = 0; i < 300; i++) x.toggleAttribute('data-burst');
        return 'burst of records';
      }
      const big = doc(x).createElement('div');
      for (let i = 0; i < 5000; i++) big.append(doc(x).createElement('span'));
      x.append(big);
      big.remove();
      return 'burst of elements';
    }
    case 'own': {
      // Nodes added inside our own overlay are never candidates.
      const own = document.querySelector(OWN)?.shadowRoot;
      if (own) own.append(subtree(document, rng, ids));
      return 'own node added';
    }
    case 'reorder': {
      const p = x.parentElement;
      if (p === null) return 'reorder (skipped)';
      p.prepend(x);
      return `reorder ${x.localName}`;
    }
  }
}

export interface Mismatch {
  round: number;
  target: number;
  what: string;
  kept: unknown;
  fresh: unknown;
  log: string[];
}

const json = (x: unknown) => JSON.stringify(x);

/** Compares the kept answer for `target` with a fresh read; returns what differs, or null. */
function compare(target: ElementFingerprint, everyField: boolean): { what: string; kept: unknown; fresh: unknown } | null {
  const q = candidateQuery(target);
  const kept = collectCandidates(document, { ignore, ...q });
  const fresh = collectCandidates(document, { ignore, selectors: q.selectors, filter: q.filter });
  if (kept.elements.length !== fresh.elements.length || kept.elements.some((e, i) => e !== fresh.elements[i])) {
    const describe = (es: Element[]) => es.map((e) => `${e.localName}:${(e.textContent ?? '').slice(0, 12)}`);
    return { what: 'candidates', kept: describe(kept.elements), fresh: describe(fresh.elements) };
  }
  if (everyField) {
    for (let i = 0; i < kept.fingerprints.length; i++) {
      const a = json(materialize(kept.fingerprints[i] as ElementFingerprint));
      const b = json(materialize(fresh.fingerprints[i] as ElementFingerprint));
      if (a !== b) return { what: `fields of candidate ${i}`, kept: a, fresh: b };
    }
  }
  const a = rankWithAssessment(target, kept.fingerprints);
  const b = rankWithAssessment(target, fresh.fingerprints);
  if (json(a) !== json(b)) return { what: 'ranking', kept: json(a).slice(0, 2000), fresh: json(b).slice(0, 2000) };
  const l = locate(target, document, { ignore });
  const top = b.ranked[0];
  if (top !== undefined && l.status === 'found' && l.element !== fresh.elements[top.index]) return { what: 'locate', kept: l.status, fresh: top.index };
  return null;
}

export interface Report {
  rounds: number;
  checks: number;
  fieldChecks: number;
  ops: Record<string, number>;
  candidates: number;
  found: number;
  mismatches: Mismatch[];
}

/**
 * `rounds` rounds: 1-3 random mutations, then a check of some targets (others fall behind and catch
 * up later); now and then new targets are captured from the page as it is.
 */
export async function run(seed: number, rounds: number): Promise<Report> {
  const rng = createRng(seed);
  const ids = { n: 0 };
  const capture = () => {
    const els = pickable();
    return Array.from({ length: 10 }, () => fingerprintOf(rng.pick(els)));
  };
  let targets = capture();
  const report: Report = { rounds, checks: 0, fieldChecks: 0, ops: {}, candidates: 0, found: 0, mismatches: [] };
  const log: string[] = [];
  for (const t of targets) compare(t, false);
  for (let round = 0; round < rounds && report.mismatches.length < 3; round++) {
    const n = rng.int(1, 3);
    for (let k = 0; k < n; k++) {
      const did = mutate(rng, ids);
      log.push(did);
      const op = did.split(' ')[0] as string;
      if (!did.includes('(skipped)')) report.ops[op] = (report.ops[op] ?? 0) + 1;
    }
    // Now and then a later task: frames load their new documents, the observer's callback runs.
    if (rng.chance(0.15)) await new Promise((r) => setTimeout(r, rng.chance(0.5) ? 0 : 20));
    if (round % 25 === 24) targets = capture();
    const everyField = round % 4 === 0;
    targets.forEach((t, i) => {
      if (!rng.chance(0.6)) return;
      const diff = compare(t, everyField);
      report.checks++;
      if (everyField) report.fieldChecks++;
      if (diff !== null) report.mismatches.push({ round, target: i, ...diff, log: log.slice(-6) });
    });
    const probe = targets[0] as ElementFingerprint;
    report.candidates += collectCandidates(document, { ignore, ...candidateQuery(probe) }).elements.length;
    if (locate(probe, document, { ignore }).status === 'found') report.found++;
  }
  return report;
}

(globalThis as unknown as { WaymarkDifferential: { run: typeof run } }).WaymarkDifferential = { run };
