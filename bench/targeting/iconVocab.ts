/**
 * Which icon a control carries, chosen from what it is for (its purpose, never its rendered text, so
 * rewording and translation leave it alone), and the name each icon library gives that glyph. An icon is
 * a canonical name here (the generic column, used by hand-made sprites `#icon-trash`, icon fonts
 * `icon-trash` and image files); each library spells it its own way, as the real ones do:
 * Font Awesome 6 (`fa-trash`, `fa-pen`), Bootstrap Icons (`bi-trash`, `bi-pencil`), Google's Material
 * Icons / Material Symbols ligatures (`delete`, `edit`), the Salesforce Lightning Design System utility
 * sprite (`symbols.svg#delete`) and Lucide (`lucide-trash-2`).
 * Columns: generic | Font Awesome | Bootstrap Icons | Material | SLDS utility | Lucide.
 */
const TABLE = `
plus|plus|plus-lg|add|add|plus
trash|trash|trash|delete|delete|trash
trash-2|trash-can|trash3|delete_outline|recycle_bin_empty|trash-2
pencil|pen|pencil|edit|edit|pencil
edit-3|pen-to-square|pencil-square|edit_note|edit_form|pencil-line
archive|box-archive|archive|archive|archive|archive
download|download|download|download|download|download
download-cloud|cloud-arrow-down|cloud-download|cloud_download|download|cloud-download
upload|upload|upload|upload|upload|upload
share|share-nodes|share|share|share|share-2
share-box|share-from-square|box-arrow-up|ios_share|share_post|share
filter|filter|funnel|filter_list|filterList|filter
sliders|sliders|sliders|tune|filter|sliders-horizontal
search|magnifying-glass|search|search|search|search
gear|gear|gear|settings|settings|settings
cog|gears|gear-wide-connected|settings_applications|setup|cog
x|xmark|x-lg|close|close|x
x-circle|circle-xmark|x-circle|cancel|clear|circle-x
check|check|check-lg|check|check|check
save|floppy-disk|floppy|save|save|save
refresh|arrows-rotate|arrow-clockwise|refresh|refresh|refresh-cw
rotate|rotate|arrow-repeat|sync|sync|refresh-ccw
reply|reply|reply|reply|reply|reply
reply-all|reply-all|reply-all|reply_all|reply_all|reply-all
forward|share|forward|forward|forward|forward
star|star|star|star|favorite|star
mail-open|envelope-open|envelope-open|mark_email_read|read_receipts|mail-open
folder|folder-open|folder-symlink|drive_file_move|open_folder|folder-input
tag|tag|tag|label|tags|tag
printer|print|printer|print|print|printer
help|circle-question|question-circle|help|help|circle-help
life-buoy|life-ring|life-preserver|support|help_center|life-buoy
arrow-up|arrow-up|arrow-up-circle|upgrade|arrowup|circle-arrow-up
link|link|link-45deg|link|link|link
link-off|link-slash|x-circle|link_off|unlinked|unlink
dots|ellipsis|three-dots|more_horiz|threedots|ellipsis
chevron-left|chevron-left|chevron-left|chevron_left|chevronleft|chevron-left
chevron-right|chevron-right|chevron-right|chevron_right|chevronright|chevron-right
bell|bell|bell|notifications|notification|bell
columns|table-columns|layout-three-columns|view_column|table_settings|columns-3
phone|phone|telephone|call|call|phone
note|note-sticky|sticky|note_add|note|sticky-note
user-plus|user-plus|person-plus|person_add|adduser|user-plus
user|user|person|person|user|user
user-circle|circle-user|person-circle|account_circle|user|circle-user
users|users|people|group|people|users
cart|cart-shopping|cart|shopping_cart|cart|shopping-cart
log-out|right-from-bracket|box-arrow-right|logout|logout|log-out
home|house|house|home|home|house
building|building|building|business|company|building-2
handshake|handshake|briefcase|handshake|opportunity|handshake
chart|chart-column|bar-chart|bar_chart|chart|chart-column
receipt|file-invoice|receipt|receipt|file|receipt
inbox|inbox|inbox|inbox|email|inbox
send|paper-plane|send|send|send|send
file-pen|file-lines|file-earmark-text|draft|note|file-pen
alert-octagon|ban|exclamation-octagon|report|ban|octagon-alert
shield|shield-halved|shield-lock|security|lock|shield
credit-card|credit-card|credit-card|credit_card|payment|credit-card
plug|plug|plug|extension|apps|plug
paperclip|paperclip|paperclip|attach_file|attach|paperclip
`;

