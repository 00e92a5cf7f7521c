// The workbench: the map on the left, the views on the right (dependence, what-if, flows, risk, timeline), the
// selection at the top. The dataset comes from the API (/web/dataset) and becomes the library's Model here and in
// the solver worker; every change of the what-if re-runs the scenario in the worker and updates map, panels and
// Sankey. The state is kept in the URL.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Model } from '../../src/model/model.ts';
import type { Tables } from '../../src/model/types.ts';
import type { ScenarioResult } from '../../src/scenario/results.ts';
import { api, sessionToken, type WorkingDataset } from './api.ts';
import { chainCommodities, chainImporters, ChainSankey, chainStages } from './chain.tsx';
import { DependencePanel, flowYears } from './dependence.tsx';
import { nameOf } from './format.ts';
import { WorldMap } from './map.tsx';
import { RiskPanel } from './risk.tsx';
import { SankeyPanel } from './sankey.tsx';
import { Solver } from './solver.ts';
import { emptyWhatIf, readState, VIEWS, whatIfYaml, writeState, type View, type ViewState, type WhatIf } from './state.ts';
import { TimelinePanel } from './timeline.tsx';
import { WhatIfPanel } from './whatif.tsx';

const DEFAULTS: ViewState = { view: 'dependence', importer: 'EU27', commodity: 'crude_oil', year: 2023, stage: 'imports', flow: '', whatIf: emptyWhatIf() };
const VIEW_NAMES: Record<View, string> = { dependence: 'Dependence', whatif: 'What-if', flows: 'Flows', risk: 'Risk', timeline: 'Timeline' };

/** Commodities with trade flows (the flow model runs on them), with stage supply shares (critical raw materials) or a value chain. */
function commodities(model: Model): string[] {
  const ids = new Set([...model.tables.flow.map((f) => f.commodity), ...model.tables.crmSupply.map((r) => r.material), ...chainCommodities(model)]);
  return [...ids].sort();
}

/** The latest year with both flows and demand for a commodity (where the flow model can run), else with flows. */
function latestYear(model: Model, commodity: string): number | undefined {
  const flows = new Set(model.tables.flow.filter((f) => f.commodity === commodity).map((f) => f.year));
  const both = model.tables.demand.filter((d) => d.commodity === commodity && flows.has(d.year)).map((d) => d.year);
  const years = both.length ? both : [...flows];
  return years.length ? Math.max(...years) : undefined;
}

/** The importers of a commodity's flows; without flows, the EU and the importers with deliveries per value chain stage. */
function importersOf(model: Model, commodity: string): string[] {
  const importers = [...new Set(model.tables.flow.filter((f) => f.commodity === commodity).map((f) => f.importer))].sort();
  return importers.length ? importers : [...new Set(['EU27', ...chainImporters(model, commodity)])];
}

