import { useCallback, useRef, useState } from 'preact/hooks';
import { INSIGHTS_KINDS, type InsightsFailureReason, type InsightsKind, type InsightsQueryRequest, type InsightsResponses } from '../../src/messages/insights';
import { send } from '../api';

export type QueryState<K extends InsightsKind> =
  | { status: 'idle' }
  /** `since`: `performance.now()` when it was sent, for the elapsed time of a long query. */
  | { status: 'loading'; since: number }
  | { status: 'done'; response: InsightsResponses[K]; ms: number }
  | { status: 'error'; error: string; reason: InsightsFailureReason | null };

export type QueryStates = { [K in InsightsKind]: QueryState<K> };

export interface InsightsFilters {
  from: string;
  to: string;
  /** null: the whole tenant. */
  team: string | null;
}

const idle = (): QueryStates => Object.fromEntries(INSIGHTS_KINDS.map((k) => [k, { status: 'idle' }])) as QueryStates;

/** The request of each kind for the filters: the team breakdown is always over every team. */
export function requestsFor(f: InsightsFilters): InsightsQueryRequest[] {
  const params = { from: f.from, to: f.to, ...(f.team === null ? {} : { team: f.team }) };
  return [
    { kind: 'overview', params },
    { kind: 'stuck', params },
    { kind: 'flows', params },
    { kind: 'features', params },
    { kind: 'prompts', params },
    { kind: 'teams', params: { from: f.from, to: f.to } },
  ];
}

/**
 * Runs every insights query for a set of filters at once (the background sends them in parallel) and
 * keeps each one's state, so the page shows which are done while the others load. Answers to an older
 * run are dropped.
 */
export function useInsightsQueries(): { states: QueryStates; run: (f: InsightsFilters) => void; retry: (k: InsightsKind) => void; filters: InsightsFilters | null } {
  const [states, setStates] = useState<QueryStates>(idle);
  const [filters, setFilters] = useState<InsightsFilters | null>(null);
  const generation = useRef(0);
  const current = useRef<InsightsFilters | null>(null);

  const one = useCallback((q: InsightsQueryRequest, gen: number) => {
    const started = performance.now();
    setStates((s) => ({ ...s, [q.kind]: { status: 'loading', since: started } }));
    void send({ type: 'admin/insights/query', query: q }).then((r) => {
      if (gen !== generation.current) return;
      const next: QueryState<InsightsKind> = r.ok
        ? { status: 'done', response: r.answer.response, ms: Math.round(performance.now() - started) }
        : { status: 'error', error: r.error, reason: ('reason' in r ? r.reason : undefined) ?? null };
      setStates((s) => ({ ...s, [q.kind]: next }));
    });
  }, []);

  const run = useCallback(
    (f: InsightsFilters) => {
      const gen = ++generation.current;
      current.current = f;
      setFilters(f);
      for (const q of requestsFor(f)) one(q, gen);
    },
    [one],
  );

  const retry = useCallback(
    (k: InsightsKind) => {
      const f = current.current;
      const q = f ? requestsFor(f).find((r) => r.kind === k) : undefined;
      if (q) one(q, generation.current);
    },
    [one],
  );

  return { states, run, retry, filters };
}
