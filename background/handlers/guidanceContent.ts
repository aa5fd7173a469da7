import type { z } from 'zod';
import type { ContentRequestSchemas, Responses } from '../../src/messages/protocol';
import { noteClosed, noteShown, noteUsed } from '../../src/rules/contentState';
import { stepOnPage } from '../../src/rules/flowRuntime';
import type { Step } from '../../src/schema/flow';
import { updateContentState } from '../contentStates';
import { getDocs, type Docs } from '../docs';
import { computePageState, findRun, LAUNCHER_POSITION_KEY } from '../pageState';
import type { Writer } from '../writer';

type Types = 'flow/start' | 'step/confused' | 'guidance/shown' | 'beacon/opened' | 'guidance/close' | 'prompt/used' | 'prompt/rated' | 'survey/answer' | 'launcher/moved';
type Parsed = { [K in Types]: z.output<(typeof ContentRequestSchemas)[K]> };
export type GuidanceContentHandlers = { [K in Types]: (req: Parsed[K]) => Promise<Responses[K]> };

const CONTENT_KIND = { tip: 'tip', beacon: 'beacon', checklist: 'checklist', prompt: 'prompt_helper', survey: 'survey' } as const;

/**
 * Messages from the guidance on host pages. Each one that records something is applied once per
 * `opId`, and names only published documents the background knows (pages are only ever given those):
 * an unknown id, a draft, or a survey of a flow without one is refused, not recorded.
 */
export function guidanceContentHandlers(writer: Writer, env: { team(): Promise<string | undefined> }): GuidanceContentHandlers {
  const guidance = async (id: string, kind?: string) => {
    const docs = await getDocs();
    return { docs, doc: docs.guidance.find((g) => g.id === id && g.status === 'published' && (kind === undefined || g.kind === kind)) };
  };
  const publishedGuidance = (docs: Docs, kind: string, id: string) => docs.guidance.some((g) => g.id === id && g.kind === kind && g.status === 'published');
  const surveyOf = (docs: Docs, flowId: string) => docs.flows.find((f) => f.id === flowId && f.status === 'published' && f.survey);

  return {
    async 'flow/start'(req) {
      const docs = await getDocs();
      const flow = docs.flows.find((f) => f.id === req.flowId && f.status === 'published');
      if (!flow) return { ok: false, error: `unknown flow "${req.flowId}"` };
      if (!stepOnPage(flow, flow.steps[0] as Step, req.url)) return { ok: false, error: `the flow "${flow.name}" does not start on this page` };
      const team = await env.team();
      const state = await writer.run(async (ctx) => {
        const again = await ctx.seenOp(req.opId);
        return computePageState(ctx, docs, req.url, { team, present: req.present, ...(again ? {} : { startFlow: flow.id }) });
      });
      return { ok: true, state };
    },

    async 'step/confused'(req) {
      const docs = await getDocs();
      const recorded = await writer.run(async (ctx) => {
        if (await ctx.seenOp(req.opId)) return true;
        const run = await findRun(ctx, docs, req.runId);
        if (!run || run.progress.status !== 'active' || run.progress.stepIndex !== req.stepIndex) return false;
        const { flow, progress: p } = run;
        ctx.emit({ type: 'step_confused', flowId: flow.id, flowVersion: flow.version, stepId: p.stepId, stepIndex: p.stepIndex });
        return true;
      });
      return recorded ? { ok: true } : { ok: false, error: 'that step is no longer the current one' };
    },

    async 'guidance/shown'(req) {
      const docs = await getDocs();
      const known = req.kind === 'survey' ? surveyOf(docs, req.id) !== undefined : publishedGuidance(docs, req.kind, req.id);
      if (!known) return { ok: false, error: `unknown ${req.kind} "${req.id}"` };
      await writer.run(async (ctx) => {
        if (await ctx.seenOp(req.opId)) return;
        let changed = false;
        await updateContentState(ctx.tx, req.kind, req.id, (s) => {
          const r = noteShown(s, ctx.now);
          changed = r.changed;
          return r.state;
        });
        if (changed) ctx.emit({ type: 'content_shown', contentId: req.id, contentKind: CONTENT_KIND[req.kind] });
      });
      return { ok: true };
    },

    async 'beacon/opened'(req) {
      const { docs, doc } = await guidance(req.id, 'beacon');
      if (!doc) return { ok: false, error: `unknown beacon "${req.id}"` };
      const team = await env.team();
      const state = await writer.run(async (ctx) => {
        if (!(await ctx.seenOp(req.opId))) await updateContentState(ctx.tx, 'beacon', doc.id, noteUsed);
        return computePageState(ctx, docs, req.url, { team, present: req.present });
      });
      return { ok: true, state };
    },

    async 'guidance/close'(req) {
      const docs = await getDocs();
      const known = req.kind === 'survey' ? surveyOf(docs, req.id) !== undefined : publishedGuidance(docs, req.kind, req.id);
      if (!known) return { ok: false, error: `unknown ${req.kind} "${req.id}"` };
      const team = await env.team();
      const state = await writer.run(async (ctx) => {
        if (!(await ctx.seenOp(req.opId))) await updateContentState(ctx.tx, req.kind, req.id, (s) => noteClosed(s, ctx.now));
        return computePageState(ctx, docs, req.url, { team, present: req.present });
      });
      return { ok: true, state };
    },

    async 'prompt/used'(req) {
      const { doc } = await guidance(req.templateId, 'prompt');
      if (!doc) return { ok: false, error: `unknown prompt template "${req.templateId}"` };
      const firstUse = await writer.run(async (ctx) => {
        if (await ctx.seenOp(req.opId)) return false;
        const { before } = await updateContentState(ctx.tx, 'prompt', doc.id, noteUsed);
        ctx.emit({ type: 'prompt_used', templateId: doc.id, firstUse: before.used === 0 });
        return before.used === 0;
      });
      return { ok: true, firstUse };
    },

    async 'prompt/rated'(req) {
      const { doc } = await guidance(req.templateId, 'prompt');
      if (!doc) return { ok: false, error: `unknown prompt template "${req.templateId}"` };
      await writer.run(async (ctx) => {
        if (await ctx.seenOp(req.opId)) return;
        ctx.emit({ type: 'prompt_rated', templateId: doc.id, rating: req.rating });
      });
      return { ok: true };
    },

    async 'survey/answer'(req) {
      const docs = await getDocs();
      const flow = surveyOf(docs, req.flowId);
      if (!flow?.survey) return { ok: false, error: `the flow "${req.flowId}" has no survey` };
      // The comment is kept only when the user wrote one, and only when the survey offers a comment box.
      const comment = flow.survey.allowComment ? req.comment?.trim() : undefined;
      const team = await env.team();
      const state = await writer.run(async (ctx) => {
        if (!(await ctx.seenOp(req.opId))) {
          const { before } = await updateContentState(ctx.tx, 'survey', flow.id, (s) => noteClosed(s, ctx.now));
          if (before.closedAt === null) {
            ctx.emit({ type: 'survey_answered', flowId: flow.id, flowVersion: flow.version, score: req.score, ...(comment ? { comment } : {}) });
          }
        }
        return computePageState(ctx, docs, req.url, { team, present: req.present });
      });
      return { ok: true, state };
    },

    async 'launcher/moved'(req) {
      await writer.run(async (ctx) => {
        void ctx.tx.objectStore('meta').put({ x: Math.round(req.x), y: Math.round(req.y) }, LAUNCHER_POSITION_KEY);
      });
      return { ok: true };
    },
  };
}
