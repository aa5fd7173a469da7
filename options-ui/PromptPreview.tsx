import { useState } from 'preact/hooks';
import { fillTemplate } from '../src/rules/promptVariables';
import { describeTarget } from '../src/ui/describeTarget';
import { PromptHelper, type PromptHelperStage } from '../src/ui/guidance/PromptHelper';
import { cleanFingerprint } from './cleanFingerprint';
import { GUIDANCE_PREVIEW_CSS } from './guidancePreviewCss';
import { PreviewFrame } from './PreviewFrame';
import type { PromptDraft } from './promptDraft';

/**
 * The prompt helper as employees get it when they focus the assistant's input: the runtime's own
 * `PromptHelper` and the runtime's `fillTemplate`. Sample values stand in for what the page would give;
 * left empty, the fallback is used, as on the page, and then `[label]`.
 */
export function PromptPreview({ draft }: { draft: PromptDraft }) {
  const [stage, setStage] = useState<PromptHelperStage>({ kind: 'edit', id: 'preview', text: '', missing: [] });
  const [samples, setSamples] = useState<Record<string, string>>({});
  // What the admin typed in the preview, for the filled text it was typed over: a change to the template drops it.
  const [edited, setEdited] = useState<{ over: string; text: string } | null>(null);
  const vars = draft.variables.filter((v) => v.name.trim() !== '');
  const filled = fillTemplate(
    draft.template,
    vars.map((v) => {
      const sample = (samples[v.key] ?? '').trim();
      return { name: v.name.trim(), label: v.label.trim() || v.name.trim(), value: sample !== '' ? sample : v.fallback };
    }),
  );
  const target = /^[a-z][a-z0-9-]*$/.test(draft.target.tag) ? describeTarget(cleanFingerprint(draft.target), 30) : 'the assistant input';
  const text = edited && edited.over === filled.text ? edited.text : filled.text;
  const shown: PromptHelperStage = stage.kind === 'edit' ? { ...stage, text, missing: filled.missing } : stage;
  const name = draft.name.trim() === '' ? '(no name yet)' : draft.name;
  return (
    <>
      <PreviewFrame css={GUIDANCE_PREVIEW_CSS} testId="guidance-preview">
        <div class="stage">
          <div class="target box">{target}</div>
          <PromptHelper
            templates={[{ id: 'preview', name, description: draft.description }]}
            stage={shown}
            onChoose={() => {
              setEdited(null);
              setStage({ kind: 'edit', id: 'preview', text: '', missing: [] });
            }}
            onText={(t) => setEdited({ over: filled.text, text: t })}
            onInsert={() => setStage({ kind: 'used', id: 'preview', rated: null })}
            onBack={() => setStage({ kind: 'list' })}
            onClose={() => setStage({ kind: 'list' })}
            onRate={(rated) => setStage({ kind: 'used', id: 'preview', rated })}
          />
        </div>
      </PreviewFrame>
      <p class="hint preview-note">Choose, Back, Insert and the rating work here as on the page; nothing is recorded.</p>
      {vars.length > 0 ? (
        <details class="advanced" open>
          <summary>Sample values</summary>
          {vars.map((v) => (
            <div class="field" key={v.key}>
              <label class="field-label" for={`sample-${v.key}`}>
                <code>{`{{${v.name.trim()}}}`}</code> {v.source === 'selection' ? '(the selection)' : '(from the page)'}
              </label>
              <input
                id={`sample-${v.key}`}
                type="text"
                value={samples[v.key] ?? ''}
                placeholder={v.fallback || `[${v.label || v.name}]`}
                onInput={(e) => {
                  const value = e.currentTarget.value;
                  setSamples((s) => ({ ...s, [v.key]: value }));
                  setEdited(null);
                }}
                data-testid="prompt-sample"
              />
            </div>
          ))}
        </details>
      ) : null}
    </>
  );
}
