import type { Feature, Flow } from '../src/schema/flow';
import type { Guidance } from '../src/schema/guidance';
import { send } from './api';
import type { Result } from './useAdminData';

/** Everything a guidance page may refer to: every piece of guidance, and the flows and features that checklists and beacons point at. */
export interface AuthoringData {
  guidance: Guidance[];
  flows: Flow[];
  features: Feature[];
}

export async function loadAuthoringData(): Promise<Result<AuthoringData>> {
  const [g, fl, fe] = await Promise.all([send({ type: 'admin/guidance/list' }), send({ type: 'admin/flows/list' }), send({ type: 'admin/features/list' })]);
  if (!g.ok) return g;
  if (!fl.ok) return fl;
  if (!fe.ok) return fe;
  return { ok: true, value: { guidance: g.guidance, flows: fl.flows, features: fe.features } };
}
