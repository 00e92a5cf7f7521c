// The map: countries (Natural Earth via world-atlas, drawn with d3-geo), the commodity's routes along their legs'
// nodes with line width by flow, chokepoints and ports marked, the selected importer and the transit states of the
// selected flow highlighted. Hover or focus shows a figure with its unit, source and year; click or Enter opens
// the source.
import { useMemo, useRef, useState } from 'preact/hooks';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Model } from '../../src/model/model.ts';
import type { ScenarioResult } from '../../src/scenario/results.ts';
import { chokepointPosition, routeLine, seaLaneLine, worldCountries } from './geo.ts';
import { nameOf, num, sourceLine, sourcesOf, sourceUrl } from './format.ts';
import { ChartExport } from './widgets.tsx';

const WIDTH = 760;
const HEIGHT = 470;

interface Tip { x: number; y: number; lines: string[]; url: string }

export interface MapProps {
  model: Model;
  commodity: string;
  year: number;
  importer: string;
  flow: string;
  result: ScenarioResult | undefined;
  /** Chokepoints closed in the what-if (chokepoints.csv ids). */
  closedChokepoints: string[];
}

/** Countries a selected flow's routes cross, other than its exporter and importer (and the importer's members). */
export function transitStates(model: Model, result: ScenarioResult | undefined, flow: string): string[] {
  if (!result || !flow) return [];
  const [exporter, importer] = flow.split('>');
  const ends = new Set([exporter, importer, ...model.blocMembers(importer)]);
  const states = new Set<string>();
  for (const f of result.flows) {
    if (f.exporter !== exporter || f.importer !== importer || (f.flowScenario <= 0 && f.flowBaseline <= 0)) continue;
    for (const c of model.routeCountries(f.route)) if (!ends.has(c)) states.add(c);
  }
  return [...states];
}

