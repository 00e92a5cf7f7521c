// From an event to scenario changes: the first rule that fits the event (rules.ts) names the change and where each
// of its fields comes from; each field is read from the event and the dataset, or asked when the reading is not
// one clear answer (which route? how much? for how long?). The user's answers (--assume) come first. Pure.
import type { Model } from '../model/model.ts';
import { changeType } from '../scenario/schema.ts';
import { available, CorridorError } from '../errors.ts';
import { ASSUME_KEYS, parseVolume, type Answer } from './assume.ts';
import type { ImpactEvent } from './event.ts';
import { statedMonths, statedShare, statedVolumes, volumeText } from './figures.ts';
import type { ImpactRule, Reading, Requirement } from './rules.ts';
import { chokepointsNamed, datasetView, type DatasetView } from './dataset-view.ts';

export type ChangeValue = string | number | boolean | string[] | null;
/** A change in the scenario files' vocabulary: `type` and its fields (null: not known yet, see the questions). */
export type ImpactChange = { type: string } & Record<string, ChangeValue>;

export interface ImpactQuestion {
  /** The --assume key that answers it. */
  key: string;
  question: string;
  /** Possible answers (ids, or figures the text states); empty when any value of the key's form will do. */
  candidates: string[];
}

export interface MappedEvent {
  event: string;
  rule: string;
  description: string;
  commodity: string | null;
  year: number | null;
  changes: ImpactChange[];
  questions: ImpactQuestion[];
  /** Where each figure and id comes from ("route cpc: named in the text"). */
  readings: string[];
}

export interface Unmapped {
  event: string;
  reason: string;
}

/** Maps one event; `{unmapped}` when no rule applies (and why). The answers it uses are added to `used`. */
export function mapEvent(model: Model, event: ImpactEvent, rules: readonly ImpactRule[], answers: Map<string, Answer>, used = new Set<Answer>()): MappedEvent | Unmapped {
  if (event.negated) return { event: event.id, reason: 'the text says it did not happen' };
  const rule = rules.find((r) => ruleFits(model, event, r, answers));
  if (!rule) return { event: event.id, reason: `no rule fits this ${event.type} event ("${event.trigger || event.text.slice(0, 60)}")` };
  const m = new Mapping(model, event, rule, answers, used);
  const mapped = m.result();
  return m.unmapped ?? mapped;
}

/** Whether a word of the text starts with one of the stems (a stem of several words is looked for as written). */
export function hasWord(text: string, stems: readonly string[]): boolean {
  if (stems.length === 0) return true;
  const lower = text.toLowerCase();
  const words = lower.match(/[a-z]+/g) ?? [];
  return stems.some((s) => (s.includes(' ') ? new RegExp(`\\b${s}`).test(lower) : words.some((w) => w.startsWith(s))));
}

function ruleFits(model: Model, e: ImpactEvent, rule: ImpactRule, answers: Map<string, Answer>): boolean {
  if (!rule.types.includes(e.type)) return false;
  if (!hasWord(e.trigger || e.text, rule.triggerWords) || !hasWord(e.text, rule.sentenceWords)) return false;
  return rule.requires.every((r) => requirementMet(model, e, r, answers)) && !rule.unless.some((r) => requirementMet(model, e, r, answers));
}

function requirementMet(model: Model, e: ImpactEvent, r: Requirement, answers: Map<string, Answer>): boolean {
  if (answers.has(r)) return true;
  switch (r) {
    case 'target': return e.targets.length > 0;
    case 'route': return e.routes.some((id) => model.route(id) !== undefined);
    case 'node': return e.routes.length === 0 && e.nodes.some((id) => model.tables.node.some((n) => n.id === id));
    case 'chokepoint': return chokepointsNamed(model, e.text).length > 0;
    case 'volume': return statedVolumes(e.text).length > 0;
  }
}