export type IconLibrary = 'generic' | 'fa' | 'bi' | 'material' | 'slds' | 'lucide';
const LIBRARIES: readonly IconLibrary[] = ['generic', 'fa', 'bi', 'material', 'slds', 'lucide'];

const NAMES = new Map<string, Record<IconLibrary, string>>();
for (const line of TABLE.trim().split('\n')) {
  const cols = line.split('|');
  // Plain words only: the markup puts names into attributes and text unescaped.
  if (cols.length !== LIBRARIES.length || !cols.every((c) => /^[A-Za-z0-9_-]+$/.test(c))) throw new Error(`bad icon line: ${line}`);
  NAMES.set(cols[0] as string, Object.fromEntries(LIBRARIES.map((l, i) => [l, cols[i] as string])) as Record<IconLibrary, string>);
}

/** The name `library` gives the canonical icon `icon`. */
export function iconName(icon: string, library: IconLibrary): string {
  const names = NAMES.get(icon);
  if (names === undefined) throw new Error(`unknown icon "${icon}"`);
  return names[library];
}

/**
 * A release's redesign of one glyph: the related icon it becomes (Lucide's own history has `trash` ->
 * `trash-2` and Feather's `edit` -> `edit-3`). Icons without an entry are not redesigned.
 */
export const REDESIGNED: Readonly<Record<string, string>> = {
  trash: 'trash-2',
  pencil: 'edit-3',
  download: 'download-cloud',
  share: 'share-box',
  filter: 'sliders',
  gear: 'cog',
  x: 'x-circle',
  refresh: 'rotate',
  help: 'life-buoy',
};

/**
 * Purposes (the English name a page gives a control) to icons. Several purposes share one (every way to
 * create something is a plus; Gmail's Compose is the same pencil as Edit); purposes without an entry
 * ("Continue", "Change password", record names) get no icon beside their text. `Save` is `check` or
 * `save` depending on the app.
 */
const PURPOSES: Readonly<Record<string, string>> = {
  Delete: 'trash', Remove: 'trash', Trash: 'trash',
  Edit: 'pencil', Compose: 'pencil',
  Archive: 'archive',
  Download: 'download', Export: 'download', Import: 'upload',
  Share: 'share', Filter: 'filter', Search: 'search', Settings: 'gear', Columns: 'columns',
  Create: 'plus', 'Create report': 'plus', New: 'plus', Add: 'plus', 'Add card': 'plus', 'Add note': 'plus',
  Cancel: 'x', Close: 'x',
  Refresh: 'refresh', Reload: 'refresh',
  Reply: 'reply', 'Reply all': 'reply-all', Forward: 'forward',
  Star: 'star', Starred: 'star', Follow: 'bell', Notifications: 'bell',
  'Mark as read': 'mail-open', 'Move to': 'folder', Labels: 'tag', Print: 'printer',
  Help: 'help', 'Upgrade plan': 'arrow-up', Connect: 'link', Disconnect: 'link-off',
  More: 'dots', Previous: 'chevron-left', Back: 'chevron-left', Next: 'chevron-right',
  'Log a call': 'phone', Invite: 'user-plus', 'Place order': 'cart', 'Sign out': 'log-out', Attach: 'paperclip', Send: 'send',
  Home: 'home', Contacts: 'users', Companies: 'building', Deals: 'handshake', Reports: 'chart', Invoices: 'receipt',
  Inbox: 'inbox', Sent: 'send', Drafts: 'file-pen', Spam: 'alert-octagon',
  Profile: 'user', Account: 'user-circle', Security: 'shield', Billing: 'credit-card', Integrations: 'plug',
};

/** The icon for `purpose` in an app that draws Save as `save`. */
export function iconForPurpose(purpose: string, save: 'check' | 'save'): string | undefined {
  if (purpose === 'Save') return save;
  return PURPOSES[purpose];
}

/** The generic icon of an icon-only control whose purpose has no entry: a "more" ellipsis. */
export const GENERIC_ICON = 'dots';

for (const icon of [...Object.values(PURPOSES), ...Object.keys(REDESIGNED), ...Object.values(REDESIGNED), 'check', 'save', GENERIC_ICON]) {
  if (!NAMES.has(icon)) throw new Error(`icon "${icon}" has no names`);
}
