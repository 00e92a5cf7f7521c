// The what-if panel: routes, chokepoints and ports, and transit states switched off by hand, route capacities
// dragged, embargoes added. The page turns them into a scenario's YAML (shown below the results) and the worker
// runs it with the library's runScenarioWith, as `corridor scenario run --json` would. Saved what-ifs go to the
// API's /scenarios; saved ones can be loaded, or compared side by side with the baseline (compareScenarios).
import { useState } from 'preact/hooks';
import type { Model } from '../../src/model/model.ts';
import type { ScenarioResult } from '../../src/scenario/results.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { compareScenarios, type Comparison } from '../../src/scenario/compare.ts';
import { api, setSessionToken, type StoredScenario } from './api.ts';
import { nameOf, num } from './format.ts';
import type { Solver } from './solver.ts';
import { emptyWhatIf, type ViewState, type WhatIf } from './state.ts';
import { TableExport } from './widgets.tsx';
import { exportersOf, marketOf, marketRows, rowCollector, scenarioColumns, type Row } from './market.ts';

export interface WhatIfProps {
  model: Model;
  state: ViewState;
  result: ScenarioResult | undefined;
  yaml: string;
  solver: Solver;
  onChange: (w: WhatIf) => void;
}

const toggle = (list: string[], id: string, on: boolean) => (on ? [...new Set([...list, id])] : list.filter((x) => x !== id));

/** The what-if a saved scenario describes, and the changes the page cannot show as controls. */
export function whatIfOf(model: Model, yaml: string): { whatIf: WhatIf; other: string[]; commodity: string; year: number } {
  const scenario = parseScenario(yaml, 'saved.yaml');
  const w = emptyWhatIf();
  const other: string[] = [];
  for (const change of scenario.changes) {
    const v = change.values as Record<string, string | number>;
    const route = typeof v.route === 'string' ? model.route(v.route) : undefined;
    if (change.type === 'close_route') w.closedRoutes.push(String(v.route));
    else if (change.type === 'close_node') w.closedNodes.push(String(v.node));
    else if (change.type === 'close_chokepoint') w.closedChokepoints.push(String(v.chokepoint));
    else if (change.type === 'lose_transit') w.lostTransit.push(String(v.country));
    else if (change.type === 'embargo' && (v.share === undefined || v.share === 1)) w.embargoes.push({ exporter: String(v.exporter), importer: String(v.importer) });
    else if (change.type === 'cut_capacity' && route?.capacity !== undefined && v.volume === undefined) w.capacities[route.id] = route.capacity * (1 - Number(v.fraction));
    else if (change.type === 'raise_capacity' && route?.capacity !== undefined && v.capacity !== undefined && (v.unit === undefined || v.unit === route.unit)) w.capacities[route.id] = Number(v.capacity);
    else other.push(change.type);
  }
  return { whatIf: w, other, commodity: scenario.commodity, year: scenario.year };
}

