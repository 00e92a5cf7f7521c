// Value chains stage by stage (stages.csv, stage_supply.csv, stage_flows.csv), computed by the metrics layer's
// valueChain and stageMetrics (the functions behind `corridor chain`): the stage → stage Sankey of the Flows view
// (laid out from chain-data.ts) and one stage's holders, HHI and the importer's deliveries for the dependence panel.
import { useRef } from 'preact/hooks';
import { sankey, sankeyLinkHorizontal, type SankeyGraph } from 'd3-sankey';
import type { Model } from '../../src/model/model.ts';
import { stageMetrics, valueChain, type ValueChain } from '../../src/metrics/chain.ts';
import { chainImporters, chainSankeyLinks, chainYears, stageColumn, type ChainMode, type CLink, type CNode } from './chain-data.ts';
import { nameOf, num, pct } from './format.ts';
import { ChartExport, TableExport } from './widgets.tsx';

export { chainCommodities, chainImporters, chainStages } from './chain-data.ts';

const WIDTH = 470;
const HEIGHT = 420;
const TOP = 30;
const COLOURS = { holder: '#3182bd', rest: '#bdbdbd', missing: '#e0e0e0', pool: '#636363' };

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
          <label for="chain-deliveries">deliveries to {importer}{delivered ? '' : ' (none in the data)'}</label></span>
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
    .extent([[1, TOP], [WIDTH - 46, HEIGHT - 4]]);
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
        {/* The pooled nodes first, so that the holders' labels beside them are drawn over them. */}
        {[...graph.nodes].sort((a, b) => Number(b.kind === 'pool') - Number(a.kind === 'pool')).map((n) => {
          const x0 = n.x0 ?? 0; const x1 = n.x1 ?? 0; const y0 = n.y0 ?? 0; const y1 = n.y1 ?? 0;
          return (
            <g key={n.id} data-node={n.id}>
              <rect x={x0} y={y0} width={x1 - x0} height={Math.max(1, y1 - y0)} fill={COLOURS[n.kind]}><title>{n.title}</title></rect>
              {n.label && y1 - y0 > 8 && <text x={x1 + 3} y={(y0 + y1) / 2} dy="0.35em" font-size={9} font-family="sans-serif" fill="#222" stroke="#fff" stroke-width={3} paint-order="stroke">{n.label.slice(0, 26)}</text>}
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
