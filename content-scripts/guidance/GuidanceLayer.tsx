import { useEffect, useState } from 'preact/hooks';
import type { ContentRequest, GuidancePageView, PageState } from '../../src/messages/protocol';
import type { PromptTemplate } from '../../src/schema/guidance';
import { ChecklistPanel } from '../../src/ui/guidance/ChecklistPanel';
import type { LauncherEntry } from '../../src/ui/guidance/filterEntries';
import { SurveyCard } from '../../src/ui/guidance/SurveyCard';
import { newOpId } from '../overlay/opId';
import { send } from '../runtime';
import { BeaconAnchor } from './BeaconAnchor';
import { Launcher } from './Launcher';
import { mergePromptGroups } from './mergePromptGroups';
import { PromptAnchor } from './PromptAnchor';
import { TipAnchor } from './TipAnchor';
import { watchPresence } from './watchPresence';

/** What the guidance layer needs from the overlay, which owns the page state. */
export interface GuidanceEnv {
  /** Applies a page state the background answered to a request stamped `sentAt`, unless a later answer was applied. */
  apply(state: PageState, sentAt: number): void;
  /** A stamp for a request about to be sent, answered with the page state. */
  stamp(): number;
  /** The ids whose presence checks passed, as last reported. */
  present(): string[];
  /** Reports a new set of present ids (the overlay asks for the page state again); `settled`: see `watchPresence`. */
  setPresent(ids: string[], settled: boolean): void;
  /** The text last selected on the page (memory only). */
  selection(): string;
}

type StateRequest = ContentRequest & { type: 'flow/start' | 'guidance/close' | 'beacon/opened' | 'survey/answer' };

type ShownKind = 'prompt' | 'tip' | 'beacon' | 'checklist' | 'survey';
/** Reports of unasked showings already sent on this page view (the background counts them once anyway). */
const reported = new Set<string>();

function reportShown(kind: ShownKind, id: string): void {
  const key = `${location.href} ${kind}:${id}`;
  if (reported.has(key)) return;
  reported.add(key);
  void send({ type: 'guidance/shown', opId: newOpId(), kind, id });
}

/** The launcher lists guides first (already sorted by name), then checklists, tips and prompts. */
const KIND_ORDER: Record<LauncherEntry['kind'], number> = { guide: 0, checklist: 1, tip: 2, prompt: 3 };

const CHECKLIST_STYLE = { position: 'fixed', right: '24px', bottom: '80px' } as const;
const SURVEY_STYLE = { position: 'fixed', left: '50%', bottom: '24px', transform: 'translateX(-50%)' } as const;

/**
 * Everything of a page's guidance besides the flow: tips, prompt helpers, the one pop-up (a beacon, a
 * checklist or a survey) and the launcher. Renders what the background decided; reports what the user did.
 */
