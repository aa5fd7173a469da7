import { dismiss, markMissing, markShown, move } from '../../src/rules/flowRuntime';
import { getDocs } from '../docs';
import { applyToRun, computePageState } from '../pageState';
import type { Writer } from '../writer';
import { noteUsed } from '../../src/rules/contentState';
import { updateContentState } from '../contentStates';
import { guidanceContentHandlers } from './guidanceContent';
import type { ContentHandlers } from './handlerMaps';
import { pickerContentHandlers } from './picker';


export type { ContentHandlers };

/** What the content handlers need besides storage. */
export interface ContentEnv {
  /** The user's team (sync settings or managed policy), for guidance targeted at teams. */
  team(): Promise<string | undefined>;
}

/** Handlers for messages from content scripts. Each mutating one is applied once per `opId`. */
export function contentHandlers(writer: Writer, env: ContentEnv): ContentHandlers {
  return {
    async 'page/state'(req) {
      const docs = await getDocs();
      const team = await env.team();
      const state = await writer.run((ctx) => computePageState(ctx, docs, req.url, { linkStart: req.linkStart, present: req.present, settled: req.settled, team }));
      return { ok: true, state };
    },

    async 'step/shown'(req) {
      const docs = await getDocs();
      await writer.run((ctx) => applyToRun(ctx, docs, req, (flow, p) => markShown(flow, p, req.stepIndex, ctx.now)));
      return { ok: true };
    },

    async 'step/advance'(req) {
      const docs = await getDocs();
      const team = await env.team();
      const state = await writer.run(async (ctx) => {
        const done = await applyToRun(ctx, docs, req, (flow, p) => move(flow, p, req.fromStepIndex, req.to, ctx.now));
        // Remembered apart from the run, which a later run of the same flow replaces: checklists count it.
        if (done?.result.events.some((e) => e.type === 'flow_completed')) await updateContentState(ctx.tx, 'flow', done.flow.id, noteUsed);
        return computePageState(ctx, docs, req.url, { team, present: req.present });
      });
      return { ok: true, state };
    },

    async 'flow/dismiss'(req) {
      const docs = await getDocs();
      const team = await env.team();
      const state = await writer.run(async (ctx) => {
        await applyToRun(ctx, docs, req, (flow, p) => dismiss(flow, p, req.stepIndex, ctx.now));
        return computePageState(ctx, docs, req.url, { team, present: req.present });
      });
      return { ok: true, state };
    },

    async 'target/missing'(req) {
      const docs = await getDocs();
      await writer.run((ctx) => applyToRun(ctx, docs, req, (flow, p) => markMissing(flow, p, req.stepIndex, req.waitedMs, req.confidence, ctx.now, req.ambiguous)));
      return { ok: true };
    },

    async 'feature/used'(req) {
      const docs = await getDocs();
      if (!docs.features.some((f) => f.id === req.featureId)) return { ok: false, error: `unknown feature "${req.featureId}"` };
      const firstUse = await writer.run(async (ctx) => {
        if (await ctx.seenOp(req.opId)) return false;
        const store = ctx.tx.objectStore('featureUse');
        const prev = await store.get(req.featureId);
        // A record with no use yet was written by an exposure: this is still the first use.
        const first = prev === undefined || prev.count === 0;
        void store.put({ ...prev, featureId: req.featureId, firstUsedAt: prev?.firstUsedAt ?? ctx.now, count: (prev?.count ?? 0) + 1 });
        ctx.emit({ type: 'feature_used', featureId: req.featureId, firstUse: first });
        return first;
      });
      return { ok: true, firstUse };
    },

    async 'feature/seen'(req) {
      const docs = await getDocs();
      if (!docs.features.some((f) => f.id === req.featureId)) return { ok: false, error: `unknown feature "${req.featureId}"` };
      const recorded = await writer.run(async (ctx) => {
        if (await ctx.seenOp(req.opId)) return false;
        const store = ctx.tx.objectStore('featureUse');
        const prev = await store.get(req.featureId);
        if (prev?.firstSeenAt !== undefined) return false;
        void store.put({ ...prev, featureId: req.featureId, count: prev?.count ?? 0, firstSeenAt: ctx.now });
        // Once per user, and only before a first use: an exposure noticed after a use (an install
        // from before exposures were tracked) would make the time to first use negative.
        if (prev !== undefined && prev.count > 0) return false;
        ctx.emit({ type: 'feature_seen', featureId: req.featureId });
        return true;
      });
      return { ok: true, recorded };
    },

    ...guidanceContentHandlers(writer, env),
    ...pickerContentHandlers(),
  };
}
