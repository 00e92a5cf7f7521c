// The dependence panel: an importer's suppliers with shares, HHI, the CRMA benchmark where it applies, transit
// exposure and governance-weighted concentration, computed by the metrics layer (`importerMetrics`, the function
// behind `corridor metrics`) on the dataset's flows; with a what-if, the same measures after it, from the scenario
// result. For a critical raw material without trade flows, the stage's supply shares (crm_supply.csv).
import { useRef } from 'preact/hooks';
import type { Model } from '../../src/model/model.ts';
import type { ScenarioResult } from '../../src/scenario/results.ts';
import type { ImporterMetrics } from '../../src/metrics/types.ts';
import { importerMetrics } from '../../src/metrics/importer-metrics.ts';
import { hhi } from '../../src/metrics/hhi.ts';
import { CRMA_SINGLE_COUNTRY_LIMIT } from '../../src/metrics/methods.ts';
import { nameOf, num, pct, sourceLine, sourcesOf, sourceUrl } from './format.ts';
import { ChartExport, TableExport } from './widgets.tsx';
import { ChainStagePanel, chainStages } from './chain.tsx';

export interface DependenceProps {
  model: Model;
  importer: string;
  commodity: string;
  year: number;
  stage: string;
  flow: string;
  result: ScenarioResult | undefined;
  /** Value chain figures up to this year (default: the latest). */
  chainYear?: number;
  onYear: (year: number) => void;
  onFlow: (flow: string) => void;
}

/** Years with flows for the importer and commodity (the year slider's stops). */
export function flowYears(model: Model, importer: string, commodity: string): number[] {
  const members = new Set([importer, ...model.blocMembers(importer)]);
  return [...new Set(model.tables.flow.filter((f) => f.commodity === commodity && members.has(f.importer)).map((f) => f.year))].sort();
}

/** Whether the EU's CRMA benchmark (no more than 65% from one third country) applies: a listed raw material imported by the EU. */
function crmaApplies(model: Model, importer: string, commodity: string): boolean {
  return importer === 'EU27' && model.tables.crmaList.some((r) => r.commodity === commodity);
}

