import { z } from 'zod';
import { DocIdSchema } from '../schema/flow';

/** One user's run through one flow, as the background stores it. */
export const ProgressSchema = z.strictObject({
  flowId: DocIdSchema,
  flowVersion: z.number().int().min(1),
  runId: z.string().min(1).max(64),
  status: z.enum(['active', 'completed', 'dismissed']),
  stepIndex: z.number().int().min(0),
  /** The id of the current step, so a new flow version resumes at the same step when it still exists. */
  stepId: z.string().max(64),
  /** Increases on every change; the overlay keeps the newest state it has seen. */
  rev: z.number().int().min(0),
  /** Step indexes already shown / reported missing in this run: each is recorded once per run. */
  shown: z.array(z.number().int().min(0)).max(1000),
  missing: z.array(z.number().int().min(0)).max(1000),
  startedAt: z.number().int().min(0),
  updatedAt: z.number().int().min(0),
});
export type Progress = z.infer<typeof ProgressSchema>;