function Controls({ model, state, onChange }: Pick<WhatIfProps, 'model' | 'state' | 'onChange'>) {
  const w = state.whatIf;
  const routes = model.tables.route.filter((r) => r.commodity === state.commodity && r.status !== 'closed');
  const legs = routes.flatMap((r) => model.legs(r.id));
  const nodeIds = new Set(legs.flatMap((l) => [l.from, l.to]));
  const lanes = model.tables.seaLane.filter((l) => l.commodity === state.commodity);
  // Sea chokepoints (chokepoints.csv) that a lane of the commodity passes, then the others.
  const onLanes = (id: string) => lanes.filter((l) => l.chokepoints.includes(id)).map((l) => l.id);
  // Those the commodity's lanes pass, or whose node its routes cross (close_chokepoint closes those routes too).
  const chokepoints = model.tables.chokepoint.filter((c) => onLanes(c.id).length > 0 || nodeIds.has(c.id));
  const chokepointIds = new Set(model.tables.chokepoint.map((c) => c.id));
  const nodes = model.tables.node.filter((n) => nodeIds.has(n.id) && !chokepointIds.has(n.id) && (n.kind === 'chokepoint' || n.kind === 'port' || n.kind === 'terminal'));
  const transit = [...new Set(routes.flatMap((r) => model.routeCountries(r.id).slice(1, -1)))].sort();
  const flows = model.tables.flow.filter((f) => f.commodity === state.commodity && f.year === state.year);
  const exporters = [...new Set(flows.map((f) => f.exporter))].filter((e) => !model.isAggregate(e)).sort();
  const importers = [...new Set(flows.map((f) => f.importer))].sort();
  const [embargo, setEmbargo] = useState({ exporter: exporters[0] ?? '', importer: importers[0] ?? '' });
  return (
    <div class="controls">
      <fieldset>
        <legend>Routes (untick to close; drag to change capacity)</legend>
        {routes.map((r) => {
          const open = !w.closedRoutes.includes(r.id);
          const value = w.capacities[r.id] ?? r.capacity;
          return (
            <div class="route-control" key={r.id}>
              <input type="checkbox" id={`open-${r.id}`} checked={open} onChange={(e) => onChange({ ...w, closedRoutes: toggle(w.closedRoutes, r.id, !(e.target as HTMLInputElement).checked) })} />
              <label for={`open-${r.id}`}>{r.name}</label>
              {r.capacity !== undefined && open && (
                <span class="capacity">
                  <input type="range" id={`cap-${r.id}`} aria-label={`Capacity of ${r.name} (${r.unit})`} min={0} max={r.capacity * 2} step={r.capacity / 100} value={value}
                    onInput={(e) => {
                      performance.mark('corridor:change');
                      const next = Number((e.target as HTMLInputElement).value);
                      const capacities = { ...w.capacities };
                      if (Math.abs(next - r.capacity!) < 1e-9) delete capacities[r.id]; else capacities[r.id] = next;
                      onChange({ ...w, capacities });
                    }} />
                  <output for={`cap-${r.id}`}>{num(value, 2)} {r.unit}</output>
                </span>
              )}
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>Sea chokepoints (tick to close: flows through them take their lane's alternative, or stop)</legend>
        {chokepoints.length === 0 && <p class="hint">No sea lane or route of {state.commodity.replaceAll('_', ' ')} passes a chokepoint of chokepoints.csv.</p>}
        {chokepoints.map((c) => {
          const through = onLanes(c.id);
          return (
            <div key={c.id}>
              <input type="checkbox" id={`choke-${c.id}`} checked={w.closedChokepoints.includes(c.id)} aria-describedby={`choke-${c.id}-lanes`}
                onChange={(e) => onChange({ ...w, closedChokepoints: toggle(w.closedChokepoints, c.id, (e.target as HTMLInputElement).checked) })} />
              <label for={`choke-${c.id}`}>{c.name}</label>{' '}
              <span class="hint" id={`choke-${c.id}-lanes`}>{through.length ? `lanes: ${through.join(', ')}` : 'on a route (its node)'}</span>
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>Ports and terminals (tick to close)</legend>
        {nodes.map((n) => (
          <div key={n.id}>
            <input type="checkbox" id={`node-${n.id}`} checked={w.closedNodes.includes(n.id)} onChange={(e) => onChange({ ...w, closedNodes: toggle(w.closedNodes, n.id, (e.target as HTMLInputElement).checked) })} />
            <label for={`node-${n.id}`}>{n.name} ({n.kind.replace('_', ' ')})</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Transit states (tick to lose)</legend>
        {transit.map((c) => (
          <span key={c} class="inline">
            <input type="checkbox" id={`transit-${c}`} checked={w.lostTransit.includes(c)} onChange={(e) => onChange({ ...w, lostTransit: toggle(w.lostTransit, c, (e.target as HTMLInputElement).checked) })} />
            <label for={`transit-${c}`}>{nameOf(model, c)}</label>
          </span>
        ))}
      </fieldset>
      <fieldset>
        <legend>Embargo</legend>
        <label for="embargo-exporter">Exporter</label>
        <select id="embargo-exporter" value={embargo.exporter} onChange={(e) => setEmbargo({ ...embargo, exporter: (e.target as HTMLSelectElement).value })}>
          {exporters.map((x) => <option key={x} value={x}>{nameOf(model, x)}</option>)}
        </select>
        <label for="embargo-importer">Importer</label>
        <select id="embargo-importer" value={embargo.importer} onChange={(e) => setEmbargo({ ...embargo, importer: (e.target as HTMLSelectElement).value })}>
          {importers.map((x) => <option key={x} value={x}>{nameOf(model, x)}</option>)}
        </select>
        <button type="button" onClick={() => embargo.exporter && embargo.importer && onChange({ ...w, embargoes: [...w.embargoes.filter((e) => e.exporter !== embargo.exporter || e.importer !== embargo.importer), embargo] })}>Add embargo</button>
        <ul>{w.embargoes.map((e) => (
          <li key={`${e.exporter}>${e.importer}`}>{nameOf(model, e.exporter)} → {nameOf(model, e.importer)}{' '}
            <button type="button" aria-label={`Remove the embargo ${e.exporter} to ${e.importer}`} onClick={() => onChange({ ...w, embargoes: w.embargoes.filter((x) => x !== e) })}>remove</button></li>
        ))}</ul>
      </fieldset>
      <button type="button" onClick={() => onChange(emptyWhatIf())}>Reset to the baseline</button>
    </div>
  );
}

/** The selected importer's figures at the top, in view while the controls are moved. */
function Headline({ result, importer }: { result: ScenarioResult; importer: string }) {
  const row = result.importers.find((r) => r.importer === importer);
  return (
    <p class="headline" aria-live="polite">
      {row ? <>{row.importer}: received {num(row.servedScenario)} {result.unit} (before {num(row.servedBaseline)}), unserved {num(row.unserved)}, cost change {num(row.costChange)} {result.valueUnit}. </> : null}
      Objective change {num(result.solver.objective - result.solver.baselineObjective)} {result.valueUnit}.
    </p>
  );
}

export function ResultTable({ result }: { result: ScenarioResult }) {
  const header = ['importer', 'demand', 'received baseline', 'received', 'unserved', 'world market', 'cost change', 'marginal cost'];
  const rows = result.importers.map((r) => [r.importer, r.demand, r.servedBaseline, r.servedScenario, r.unserved, r.worldMarket, r.costChange, r.marginalCost]);
  const objectiveChange = result.solver.objective - result.solver.baselineObjective;
  const movers = result.actors.filter((a) => a.valueChange !== null && Math.abs(a.valueChange) > 1e-9).sort((a, b) => (b.valueChange ?? 0) - (a.valueChange ?? 0));
  return (
    <div>
      <p>Objective change <strong data-testid="objective-change">{num(objectiveChange)}</strong> {result.valueUnit}; world market{' '}
        <strong data-testid="world-market">{num(result.worldMarket.scenario)}</strong> {result.unit} (premium {num(result.worldMarket.premium, 2)} {result.priceUnit})</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Importers after the what-if (scrolls sideways)">
      <table data-testid="importer-table" class="compact">
        <caption>Importers ({result.unit}; costs in {result.valueUnit}; marginal cost in {result.priceUnit}) <TableExport name={`whatif-importers-${result.scenario.commodity}-${result.scenario.year}`} label="the importers table" header={header} rows={rows} /></caption>
        <thead><tr>{['Importer', 'Demand', 'Received before', 'Received after', 'Unserved', 'World market', 'Cost change', 'Marginal cost'].map((h) => <th scope="col" key={h}>{h}</th>)}</tr></thead>
        <tbody>{result.importers.map((r) => (
          <tr key={r.importer} data-importer={r.importer}>
            <th scope="row">{r.importer}</th><td>{num(r.demand)}</td><td>{num(r.servedBaseline)}</td><td data-field="received">{num(r.servedScenario)}</td>
            <td data-field="unserved">{num(r.unserved)}</td><td>{num(r.worldMarket)}</td><td data-field="cost">{num(r.costChange)}</td><td>{num(r.marginalCost, 2)}</td>
          </tr>
        ))}</tbody>
      </table>
      </div>
      <MarketAndExporters result={result} />
      {movers.length > 0 && (
        <table>
          <caption>Who gains and who loses ({result.valueUnit}: volume change × price or transit fee) <TableExport name={`whatif-actors-${result.scenario.commodity}-${result.scenario.year}`} label="the gains and losses" header={['country', 'role', 'volume change', 'value change']} rows={movers.map((a) => [a.country, a.role, a.volumeChange, a.valueChange])} /></caption>
          <thead><tr><th scope="col">Actor</th><th scope="col">Role</th><th scope="col">Volume change ({result.unit})</th><th scope="col">Value change</th></tr></thead>
          <tbody>{movers.map((a) => <tr key={`${a.country}-${a.role}`}><td>{a.country}</td><td>{a.role}</td><td>{num(a.volumeChange)}</td><td>{num(a.valueChange)}</td></tr>)}</tbody>
        </table>
      )}
    </div>
  );
}


/** The world-market price change and the exporters' revenue changes, where the result has them. */
function MarketAndExporters({ result }: { result: ScenarioResult }) {
  const market = marketOf(result);
  const exporters = exportersOf(result)?.filter((e) => Math.abs(e.revenueChange) > 1e-9 || Math.abs(e.volumeChange) > 1e-9);
  if (!market && !exporters) return null;
  const range = market && market.priceChangeLow !== null && market.priceChangeHigh !== null ? ` (range ${num(market.priceChangeLow, 2)} to ${num(market.priceChangeHigh, 2)})` : '';
  return (
    <div data-testid="market">
      {market && <p>World-market price change <strong data-testid="price-change">{num(market.priceChange, 2)}</strong> {market.priceUnit}{range}</p>}
      {exporters && exporters.length > 0 && (
        <table data-testid="exporters-table">
          <caption>Exporters' revenue ({result.valueUnit}; volumes in {result.unit}) <TableExport name={`whatif-exporters-${result.scenario.commodity}-${result.scenario.year}`} label="the exporters' revenue changes"
            header={['exporter', 'volume change', 'revenue change', 'discount loss', 'transport cost change']} rows={exporters.map((e) => [e.exporter, e.volumeChange, e.revenueChange, e.discountLoss, e.transportCostChange])} /></caption>
          <thead><tr><th scope="col">Exporter</th><th scope="col">Volume change</th><th scope="col">Revenue change</th><th scope="col">Discount loss</th><th scope="col">Transport cost change</th></tr></thead>
          <tbody>{exporters.map((e) => <tr key={e.exporter} data-exporter={e.exporter}><td>{e.exporter}</td><td>{num(e.volumeChange)}</td><td data-field="revenue">{num(e.revenueChange)}</td><td>{num(e.discountLoss)}</td><td>{num(e.transportCostChange)}</td></tr>)}</tbody>
        </table>
      )}
    </div>
  );
}

/**
 * Rows the comparison adds to compareScenarios': each importer's price (marginal cost of one more unit of demand)
 * before and after, and each actor's value change (who gains and who loses).
 */
function extraRows(c: Comparison, baselines: Map<number, ScenarioResult>): Row[] {
  const { rows, set } = rowCollector(c);
  for (const [column, base] of baselines) for (const imp of base.importers) set('price', imp.importer, base.priceUnit, column, imp.marginalCost);
  const columns = scenarioColumns(c);
  c.scenarios.forEach((r, k) => {
    const column = columns[k];
    for (const imp of r.importers) set('price', imp.importer, r.priceUnit, column, imp.marginalCost);
    for (const a of r.actors) if (a.valueChange !== null && Math.abs(a.valueChange) > 1e-9) set('gains and losses', `${a.country} (${a.role})`, r.valueUnit, column, a.valueChange);
  });
  return [...rows.values()];
}

function Saved({ model, state, yaml, solver, onChange }: Pick<WhatIfProps, 'model' | 'state' | 'yaml' | 'solver' | 'onChange'>) {
  const [name, setName] = useState('');
  const [token, setToken] = useState(sessionStorage.getItem('corridor-token') ?? '');
  const [saved, setSaved] = useState<StoredScenario[] | undefined>();
  const [picked, setPicked] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [comparison, setComparison] = useState<{ comparison: Comparison; extra: Row[] } | undefined>();
  const refresh = async () => { try { setSaved(await api.scenarios()); } catch (e) { setMessage((e as Error).message); } };
  const save = async () => {
    try {
      const named = yaml.replace(/^name: .*$/m, `name: ${JSON.stringify(name || 'What-if from the workbench')}`);
      const stored = await api.saveScenario(name || 'What-if from the workbench', named);
      setMessage(`saved as scenario ${stored.id}`);
      await refresh();
    } catch (e) { setMessage(`not saved: ${(e as Error).message}`); }
  };
  const load = (s: StoredScenario) => {
    try {
      const { whatIf, other, commodity, year } = whatIfOf(model, s.yaml);
      if (commodity !== state.commodity || year !== state.year) { setMessage(`"${s.name}" is about ${commodity} ${year}: pick that commodity and year first`); return; }
      onChange(whatIf);
      setMessage(other.length ? `loaded "${s.name}"; changes not shown as controls were left out: ${other.join(', ')}` : `loaded "${s.name}"`);
    } catch (e) { setMessage(`could not load: ${(e as Error).message}`); }
  };
  const compare = async () => {
    try {
      const chosen = (saved ?? []).filter((s) => picked.includes(s.id));
      const results = [];
      for (const s of chosen) results.push(await solver.scenario(s.yaml));
      const compared = compareScenarios(results);
      // The baseline's marginal costs (prices) come from a run with no change, one per commodity and year.
      const baselines = new Map<number, ScenarioResult>();
      for (const [i, c] of compared.columns.entries()) {
        if (c.kind === 'baseline') baselines.set(i, await solver.scenario(`name: baseline\ncommodity: ${c.commodity}\nyear: ${c.year}\nchanges: []\n`));
      }
      setComparison({ comparison: compared, extra: [...marketRows(compared), ...extraRows(compared, baselines)] });
      setMessage('');
    } catch (e) { setMessage(`could not compare: ${(e as Error).message}`); }
  };
  const shown = comparison ? [...comparison.comparison.rows.filter((r) => r.section === 'unserved' || r.section === 'demand' || r.section === 'route' || r.section === 'cost'), ...comparison.extra] : [];
  return (
    <div class="saved">
      <h3>Save, load and compare</h3>
      <form class="field" onSubmit={(e) => e.preventDefault()}>
        <label for="api-token">API token (for saving; `corridor serve` puts one in the link it prints)</label>
        <input id="api-token" type="password" value={token} autoComplete="off" onInput={(e) => { const t = (e.target as HTMLInputElement).value; setToken(t); setSessionToken(t); }} />
      </form>
      <div class="field">
        <label for="scenario-name">Scenario name</label>
        <input id="scenario-name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        <button type="button" onClick={() => void save()}>Save what-if</button>
        <button type="button" onClick={() => void refresh()}>List saved scenarios</button>
      </div>
      <p role="status" data-testid="saved-status">{message}</p>
      {saved && (
        <ul class="saved-list">{saved.map((s) => (
          <li key={s.id}>
            <input type="checkbox" id={`pick-${s.id}`} checked={picked.includes(s.id)} onChange={(e) => setPicked(toggle(picked, s.id, (e.target as HTMLInputElement).checked))} />
            <label for={`pick-${s.id}`}>{s.name}</label> <button type="button" onClick={() => load(s)} aria-label={`Load ${s.name}`}>load</button>
          </li>
        ))}</ul>
      )}
      {saved && <button type="button" disabled={picked.length === 0} onClick={() => void compare()}>Compare with the baseline</button>}
      {comparison && (
        <table data-testid="comparison">
          <caption>Baseline and scenarios <TableExport name="comparison" label="the comparison" header={['section', 'id', 'unit', ...comparison.comparison.columns.map((c) => c.id)]} rows={shown.map((r) => [r.section, r.id, r.unit, ...r.values])} /></caption>
          <thead><tr><th scope="col">What</th><th scope="col">Unit</th>{comparison.comparison.columns.map((c) => <th scope="col" key={c.id}>{c.id}</th>)}</tr></thead>
          <tbody>{shown.map((r) => <tr key={`${r.section}-${r.id}`} data-row={`${r.section}|${r.id}`}><th scope="row">{r.section} {r.id}</th><td>{r.unit}</td>{r.values.map((v, i) => <td key={i}>{num(v)}</td>)}</tr>)}</tbody>
        </table>
      )}
    </div>
  );
}

export function WhatIfPanel(p: WhatIfProps) {
  return (
    <section aria-labelledby="whatif-title">
      <h2 id="whatif-title">What-if: {p.state.commodity.replaceAll('_', ' ')}, {p.state.year}</h2>
      {p.result && <Headline result={p.result} importer={p.state.importer} />}
      <Controls key={`${p.state.commodity}-${p.state.year}`} model={p.model} state={p.state} onChange={p.onChange} />
      {p.result && <ResultTable result={p.result} />}
      <details>
        <summary>The what-if as a scenario file (run it with <code>corridor scenario run FILE --json</code>)</summary>
        <pre data-testid="whatif-yaml">{p.yaml}</pre>
      </details>
      <Saved model={p.model} state={p.state} yaml={p.yaml} solver={p.solver} onChange={p.onChange} />
    </section>
  );
}
