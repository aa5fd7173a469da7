import type { Rng } from '../rng';

const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Ken', 'Frances', 'Dennis', 'Hedy', 'Tim', 'Radia', 'Edsger', 'Katherine', 'John', 'Sophie', 'Yuki', 'Carlos', 'Amara', 'Lena', 'Mateo', 'Priya', 'Omar', 'Ingrid'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Liskov', 'Thompson', 'Allen', 'Ritchie', 'Lamarr', 'Berners-Lee', 'Perlman', 'Dijkstra', 'Johnson', 'McCarthy', 'Wilson', 'Tanaka', 'García', 'Okafor', 'Schmidt', 'Rossi', 'Patel', 'Haddad', 'Larsen'];
const COMPANIES = ['ACME Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Soylent', 'Vandelay Industries', 'Wonka', 'Cyberdyne', 'Tyrell', 'Aperture', 'Massive Dynamic', 'Pied Piper', 'Oscorp', 'Gringotts', 'Monarch'];
const SUBJECTS = ['Quarterly report', 'Lunch on Friday?', 'Invoice overdue', 'Welcome aboard', 'Re: contract draft', 'Team offsite', 'Your order has shipped', 'Security alert', 'Meeting notes', 'Feedback request', 'Budget 2025', 'Holiday schedule'];
const TASKS = ['Update onboarding docs', 'Fix login redirect', 'Design pricing page', 'Migrate database', 'Write release notes', 'Customer interview', 'Refactor billing', 'Audit permissions', 'Plan Q3 roadmap', 'Review analytics', 'Localize settings', 'Improve search'];
const APPS = ['Slack', 'GitHub', 'Google Drive', 'Salesforce', 'Zendesk', 'Jira', 'Dropbox', 'Stripe', 'Mailchimp', 'Zoom'];

export const person = (rng: Rng) => `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
export const company = (rng: Rng) => rng.pick(COMPANIES);
export const subject = (rng: Rng) => rng.pick(SUBJECTS);
export const task = (rng: Rng) => rng.pick(TASKS);
export const apps = (rng: Rng, n: number) => rng.shuffle([...APPS]).slice(0, n);
export const amount = (rng: Rng) => `$${rng.int(1, 99)},${String(rng.int(0, 999)).padStart(3, '0')}.${String(rng.int(0, 99)).padStart(2, '0')}`;
export const date = (rng: Rng) => `${rng.pick(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])} ${rng.int(1, 28)}`;
