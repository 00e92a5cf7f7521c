// `--assume key=value` (or `EVENT:key=value` for one event): the user's answers to the questions an impact asks,
// and overrides of what was read from the text. Each key's value is checked here for its form; ids are checked
// against the dataset when the event is mapped (map.ts), where the candidates are known.
import { CorridorError } from '../errors.ts';

/** Every key an answer may have, with the form of its value. */
export const ASSUME_KEYS: Record<string, string> = {
  commodity: 'a commodity id (commodities.csv)',
  year: 'a year of the commodity\'s flows (e.g. 2023)',
  route: 'a route id (routes.csv), or direct:EXPORTER>IMPORTER',
  node: 'a node id (nodes.csv)',
  chokepoint: 'a chokepoint id (chokepoints.csv)',
  country: 'a transit state\'s country id',
  exporter: 'an exporting country\'s id',
  importer: 'an importing country\'s or bloc\'s id',
  volume: 'a volume and one of the commodity\'s units, e.g. "7 Mt/yr"',
  fraction: 'the share of capacity lost, a number above 0 and at most 1 (0.3 = 30%)',
  share: 'the share of the pair\'s flows that stops, a number above 0 and at most 1',
  months: 'how many months of the year it lasts, above 0 and at most 12 (12 = the whole year)',
};

export interface Answer {
  /** The event it is for, or null for every event. */
  event: string | null;
  key: string;
  value: string;
  /** As the user wrote it, for messages. */
  given: string;
}

/** Reads the --assume values; throws a clear error naming the first bad one. */
export function parseAssumptions(values: readonly string[]): Answer[] {
  return values.map((given) => {
    const m = /^(?:([^:=\s]+):)?([a-z_]+)=(.*)$/.exec(given.trim());
    if (!m) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `--assume "${given}": expected key=value or EVENT:key=value (keys: ${Object.keys(ASSUME_KEYS).join(', ')})`);
    const [, event, key, raw] = m;
    const value = raw.trim();
    if (!(key in ASSUME_KEYS)) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `--assume "${given}": unknown key "${key}" (keys: ${Object.keys(ASSUME_KEYS).join(', ')})`);
    const problem = formProblem(key, value);
    if (problem) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `--assume "${given}": ${key} expects ${ASSUME_KEYS[key]}; ${problem}`);
    return { event: event ?? null, key, value, given };
  });
}

function formProblem(key: string, value: string): string | null {
  if (value === '') return 'found nothing after "="';
  const n = Number(value);
  switch (key) {
    case 'year': return /^\d{4}$/.test(value) ? null : `found "${value}"`;
    case 'fraction': case 'share': return Number.isFinite(n) && n > 0 && n <= 1 ? null : `found "${value}"`;
    case 'months': return Number.isFinite(n) && n > 0 && n <= 12 ? null : `found "${value}"`;
    case 'volume': {
      const v = parseVolume(value);
      return v ? null : `found "${value}"`;
    }
    default: return /^[A-Za-z0-9_.:>-]+$/.test(value) ? null : `found "${value}"`;
  }
}

/** "7 Mt/yr" -> {7, 'Mt/yr'}; null when it is not a positive number followed by a unit. */
export function parseVolume(value: string): { value: number; unit: string } | null {
  const m = /^(\d+(?:\.\d+)?(?:e\d+)?)\s*([A-Za-z][A-Za-z0-9/]*)$/.exec(value.trim().replace(/,/g, ''));
  if (!m || !(Number(m[1]) > 0)) return null;
  return { value: Number(m[1]), unit: m[2] };
}

/** The answers that apply to one event: its own override those given for every event. */
export function answersFor(answers: readonly Answer[], event: string): Map<string, Answer> {
  const out = new Map<string, Answer>();
  for (const a of answers) if (a.event === null) out.set(a.key, a);
  for (const a of answers) if (a.event === event) out.set(a.key, a);
  return out;
}

/** Answers scoped to an event that is not among those read: a typo the user should hear about. */
export function checkAnswerEvents(answers: readonly Answer[], events: readonly string[]): void {
  const stray = answers.find((a) => a.event !== null && !events.includes(a.event));
  if (stray) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `--assume "${stray.given}": no event "${stray.event}" here (events: ${events.join(', ') || 'none'})`);
  }
}