/** Rounds a share to six decimals, so the change reads as it would be written by hand. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

class Mapping {
  readonly questions: ImpactQuestion[] = [];
  readonly readings: string[] = [];
  unmapped: Unmapped | undefined;
  private commodity: string | null = null;
  private year: number | null = null;
  private view: DatasetView | null = null;

  constructor(private readonly model: Model, private readonly e: ImpactEvent, private readonly rule: ImpactRule, private readonly answers: Map<string, Answer>, private readonly used: Set<Answer>) {
    this.commodity = this.readCommodity();
    if (this.commodity) {
      this.year = this.readYear(this.commodity);
      this.view = datasetView(model, this.commodity, this.year);
    }
  }

  result(): MappedEvent {
    const change: ImpactChange = { type: this.rule.change };
    const spec = changeType(this.rule.change)!;
    if (this.view) {
      for (const [field, reading] of Object.entries(this.rule.fields)) {
        this.fill(change, field, reading, spec.fields.find((f) => f.name === field)!.ref);
        if (this.unmapped) break;
      }
    } else {
      for (const field of Object.keys(this.rule.fields)) change[field] = null;
    }
    const changes = this.rule.duration && !this.unmapped ? this.lasting(change) : [change];
    return {
      event: this.e.id, rule: this.rule.id, description: this.rule.description, commodity: this.commodity, year: this.year,
      changes, questions: this.questions, readings: this.readings,
    };
  }

  private ask(key: string, question: string, candidates: string[]): null {
    this.questions.push({ key, question, candidates });
    return null;
  }

  private answer(key: string): Answer | undefined {
    const a = this.answers.get(key);
    if (a) this.used.add(a);
    return a;
  }

  private readCommodity(): string | null {
    const withFlows = this.model.tables.commodity.map((c) => c.id).filter((id) => this.model.flowYears(id).length > 0);
    const given = this.answer('commodity');
    if (given) {
      if (!withFlows.includes(given.value)) throw unknown(given, `a commodity with flows in the dataset`, withFlows);
      this.readings.push(`commodity ${given.value}: --assume`);
      return given.value;
    }
    const fromRoutes = [...new Set(this.e.routes.map((id) => this.model.route(id)?.commodity).filter((c): c is string => !!c && withFlows.includes(c)))];
    const named = fromRoutes.length ? fromRoutes : this.e.commodities.filter((c) => withFlows.includes(c));
    if (named.length === 1) {
      this.readings.push(`commodity ${named[0]}: ${fromRoutes.length ? 'the route the text names carries it' : 'named in the text'}`);
      return named[0];
    }
    return this.ask('commodity', 'Which commodity does it concern?', named.length > 1 ? named : this.commoditiesThroughChokepoint(withFlows) ?? withFlows);
  }

  /** For a chokepoint the text names, the commodities whose sea lanes pass it (undefined when none is named or none passes). */
  private commoditiesThroughChokepoint(withFlows: string[]): string[] | undefined {
    if (!Object.values(this.rule.fields).includes('chokepoint')) return undefined;
    const named = chokepointsNamed(this.model, this.e.text);
    const through = withFlows.filter((c) => this.model.tables.seaLane.some((l) => l.commodity === c && l.chokepoints.some((k) => named.includes(k))));
    return through.length ? through : undefined;
  }

  /** The latest year with flows up to the event's year (the latest year when the event comes before them all). */
  private readYear(commodity: string): number {
    const years = this.model.flowYears(commodity);
    const given = this.answer('year');
    if (given) {
      if (!years.includes(Number(given.value))) throw unknown(given, `a year with ${commodity} flows`, years.map(String));
      this.readings.push(`year ${given.value}: --assume`);
      return Number(given.value);
    }
    const eventYear = this.e.date ? Number(this.e.date.slice(0, 4)) : Infinity;
    const upTo = years.filter((y) => y <= eventYear);
    const year = upTo.length ? upTo[upTo.length - 1] : years[years.length - 1];
    this.readings.push(`year ${year}: the latest year of ${commodity} flows${this.e.date ? ` up to the event (${this.e.date})` : ''}`);
    return year;
  }

  private fill(change: ImpactChange, field: string, reading: Reading, ref: string | undefined): void {
    switch (reading) {
      case 'volume': return this.fillVolume(change, field);
      case 'fraction': { change[field] = this.share('fraction', 'What share of its capacity is lost (0–1)?', true) ?? null; return; }
      case 'share': {
        const share = this.share('share', 'What share of the pair\'s flows stops (0–1)?', hasWord(this.e.text, this.rule.partialWords));
        if (share !== undefined) change[field] = share;
        return;
      }
      default: change[field] = this.pickId(field, reading, ref);
    }
  }

  /** A share stated in the text or answered; asked when `ask`, else left out (the change's default: all of it). */
  private share(key: 'fraction' | 'share', question: string, ask: boolean): number | null | undefined {
    const given = this.answer(key);
    if (given) { this.readings.push(`${key} ${given.value}: --assume`); return Number(given.value); }
    const stated = statedShare(this.e.text);
    if (stated !== null) { this.readings.push(`${key} ${round6(stated)}: stated in the text`); return round6(stated); }
    return ask ? this.ask(key, question, []) : undefined;
  }

  private fillVolume(change: ImpactChange, field: string): void {
    const view = this.view!;
    const given = this.answer('volume');
    let volume: { value: number; unit: string; preposition: 'by' | 'to' | null } | null = null;
    if (given) {
      const v = parseVolume(given.value)!;
      const unit = view.allowedUnit(v.unit);
      if (!unit) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `--assume "${given.given}": ${this.commodity} is measured in ${view.allowedUnits.join(', ')}, not ${v.unit}`);
      volume = { value: v.value, unit, preposition: null };
      this.readings.push(`volume ${volumeText(volume)}: --assume`);
    } else {
      const stated = statedVolumes(this.e.text).map((v) => view.inAllowedUnit(v)).filter((v) => v !== null);
      const distinct = [...new Map(stated.map((v) => [volumeText(v), v])).values()];
      if (distinct.length === 1) {
        volume = distinct[0];
        this.readings.push(`volume ${volumeText(volume)}: stated in the text`);
      } else {
        this.ask('volume', `How much, per year (in ${view.allowedUnits.join(', ')})?`, distinct.map(volumeText));
      }
    }
    const name = this.rule.change === 'raise_capacity' && volume?.preposition === 'by' ? 'by' : field;
    change[name] = volume ? volume.value : null;
    change.unit = volume ? volume.unit : null;
    if (this.rule.change === 'raise_capacity' && volume && typeof change.route === 'string') this.checkExpansion(change.route, name, volume);
  }

  /**
   * An expansion must raise a limit: a route with no capacity of its own (limited by shared assets, or not at all)
   * would be given one, and a total at or below today's capacity would cut it. Neither is what the text reports.
   */
  private checkExpansion(routeId: string, field: string, volume: { value: number; unit: string }): void {
    const route = this.model.route(routeId);
    if (!route) return;
    const capacity = this.model.routeCapacity(route);
    if (capacity === undefined) {
      this.unmapped = { event: this.e.id, reason: `route ${routeId} has no capacity of its own in the dataset: ${volumeText(volume)} would be a new limit on it, not an expansion (write the change in a scenario file if that is meant)` };
    } else if (field === 'capacity' && this.model.toBase(volume.value, volume.unit, this.commodity!) <= capacity + 1e-9) {
      this.unmapped = { event: this.e.id, reason: `route ${routeId} has a capacity of ${route.capacity} ${route.unit} already: ${volumeText(volume)} is no expansion` };
    }
  }

  /** An id for a field: the answer, else the one the event names among the dataset's candidates, else asked. */
  private pickId(field: string, reading: Reading, ref: string | undefined): string | null {
    const view = this.view!;
    const key = reading === 'transit_state' ? 'country' : reading === 'planned_route' ? 'route' : field in ASSUME_KEYS ? field : reading;
    const candidates = view.candidates(reading, ref, this.e);
    const given = this.answer(key);
    if (given) {
      if (!candidates.includes(given.value) && !(key === 'route' && view.isDirectRoute(given.value))) {
        throw unknown(given, view.what(reading, ref), candidates);
      }
      this.readings.push(`${field} ${given.value}: --assume`);
      return given.value;
    }
    const proposed = view.proposed(reading, this.e);
    if (reading === 'planned_route' && proposed.length > 0 && proposed.every((r) => this.model.route(r)?.status === 'operating')) {
      this.unmapped = { event: this.e.id, reason: `route ${proposed.join(', ')} is operating already in the dataset: nothing changes` };
      return null;
    }
    const fit = proposed.filter((p) => candidates.includes(p));
    if (fit.length === 1) {
      this.readings.push(`${field} ${fit[0]}: ${view.basis(reading)}`);
      return fit[0];
    }
    if (candidates.length === 0) {
      this.unmapped = { event: this.e.id, reason: `the dataset has no ${view.what(reading, ref).replace(/^an? /, '')}: the event changes nothing the model holds` };
      return null;
    }
    const unfit = proposed.filter((p) => !candidates.includes(p));
    const note = unfit.length ? ` (the text names ${unfit.join(', ')}, not ${view.what(reading, ref)})` : '';
    return this.ask(key, `${view.question(reading, ref)}${note}`, fit.length > 1 ? fit : candidates);
  }

  /** A change that lasts `months` of the year: the whole year as it is, part of it as the same share of the year's capacity. */
  private lasting(change: ImpactChange): ImpactChange[] {
    const given = this.answer('months');
    let months: number | null;
    if (given) { months = Number(given.value); this.readings.push(`months ${months}: --assume`); }
    else {
      months = statedMonths(this.e.text);
      if (months !== null) this.readings.push(`months ${round6(months)}: stated in the text`);
      else this.ask('months', 'For how many months of the year does it hold (12 = the whole year)?', ['12']);
    }
    if (months === null || months >= 12) return [change];
    const share = months / 12;
    if (change.type === 'close_route') return [{ type: 'cut_capacity', route: change.route, fraction: round6(this.haltedShare(String(change.route), share)) }];
    return [{ ...change, fraction: typeof change.fraction === 'number' ? round6(change.fraction * share) : null }];
  }

  /**
   * The share of a route's yearly capacity that a halt of part of the year takes away. The oil (or cargo) lost in the
   * halt is not made up afterwards, so over the year the route carries at most its baseline flow for the months it
   * runs: what is left is (1 − share) × flow, not (1 − share) × capacity, which a half-used route would not even
   * notice. A route without a capacity, or without flows, loses the share of the year.
   */
  private haltedShare(routeId: string, share: number): number {
    const route = this.model.route(routeId);
    const capacity = route ? this.model.routeCapacity(route) : undefined;
    const flow = this.model.flows({ commodity: this.commodity!, year: this.year!, route: routeId }).reduce((sum, f) => sum + f.baseVolume, 0);
    if (capacity === undefined || !(capacity > 0) || !(flow > 0)) return share;
    const left = Math.min(capacity, (1 - share) * flow);
    this.readings.push(`halt of ${round6(share * 12)} month(s): the route keeps ${round6(1 - share)} of its baseline flow over the year, ${round6(left)} of its capacity ${round6(capacity)} (base units)`);
    return 1 - left / capacity;
  }
}

function unknown(given: Answer, what: string, candidates: readonly string[]): CorridorError {
  return new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `--assume "${given.given}": "${given.value}" is not ${what} (available: ${available([...candidates], 20)})`);
}