function Tabs({ view, onView }: { view: View; onView: (v: View) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (e: KeyboardEvent, i: number) => {
    const next = e.key === 'ArrowRight' ? (i + 1) % VIEWS.length : e.key === 'ArrowLeft' ? (i + VIEWS.length - 1) % VIEWS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    onView(VIEWS[next]);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Views" class="tabs">
      {VIEWS.map((v, i) => (
        <button type="button" role="tab" key={v} id={`tab-${v}`} aria-selected={view === v} aria-controls="view-panel" tabIndex={view === v ? 0 : -1}
          ref={(el) => { refs.current[i] = el; }} onClick={() => onView(v)} onKeyDown={(e) => move(e, i)}>{VIEW_NAMES[v]}</button>
      ))}
    </div>
  );
}

export function App() {
  const [model, setModel] = useState<Model | undefined>();
  const [error, setError] = useState('');
  const [working, setWorking] = useState<WorkingDataset | undefined>();
  const [state, setState] = useState<ViewState>(() => readState(location.search, DEFAULTS));
  const [result, setResult] = useState<ScenarioResult | undefined>();
  const [solveError, setSolveError] = useState('');
  const [solveMs, setSolveMs] = useState<number | undefined>();
  const solver = useMemo(() => new Solver(), []);
  const running = useRef<{ busy: boolean; queued: string | undefined }>({ busy: false, queued: undefined });

  // Loads the dataset (at start, and again when the page stored a new version of it).
  const load = async () => {
    const { tables, info, working: w } = await api.dataset();
    // The map and the metrics show at once; the flows follow when the worker has the solver (requests wait in order).
    solver.init(tables, info).catch((e: Error) => setError(`could not start the solver: ${e.message}`));
    setModel(new Model(tables as Tables, info));
    setWorking(w);
  };
  useEffect(() => {
    sessionToken();
    load().catch((e: Error) => setError(`could not load the dataset: ${e.message}`));
  }, [solver]);

  useEffect(() => { history.replaceState(null, '', writeState(state) + location.hash); }, [state]);

  const flowCommodity = model?.tables.flow.some((f) => f.commodity === state.commodity) ?? false;
  const yaml = model && flowCommodity ? whatIfYaml(model, state) : '';

  // Latest request wins: while one solve runs, only the newest what-if waits for its turn.
  useEffect(() => {
    if (!yaml) { setResult(undefined); return; }
    const run = async (text: string): Promise<void> => {
      running.current.busy = true;
      try {
        const started = performance.now();
        const next = await solver.scenario(text);
        setSolveMs(performance.now() - started);
        setResult(next);
        setSolveError('');
      } catch (e) {
        setResult(undefined);
        setSolveError((e as Error).message);
      }
      const queued = running.current.queued;
      running.current.queued = undefined;
      running.current.busy = false;
      if (queued !== undefined) await run(queued);
    };
    if (running.current.busy) running.current.queued = yaml;
    else void run(yaml);
  }, [yaml, solver]);

  // Marks read by bench/web and the tests: the first view with flows, and each view updated after a change.
  useEffect(() => {
    if (!result) return;
    const marks = window as unknown as { corridorUpdates?: number };
    if (!performance.getEntriesByName('corridor:first-render').length) performance.mark('corridor:first-render');
    performance.mark('corridor:updated');
    if (performance.getEntriesByName('corridor:change').length) performance.measure('corridor:update', 'corridor:change', 'corridor:updated');
    marks.corridorUpdates = (marks.corridorUpdates ?? 0) + 1;
    document.body.dataset.updates = String(marks.corridorUpdates);
  }, [result]);

  // An importer from the address that does not import the commodity: the first that does.
  useEffect(() => {
    const importers = model ? importersOf(model, state.commodity) : [];
    if (importers.length && !importers.includes(state.importer)) setState((s) => ({ ...s, importer: importers[0], flow: '' }));
  }, [model, state.commodity, state.importer]);

  if (error) return <main><h1>Corridor workbench</h1><p role="alert">{error}</p></main>;
  if (!model) return <main><h1>Corridor workbench</h1><p role="status">Loading the dataset and the solver…</p></main>;

  const set = (patch: Partial<ViewState>) => setState((s) => ({ ...s, ...patch }));
  const setWhatIf = (whatIf: WhatIf) => set({ whatIf });
  const importers = importersOf(model, state.commodity);
  const chainStageIds = chainStages(model, state.commodity);
  const stages = [...(flowCommodity ? ['imports'] : []), ...new Set(model.tables.crmSupply.filter((r) => r.material === state.commodity).map((r) => r.stage)), ...chainStageIds];
  const stageLabel = (s: string) => (s === 'imports' ? 'imports (trade flows)' : chainStageIds.includes(s) ? `${s.replaceAll('_', ' ')} (value chain)` : s);
  const shown = result && result.scenario.commodity === state.commodity && result.scenario.year === state.year ? result : undefined;

  return (
    <div class="app">
      <header>
        <h1>Corridor workbench</h1>
        <form class="selection" aria-label="Selection" onSubmit={(e) => e.preventDefault()}>
          <label for="commodity">Commodity</label>
          <select id="commodity" value={state.commodity} onChange={(e) => {
            const commodity = (e.target as HTMLSelectElement).value;
            const hasFlows = model.tables.flow.some((f) => f.commodity === commodity);
            const imps = [...new Set(model.tables.flow.filter((f) => f.commodity === commodity).map((f) => f.importer))];
            const crmYears = model.tables.crmSupply.filter((r) => r.material === commodity).map((r) => r.year);
            const firstStage = model.tables.crmSupply.find((r) => r.material === commodity)?.stage ?? chainStages(model, commodity)[0] ?? 'imports';
            set({ commodity, year: latestYear(model, commodity) ?? (crmYears.length ? Math.max(...crmYears) : state.year),
              importer: imps.includes(state.importer) ? state.importer : imps.sort()[0] ?? 'EU27', stage: hasFlows ? 'imports' : firstStage, flow: '', whatIf: DEFAULTS.whatIf, chainYear: undefined });
          }}>
            {commodities(model).map((c) => <option key={c} value={c}>{model.commodity(c)?.name ?? c}</option>)}
          </select>
          <label for="importer">Importer</label>
          <select id="importer" value={state.importer} onChange={(e) => {
            const importer = (e.target as HTMLSelectElement).value;
            const years = flowYears(model, importer, state.commodity);
            set({ importer, flow: '', year: years.includes(state.year) || !years.length ? state.year : years.at(-1)! });
          }}>
            {importers.map((i) => <option key={i} value={i}>{nameOf(model, i)}</option>)}
          </select>
          <label for="stage">Stage</label>
          <select id="stage" value={state.stage} onChange={(e) => set({ stage: (e.target as HTMLSelectElement).value })}>
            {stages.map((s) => <option key={s} value={s}>{stageLabel(s)}</option>)}
          </select>
          <span class="status" role="status" data-testid="solve-status">
            {solveError ? `the flow model could not run: ${solveError}` : shown ? `flow model solved in ${Math.round(solveMs ?? 0)} ms${shown.changes.length ? `, ${shown.changes.length} change(s)` : ', baseline'}` : flowCommodity ? 'solving…' : 'no trade flows: stage shares only'}
          </span>
        </form>
      </header>
      <main>
        {/* The map holds many stops (routes, lanes, chokepoints, ports): keyboard users may pass it by. */}
        <a class="skip" href="#views">Skip the map to the views</a>
        <WorldMap model={model} commodity={state.commodity} year={state.year} importer={state.importer} flow={state.flow} result={shown} closedChokepoints={state.whatIf.closedChokepoints} />
        <div class="views" id="views" tabIndex={-1}>
          <Tabs view={state.view} onView={(view) => { set({ view }); document.getElementById('view-panel')?.scrollTo(0, 0); }} />
          <div id="view-panel" role="tabpanel" aria-labelledby={`tab-${state.view}`} class="panel">
            {state.view === 'dependence' && <DependencePanel model={model} importer={state.importer} commodity={state.commodity} year={state.year} stage={state.stage} flow={state.flow} result={shown}
              chainYear={state.chainYear} onYear={(year) => set({ year })} onFlow={(flow) => set({ flow })} />}
            {state.view === 'whatif' && <WhatIfPanel model={model} state={state} result={shown} yaml={yaml} solver={solver} onChange={setWhatIf} />}
            {state.view === 'flows' && (
              <SankeyPanel model={model} result={shown} commodity={state.commodity} year={state.year}>
                {chainStageIds.length > 0 && <ChainSankey model={model} commodity={state.commodity} importer={state.importer} mode={state.chain ?? 'world'} year={state.chainYear}
                  onMode={(chain) => set({ chain })} onYear={(chainYear) => set({ chainYear })} />}
              </SankeyPanel>
            )}
            {state.view === 'risk' && <RiskPanel model={model} solver={solver} importer={state.importer} commodity={state.commodity} year={state.year} />}
            {state.view === 'timeline' && <TimelinePanel model={model} working={working} onDatasetChanged={load} />}
          </div>
        </div>
      </main>
    </div>
  );
}
