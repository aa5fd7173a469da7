import { describe, expect, it } from 'vitest';
import { newFeatureDraft } from '../../../options-ui/featureDraft';
import { newFlowDraft, patternEntry } from '../../../options-ui/flowDraft';
import { newGuidanceDraft } from '../../../options-ui/guidanceDraft';
import { popupTab } from '../../../options-ui/popup/popupTab';
import { featureWithPick, flowWithPick, guidanceWithPick, sitePattern } from '../../../options-ui/withPick';
import type { PickedElement } from '../../../src/messages/picker';

const pick: PickedElement = {
  fingerprint: { tag: 'button', text: 'Create deal', testId: 'create-deal' },
  unambiguous: true,
  confidence: 0.93,
  similar: 1,
  frameUrl: 'https://crm.example.com:8443/contacts/c-1?tab=deals#top',
};

describe('a new document from a pick', () => {
  it('starts on every page of the site it was picked on', () => {
    expect(sitePattern(pick.frameUrl)).toBe('https://crm.example.com/*');
    expect(sitePattern('http://127.0.0.1:5173/x')).toBe('http://127.0.0.1/*');
    for (const bad of ['', 'not a url', 'file:///tmp/a.html', 'about:blank', 'chrome-extension://abc/options.html']) expect(sitePattern(bad)).toBeNull();
  });

  it('a flow: the first step points at the element; the other steps and a written pattern are kept', () => {
    const d = flowWithPick(newFlowDraft('f1'), pick);
    expect(d.match.map((m) => m.value)).toEqual(['https://crm.example.com/*']);
    expect(d.steps[0]).toMatchObject({ hasTarget: true, target: pick.fingerprint });
    const written = { ...newFlowDraft('f2'), match: [patternEntry('https://crm.example.com/deals/*')] };
    expect(flowWithPick(written, pick).match.map((m) => m.value)).toEqual(['https://crm.example.com/deals/*']);
    const unknownSite = flowWithPick(newFlowDraft('f3'), { ...pick, frameUrl: 'about:srcdoc' });
    expect(unknownSite.match.map((m) => m.value)).toEqual(['']);
  });

  it('a feature, a tip, a prompt helper and a beacon take it as their element; a checklist has none', () => {
    expect(featureWithPick(newFeatureDraft(), pick)).toMatchObject({ target: pick.fingerprint });
    for (const kind of ['tip', 'prompt', 'beacon'] as const) expect(guidanceWithPick(newGuidanceDraft(kind, 'g'), pick)).toMatchObject({ kind, target: pick.fingerprint });
    const list = newGuidanceDraft('checklist', 'c');
    expect(guidanceWithPick(list, pick)).toBe(list);
  });
});

describe('the tab the toolbar popup acts on', () => {
  it('is an http(s) page with an id', () => {
    expect(popupTab({ id: 4, title: 'CRM', url: 'https://crm.example.com/' })).toEqual({ id: 4, title: 'CRM', url: 'https://crm.example.com/' });
    expect(popupTab({ id: 4, title: '', url: 'http://127.0.0.1/' })).toEqual({ id: 4, title: 'http://127.0.0.1/', url: 'http://127.0.0.1/' });
    expect(popupTab(undefined)).toBeNull();
    expect(popupTab({ id: 4, title: 'New tab', url: 'chrome://newtab/' })).toBeNull();
    expect(popupTab({ id: -1, title: 'x', url: 'https://a.example/' })).toBeNull();
    expect(popupTab({ title: 'x', url: 'https://a.example/' })).toBeNull();
  });
});
