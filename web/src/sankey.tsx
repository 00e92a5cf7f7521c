// Flows as a Sankey diagram: exporter → route → importer for the commodity and year, with the flow model's
// volumes after the what-if (the baseline when there is none), laid out by d3-sankey.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { sankey, sankeyLinkHorizontal, type SankeyGraph } from 'd3-sankey';
import type { Model } from '../../src/model/model.ts';
import type { ScenarioResult } from '../../src/scenario/results.ts';
import { nameOf, num } from './format.ts';
import { ChartExport, TableExport } from './widgets.tsx';

const WIDTH = 470;
const HEIGHT = 560;
const COLOURS = { exporter: '#31a354', route: '#3182bd', importer: '#756bb1' };

interface SNode { id: string; label: string; kind: keyof typeof COLOURS }
interface SLink { source: string; target: string; value: number }

/** Exporter → route → importer links (direct flows pass through one "no route" node per exporter). */
export function sankeyLinks(model: Model, result: ScenarioResult): { nodes: SNode[]; links: SLink[] } {
  const nodes = new Map<string, SNode>();
  const sums = new Map<string, SLink>();
  const add = (source: string, target: string, value: number) => {
    const key = `${source}|${target}`;
    const link = sums.get(key) ?? { source, target, value: 0 };
    link.value += value;
    sums.set(key, link);
  };
  for (const f of result.flows) {
    if (f.flowScenario <= 1e-9) continue;
    const direct = f.route.startsWith('direct:');
    const route = direct ? `r:direct:${f.exporter}` : `r:${f.route}`;
    nodes.set(`e:${f.exporter}`, { id: `e:${f.exporter}`, label: nameOf(model, f.exporter), kind: 'exporter' });
    nodes.set(route, { id: route, label: direct ? `${f.exporter} direct (no route)` : model.route(f.route)?.name ?? f.route, kind: 'route' });
    nodes.set(`i:${f.importer}`, { id: `i:${f.importer}`, label: nameOf(model, f.importer), kind: 'importer' });
    add(`e:${f.exporter}`, route, f.flowScenario);
    add(route, `i:${f.importer}`, f.flowScenario);
  }
  return { nodes: [...nodes.values()], links: [...sums.values()] };
}

/** The Flows view: the flow model's Sankey for a commodity with trade flows, and the value chain's below it (children). */
export function SankeyPanel({ model, result, commodity, year, children }: { model: Model; result: ScenarioResult | undefined; commodity: string; year: number; children?: ComponentChildren }) {
  const hasFlows = model.tables.flow.some((f) => f.commodity === commodity);
  return (
    <section aria-labelledby="flows-title">
      {result ? <TradeSankey model={model} result={result} commodity={commodity} year={year} />
        : <h2 id="flows-title">Flows: {commodity.replaceAll('_', ' ')}{hasFlows ? ` ${year}` : ''}</h2>}
      {!result && hasFlows && <p role="status">No flow model result for {commodity} {year} yet.</p>}
      {!hasFlows && !children && <p role="status">{commodity} has no trade flows and no value chain in the dataset.</p>}
      {children}
    </section>
  );
}

function TradeSankey({ model, result, commodity, year }: { model: Model; result: ScenarioResult; commodity: string; year: number }) {
  const chart = useRef<SVGSVGElement>(null);
  const { nodes, links } = sankeyLinks(model, result);
  const layout = sankey<SNode, SLink>().nodeId((n) => n.id).nodeWidth(10).nodePadding(6).extent([[1, 4], [WIDTH - 1, HEIGHT - 4]]);
  const graph: SankeyGraph<SNode, SLink> = layout({ nodes: nodes.map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) });
  const path = sankeyLinkHorizontal();
  return (
    <>
      <h2 id="flows-title">Flows: exporter → route → importer, {commodity.replaceAll('_', ' ')} {year} ({result.unit}{result.changes.length ? ', after the what-if' : ', baseline'})
        <ChartExport chart={chart} name={`sankey-${commodity}-${year}`} label="the Sankey diagram" />
        <TableExport name={`flows-${commodity}-${year}`} label="the flows" header={['exporter', 'importer', 'route', `baseline (${result.unit})`, `scenario (${result.unit})`]} rows={result.flows.map((f) => [f.exporter, f.importer, f.route, f.flowBaseline, f.flowScenario])} />
      </h2>
      <svg ref={chart} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Sankey diagram of ${commodity} flows in ${year}`} data-testid="sankey">
        <g fill="none">
          {graph.links.map((l, i) => (
            <path key={i} d={path(l) ?? ''} stroke="#9ecae1" stroke-opacity={0.6} stroke-width={Math.max(1, l.width ?? 1)}>
              <title>{`${(l.source as SNode).label} → ${(l.target as SNode).label}: ${num(l.value)} ${result.unit}`}</title>
            </path>
          ))}
        </g>
        {graph.nodes.map((n) => {
          const x0 = n.x0 ?? 0; const x1 = n.x1 ?? 0; const y0 = n.y0 ?? 0; const y1 = n.y1 ?? 0;
          const left = x0 < WIDTH / 2;
          return (
            <g key={n.id}>
              <rect x={x0} y={y0} width={x1 - x0} height={Math.max(1, y1 - y0)} fill={COLOURS[n.kind]}><title>{`${n.label}: ${num(n.value)} ${result.unit}`}</title></rect>
              {y1 - y0 > 7 && <text x={left ? x1 + 4 : x0 - 4} y={(y0 + y1) / 2} dy="0.35em" text-anchor={left ? 'start' : 'end'} font-size={10} font-family="sans-serif" fill="#222">{n.label.slice(0, 34)}</text>}
            </g>
          );
        })}
      </svg>
    </>
  );
}
