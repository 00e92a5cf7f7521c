import type { BaseFlow, Model } from '../model/model.ts';

export interface BlocSafeFlows {
  /** Flows to count. */
  counted: BaseFlow[];
  /** Rows of a member left out because its bloc has rows of its own with the same exporter, commodity and year. */
  withinBloc: { flow: BaseFlow; bloc: string }[];
}

/**
 * Never counts a member twice: where flows go both to a bloc (EU27) and to one of its members (FRA)
 * from the same exporter in the same commodity and year, the bloc's rows already hold the member's
 * volume, so the member's rows are set aside.
 */
export function blocSafeFlows(model: Model, flows: readonly BaseFlow[]): BlocSafeFlows {
  const key = (f: BaseFlow, importer: string) => `${f.year}\u0000${f.commodity}\u0000${f.exporter}\u0000${importer}`;
  const present = new Set(flows.map((f) => key(f, f.importer)));
  const counted: BaseFlow[] = [];
  const withinBloc: BlocSafeFlows['withinBloc'] = [];
  for (const flow of flows) {
    const bloc = model.blocsOf(flow.importer).find((b) => b !== flow.importer && present.has(key(flow, b)));
    if (bloc) withinBloc.push({ flow, bloc });
    else counted.push(flow);
  }
  return { counted, withinBloc };
}
