import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { fillTemplate } from '../../src/rules/promptVariables';
import type { PromptTemplate } from '../../src/schema/guidance';
import { PromptHelper, type PromptHelperStage } from '../../src/ui/guidance/PromptHelper';
import { loadLocator } from '../overlay/locator';
import { isOwnNode } from '../overlay/shadowHost';
import { anchorFloating } from './anchorFloating';
import { describeField } from './describeField';
import { insertText } from './insertText';
import { elementValue } from './pageSelection';
import { documentsOf, through, useTarget } from './useTarget';

export interface PromptAnchorProps {
  /** The input's fingerprint, as this group's templates describe it. */
  target: PromptTemplate['target'];
  /**
   * The templates offered in the input: this group's, and those of other groups whose (differently
   * captured) fingerprints found the same element (see `mergePromptGroups`).
   */
  templates: PromptTemplate[];
  /** Another group found the same element and shows the helper there: this one only keeps tracking. */
  dormant: boolean;
  /** Reports the element this group's fingerprint found (null: none, or lost). */
  located(el: Element | null): void;
  /** Opened from the launcher: focus the input so the helper opens. */
  focusSignal: number;
  /** The text last selected on the page (never sent). */
  selection(): string;
  shown(ids: string[]): void;
  used(id: string): void;
  rated(id: string, rating: 'up' | 'down'): void;
}

/** Fills a template's variables from the page at the moment it is chosen. */
async function fill(t: PromptTemplate, selection: string): Promise<{ text: string; missing: string[] }> {
  const locate = t.variables.some((v) => v.source.kind === 'element') ? await loadLocator() : null;
  const vars = t.variables.map((v) => {
    let value = '';
    if (v.source.kind === 'selection') value = selection;
    else if (locate) {
      const r = locate(v.source.target, document, { ignore: isOwnNode });
      if (r.status === 'found' && r.element) value = elementValue(r.element);
    }
    return { name: v.name, label: v.label, value: value.trim() === '' ? v.fallback : value };
  });
  return fillTemplate(t.template, vars);
}

/**
 * The prompt helper of one AI assistant input: opens when the user focuses the input, offers the page's
 * templates, fills the chosen one from the page, lets the user edit it and inserts it so the host app's
 * own state sees it. Records only which template was used.
 */
export function PromptAnchor(p: PromptAnchorProps) {
  const el = useTarget(p.target);
  useEffect(() => p.located(el), [el]);
  // Gone from the page's guidance: the element is no longer this group's.
  useEffect(() => () => p.located(null), []);
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<PromptHelperStage>({ kind: 'list' });
  const boxRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef(stage);
  stageRef.current = stage;
  const ids = p.templates.map((t) => t.id);

  useEffect(() => {
    if (!el || p.dormant) return;
    const ac = new AbortController();
    // Ours, and the input's own document when it lives in a same-origin frame (see `documentsOf`).
    const docs = documentsOf(el);
    const on = <K extends keyof DocumentEventMap>(type: K, f: (e: DocumentEventMap[K]) => void) => {
      for (const d of docs) d.addEventListener(type, f, { capture: true, signal: ac.signal });
    };
    const inHelper = (e: Event) => e.composedPath().some((n) => n instanceof Node && boxRef.current?.contains(n) === true);
    /** After an insertion the helper waits for the optional rating: clicking Ask in the page must not hide it. */
    const waitsForRating = () => stageRef.current.kind === 'used' && stageRef.current.rated === null;
    /** Focus handed back to the input by Esc must not open the helper again. */
    let refocusing = false;
    on('focusin', (e) => {
      if (refocusing) refocusing = false;
      else if (through(e, el)) {
        setOpen((was) => {
          if (!was) setStage({ kind: 'list' });
          return true;
        });
      } else if (!inHelper(e) && !waitsForRating()) {
        // Tabbing on past the input closes it, as a click elsewhere does.
        setOpen(false);
      }
    });
    on('pointerdown', (e) => {
      if (through(e, el) || inHelper(e) || waitsForRating()) return;
      setOpen(false);
    });
    // The keyboard way in and out: the helper sits, for Tab, between its input and what follows it.
    // Tab in the input goes into the helper; Tab past its last control goes back to the input, closes
    // the helper and lets the browser move on from there (focus moved in keydown, before its default);
    // Shift+Tab from its first control goes back to the input.
    on('keydown', (e) => {
      const box = boxRef.current;
      if (e.key !== 'Tab' || e.defaultPrevented || !box) return;
      const controls = [...box.querySelectorAll<HTMLElement>('button, textarea, input, a[href]')].filter((c) => !c.matches(':disabled'));
      const at = e.composedPath()[0];
      const first = controls.find((c) => !c.classList.contains('wm-close')) ?? controls[0];
      if (through(e, el) && !e.shiftKey && first) {
        e.preventDefault();
        first.focus();
      } else if (controls.length > 0 && at === (e.shiftKey ? controls[0] : controls.at(-1))) {
        if (e.shiftKey) e.preventDefault();
        else setOpen(false);
        refocusing = true;
        (el as HTMLElement).focus?.();
        refocusing = false;
      }
    });
    // Esc closes the helper when the user is in it or in its input; elsewhere it is not ours to take.
    on('keydown', (e) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !(through(e, el) || inHelper(e)) || !boxRef.current) return;
      e.stopPropagation();
      setOpen(false);
      if (inHelper(e)) {
        refocusing = true;
        (el as HTMLElement).focus?.();
        refocusing = false;
      }
    });
    // Said to a screen reader on reaching the input (the helper's own text is in our shadow root).
    const undescribe = describeField(el, 'Prompt ideas: Tab to choose one, Esc to close them.');
    // Focused before the input was located (the user was quicker than the locator): open now.
    const active = el.ownerDocument.activeElement;
    if (active && (active === el || el.contains(active))) setOpen(true);
    return () => {
      ac.abort();
      undescribe();
      setOpen(false);
    };
  }, [el, p.dormant]);

  useEffect(() => {
    if (open) p.shown(ids);
  }, [open]);

  useEffect(() => {
    if (!el || p.dormant || p.focusSignal === 0) return;
    (el as HTMLElement).scrollIntoView?.({ block: 'center' });
    (el as HTMLElement).focus?.();
    setOpen(true);
  }, [p.focusSignal, el, p.dormant]);

  useLayoutEffect(() => {
    if (!el || !open || !boxRef.current) return;
    return anchorFloating(el, boxRef.current.firstElementChild as HTMLElement, 'top-start', 8);
  }, [el, open]);

  if (!el || !open || p.dormant) return null;
  const choose = async (id: string) => {
    const t = p.templates.find((x) => x.id === id);
    if (!t) return;
    const { text, missing } = await fill(t, p.selection());
    setStage({ kind: 'edit', id, text, missing });
  };
  const insert = async () => {
    if (stage.kind !== 'edit') return;
    if (!(await insertText(el, stage.text))) return;
    p.used(stage.id);
    setStage({ kind: 'used', id: stage.id, rated: null });
  };
  return (
    <div ref={boxRef}>
      <PromptHelper
        templates={p.templates.map((t) => ({ id: t.id, name: t.name, description: t.description }))}
        stage={stage}
        onChoose={(id) => void choose(id)}
        onText={(text) => stage.kind === 'edit' && setStage({ ...stage, text })}
        onInsert={() => void insert()}
        onBack={() => setStage({ kind: 'list' })}
        onClose={() => setOpen(false)}
        onRate={(rating) => {
          if (stage.kind !== 'used') return;
          p.rated(stage.id, rating);
          setStage({ ...stage, rated: rating });
        }}
      />
    </div>
  );
}
