import type { ChecklistInput, BeaconInput, PromptTemplateInput, TipInput } from '../../../src/schema/guidance';

/** Guidance documents as an admin writes them (defaults left out), shared by the guidance unit tests. */
const base = {
  schemaVersion: 2 as const,
  status: 'published' as const,
  match: ['http://127.0.0.1/*'],
  updatedAt: '2026-01-01T00:00:00.000Z',
};

export const prompt: PromptTemplateInput = {
  ...base,
  kind: 'prompt',
  id: 'summarize-deal',
  name: 'Summarize this deal',
  target: { tag: 'textarea', label: 'Ask the assistant' },
  template: 'Summarize the deal {{deal}} for the approval queue. Focus on: {{focus}}',
  variables: [
    { name: 'deal', label: 'Deal name', source: { kind: 'element', target: { tag: 'h1', text: 'Acme' } } },
    { name: 'focus', label: 'Selected text', source: { kind: 'selection' } },
  ],
};

export const tip: TipInput = {
  ...base,
  kind: 'tip',
  id: 'po-number',
  name: 'PO number tip',
  target: { tag: 'input', label: 'PO number' },
  title: 'Purchase order number',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Eight digits.' }] }],
  validation: { required: true, pattern: '\\d{8}', message: 'A PO number has eight digits.' },
};

export const beacon: BeaconInput = {
  ...base,
  kind: 'beacon',
  id: 'new-export',
  name: 'New export',
  target: { tag: 'button', text: 'Export' },
  featureId: 'export',
  title: 'New: export',
  body: [],
};

export const checklist: ChecklistInput = {
  ...base,
  kind: 'checklist',
  id: 'getting-started',
  name: 'Getting started',
  title: 'Getting started',
  items: [
    { id: 'tour', title: 'Take the tour', completeOn: { kind: 'flowCompleted', flowId: 'crm-onboarding' }, startsFlow: 'crm-onboarding' },
    { id: 'export', title: 'Export a report', completeOn: { kind: 'featureUsed', featureId: 'export' } },
  ],
};
