import { useEffect, useRef, useState } from 'preact/hooks';
import type { Feature, Flow } from '../src/schema/flow';
import type { DocIssue } from '../src/schema/migrate';
import { newItemDraft, type ChecklistDraft, type ChecklistItemDraft } from './checklistDraft';
import { Field, FieldErrors } from './Field';
import { fieldId, issuesAt } from './issuesAt';

interface ChecklistFieldsProps {
  draft: ChecklistDraft;
  issues: readonly DocIssue[];
  onChange: (patch: Partial<ChecklistDraft>) => void;
  /** Issues carry item indexes: after a reorder they no longer hold. */
  onReorder: () => void;
  flows: readonly Flow[];
  features: readonly Feature[];
}

/** A checklist's title and its items, in order; each item completes on a real event. */
export function ChecklistFields({ draft, issues, onChange, onReorder, flows, features }: ChecklistFieldsProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const [focusAfterMove, setFocusAfterMove] = useState<{ key: string; action: 'up' | 'down' } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (!focusAfterMove) return;
    const row = listRef.current?.querySelector(`[data-item-key="${focusAfterMove.key}"]`);
    const preferred = row?.querySelector<HTMLButtonElement>(`[data-action="${focusAfterMove.action}"]`);
    const other = row?.querySelector<HTMLButtonElement>(`[data-action="${focusAfterMove.action === 'up' ? 'down' : 'up'}"]`);
    (preferred && !preferred.disabled ? preferred : other)?.focus();
  }, [focusAfterMove]);

  const items = draft.items;
  const setItems = (next: ChecklistItemDraft[]) => onChange({ items: next });
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= items.length) return;
    const next = [...items];
    [next[i], next[j]] = [next[j] as ChecklistItemDraft, next[i] as ChecklistItemDraft];
    setItems(next);
    const it = items[i] as ChecklistItemDraft;
    setFocusAfterMove({ key: it.key, action: by < 0 ? 'up' : 'down' });
    setAnnouncement(`Item “${it.title || 'Untitled item'}” moved to position ${j + 1} of ${items.length}.`);
    onReorder();
  };
  const remove = (i: number) => {
    setItems(items.filter((_, n) => n !== i));
    onReorder();
    requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLInputElement>('[data-testid="item-title"]')[Math.max(0, i - 1)]?.focus());
  };
  const add = () => {
    setItems([...items, newItemDraft()]);
    requestAnimationFrame(() => document.getElementById(fieldId(`items.${items.length}.title`))?.focus());
  };
  const flowsByName = [...flows].sort((a, b) => a.name.localeCompare(b.name));
  const featuresByName = [...features].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <section class="card" aria-labelledby="checklist-heading">
        <h2 id="checklist-heading" class="section-title">
          The checklist
        </h2>
        <Field id={fieldId('title')} label="Title" hint="Shown to people at the top of the list, e.g. “Your first week”." issues={issuesAt(issues, 'title')} required>
          {(a11y) => <input {...a11y} type="text" value={draft.title} maxLength={120} onInput={(e) => onChange({ title: e.currentTarget.value })} data-testid="guidance-title" />}
        </Field>
      </section>
      <section class="card" aria-labelledby="items-heading" id={fieldId('items')} tabIndex={-1}>
        <h2 id="items-heading" class="section-title">
          Items
        </h2>
        <FieldErrors messages={issuesAt(issues, 'items').map((i) => i.message)} />
        <p class="hint">Each item is ticked off by a real event: a flow finished or a feature used. Clicking an item can start a flow that shows how.</p>
        {flows.length === 0 && features.length === 0 ? (
          <p class="field-warning">
            <span aria-hidden="true">⚠ </span>There are no flows or tagged features yet: create one first, so that items have something to complete on.
          </p>
        ) : null}
        <ol class="item-list" ref={listRef}>
          {items.map((it, i) => (
            <ItemRow
              key={it.key}
              it={it}
              index={i}
              count={items.length}
              issues={issues}
              flows={flowsByName}
              features={featuresByName}
              onChange={(x) => setItems(items.map((y, n) => (n === i ? x : y)))}
              onMove={(by) => move(i, by)}
              onRemove={() => remove(i)}
            />
          ))}
        </ol>
        <p class="sr-only" role="status">
          {announcement}
        </p>
        <button type="button" class="btn" onClick={add} data-testid="add-item" disabled={items.length >= 30}>
          + Add item
        </button>
      </section>
    </>
  );
}

