import { BeaconPreview } from './BeaconPreview';
import { ChecklistPreview } from './ChecklistPreview';
import type { GuidanceDraft } from './guidanceDraft';
import { GUIDANCE_INFO } from './guidanceKinds';
import type { AuthoringData } from './loadAuthoringData';
import { PromptPreview } from './PromptPreview';
import { TipPreview } from './TipPreview';

interface GuidancePreviewProps {
  draft: GuidanceDraft;
  data: AuthoringData;
}

/**
 * The piece of guidance as employees will see it, updated as the admin types: the presentational
 * components the host page renders (`src/ui/guidance/`), with the same stylesheets, in a shadow root.
 */
export function GuidancePreview({ draft, data }: GuidancePreviewProps) {
  const body = (() => {
    switch (draft.kind) {
      case 'prompt':
        return <PromptPreview draft={draft} />;
      case 'tip':
        return <TipPreview draft={draft} />;
      case 'beacon':
        return <BeaconPreview draft={draft} features={data.features} />;
      case 'checklist':
        return <ChecklistPreview draft={draft} flows={data.flows} />;
    }
  })();
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading" class="section-title">
        Preview
      </h2>
      <p class="hint">The {GUIDANCE_INFO[draft.kind].noun} as people will see it on the page.</p>
      {body}
    </section>
  );
}
