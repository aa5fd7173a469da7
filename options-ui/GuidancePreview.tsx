import type { GuidanceDraft } from './guidanceDraft';
import { GUIDANCE_INFO } from './guidanceKinds';
import type { AuthoringData } from './loadAuthoringData';

interface GuidancePreviewProps {
  draft: GuidanceDraft;
  data: AuthoringData;
}

/** The piece of guidance as employees will see it, updated as the admin types. */
export function GuidancePreview({ draft }: GuidancePreviewProps) {
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading" class="section-title">
        Preview
      </h2>
      <p class="hint">The {GUIDANCE_INFO[draft.kind].noun} as people will see it.</p>
    </section>
  );
}
