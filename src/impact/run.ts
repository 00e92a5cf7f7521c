// Runs the impact of mapped events: the changes become a scenario (written as the YAML a user would write, and
// read by the same parser), run on the dataset with the scenario runner, and summed up as "if this holds: …" —
// who gains and who loses, unserved demand and, when the result carries it, the price change. Pure.
import type { Highs } from 'highs';
import { stringify } from 'yaml';
import type { Model } from '../model/model.ts';
import { parseScenario, runScenarioWith, type ScenarioResult } from '../scenario/index.ts';
import { answersFor, checkAnswerEvents, type Answer } from './assume.ts';
import type { ImpactEvent } from './event.ts';
import { mapEvent, type ImpactChange, type ImpactQuestion, type MappedEvent, type Unmapped } from './map.ts';
import { defaultRules, type ImpactRule } from './rules.ts';

export interface ActorChange {
  country: string;
  role: string;
  volumeChange: number;
  valueChange: number | null;
}

/** A mapped event with what its scenario gives. */
export interface Impact extends MappedEvent {
  /** "if this holds: …" in one paragraph, or what is asked. */
  summary: string;
  /** Sums over the result, in `result.unit` (null until it runs). */
  unservedChange: number | null;
  gains: ActorChange[];
  losses: ActorChange[];
  /** The scenario result, as `corridor scenario run --json` gives it (null while questions remain). */
  result: ScenarioResult | null;
}

/** The mapping method: its rules and readings (docs/methods/impact.md). */
export const IMPACT_METHOD = { name: 'impact', version: '1.0.0' } as const;

export interface ImpactReport {
  impactMethod: { name: string; version: string };
  impact: Impact[];
  unmapped: Unmapped[];
  /** --assume values no event used (a key none of them asks or reads, or an answer for an event no rule fits). */
  unusedAssumptions: string[];
}

export interface ImpactOptions {
  rules?: readonly ImpactRule[];
  answers?: readonly Answer[];
  metrics?: boolean;
}

/** The scenario file the changes of one impact make, as a user would write it. */
export function impactScenarioYaml(event: string, commodity: string, year: number, changes: readonly ImpactChange[]): string {
  return stringify({ name: `If event ${event} holds`, commodity, year, changes: changes.map((c) => ({ ...c })) });
}

/** Maps each event and runs those whose mapping is complete. */
export function runImpacts(highs: Highs, model: Model, events: readonly ImpactEvent[], options: ImpactOptions = {}): ImpactReport {
  const rules = options.rules ?? defaultRules();
  const answers = options.answers ?? [];
  checkAnswerEvents(answers, events.map((e) => e.id));
  const report: ImpactReport = { impactMethod: { ...IMPACT_METHOD }, impact: [], unmapped: [], unusedAssumptions: [] };
  const used = new Set<Answer>();
  for (const event of events) {
    const mapped = mapEvent(model, event, rules, answersFor(answers, event.id), used);
    if ('reason' in mapped) { report.unmapped.push(mapped); continue; }
    const base = { ...mapped, unservedChange: null, gains: [], losses: [], result: null };
    if (mapped.questions.length > 0 || mapped.commodity === null || mapped.year === null) {
      report.impact.push({ ...base, summary: `asks ${mapped.questions.map((q) => q.key).join(', ')} before it can run` });
      continue;
    }
    const yaml = impactScenarioYaml(event.id, mapped.commodity, mapped.year, mapped.changes);
    const result = runScenarioWith(highs, model, parseScenario(yaml, `impact of ${event.id}`), { metrics: options.metrics });
    report.impact.push({ ...base, ...summarise(result) });
  }
  report.unusedAssumptions = answers.filter((a) => !used.has(a)).map((a) => a.given);
  return report;
}

const EPS = 1e-9;

function summarise(result: ScenarioResult): Pick<Impact, 'summary' | 'unservedChange' | 'gains' | 'losses' | 'result'> {
  // Bloc parts are summed in their bloc's row: count only the rows that are no part of another.
  const unservedChange = result.importers.filter((i) => i.bloc === null).reduce((sum, i) => sum + i.unserved - i.unservedBaseline, 0);
  const moved = result.actors.filter((a) => Math.abs(a.volumeChange) > EPS)
    .map((a) => ({ country: a.country, role: a.role, volumeChange: a.volumeChange, valueChange: a.valueChange }));
  const gains = moved.filter((a) => a.volumeChange > 0).sort((a, b) => b.volumeChange - a.volumeChange);
  const losses = moved.filter((a) => a.volumeChange < 0).sort((a, b) => a.volumeChange - b.volumeChange);
  const u = result.unit;
  const list = (xs: ActorChange[]) => (xs.length ? xs.slice(0, 6).map((a) => `${a.country} (${a.role}, ${signed(a.volumeChange)} ${u})`).join(', ') : 'none');
  const parts = [
    `if this holds: ${result.changes.map((c) => c.summary).join('; ')}`,
    `unserved demand ${signed(unservedChange)} ${u}`,
    `gain: ${list(gains)}`,
    `lose: ${list(losses)}`,
  ];
  const w = result.worldMarket;
  if (w.enabled && Math.abs(w.scenario - w.baseline) > EPS) parts.push(`world-market purchases ${signed(w.scenario - w.baseline)} ${u}`);
  const price = priceChangeOf(result);
  if (price) parts.push(`price change: ${price}`);
  return { summary: parts.join('. ') + '.', unservedChange, gains, losses, result };
}

/** The scenario result's price change, when the result carries one (`market.priceChange`), in words. */
function priceChangeOf(result: ScenarioResult): string | null {
  const market = (result as unknown as { market?: { priceChange?: unknown; priceUnit?: unknown } }).market;
  const change = market?.priceChange;
  if (typeof change === 'number') return `${signed(change)} ${typeof market?.priceUnit === 'string' ? market.priceUnit : result.priceUnit}`;
  if (change !== undefined && change !== null) return JSON.stringify(change);
  return null;
}

function signed(x: number): string {
  const v = Math.abs(x) < 5e-7 ? 0 : x;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 1 ? 2 : 4;
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toLocaleString('en-GB', { maximumFractionDigits: digits })}`;
}
