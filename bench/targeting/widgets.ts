import { camel, el, kebab, textNode, type Ctx } from './build';
import { hasLibrary, iconOnlyIcon, makeIconSlot, navLinkIcon, navMenuIcons, textButtonIcon } from './icons';
import type { IdSpec, Node } from './model';

/** The controls and regions pages are made of, each drawn in the app's style. */

export function button(ctx: Ctx, component: string, text: string, o: { variant?: string; purpose?: string; target?: boolean } = {}): Node {
  const { rng, style } = ctx;
  const purpose = o.purpose ?? text;
  const icon = rng.chance(style.iconButtons);
  const r = rng.next();
  const tag = r < style.divButtons / 2 ? 'div' : r < style.divButtons ? 'a' : 'button';
  const attrs: Record<string, string> = {};
  if (tag !== 'button') {
    attrs.role = 'button';
    attrs.tabindex = '0';
  } else if (rng.chance(0.5)) {
    attrs.type = 'button';
  }
  const node = el(ctx, tag, {
    component,
    part: icon ? 'iconButton' : 'button',
    purpose,
    variant: o.variant ?? 'default',
    attrs,
    testId: true,
    meta: { target: o.target ?? true, role: 'button', purpose },
  });
  if (icon) {
    node.attrs['aria-label'] = text;
    if (rng.chance(0.5)) node.attrs.title = text;
    const glyph = el(ctx, 'span', { attrs: { class: 'icon', 'aria-hidden': 'true' }, text: '◆' });
    if (hasLibrary(ctx.icons)) makeIconSlot(glyph, iconOnlyIcon(ctx.icons, purpose));
    node.children.push(glyph);
  } else {
    node.text = text;
    const beside = textButtonIcon(ctx.icons, component, purpose);
    if (beside !== undefined) node.icon = beside;
  }
  return node;
}

export function link(ctx: Ctx, component: string, text: string, href: string, target = true): Node {
  return el(ctx, 'a', {
    component,
    part: 'link',
    purpose: text,
    attrs: { href },
    text,
    testId: true,
    meta: { target, role: 'link', purpose: text },
  });
}

function controlId(ctx: Ctx, name: string, part: string): IdSpec | undefined {
  const s = ctx.style.controlIds;
  if (s === 'written') return { kind: 'written', value: ctx.rng.pick([kebab(name), camel(name), `field-${kebab(name)}`]) };
  if (s === 'none') return undefined;
  return { kind: 'generated', scheme: s, base: part };
}

/**
 * A labelled form control. The label is linked in one of the app's ways: `for`, wrapping, aria-labelledby,
 * placeholder only, or an adjacent caption that is not linked at all.
 */
export function field(
  ctx: Ctx,
  component: string,
  label: string,
  o: { type?: string; tag?: 'input' | 'select' | 'textarea'; options?: string[]; name?: string } = {},
): Node {
  const { rng, style } = ctx;
  const tag = o.tag ?? 'input';
  const name = o.name ?? camel(label);
  const attrs: Record<string, string> = {};
  if (tag === 'input') attrs.type = o.type ?? 'text';
  if (style.names) attrs.name = name;
  const control = el(ctx, tag, { component, part: tag === 'input' ? 'input' : tag, purpose: label, attrs, testId: true, meta: { target: true, role: 'field' } });
  if (o.options) control.children = o.options.map((opt) => el(ctx, 'option', { text: opt }));
  const how = rng.pick(style.labels);
  if (how === 'for' || how === 'aria') {
    control.id ??= controlId(ctx, name, tag) ?? { kind: 'written', value: kebab(name) };
  }
  if (how === 'for') {
    const l = el(ctx, 'label', { component, part: 'label', text: label, meta: {} });
    l.refs = { for: control.uid };
    return el(ctx, 'div', { component, part: 'field', children: [l, control], meta: { role: 'unit' } });
  }
  if (how === 'wrap') {
    const l = el(ctx, 'label', { component, part: 'label', text: label + ' ', children: [control] });
    return el(ctx, 'div', { component, part: 'field', children: [l], meta: { role: 'unit' } });
  }
  if (how === 'aria') {
    const caption = el(ctx, 'span', { component, part: 'caption', text: label, id: { kind: 'written', value: `${kebab(name)}-label-${control.uid}` } });
    control.refs = { labelledby: caption.uid };
    return el(ctx, 'div', { component, part: 'field', children: [caption, control], meta: { role: 'unit' } });
  }
  if (how === 'placeholder' && tag !== 'select') {
    control.attrs.placeholder = label;
    if (rng.chance(0.5)) control.attrs['aria-label'] = label;
    return el(ctx, 'div', { component, part: 'field', children: [control], meta: { role: 'unit' } });
  }
  return el(ctx, 'div', { component, part: 'field', children: [textNode(ctx, 'span', label), control], meta: { role: 'unit' } });
}