export function GuidanceLayer({ view, env }: { view: GuidancePageView; env: GuidanceEnv }) {
  /** Content opened from the launcher (shown even when its visit rule or cap keeps it from showing by itself). */
  const [opened, setOpened] = useState<Record<string, number>>({});
  const [checklistOpen, setChecklistOpen] = useState<string | null>(null);
  /** Pop-ups the user closed here, hidden at once without waiting for the answer. */
  const [closed, setClosed] = useState<Set<string>>(new Set());

  // Watched afresh on each page (an SPA navigation keeps the same checks but not the same elements).
  const checksKey = `${location.href} ${JSON.stringify(view.checks)}`;
  useEffect(() => (view.checks.length > 0 ? watchPresence(view.checks, env.setPresent) : undefined), [checksKey]);

  const url = () => location.href;
  const present = () => env.present();
  /** Sends a request answered with the page state, and hands the answer to the overlay, stamped. */
  const request = (req: StateRequest) => {
    const sentAt = env.stamp();
    void send(req).then((r: { ok: true; state: PageState } | { ok: false }) => r.ok && env.apply(r.state, sentAt));
  };
  const startFlow = (flowId: string) =>
    request({ type: 'flow/start', opId: newOpId(), url: url(), flowId, present: present() });

  // Which element each prompt group's fingerprint found, so groups finding the same one merge.
  const [promptElements, setPromptElements] = useState<ReadonlyMap<string, Element>>(new Map());
  const locatePrompt = (key: string, el: Element | null) =>
    setPromptElements((m) => {
      if ((m.get(key) ?? null) === el) return m;
      const next = new Map(m);
      if (el) next.set(key, el);
      else next.delete(key);
      return next;
    });
  const tips = view.items.flatMap((i) => (i.doc.kind === 'tip' && (i.unasked || opened[i.doc.id]) ? [{ tip: i.doc, unasked: i.unasked }] : []));
  const promptGroups = new Map<string, { templates: PromptTemplate[]; unasked: Set<string>; signal: number }>();
  for (const i of view.items) {
    if (i.doc.kind !== 'prompt' || !(i.unasked || opened[i.doc.id])) continue;
    const key = JSON.stringify(i.doc.target);
    const g = promptGroups.get(key) ?? { templates: [], unasked: new Set<string>(), signal: 0 };
    g.templates.push(i.doc);
    if (i.unasked) g.unasked.add(i.doc.id);
    g.signal = Math.max(g.signal, opened[i.doc.id] ?? 0);
    promptGroups.set(key, g);
  }
  const prompts = mergePromptGroups(promptGroups, promptElements);
  const popup = view.popup && !closed.has(`${view.popup.kind}:${view.popup.id}`) ? view.popup : null;
  const beacon = view.items.flatMap((i) => (popup?.kind === 'beacon' && i.doc.kind === 'beacon' && i.doc.id === popup.id ? [i.doc] : []))[0];
  const checklistId = checklistOpen ?? (popup?.kind === 'checklist' ? popup.id : null);
  const checklist = view.items.flatMap((i) => (i.doc.kind === 'checklist' && i.doc.id === checklistId ? [{ ...i, doc: i.doc }] : []))[0];
  const survey = popup?.kind === 'survey' ? view.survey : null;

  useEffect(() => {
    if (checklist && !checklistOpen) reportShown('checklist', checklist.doc.id);
  }, [checklist?.doc.id, checklistOpen]);
  useEffect(() => {
    if (survey) reportShown('survey', survey.flowId);
  }, [survey?.flowId]);

  const closePopup = (kind: 'checklist' | 'survey', id: string) => {
    setClosed((s) => new Set(s).add(`${kind}:${id}`));
    request({ type: 'guidance/close', opId: newOpId(), url: url(), kind, id, present: present() });
  };

  const entries: LauncherEntry[] = [
    ...view.guides.map((g) => ({ key: `guide:${g.id}`, kind: 'guide' as const, title: g.name, detail: g.description })),
    ...view.items.flatMap((i): LauncherEntry[] => {
      if (i.doc.kind === 'tip') return [{ key: `tip:${i.doc.id}`, kind: 'tip', title: i.doc.title, detail: '' }];
      if (i.doc.kind === 'prompt') return [{ key: `prompt:${i.doc.id}`, kind: 'prompt', title: i.doc.name, detail: i.doc.description }];
      if (i.doc.kind === 'checklist') {
        return [{ key: `checklist:${i.doc.id}`, kind: 'checklist', title: i.doc.title, detail: `${i.done.length} of ${i.doc.items.length} done` }];
      }
      return [];
    }).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.title.localeCompare(b.title)),
  ];
  const pick = (key: string) => {
    const [kind, id] = key.split(':') as [string, string];
    if (kind === 'guide') startFlow(id);
    else if (kind === 'checklist') setChecklistOpen(id);
    else setOpened((o) => ({ ...o, [id]: (o[id] ?? 0) + 1 }));
  };

  return (
    <>
      {tips.map(({ tip, unasked }) => (
        <TipAnchor key={tip.id} tip={tip} focusSignal={opened[tip.id] ?? 0} shown={() => unasked && reportShown('tip', tip.id)} />
      ))}
      {[...prompts.entries()].map(([key, g]) => (
        <PromptAnchor
          key={key}
          target={promptGroups.get(key)?.templates[0]?.target ?? { tag: 'textarea' }}
          templates={g.templates}
          dormant={g.dormant}
          located={(el) => locatePrompt(key, el)}
          focusSignal={g.signal}
          selection={env.selection}
          shown={(ids) => ids.filter((id) => g.unasked.has(id)).forEach((id) => reportShown('prompt', id))}
          used={(id) => void send({ type: 'prompt/used', opId: newOpId(), templateId: id })}
          rated={(id, rating) => void send({ type: 'prompt/rated', opId: newOpId(), templateId: id, rating })}
        />
      ))}
      {beacon ? (
        <BeaconAnchor
          key={beacon.id}
          beacon={beacon}
          shown={() => reportShown('beacon', beacon.id)}
          opened={() => request({ type: 'beacon/opened', opId: newOpId(), url: url(), id: beacon.id, present: present() })}
        />
      ) : null}
      {checklist ? (
        <ChecklistPanel
          title={checklist.doc.title}
          items={checklist.doc.items.map((it) => ({ id: it.id, title: it.title, done: checklist.done.includes(it.id), startable: checklist.startable.includes(it.id) }))}
          onStart={(itemId) => {
            const it = checklist.doc.items.find((x) => x.id === itemId);
            if (it?.startsFlow) startFlow(it.startsFlow);
          }}
          onClose={() => (checklistOpen ? setChecklistOpen(null) : closePopup('checklist', checklist.doc.id))}
          focus={checklistOpen !== null ? 'take' : 'ifLost'}
          style={CHECKLIST_STYLE}
        />
      ) : null}
      {survey ? (
        <SurveyCard
          key={survey.flowId}
          question={survey.question}
          allowComment={survey.allowComment}
          style={SURVEY_STYLE}
          focus="ifLost"
          onClose={() => closePopup('survey', survey.flowId)}
          onSubmit={(score, comment) => {
            setClosed((s) => new Set(s).add(`survey:${survey.flowId}`));
            request({ type: 'survey/answer', opId: newOpId(), url: url(), flowId: survey.flowId, score, comment, present: present() });
          }}
        />
      ) : null}
      {entries.length > 0 ? <Launcher entries={entries} position={view.launcher} onPick={pick} onMoved={(x, y) => void send({ type: 'launcher/moved', x, y })} /> : null}
    </>
  );
}
