// Risk: N-1 (each route, asset, transit state, exporter and chokepoint lost on its own, re-optimised) ranked for the
// selected importer, and Monte Carlo (failures drawn from a risk spec) with the importer's unserved demand at
// P50/P95/P99. Both run in the solver worker with the library's runN1 and runMonteCarlo, as `corridor risk` does.
import { useRef, useState } from 'preact/hooks';
import type { Model } from '../../src/model/model.ts';
import type { N1Result } from '../../src/risk/n1.ts';
import type { MonteCarloResult } from '../../src/risk/montecarlo.ts';
import crudeSpec from '../../examples/risk-crude-2024.yaml?raw';
import gasSpec from '../../examples/risk-gas-2024.yaml?raw';
import { nameOf, num, pct } from './format.ts';
import type { Solver } from './solver.ts';
import { ChartExport, TableExport } from './widgets.tsx';

const EXAMPLES: Record<string, string> = { crude_oil: crudeSpec, pipeline_gas: gasSpec };

function QuantileChart({ r, unit }: { r: MonteCarloResult['total']; unit: string }) {
  const chart = useRef<SVGSVGElement>(null);
  const bars = [['mean', r.expectedUnserved], ['P50', r.p50], ['P95', r.p95], ['P99', r.p99]] as const;
  const top = Math.max(1e-9, ...bars.map((b) => b[1]));
  return (
    <figure>
      <figcaption>Unserved demand of {r.importer} over the draws ({unit}) <ChartExport chart={chart} name={`montecarlo-${r.importer}`} label="the unserved demand chart" /></figcaption>
      <svg ref={chart} width={420} height={130} viewBox="0 0 420 130" role="img" aria-label={bars.map(([k, v]) => `${k} ${num(v)} ${unit}`).join(', ')}>
        {bars.map(([k, v], i) => (
          <g key={k} transform={`translate(0 ${8 + i * 30})`}>
            <text x={0} y={15} font-size={12} font-family="sans-serif" fill="#222">{k}</text>
            <rect x={50} y={2} width={Math.max(1, 280 * (v / top))} height={18} fill="#de2d26" />
            <text x={56 + 280 * (v / top)} y={15} font-size={12} font-family="sans-serif" fill="#222">{num(v)}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

export function RiskPanel({ model, solver, importer, commodity, year }: { model: Model; solver: Solver; importer: string; commodity: string; year: number }) {
  const [n1, setN1] = useState<N1Result | undefined>();
  const [mc, setMc] = useState<MonteCarloResult | undefined>();
  const [spec, setSpec] = useState(EXAMPLES[commodity] ?? `name: Risk of ${commodity}\ncommodity: ${commodity}\nyear: ${year}\ndraws: 1000\nseed: 1\nelements: []\n`);
  const [draws, setDraws] = useState(2000);
  const [busy, setBusy] = useState('');
  const [message, setMessage] = useState('');
  const runN1 = async () => {
    setBusy('n1'); setMessage('');
    try { setN1(await solver.n1(commodity, year, importer)); } catch (e) { setMessage(`N-1 could not run: ${(e as Error).message}`); }
    setBusy('');
  };
  const runMc = async () => {
    setBusy('mc'); setMessage('');
    try { setMc(await solver.montecarlo(spec, draws)); } catch (e) { setMessage(`Monte Carlo could not run: ${(e as Error).message}`); }
    setBusy('');
  };
  const rows = n1?.elements.slice(0, 15) ?? [];
  const mine = mc?.importers.find((r) => r.importer === importer);
  // A two-sided world market gives each loss a price change; without one (gas, uranium) the column is left out.
  const priced = n1?.elements.some((e) => e.priceChange !== null && e.priceChange !== undefined) ?? false;
  return (
    <section aria-labelledby="risk-title">
      <h2 id="risk-title">Risk for {nameOf(model, importer)}: {commodity.replaceAll('_', ' ')}</h2>
      <h3>N-1, {year}</h3>
      <button type="button" disabled={busy !== ''} onClick={() => void runN1()}>{busy === 'n1' ? 'Running N-1…' : 'Run N-1'}</button>
      {n1 && (
        <table data-testid="n1-table">
          <caption>Each element lost on its own, worst first ({n1.unit}; cost in {n1.valueUnit}) <TableExport name={`n1-${importer}-${commodity}-${year}`} label="the N-1 ranking" header={['element', 'kind', `unserved ${importer}`, 'cost change', 'world market', 'price change']} rows={n1.elements.map((e) => [e.element, e.kind, e.unservedByImporter[importer] ?? e.unserved, e.costChange, e.worldMarket, e.priceChange ?? null])} /></caption>
          <thead><tr><th scope="col">Element</th><th scope="col">Unserved</th><th scope="col">Cost change</th><th scope="col">World market</th>{priced && <th scope="col">Price change ({n1.priceUnit})</th>}</tr></thead>
          <tbody>{rows.map((e) => <tr key={e.element} data-element={e.element}><th scope="row">{e.element}</th><td>{num(e.unservedByImporter[importer] ?? e.unserved)}</td><td>{num(e.costChange)}</td><td>{num(e.worldMarket)}</td>{priced && <td data-field="price-change">{e.priceChange === null ? '–' : num(e.priceChange)}</td>}</tr>)}</tbody>
        </table>
      )}
      <h3>Monte Carlo</h3>
      <div class="field">
        <label for="risk-spec">Risk spec (YAML, as for <code>corridor risk montecarlo</code>)</label>
        <textarea id="risk-spec" rows={6} value={spec} onInput={(e) => setSpec((e.target as HTMLTextAreaElement).value)} />
      </div>
      <div class="field">
        <label for="risk-draws">Draws</label>
        <input id="risk-draws" type="number" min={100} max={100000} step={100} value={draws} onInput={(e) => setDraws(Number((e.target as HTMLInputElement).value))} />
        <button type="button" disabled={busy !== ''} onClick={() => void runMc()}>{busy === 'mc' ? 'Drawing…' : 'Run Monte Carlo'}</button>
      </div>
      <p role="status">{message}</p>
      {mc && (
        <div data-testid="montecarlo">
          <p>{mc.draws} draws (seed {mc.seed}), {mc.commodity} {mc.year}; expected cost change {num(mc.expectedCostChange)} USD million.</p>
          {mine ? <QuantileChart r={mine} unit={mc.unit} /> : <p>{importer} is not an importer in this spec's network; totals:</p>}
          {!mine && <QuantileChart r={mc.total} unit={mc.unit} />}
          <p>Expected world-market purchases <strong data-testid="mc-world">{num((mine ?? mc.total).expectedWorldMarket)}</strong> {mc.unit}; probability of any unserved demand: {pct((mine ?? mc.total).probabilityUnserved)}. Worst 5% of draws driven by: {mc.worstDrivers.slice(0, 3).map((d) => `${d.element} (${pct(d.share, 0)})`).join(', ') || '—'}</p>
        </div>
      )}
    </section>
  );
}
