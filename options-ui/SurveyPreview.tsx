import { useState } from 'preact/hooks';
import { SurveyCard } from '../src/ui/guidance/SurveyCard';
import type { SurveyDraft } from './flowDraft';
import { GUIDANCE_PREVIEW_CSS } from './guidancePreviewCss';
import { PreviewFrame } from './PreviewFrame';
import './guidance.css';

/** The micro-survey shown after the flow's last step: the runtime's own `SurveyCard`. */
export function SurveyPreview({ survey }: { survey: SurveyDraft }) {
  const [sent, setSent] = useState<string | null>(null);
  return (
    <section class="preview" aria-labelledby="survey-preview-heading">
      <h2 id="survey-preview-heading" class="section-title">
        Preview: after the last step
      </h2>
      <PreviewFrame css={GUIDANCE_PREVIEW_CSS} testId="survey-preview">
        <div class="stage">
          <SurveyCard
            key={String(survey.allowComment)}
            question={survey.question.trim() === '' ? '(no question yet)' : survey.question}
            allowComment={survey.allowComment}
            onSubmit={(score, comment) => setSent(`Sent: ${score}${comment === undefined ? ', no comment (nothing stored for it)' : ', with a comment'}. Nothing is recorded from the preview.`)}
            onClose={() => setSent('Closed without an answer.')}
          />
        </div>
      </PreviewFrame>
      {sent ? (
        <p class="hint" role="status">
          {sent}
        </p>
      ) : null}
    </section>
  );
}
