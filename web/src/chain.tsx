// Value chains stage by stage (stages.csv, stage_supply.csv, stage_flows.csv), computed by the metrics layer's
// valueChain and stageMetrics (the functions behind `corridor chain`): a stage → stage Sankey for the Flows view and
// one stage's holders, HHI and the importer's deliveries for the dependence panel.
//
// The dataset gives, for each stage, who holds it (world production or capacity by country) and where an importer's
// deliveries of it come from; it has no country-to-country flows between stages. So each column of the Sankey is one
// stage at 100% (its holders' shares), and a stage's output passes through one pooled node to the next stage's
// holders: the diagram never pairs a country of one stage with a country of the next.
import { useRef } from 'preact/hooks';
import { sankey, sankeyLinkHorizontal, type SankeyGraph } from 'd3-sankey';
import type { Model } from '../../src/model/model.ts';
import { stageMetrics, valueChain, type ChainStage, type ValueChain } from '../../src/metrics/chain.ts';
import { nameOf, num, pct } from './format.ts';
import { ChartExport, TableExport } from './widgets.tsx';

export type ChainMode = 'world' | 'deliveries';

const WIDTH = 470;
const HEIGHT = 420;
const TOP = 30;
const COLOURS = { holder: '#3182bd', rest: '#bdbdbd', missing: '#e0e0e0', pool: '#636363' };

interface CNode { id: string; label: string; title: string; kind: keyof typeof COLOURS; column: number }
interface CLink { source: string; target: string; value: number }

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

export interface ChainProps {
  model: Model;
  commodity: string;
  importer: string;
  mode: ChainMode;
  year: number | undefined;
  onMode: (mode: ChainMode) => void;
  onYear: (year: number | undefined) => void;
}

