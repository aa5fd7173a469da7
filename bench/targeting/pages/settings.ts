import { el, textNode, type Ctx } from '../build';
import type { Page } from '../model';
import { button, checkbox, field, heading, link, navList, section, toolbar } from '../widgets';
import { apps } from './data';

/** Account settings: a side menu and sections that each have their own Save, switches, an app list. */
export function settingsPage(ctx: Ctx): Page {
  const { rng } = ctx;
  const menu = navList(ctx, 'SettingsMenu', ['Profile', 'Account', 'Notifications', 'Security', 'Billing', 'Integrations'].map((s) => [s, `/settings/${s.toLowerCase()}`] as [string, string]));
  const save = (c: string) => toolbar(ctx, c, [button(ctx, c, 'Save', { variant: 'primary' }), ...(rng.chance(0.5) ? [button(ctx, c, 'Cancel')] : [])]);
  const profile = section(ctx, 'Profile', 'Profile', [
    field(ctx, 'Profile', 'First name'),
    field(ctx, 'Profile', 'Last name'),
    field(ctx, 'Profile', 'Email', { type: 'email' }),
    field(ctx, 'Profile', 'Language', { tag: 'select', options: ['English', 'Deutsch', 'Français'] }),
    field(ctx, 'Profile', 'Time zone', { tag: 'select', options: ['UTC', 'Europe/Berlin', 'America/New_York'] }),
    save('Profile'),
  ]);
  const notifications = section(ctx, 'Notifications', 'Notifications', [
    checkbox(ctx, 'Notifications', 'Email notifications', true),
    checkbox(ctx, 'Notifications', rng.pick(['Weekly digest', 'Product updates', 'Mentions only']), true),
    save('Notifications'),
  ]);
  const security = section(ctx, 'Security', 'Security', [button(ctx, 'Security', 'Change password'), checkbox(ctx, 'Security', 'Two-factor authentication', true), save('Security')]);
  const billing = section(ctx, 'Billing', 'Billing', [textNode(ctx, 'p', `Current plan: ${rng.pick(['Free', 'Team', 'Business'])}`), button(ctx, 'Billing', 'Upgrade plan', { variant: 'primary' }), link(ctx, 'Billing', 'Invoices', '/billing/invoices')]);
  const integrations = section(
    ctx,
    'Integrations',
    'Integrations',
    apps(rng, rng.int(3, 6)).map((app) =>
      el(ctx, 'div', {
        component: 'IntegrationRow',
        part: 'row',
        children: [heading(ctx, 3, app), textNode(ctx, 'span', rng.pick(['Connected', 'Not connected'])), button(ctx, 'IntegrationRow', rng.chance(0.5) ? 'Connect' : 'Disconnect')],
        meta: { section: true },
      }),
    ),
  );
  const body = [profile, notifications, security, billing];
  if (rng.chance(0.3)) {
    const frame = el(ctx, 'iframe', { attrs: { title: 'Integrations' } });
    frame.frame = [integrations];
    body.push(frame);
  } else {
    body.push(integrations);
  }
  return {
    title: 'Settings',
    body: [el(ctx, 'header', { children: [textNode(ctx, 'strong', 'Settings'), button(ctx, 'Header', 'Sign out')], meta: { section: true } }), el(ctx, 'div', { children: [menu, el(ctx, 'main', { children: body, meta: { section: true } })] })],
  };
}
