import type { Responses } from '../../src/messages/protocol';
import type { Guidance } from '../../src/schema/guidance';
import { readGuidance } from '../../src/schema/migrate';
import { getDocs } from '../docs';
import type { Writer } from '../writer';

type GuidanceAdminHandlers = {
  'admin/guidance/list': () => Promise<Responses['admin/guidance/list']>;
  'admin/guidance/save': (req: { guidance: unknown }) => Promise<Responses['admin/guidance/save']>;
  'admin/guidance/delete': (req: { id: string }) => Promise<Responses['admin/guidance/delete']>;
};

/**
 * The options page's messages for guidance documents. Ids are one namespace across kinds: saving a tip
 * under the id of a stored checklist is refused rather than silently replacing it.
 */
export function guidanceAdminHandlers(writer: Writer, changed: () => Promise<void>): GuidanceAdminHandlers {
  return {
    async 'admin/guidance/list'() {
      return { ok: true, guidance: (await getDocs()).guidance };
    },

    async 'admin/guidance/save'(req) {
      const r = readGuidance(req.guidance, new Date().toISOString(), ['guidance']);
      if (!r.ok) return { ok: false, error: `The ${kindWord(req.guidance)} is not valid.`, issues: r.issues };
      const stored = (await getDocs()).guidance.find((g) => g.id === r.value.id);
      if (stored && stored.kind !== r.value.kind) {
        return {
          ok: false,
          error: `The id "${r.value.id}" is already used.`,
          issues: [{ path: 'guidance.id', message: `already used by the ${stored.kind} "${stored.name}"` }],
        };
      }
      const guidance: Guidance = { ...r.value, updatedAt: new Date().toISOString() };
      await writer.run(async (ctx) => {
        void ctx.tx.objectStore('guidance').put(guidance, guidance.id);
      });
      await changed();
      return { ok: true, guidance };
    },

    // What users have already seen of it (contentState) is kept: it describes them, not the document, so
    // a document deleted and imported again does not pop up again for people who closed it.
    async 'admin/guidance/delete'(req) {
      await writer.run(async (ctx) => {
        void ctx.tx.objectStore('guidance').delete(req.id);
      });
      await changed();
      return { ok: true };
    },
  };
}

const KIND_WORDS: Record<string, string> = { prompt: 'prompt template', tip: 'tip', beacon: 'beacon', checklist: 'checklist' };

/** "prompt template", "tip"…, from the kind the sender meant, for the error headline. */
function kindWord(raw: unknown): string {
  const kind = typeof raw === 'object' && raw !== null ? (raw as { kind?: unknown }).kind : undefined;
  return (typeof kind === 'string' && KIND_WORDS[kind]) || 'guidance document';
}