function chainOrProblem(model: Model, commodity: string, importer: string | undefined, year: number | undefined): ValueChain | string {
  try {
    return valueChain(model, { commodity, importer, year });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Picks the chain's figures: world holders or an importer's deliveries, and the year (latest up to it). */
function ChainControls({ model, commodity, importer, mode, year, onMode, onYear, delivered }: ChainProps & { delivered: boolean }) {
  return (
    <div class="field">
      <fieldset class="inline-fieldset">
        <legend>Each stage shows</legend>
        <span class="inline"><input type="radio" id="chain-world" name="chain-mode" checked={mode === 'world'} onChange={() => onMode('world')} /><label for="chain-world">the world's holders</label></span>
        <span class="inline"><input type="radio" id="chain-deliveries" name="chain-mode" checked={mode === 'deliveries'} disabled={!delivered} onChange={() => onMode('deliveries')} />
          <label for="chain-deliveries">deliveries to {nameOf(model, importer)}{delivered ? '' : ' (none in the data)'}</label></span>
      </fieldset>
      <label for="chain-year">Figures up to</label>
      <select id="chain-year" value={year === undefined ? '' : String(year)} onChange={(e) => { const v = (e.target as HTMLSelectElement).value; onYear(v ? Number(v) : undefined); }}>
        <option value="">the latest year</option>
        {chainYears(model, commodity).map((y) => <option key={y} value={String(y)}>{y}</option>)}
      </select>
    </div>
  );
}

/** The stage → stage Sankey of a commodity's value chain. */
export function ChainSankey(p: ChainProps) {
  const chart = useRef<SVGSVGElement>(null);
  const { model, commodity } = p;
  const delivered = chainImporters(model, commodity).includes(p.importer);
  const mode: ChainMode = p.mode === 'deliveries' && delivered ? 'deliveries' : 'world';
  const chain = chainOrProblem(model, commodity, delivered ? p.importer : undefined, p.year);
  if (typeof chain === 'string') return <p role="status">{chain}</p>;
  const columns = chain.stages.map((s) => stageColumn(s, mode, p.importer));
  const { nodes, links } = chainSankeyLinks(model, columns);
  const layout = sankey<CNode, CLink>().nodeId((n) => n.id).nodeAlign((n) => (n as CNode).column).nodeWidth(9).nodePadding(5)
    .extent([[1, TOP], [WIDTH - 70, HEIGHT - 4]]);
  const graph: SankeyGraph<CNode, CLink> = layout({ nodes: nodes.map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) });
  const path = sankeyLinkHorizontal();
  const columnX = (k: number) => graph.nodes.find((n) => n.column === 2 * k)?.x0 ?? 0;
  const whose = mode === 'world' ? 'world holders' : `deliveries to ${p.importer} by origin`;
  const rows = columns.flatMap((c) => [...c.shares.map((s) => [c.stage.sequence, c.stage.stage, c.year ?? '', mode, s.country, s.share, s.volume ?? '', c.stage.unit]),
    ...(c.rest > 1e-3 ? [[c.stage.sequence, c.stage.stage, c.year ?? '', mode, c.restLabel, c.rest, '', c.stage.unit]] : [])]);
  const cli = `corridor chain --commodity ${commodity}${delivered ? ` --importer ${p.importer}` : ''}${p.year ? ` --year ${p.year}` : ''}`;
  return (
    <div data-testid="chain">
      <h3 id="chain-title">Value chain: stage → stage, {chain.name} ({whose})
        <ChartExport chart={chart} name={`chain-${commodity}-${mode}`} label="the value chain diagram" />
        <TableExport name={`chain-${commodity}-${mode}`} label="the value chain" header={['sequence', 'stage', 'year', 'figures', 'country', 'share', 'volume', 'unit']} rows={rows} />
      </h3>
      <ChainControls {...p} mode={mode} delivered={delivered} />
      <svg ref={chart} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" data-testid="chain-sankey"
        aria-label={`Value chain of ${chain.name}, ${whose}: ${columns.map((c) => `${c.stage.stage} ${c.shares.slice(0, 3).map((s) => `${s.country} ${pct(s.share)}`).join(', ') || c.restLabel}`).join('; ')}`}>
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        {columns.map((c, k) => {
          // The last column's heading ends at the chart's right edge.
          const last = k === columns.length - 1 && k > 0;
          const x = last ? WIDTH - 2 : columnX(k);
          return (
            <text key={c.stage.stage} x={x} y={11} font-size={10} font-weight="bold" font-family="sans-serif" fill="#222" text-anchor={last ? 'end' : 'start'}>
              {c.stage.sequence}. {c.stage.stage.replaceAll('_', ' ')}
              <tspan x={x} dy={12} font-weight="normal" fill="#444">{c.year ?? 'no data'}{c.stage.world && mode === 'world' ? ` ${c.stage.world.kind}` : ''}</tspan>
            </text>
          );
        })}
        <g fill="none">
          {graph.links.map((l, i) => (
            <path key={i} d={path(l) ?? ''} stroke={(l.target as CNode).kind === 'missing' || (l.source as CNode).kind === 'missing' ? '#e0e0e0' : '#9ecae1'} stroke-opacity={0.6} stroke-width={Math.max(1, l.width ?? 1)}>
              <title>{(l.target as CNode).kind === 'pool' ? (l.source as CNode).title : (l.target as CNode).title}</title>
            </path>
          ))}
        </g>
        {graph.nodes.map((n) => {
          const x0 = n.x0 ?? 0; const x1 = n.x1 ?? 0; const y0 = n.y0 ?? 0; const y1 = n.y1 ?? 0;
          return (
            <g key={n.id} data-node={n.id}>
              <rect x={x0} y={y0} width={x1 - x0} height={Math.max(1, y1 - y0)} fill={COLOURS[n.kind]}><title>{n.title}</title></rect>
              {n.label && y1 - y0 > 8 && <text x={x1 + 3} y={(y0 + y1) / 2} dy="0.35em" font-size={9} font-family="sans-serif" fill="#222">{n.label.slice(0, 26)}</text>}
            </g>
          );
        })}
      </svg>
      <p class="hint">Each column is one stage at 100% ({mode === 'world' ? 'its world production or capacity by country' : `${p.importer}'s deliveries of the stage by origin`}); the data have no
        country-to-country flows between stages, so a stage's output passes through one pooled node (dark) to the next stage's holders.
        Grey: aggregates, a remainder not named or not broken down, or a stage without data. As <code>{cli}</code>.</p>
      {chain.notes.length > 0 && <ul class="hint">{chain.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
    </div>
  );
}

/** One stage of the value chain in the dependence panel: world holders, HHI, the importer's deliveries and the CRMA benchmark. */
export function ChainStagePanel({ model, commodity, importer, stage, year }: { model: Model; commodity: string; importer: string; stage: string; year: number | undefined }) {
  const delivered = chainImporters(model, commodity).includes(importer);
  let m;
  try {
    m = stageMetrics(model, { commodity, importer: delivered ? importer : undefined, year, stage });
  } catch (error) {
    return <p role="status">{error instanceof Error ? error.message : String(error)}</p>;
  }
  const third = m.importer?.largestThirdCountry;
  return (
    <div data-testid="chain-stage">
      <dl class="figures">
        <dt>Stage</dt><dd>{m.sequence}. {m.name} ({m.unit}{m.predecessor ? `; ${num(m.inputPerUnit)} of ${m.predecessor} per ${m.unit}` : ''})</dd>
        <dt>World holders</dt><dd>{m.world ? `${m.world.year} ${m.world.kind} (${m.world.table}), ${num(m.world.total)} ${m.world.unit}` : 'no data'}</dd>
        <dt>World HHI</dt><dd data-testid="chain-world-hhi">{m.world ? num(m.world.hhi, 0) : '—'}</dd>
        <dt>Deliveries to {importer}</dt><dd>{m.importer ? `${m.importer.year}: ${m.importer.suppliers.map((s) => `${s.country} ${pct(s.share)}`).join(', ')}` : delivered ? 'no data for this stage' : `${importer} has no deliveries by origin in the data`}</dd>
        {m.importer && <><dt>HHI of deliveries</dt><dd data-testid="chain-importer-hhi">{num(m.importer.hhi, 0)}</dd>
          <dt>CRMA benchmark</dt><dd>{third ? `${nameOf(model, third.country)} ${pct(third.share)} of ${pct(m.crmaLimit, 0)} — ${m.importer.crmaBenchmarkMet ? 'met' : 'not met'}` : '—'}</dd></>}
      </dl>
      {m.world && (
        <table>
          <caption>World holders of {m.stage} <TableExport name={`stage-${commodity}-${m.stage}-${m.world.year}`} label="the stage's holders" header={['country', 'operators', 'volume', 'unit', 'share']} rows={m.world.holders.map((h) => [h.country, h.operators.join(';'), h.volume, m.world!.unit, h.share])} /></caption>
          <thead><tr><th scope="col">Country</th><th scope="col">Volume ({m.world.unit})</th><th scope="col">Share</th></tr></thead>
          <tbody>{m.world.holders.map((h) => <tr key={h.country}><td>{nameOf(model, h.country)}{h.operators.length ? ` (${h.operators.join(', ')})` : ''}</td><td>{num(h.volume)}</td><td>{pct(h.share)}</td></tr>)}</tbody>
        </table>
      )}
      <ul class="hint">{m.notes.map((n) => <li key={n}>{n}</li>)}</ul>
    </div>
  );
}