export function checkbox(ctx: Ctx, component: string, label: string, asSwitch = false): Node {
  const input = el(ctx, 'input', {
    component,
    part: asSwitch ? 'switch' : 'checkbox',
    purpose: label,
    attrs: { type: 'checkbox', ...(asSwitch ? { role: 'switch' } : {}), ...(ctx.style.names ? { name: camel(label) } : {}) },
    testId: true,
    meta: { target: true, role: 'toggle' },
  });
  if (ctx.rng.chance(0.5)) return wrapLabel(ctx, component, label, input);
  input.id ??= controlId(ctx, camel(label), 'checkbox') ?? { kind: 'written', value: kebab(label) };
  const l = el(ctx, 'label', { component, part: 'label', text: label });
  l.refs = { for: input.uid };
  return el(ctx, 'div', { component, part: 'toggleRow', children: [input, l], meta: { role: 'unit' } });
}

function wrapLabel(ctx: Ctx, component: string, label: string, input: Node): Node {
  const l = el(ctx, 'label', { component, part: 'toggle', children: [input], meta: { role: 'unit' } });
  l.children.push(textNode(ctx, 'span', label));
  return l;
}

export function heading(ctx: Ctx, level: number, text: string, target = false): Node {
  return el(ctx, `h${level}`, { text, meta: { target, role: 'heading' } });
}

export function section(ctx: Ctx, component: string, title: string | null, children: Node[], tag = 'section'): Node {
  const kids = title === null ? children : [heading(ctx, 2, title, ctx.rng.chance(0.15)), ...children];
  return el(ctx, tag, { component, part: 'section', purpose: title ?? component, children: kids, meta: { section: true } });
}

export function toolbar(ctx: Ctx, component: string, children: Node[]): Node {
  return el(ctx, 'div', { component, part: 'toolbar', attrs: { role: 'toolbar' }, children, meta: { section: true, reorder: true } });
}

export function tabs(ctx: Ctx, component: string, names: string[]): Node {
  const list = el(ctx, 'div', { component, part: 'tabs', attrs: { role: 'tablist' }, meta: { reorder: true } });
  names.forEach((n, i) => {
    list.children.push(
      el(ctx, ctx.rng.chance(0.5) ? 'button' : 'a', {
        component,
        part: 'tab',
        purpose: n,
        attrs: { role: 'tab', 'aria-selected': i === 0 ? 'true' : 'false', ...(ctx.rng.chance(0.5) ? { href: `#${kebab(n)}` } : {}) },
        text: n,
        testId: true,
        meta: { target: true, role: 'tab' },
      }),
    );
  });
  return list;
}

export function navList(ctx: Ctx, component: string, items: [string, string][]): Node {
  const ul = el(ctx, 'ul', { component, part: 'navList', meta: { reorder: true, section: true } });
  const icons = navMenuIcons(ctx.icons);
  for (const [text, href] of items) {
    const a = link(ctx, component, text, href);
    const icon = icons ? navLinkIcon(ctx.icons, text) : undefined;
    if (icon !== undefined) a.icon = icon;
    ul.children.push(el(ctx, 'li', { children: [a], meta: { role: 'unit' } }));
  }
  return el(ctx, 'nav', { component, part: 'nav', attrs: { 'aria-label': component }, children: [ul], meta: { section: true } });
}

/**
 * Puts `node` inside a web component's open shadow root when the app uses web components; hosts get
 * custom-element names, sometimes an id.
 */
export function maybeShadow(ctx: Ctx, hostTag: string, node: Node): Node {
  if (!ctx.style.webComponents || !ctx.rng.chance(0.6)) return node;
  // Not a section itself: light children of a host without slots are not rendered, so nothing may be
  // moved into it.
  const host = el(ctx, hostTag, { meta: {} });
  if (ctx.rng.chance(0.3)) host.id = { kind: 'written', value: kebab(hostTag) };
  host.shadow = [node];
  return host;
}
