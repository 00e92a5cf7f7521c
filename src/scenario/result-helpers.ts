// Small helpers every part of a scenario result uses: rounding, money scale and price unit, and how a
// split bloc's parts add up to the bloc.
import { REST_SUFFIX, type FlowNetwork, type NetworkImporter } from '../solve/network-types.ts';

/** Money totals in results are in USD million (`valueUnit`); costs and prices in the network are USD per base unit. */
export const MONEY_SCALE = 1e6;

export function roundTo(v: number, digits = 9): number {
  if (!Number.isFinite(v)) return v;
  const r = Math.round(v * 10 ** digits) / 10 ** digits;
  return r === 0 ? 0 : r; // no -0
}

/** The LP importers a result row stands for: a split bloc's parts, else the importer itself. */
export function partsOf(network: FlowNetwork, id: string): string[] {
  return network.blocs.find((b) => b.id === id)?.parts ?? [id];
}

/** The rest of a split bloc: counted in its bloc, not on its own. */
export function isBlocRest(importer: NetworkImporter | undefined): boolean {
  return Boolean(importer?.bloc) && importer!.id.endsWith(REST_SUFFIX);
}

/** Sum of a per-importer value over the parts of `id`. */
export function sumParts(network: FlowNetwork, id: string, values: (index: number) => number): number {
  const ids = partsOf(network, id);
  let total = 0;
  network.importers.forEach((imp, i) => { if (ids.includes(imp.id)) total += values(i); });
  return total;
}

/** Money per quantity is reported in the price unit (e.g. USD/t), not per base unit (USD per Mt). */
export function perPriceUnit(network: FlowNetwork, perBase: number): number {
  return roundTo(perBase / network.priceUnitFactor, 9);
}