interface ItemRowProps {
  it: ChecklistItemDraft;
  index: number;
  count: number;
  issues: readonly DocIssue[];
  flows: readonly Flow[];
  features: readonly Feature[];
  onChange: (it: ChecklistItemDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function ItemRow({ it, index, count, issues, flows, features, onChange, onMove, onRemove }: ItemRowProps) {
  const base = `items.${index}`;
  const id = fieldId(base);
  const set = <K extends keyof ChecklistItemDraft>(k: K, v: ChecklistItemDraft[K]) => onChange({ ...it, [k]: v });
  const at = (p: string) => issuesAt(issues, `${base}.${p}`, { subtree: true });
  const missing = (known: boolean, value: string) => (value !== '' && !known ? <option value={value}>{value} (not found)</option> : null);
  return (
    <li class="item" data-testid="item-row" data-item-key={it.key} data-item-id={it.id}>
      <fieldset class="group" id={id} tabIndex={-1}>
        <legend>Item {index + 1}</legend>
        <div class="item-actions">
          <button type="button" class="btn btn-icon" data-action="up" aria-label={`Move item ${index + 1} up`} title="Move up" disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" class="btn btn-icon" data-action="down" aria-label={`Move item ${index + 1} down`} title="Move down" disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" class="btn btn-icon btn-danger-quiet" aria-label={`Remove item ${index + 1}`} title="Remove" disabled={count === 1} onClick={onRemove}>
            ✕
          </button>
        </div>
        <FieldErrors messages={[...issuesAt(issues, base), ...at('id')].map((i) => i.message)} />
        <Field id={fieldId(`${base}.title`)} label="Title" issues={at('title')} required>
          {(a11y) => <input {...a11y} type="text" value={it.title} maxLength={120} onInput={(e) => set('title', e.currentTarget.value)} data-testid="item-title" />}
        </Field>
        <div class="grid-2">
          <fieldset class="group" id={fieldId(`${base}.completeOn`)} tabIndex={-1}>
            <legend>Done when</legend>
            <div class="choice">
              <input type="radio" id={`${id}-flow`} name={`${base}-complete`} checked={it.completeOn === 'flowCompleted'} onChange={() => set('completeOn', 'flowCompleted')} />
              <label for={`${id}-flow`}>A flow is completed</label>
            </div>
            <div class="choice">
              <input type="radio" id={`${id}-feature`} name={`${base}-complete`} checked={it.completeOn === 'featureUsed'} onChange={() => set('completeOn', 'featureUsed')} />
              <label for={`${id}-feature`}>A feature is used</label>
            </div>
            {it.completeOn === 'flowCompleted' ? (
              <Field id={fieldId(`${base}.completeOn.flowId`)} label="Flow" issues={at('completeOn.flowId')} required>
                {(a11y) => (
                  <select {...a11y} value={it.flowId} onChange={(e) => set('flowId', e.currentTarget.value)} data-testid="item-flow">
                    <option value="">Choose a flow…</option>
                    {missing(flows.some((f) => f.id === it.flowId), it.flowId)}
                    {flows.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.name}
                        {f.status === 'draft' ? ' (draft)' : ''}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <Field id={fieldId(`${base}.completeOn.featureId`)} label="Feature" issues={at('completeOn.featureId')} required>
                {(a11y) => (
                  <select {...a11y} value={it.featureId} onChange={(e) => set('featureId', e.currentTarget.value)} data-testid="item-feature">
                    <option value="">Choose a feature…</option>
                    {missing(features.some((f) => f.id === it.featureId), it.featureId)}
                    {features.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
          </fieldset>
          <Field id={fieldId(`${base}.startsFlow`)} label="Clicking the item starts (optional)" hint="A flow that shows how to do it." issues={at('startsFlow')}>
            {(a11y) => (
              <select {...a11y} value={it.startsFlow} onChange={(e) => set('startsFlow', e.currentTarget.value)} data-testid="item-starts-flow">
                <option value="">Nothing</option>
                {missing(flows.some((f) => f.id === it.startsFlow), it.startsFlow)}
                {flows.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
    </li>
  );
}