function metricsOrProblem(model: Model, importer: string, commodity: string, year: number): ImporterMetrics | string {
  try {
    return importerMetrics(model, { importer, commodity, year });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function SupplierChart({ m, flow, onFlow }: { m: ImporterMetrics; flow: string; onFlow: (f: string) => void }) {
  const chart = useRef<SVGSVGElement>(null);
  const rows = m.suppliers;
  const height = 22 * rows.length + 10;
  return (
    <figure>
      <figcaption>Suppliers of {m.importerName}, {m.year} (share of {num(m.total)} {m.unit}) <ChartExport chart={chart} name={`suppliers-${m.importer}-${m.commodity}-${m.year}`} label="the suppliers chart" />
        <TableExport name={`suppliers-${m.importer}-${m.commodity}-${m.year}`} label="the suppliers" header={['exporter', 'name', 'volume', 'unit', 'share', 'aggregate', 'wgi_scaled', 'wgi_year']} rows={rows.map((s) => [s.exporter, s.name, s.volume, m.unit, s.share, s.aggregate, s.wgiScaled, s.wgiYear])} /></figcaption>
      <svg ref={chart} width={440} height={height} viewBox={`0 0 440 ${height}`} role="img" aria-label={`Suppliers of ${m.importerName}: ${rows.map((s) => `${s.name} ${pct(s.share)}`).join(', ')}`}>
        {rows.map((s, i) => (
          <g key={s.exporter} transform={`translate(0 ${5 + i * 22})`}>
            <text x={0} y={14} font-size={12} fill="#222" font-family="sans-serif">{s.name.slice(0, 22)}</text>
            <rect x={150} y={3} width={Math.max(1, 220 * s.share)} height={14} fill={`${m.importer}>${s.exporter}` === flow ? '#e6550d' : s.aggregate ? '#bdbdbd' : '#3182bd'} />
            <text x={155 + 220 * s.share} y={14} font-size={12} fill="#222" font-family="sans-serif">{pct(s.share)}</text>
          </g>
        ))}
      </svg>
      <div class="supplier-buttons" role="group" aria-label="Select a flow to highlight its transit states on the map">
        {rows.filter((s) => !s.aggregate).map((s) => {
          const id = `${m.importer}>${s.exporter}`;
          const key = `${s.exporter}>${m.importer}`;
          return <button type="button" key={id} aria-pressed={flow === key} onClick={() => onFlow(flow === key ? '' : key)}>{s.exporter}</button>;
        })}
      </div>
    </figure>
  );
}

function StageShares({ model, commodity, year, stage }: { model: Model; commodity: string; year: number; stage: string }) {
  const rows = model.tables.crmSupply.filter((r) => r.material === commodity && r.stage === stage);
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const shown = rows.filter((r) => r.year === (years.includes(year) ? year : years.at(-1)));
  if (shown.length === 0) return <p>No {stage} supply shares for {commodity} in the dataset.</p>;
  const named = shown.filter((r) => !model.isAggregate(r.country));
  const eu = new Set(model.blocMembers('EU27'));
  const top = named.filter((r) => !eu.has(r.country)).sort((a, b) => b.share - a.share)[0];
  return (
    <div>
      <p>{stage} supply ({shown[0].scope === 'global' ? 'global' : 'EU sourcing'}), {shown[0].year}: HHI <strong data-testid="stage-hhi">{num(hhi(named.map((r) => r.share)), 0)}</strong>;
        CRMA benchmark ({pct(CRMA_SINGLE_COUNTRY_LIMIT, 0)} from one third country): {top ? `${nameOf(model, top.country)} ${pct(top.share)} — ${top.share <= CRMA_SINGLE_COUNTRY_LIMIT ? 'met' : 'not met'}` : '—'}</p>
      <table>
        <caption>Shares by country <TableExport name={`stage-${commodity}-${stage}-${shown[0].year}`} label="the stage shares" header={['country', 'share', 'scope', 'year', 'sources']} rows={shown.map((r) => [r.country, r.share, r.scope, r.year, r.source.join(';')])} /></caption>
        <thead><tr><th scope="col">Country</th><th scope="col">Share</th><th scope="col">Source</th></tr></thead>
        <tbody>{shown.map((r) => <tr key={r.country}><td>{nameOf(model, r.country)}</td><td>{pct(r.share)}</td><td class="sources">{sourcesOf(model, r.source).map((s, i) => <span key={s.id}>{i > 0 && '; '}<a href={sourceUrl(s)} target="_blank" rel="noopener">{s.title} ({s.year})</a></span>)}</td></tr>)}</tbody>
      </table>
    </div>
  );
}

export function DependencePanel(p: DependenceProps) {
  const { model, importer, commodity, year, stage, result } = p;
  if (chainStages(model, commodity).includes(stage)) {
    return <section aria-labelledby="dep-title"><h2 id="dep-title">Dependence of {nameOf(model, importer)}: {commodity.replaceAll('_', ' ')}, stage {stage.replaceAll('_', ' ')}</h2>
      <ChainStagePanel model={model} commodity={commodity} importer={importer} stage={stage} year={p.chainYear} /></section>;
  }
  if (stage !== 'imports') return <section aria-labelledby="dep-title"><h2 id="dep-title">Dependence: {commodity}, {stage}</h2><StageShares model={model} commodity={commodity} year={year} stage={stage} /></section>;
  const years = flowYears(model, importer, commodity);
  const m = metricsOrProblem(model, importer, commodity, year);
  const after = result?.metrics.find((x) => x.importer === importer);
  const row = result?.importers.find((x) => x.importer === importer);
  const whatIf = result !== undefined && result.changes.length > 0;
  return (
    <section aria-labelledby="dep-title">
      <h2 id="dep-title">Dependence of {nameOf(model, importer)}: {commodity.replaceAll('_', ' ')}</h2>
      {years.length > 1 && (
        <div class="field">
          <label for="year-slider">Year: <output for="year-slider">{year}</output></label>
          <input id="year-slider" type="range" min={0} max={years.length - 1} step={1} value={Math.max(0, years.indexOf(year))}
            aria-valuetext={String(year)} onInput={(e) => p.onYear(years[Number((e.target as HTMLInputElement).value)])} />
          <span class="hint">{years[0]}–{years.at(-1)}</span>
        </div>
      )}
      {typeof m === 'string' ? <p role="status">{m}</p> : (
        <>
          <SupplierChart m={m} flow={p.flow} onFlow={p.onFlow} />
          <dl class="figures">
            <dt>Imports</dt><dd data-testid="dep-total">{num(m.total)} {m.unit}</dd>
            <dt>HHI</dt><dd data-testid="dep-hhi">{num(m.hhi, 0)} (0–10,000; {num(m.hhiUpper, 0)} if {pct(m.dispersedShare)} dispersed were one supplier)</dd>
            <dt>Top supplier</dt><dd>{m.topSupplier ? `${nameOf(model, m.topSupplier)} ${pct(m.topShare)}` : '—'}</dd>
            <dt>CRMA benchmark</dt><dd>{crmaApplies(model, importer, commodity)
              ? `${m.crmaBenchmark.country ?? '—'} ${pct(m.crmaBenchmark.share)} of ${pct(m.crmaBenchmark.threshold, 0)} — ${m.crmaBenchmark.met ? 'met' : 'not met'}`
              : 'does not apply (not an EU-listed raw material imported by the EU)'}</dd>
            <dt>Governance-weighted HHI</dt><dd data-testid="dep-hhiwgi">{m.governance.hhiWgi === null ? '—' : num(m.governance.hhiWgi, 3)} (0–10, 10 worst; covers {pct(m.governance.coveredShare)})</dd>
          </dl>
          <table>
            <caption>Transit exposure (share of supply crossing each state) <TableExport name={`transit-${importer}-${commodity}-${m.year}`} label="the transit exposure table" header={['country', 'name', 'volume', 'unit', 'share', 'routes']} rows={m.transitExposure.map((t) => [t.country, t.name, t.volume, m.unit, t.share, t.routes.join(';')])} /></caption>
            <thead><tr><th scope="col">State</th><th scope="col">Volume ({m.unit})</th><th scope="col">Share</th></tr></thead>
            <tbody>{m.transitExposure.length === 0 ? <tr><td colSpan={3}>no routed flow crosses a transit state</td></tr>
              : m.transitExposure.map((t) => <tr key={t.country}><td>{t.name}</td><td>{num(t.volume)}</td><td>{pct(t.share)}</td></tr>)}</tbody>
          </table>
          <p class="hint">Flows: flows.csv, {m.year}; {sourcesOf(model, [...new Set(model.tables.flow.filter((f) => f.commodity === commodity && f.year === m.year && (f.importer === importer || model.blocMembers(importer).includes(f.importer))).flatMap((f) => f.source))]).slice(0, 4).map((s) => sourceLine(s)).join('; ')}</p>
        </>
      )}
      {whatIf && after && row && (
        <div class="after" data-testid="dep-after">
          <h3>After the what-if ({result.scenario.year}, flow model)</h3>
          <dl class="figures">
            <dt>Received</dt><dd>{num(row.servedScenario)} {result.unit} (baseline {num(row.servedBaseline)})</dd>
            <dt>Unserved demand</dt><dd>{num(row.unserved)} {result.unit}</dd>
            <dt>HHI</dt><dd>{num(after.scenario.hhi, 0)} (baseline {num(after.baseline.hhi, 0)})</dd>
            <dt>Top supplier</dt><dd>{after.scenario.topSupplier ?? '—'} {pct(after.scenario.topShare)}</dd>
            <dt>Top transit state</dt><dd>{after.scenario.topTransit ? `${after.scenario.topTransit.country} ${pct(after.scenario.topTransit.share)}` : '—'}</dd>
          </dl>
        </div>
      )}
    </section>
  );
}