export function WorldMap({ model, commodity, year, importer, flow, result, closedChokepoints }: MapProps) {
  const svg = useRef<SVGSVGElement>(null);
  const [tip, setTip] = useState<Tip | undefined>();
  const countries = worldCountries();
  const routes = useMemo(() => model.tables.route.filter((r) => r.commodity === commodity), [model, commodity]);
  const lines = useMemo(() => routes.map((r) => ({ route: r, line: routeLine(model, r.id) })).filter((x) => x.line), [model, routes]);
  const nodeIds = useMemo(() => new Set(routes.flatMap((r) => model.legs(r.id).flatMap((l) => [l.from, l.to]))), [model, routes]);
  const lanes = useMemo(() => model.tables.seaLane.filter((l) => l.commodity === commodity).map((lane) => ({ lane, line: seaLaneLine(model, lane) })).filter((x) => x.line), [model, commodity]);
  // The chokepoints of chokepoints.csv (closed by close_chokepoint), where the map can place them.
  const chokepoints = model.tables.chokepoint.map((c) => ({ c, at: chokepointPosition(model, c.id) })).filter((x) => x.at);
  const chokepointIds = new Set(model.tables.chokepoint.map((c) => c.id));
  // Other chokepoint nodes (closed as nodes), and the ports and terminals of the commodity's routes and sea lanes.
  const laneNodes = new Set(lanes.map((l) => l.lane.from));
  const marked = model.tables.node.filter((n) => (n.kind === 'chokepoint' && !chokepointIds.has(n.id)) || ((nodeIds.has(n.id) || laneNodes.has(n.id)) && (n.kind === 'port' || n.kind === 'terminal')));
  const closedSet = new Set(closedChokepoints);

  // Fit the map to the commodity's route nodes and its sea lanes' chokepoints, with room around them (whole world when there are none).
  const projection = useMemo(() => {
    const lanePoints = lanes.flatMap(({ lane }) => lane.chokepoints.map((c) => chokepointPosition(model, c)).filter((p): p is [number, number] => p !== undefined));
    const points = [...model.tables.node.filter((n) => nodeIds.has(n.id)).map((n) => [n.lon, n.lat] as [number, number]), ...lanePoints];
    const p = geoNaturalEarth1();
    if (points.length < 2) return p.fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
    const lons = points.map((q) => q[0]);
    const lats = points.map((q) => q[1]);
    const box = { type: 'MultiPoint' as const, coordinates: [[Math.min(...lons) - 12, Math.min(...lats) - 8], [Math.max(...lons) + 12, Math.max(...lats) + 8]] };
    return p.fitExtent([[10, 10], [WIDTH - 10, HEIGHT - 10]], box);
  }, [model, nodeIds, lanes]);
  const path = useMemo(() => geoPath(projection), [projection]);
  // The countries' outlines change only with the projection: drawn once per commodity, not on every what-if.
  const countryPaths = useMemo(() => countries.map((c) => path(c) ?? ''), [countries, path]);

  const flowOf = new Map((result?.routes ?? []).map((r) => [r.route, r]));
  const largest = Math.max(1e-9, ...[...flowOf.values()].map((r) => Math.max(r.flowScenario, r.flowBaseline)));
  const importerStates = new Set([importer, ...model.blocMembers(importer)]);
  const transit = new Set(transitStates(model, result, flow));
  const exporters = new Set(model.tables.flow.filter((f) => f.commodity === commodity && f.year === year).map((f) => f.exporter));
  const unit = result?.unit ?? '';

  const show = (event: { currentTarget: Element }, lines: string[], url: string) => {
    const box = event.currentTarget.getBoundingClientRect();
    const frame = svg.current!.getBoundingClientRect();
    setTip({ x: box.left - frame.left + box.width / 2, y: box.top - frame.top, lines, url });
  };
  const open = (url: string) => { if (url) window.open(url, '_blank', 'noopener'); };

  return (
    <section class="map" aria-labelledby="map-title">
      <h2 id="map-title">Map: {commodity.replaceAll('_', ' ')} routes, {year} <ChartExport chart={svg} name={`map-${commodity}-${year}`} label="the map" /></h2>
      <div class="map-frame">
        <svg ref={svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={`Map of ${commodity} routes in ${year}`} data-testid="map">
          <rect width={WIDTH} height={HEIGHT} fill="#eaf2f8" />
          <g>
            {countries.map((c, i) => {
              const id = c.properties.iso3;
              const kind = importerStates.has(id) ? 'importer' : transit.has(id) ? 'transit' : exporters.has(id) ? 'exporter' : 'other';
              const fill = { importer: '#9ecae1', transit: '#fdae6b', exporter: '#c7e9c0', other: '#f4f1ea' }[kind];
              return <path key={c.id} d={countryPaths[i]} fill={fill} stroke="#b9b4a8" stroke-width={0.5} class={`country ${kind}`} data-country={id}><title>{c.properties.name}</title></path>;
            })}
          </g>
          <g>
            {lanes.map(({ lane, line }) => {
              const closedBy = lane.chokepoints.filter((c) => closedSet.has(c));
              const sources = sourcesOf(model, lane.source);
              const url = sources[0] ? sourceUrl(sources[0]) : '';
              const tipLines = [
                `sea lane ${lane.id}: ${nameOf(model, lane.from)} → ${lane.to ? nameOf(model, lane.to) : 'any buyer'}`,
                `through ${lane.chokepoints.map((c) => model.tables.chokepoint.find((x) => x.id === c)?.name ?? c).join(', ') || 'no chokepoint'}`,
                lane.cost !== undefined ? `extra cost ${num(lane.cost)} ${lane.cost_unit}${lane.transit_days ? `, ${lane.transit_days} more days` : ''} (${lane.year})` : `no lane cost in the model (${lane.year})`,
                ...(lane.alternative ? [`alternative if closed: ${lane.alternative}`] : []),
                ...(closedBy.length ? [`closed in the what-if: ${closedBy.join(', ')}${lane.alternative ? ` (flows may take ${lane.alternative})` : ''}`] : []),
                ...sources.slice(0, 2).map((x) => `source: ${sourceLine(x)}`),
              ];
              const d = path(line!) ?? '';
              return (
                <g key={lane.id} tabIndex={0} role="link" aria-label={`sea lane ${lane.id}${closedBy.length ? ', closed' : ''}`} data-hit={`lane:${lane.id}`}
                  onMouseEnter={(e) => show(e, tipLines, url)} onFocus={(e) => show(e, tipLines, url)} onMouseLeave={() => setTip(undefined)} onBlur={() => setTip(undefined)}
                  onClick={() => open(url)} onKeyDown={(e) => { if (e.key === 'Enter') open(url); }}>
                  <path d={d} fill="none" stroke="#000" stroke-opacity={0} stroke-width={8} pointer-events="stroke" />
                  <path d={d} fill="none" stroke={closedBy.length ? '#c0392b' : '#2a7ab0'} stroke-width={1.2} stroke-dasharray="2 3" stroke-opacity={0.9} pointer-events="none" data-lane={lane.id} />
                </g>
              );
            })}
          </g>
          <g>
            {lines.map(({ route, line }) => {
              const r = flowOf.get(route.id);
              const value = r ? r.flowScenario : 0;
              // A route through the node of a closed chokepoint is closed with it (close_chokepoint closes its arcs).
              const cutBy = model.legs(route.id).flatMap((l) => [l.from, l.to]).filter((n) => closedSet.has(n));
              const closed = r?.status === 'closed' || (r !== undefined && r.capacity === 0) || cutBy.length > 0;
              const width = 1 + 9 * (value / largest);
              const sources = sourcesOf(model, route.source);
              const url = sources[0] ? sourceUrl(sources[0]) : '';
              const tipLines = [
                route.name,
                `flow ${num(value)} ${unit} in ${year}${r && r.flowBaseline !== r.flowScenario ? ` (baseline ${num(r.flowBaseline)})` : ''} — flow model`,
                `capacity ${num(route.capacity)} ${route.unit} (${route.year})`,
                ...(cutBy.length ? [`closed with the chokepoint ${[...new Set(cutBy)].join(', ')}`] : []),
                ...sources.slice(0, 2).map((s) => `source: ${sourceLine(s)}`),
              ];
              const label = `${route.name}: ${num(value)} ${unit}${closed ? ', closed' : ''}`;
              const d = path(line!) ?? '';
              // A wide transparent stroke under the pointer, so that a thin route is easy to hover and click.
              return (
                <g key={route.id} tabIndex={0} role="link" aria-label={label} data-hit={route.id}
                  onMouseEnter={(e) => show(e, tipLines, url)} onFocus={(e) => show(e, tipLines, url)} onMouseLeave={() => setTip(undefined)} onBlur={() => setTip(undefined)}
                  onClick={() => open(url)} onKeyDown={(e) => { if (e.key === 'Enter') open(url); }}>
                  <path d={d} fill="none" stroke="#000" stroke-opacity={0} stroke-width={Math.max(10, width)} pointer-events="stroke" />
                  <path d={d} fill="none" stroke={closed ? '#c0392b' : '#1f4e79'} stroke-width={closed ? 1.5 : width} pointer-events="none"
                    stroke-dasharray={closed ? '4 3' : undefined} stroke-linecap="round" stroke-opacity={0.8} class="route" data-route={route.id} />
                </g>
              );
            })}
          </g>
          <g>
            {marked.map((n) => {
              const [x, y] = projection([n.lon, n.lat]) ?? [-1, -1];
              if (x < 0 || y < 0 || x > WIDTH || y > HEIGHT) return null;
              const sources = sourcesOf(model, n.source);
              const url = sources[0] ? sourceUrl(sources[0]) : '';
              const tipLines = [`${n.name} (${n.kind.replace('_', ' ')}, ${nameOf(model, n.country)})`, ...sources.slice(0, 1).map((s) => `source: ${sourceLine(s)}`)];
              const label = `${n.kind.replace('_', ' ')} ${n.name}`;
              const events = {
                tabIndex: 0, role: 'link' as const, 'aria-label': label, 'data-node': n.id,
                onMouseEnter: (e: MouseEvent) => show(e as unknown as { currentTarget: Element }, tipLines, url),
                onFocus: (e: FocusEvent) => show(e as unknown as { currentTarget: Element }, tipLines, url),
                onMouseLeave: () => setTip(undefined), onBlur: () => setTip(undefined),
                onClick: () => open(url), onKeyDown: (e: KeyboardEvent) => { if (e.key === 'Enter') open(url); },
              };
              return n.kind === 'chokepoint'
                ? <path key={n.id} d={`M${x},${y - 6}L${x + 6},${y}L${x},${y + 6}L${x - 6},${y}Z`} fill="#d9822b" stroke="#fff" stroke-width={1} class="chokepoint" {...events} />
                : <circle key={n.id} cx={x} cy={y} r={4} fill="#2c3e50" stroke="#fff" stroke-width={1} class="port" {...events} />;
            })}
            {chokepoints.map(({ c, at }) => {
              const [x, y] = projection(at!) ?? [-1, -1];
              if (x < 0 || y < 0 || x > WIDTH || y > HEIGHT) return null;
              const closed = closedSet.has(c.id);
              const through = lanes.filter((l) => l.lane.chokepoints.includes(c.id)).map((l) => l.lane.id);
              const sources = sourcesOf(model, c.source);
              const url = sources[0] ? sourceUrl(sources[0]) : '';
              const tipLines = [`${c.name} (${c.kind}, ${nameOf(model, c.country)})${closed ? ': closed in the what-if' : ''}`,
                through.length ? `${commodity.replaceAll('_', ' ')} sea lanes through it: ${through.join(', ')}` : `no ${commodity.replaceAll('_', ' ')} sea lane of the dataset passes it`,
                ...sources.slice(0, 2).map((x) => `source: ${sourceLine(x)}`)];
              return (
                <path key={c.id} d={`M${x},${y - 7}L${x + 7},${y}L${x},${y + 7}L${x - 7},${y}Z`} fill={closed ? '#c0392b' : '#d9822b'} stroke={closed ? '#000' : '#fff'} stroke-width={closed ? 1.5 : 1}
                  class="chokepoint" data-chokepoint={c.id} data-hit={`choke:${c.id}`} data-closed={closed ? 'true' : 'false'} tabIndex={0} role="link" aria-label={`chokepoint ${c.name}${closed ? ', closed' : ''}`}
                  onMouseEnter={(e) => show(e, tipLines, url)} onFocus={(e) => show(e, tipLines, url)} onMouseLeave={() => setTip(undefined)} onBlur={() => setTip(undefined)}
                  onClick={() => open(url)} onKeyDown={(e) => { if (e.key === 'Enter') open(url); }} />
              );
            })}
          </g>
        </svg>
        {tip && (
          <div class="tip" role="tooltip" style={{ left: `${Math.min(tip.x, WIDTH - 240)}px`, top: `${Math.max(0, tip.y - 12)}px` }}>
            {tip.lines.map((l) => <div key={l}>{l}</div>)}
            {tip.url && <div class="tip-hint">click or Enter: open the source</div>}
          </div>
        )}
      </div>
      <p class="legend">
        <span class="key importer">importer</span> <span class="key transit">transit states of the selected flow</span>{' '}
        <span class="key exporter">exporters</span> <span class="key chokepoint"><span aria-hidden="true" style={{ color: '#d9822b' }}>◆</span> sea chokepoint</span> <span class="key port">● port or terminal</span>{' '}
        {unit ? `line width: flow (${unit}); ` : ''}dotted blue: sea lanes (schematic, through their chokepoints); red: closed
      </p>
    </section>
  );
}
