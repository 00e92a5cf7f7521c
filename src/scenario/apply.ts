// Applies a scenario's changes to a copy of the flow network: each change type's effect is in shocks.ts
// or policies.ts, the network being changed in network-edit.ts. Pure: no I/O.
import type { Model } from '../model/model.ts';
import { resolveCosts, resolveMarket } from '../solve/network.ts';
import type { FlowNetwork } from '../solve/network-types.ts';
import { changeType } from './schema.ts';
import type { Scenario } from './scenario-types.ts';
import { NetworkEdit, type ChangeStep } from './network-edit.ts';
import { banExports, capExports, changeDemand, closeChokepoint, closeNode, closeRoute, cutCapacity, embargo, loseTransit } from './shocks.ts';
import { addRoute, raiseCapacity, setParameter, signAgreement } from './policies.ts';

/** What one change did to the model's inputs, in words and numbers. */
export interface AppliedChange {
  type: string;
  kind: 'shock' | 'policy' | 'setting';
  /** The route, asset, node, country or pair it acts on. */
  target: string;
  /** One sentence: what changed, with figures before → after. */
  summary: string;
  note?: string;
}

/**
 * Applies the changes of `kinds` to a copy of the network. Settings (set_parameter) are applied to the
 * baseline too, so that before and after are solved under the same assumptions.
 */
export function applyChanges(
  model: Model,
  network: FlowNetwork,
  scenario: Scenario,
  kinds: readonly ('shock' | 'policy' | 'setting')[],
): { network: FlowNetwork; applied: AppliedChange[] } {
  const edit = new NetworkEdit(model, network);
  const applied: AppliedChange[] = [];
  for (const change of scenario.changes) {
    const spec = changeType(change.type)!;
    if (!kinds.includes(spec.kind)) continue;
    const v = change.values as Record<string, unknown>;
    const note = typeof v.note === 'string' ? v.note : undefined;
    APPLY[change.type]?.(edit, {
      v,
      record: (target, summary) => applied.push({ type: change.type, kind: spec.kind, target, summary, ...(note ? { note } : {}) }),
      volume: (field = 'volume') => edit.toBase(Number(v[field]), String(v.unit ?? edit.commodity.unit)),
    });
  }
  if (edit.marketChanged) resolveMarket(model, edit.net);
  if (edit.costsChanged) resolveCosts(edit.net);
  return { network: edit.net, applied };
}

/** Each change type's effect on the network, looked up by the `type` declared in schema.ts. */
const APPLY: Record<string, (edit: NetworkEdit, change: ChangeStep) => void> = {
  close_route: closeRoute,
  close_node: closeNode,
  close_chokepoint: closeChokepoint,
  cut_capacity: cutCapacity,
  lose_transit: loseTransit,
  embargo,
  ban_exports: banExports,
  cap_exports: capExports,
  change_demand: changeDemand,
  add_route: addRoute,
  raise_capacity: raiseCapacity,
  open_route: raiseCapacity,
  sign_agreement: signAgreement,
  set_parameter: setParameter,
};
