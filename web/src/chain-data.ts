// Value chains for the page's diagrams, from the metrics layer's valueChain (the function behind `corridor chain`):
// each stage as a column of shares, and the stage → stage Sankey's nodes and links. The dataset gives, for each
// stage, who holds it (world production or capacity by country) and where an importer's deliveries of it come from;
// it has no country-to-country flows between stages. So each column is one stage at 100% (its holders' shares), and
// a stage's output passes through one pooled node to the next stage's holders: no country of one stage is paired
// with a country of the next.
import type { Model } from '../../src/model/model.ts';
import type { ChainStage } from '../../src/metrics/chain.ts';
import { nameOf, num, pct } from './format.ts';

export type ChainMode = 'world' | 'deliveries';


export interface CNode { id: string; label: string; title: string; kind: 'holder' | 'rest' | 'missing' | 'pool'; column: number }
export interface CLink { source: string; target: string; value: number }

/** Commodities with a value chain in stages.csv. */
export function chainCommodities(model: Model): string[] {
  return [...new Set(model.tables.stage.map((s) => s.commodity))].sort();
}

/** A commodity's stages in order (empty without a value chain). */
export function chainStages(model: Model, commodity: string): string[] {
  return model.tables.stage.filter((s) => s.commodity === commodity).sort((a, b) => a.sequence - b.sequence).map((s) => s.stage);
}

/** Years with stage figures for a commodity (the chain's year picker). */
export function chainYears(model: Model, commodity: string): number[] {
  const years = [...model.tables.stageSupply.filter((r) => r.commodity === commodity), ...model.tables.stageFlow.filter((r) => r.commodity === commodity)].map((r) => r.year);
  return [...new Set(years)].sort((a, b) => a - b);
}

/** Importers with deliveries by origin for some stage of the commodity. */
export function chainImporters(model: Model, commodity: string): string[] {
  return [...new Set(model.tables.stageFlow.filter((r) => r.commodity === commodity).map((r) => r.importer))].sort();
}

export interface StageShare { country: string; share: number; volume: number | null }
export interface StageColumn { stage: ChainStage; year: number | undefined; what: string; shares: StageShare[]; rest: number; restLabel: string; restShort: string }

/** One stage's column: the world's holders or the importer's deliveries by origin, and what the figures leave out. */
export function stageColumn(stage: ChainStage, mode: ChainMode, importer: string | undefined): StageColumn {
  if (mode === 'world') {
    const w = stage.world;
    if (!w) return { stage, year: undefined, what: 'no world figures', shares: [], rest: 1, restLabel: 'no data', restShort: 'no data' };
    const shares = w.holders.map((h) => ({ country: h.country, share: h.share, volume: h.volume }));
    const listed = shares.reduce((a, s) => a + s.share, 0);
    return { stage, year: w.year, what: `${w.year} ${w.kind}, ${w.unit}`, shares, rest: Math.max(0, 1 - listed), restLabel: 'not named in the data', restShort: 'unnamed' };
  }
  const d = stage.importer;
  if (!d) return { stage, year: undefined, what: `no deliveries to ${importer} by origin`, shares: [], rest: 1, restLabel: 'no data', restShort: 'no data' };
  const shares = d.suppliers.map((s) => ({ country: s.country, share: s.share, volume: null }));
  const listed = shares.reduce((a, s) => a + s.share, 0);
  return { stage, year: d.year, what: `${d.year} deliveries`, shares, rest: Math.max(0, 1 - listed), restLabel: 'origin not broken down', restShort: 'unknown' };
}

/**
 * The Sankey's nodes and links: the holders of stage k (shares of 1) → the pooled output of stage k → the holders
 * of stage k + 1, and so on. A column's shares add up to 1 with its remainder ("not named", "not broken down" or
 * "no data"), so every pooled node takes in and gives out 1.
 */
export function chainSankeyLinks(model: Model, columns: StageColumn[]): { nodes: CNode[]; links: CLink[] } {
  const nodes: CNode[] = [];
  const links: CLink[] = [];
  const SMALL = 1e-6;
  columns.forEach((col, k) => {
    const holders: CNode[] = col.shares.filter((s) => s.share > SMALL).map((s) => ({
      id: `h:${k}:${s.country}`, label: `${s.country} ${pct(s.share)}`, kind: model.isAggregate(s.country) ? 'rest' as const : 'holder' as const, column: 2 * k,
      title: `${col.stage.stage}: ${nameOf(model, s.country)} ${pct(s.share)}${s.volume === null ? '' : ` (${num(s.volume)} ${col.stage.unit})`}, ${col.what}`,
    }));
    if (col.rest > 1e-3) holders.push({ id: `h:${k}:rest`, label: col.shares.length ? `${col.restShort} ${pct(col.rest)}` : col.restShort, kind: col.shares.length ? 'rest' : 'missing', column: 2 * k, title: `${col.stage.stage}: ${col.restLabel} ${pct(col.rest)}` });
    nodes.push(...holders);
    const value = (n: CNode) => (n.id.endsWith(':rest') ? col.rest : col.shares.find((s) => `h:${k}:${s.country}` === n.id)!.share);
    if (k > 0) for (const n of holders) links.push({ source: `p:${k - 1}`, target: n.id, value: value(n) });
    if (k < columns.length - 1) {
      nodes.push({ id: `p:${k}`, label: '', kind: 'pool', column: 2 * k + 1, title: `${col.stage.stage} → ${columns[k + 1].stage.stage}: output of the stage, pooled (no country-to-country flows between stages in the data)` });
      for (const n of holders) links.push({ source: n.id, target: `p:${k}`, value: value(n) });
    }
  });
  return { nodes, links };
}

