// Figures an event's sentence states: volumes with their unit ("7 million tonnes a year", "1.2 bcm", "300,000
// barrels per day"), shares ("30%", "half") and durations ("for three months", "indefinitely"). Only what the text
// says is read; nothing is filled in. Pure.

export interface StatedVolume {
  value: number;
  /** A unit of src/model/units.ts, per year unless it is per day (Mt, kt, t, tU, bcm, b/d, kb/d, mb/d, TEU, TWh). */
  unit: string;
  /** "by 2 Mt" (an increase) or "to 7 Mt" (a new total). */
  preposition: 'by' | 'to' | null;
  /** The words as written. */
  text: string;
}

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, mln: 1e6, billion: 1e9, bn: 1e9 };
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/** Unit words, longest first; `scaled` maps a scale factor to the unit it makes (million tonnes -> Mt). */
const UNIT_WORDS: { pattern: string; unit: (scale: number) => string | null }[] = [
  { pattern: '(?:metric\\s+)?(?:tonnes|tons|t)\\s+of\\s+uranium|tU\\b', unit: (s) => (s === 1 ? 'tU' : s === 1e3 ? 'ktU' : null) },
  { pattern: 'barrels\\s+(?:a|per)\\s+day|barrels\\s+daily|bpd\\b|b\\/d\\b', unit: (s) => (s === 1 ? 'b/d' : s === 1e3 ? 'kb/d' : s === 1e6 ? 'mb/d' : null) },
  { pattern: 'cubic\\s+met(?:re|er)s|m3\\b', unit: (s) => (s === 1e9 ? 'bcm' : s === 1e6 ? 'mcm' : s === 1 ? 'm3' : null) },
  { pattern: 'bcm\\b', unit: (s) => (s === 1 ? 'bcm' : null) },
  { pattern: '(?:metric\\s+)?(?:tonnes|tons)|Mt\\b|mt\\b|kt\\b', unit: (s) => (s === 1 ? 't' : s === 1e3 ? 'kt' : s === 1e6 ? 'Mt' : null) },
  { pattern: 'TEU\\b|containers', unit: (s) => (s === 1 ? 'TEU' : s === 1e3 ? 'kTEU' : null) },
  { pattern: 'TWh\\b', unit: (s) => (s === 1 ? 'TWh' : null) },
];

const NUMBER = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const VOLUME = new RegExp(`(?:\\b(by|to|of|at)\\s+)?${NUMBER}\\s*(?:(thousand|million|mln|billion|bn)\\s+)?(${UNIT_WORDS.map((u) => `(?:${u.pattern})`).join('|')})`, 'gi');

/** Every volume the text states, in order. */
export function statedVolumes(text: string): StatedVolume[] {
  const found: StatedVolume[] = [];
  for (const m of text.matchAll(VOLUME)) {
    const [, prep, number, scaleWord, unitWords] = m;
    let scale = scaleWord ? SCALES[scaleWord.toLowerCase()] : 1;
    let value = Number(number.replace(/,/g, ''));
    // "Mt" and "kt" carry their scale; "1.2 mt" is million tonnes in trade copy.
    const short = /^(Mt|mt|kt)$/.test(unitWords) ? unitWords.toLowerCase() : '';
    if (short) { scale *= short === 'kt' ? 1e3 : 1e6; }
    const spec = UNIT_WORDS.find((u) => new RegExp(`^(?:${u.pattern})$`, 'i').test(unitWords))!;
    let unit = spec.unit(scale);
    // A scale the unit has no name for ("2 billion tonnes") is written in the unit's largest named form.
    if (unit === null) {
      const named = [1e9, 1e6, 1e3, 1].find((s) => s <= scale && spec.unit(s) !== null);
      if (named === undefined) continue;
      value *= scale / named;
      unit = spec.unit(named)!;
    }
    const p = prep?.toLowerCase();
    found.push({ value, unit, preposition: p === 'by' ? 'by' : p === 'to' ? 'to' : null, text: m[0].replace(/^(?:by|to|of|at)\s+/i, '') });
  }
  return found;
}

/** A share the text states ("30%", "30 per cent", "half", "a third"), as a fraction; null when none or several differ. */
export function statedShare(text: string): number | null {
  const shares = new Set<number>();
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b|percent\b)/gi)) shares.add(Number(m[1]) / 100);
  for (const m of text.matchAll(/\b(half|a third|one third|two thirds|a quarter|one quarter|three quarters)\b/gi)) {
    shares.add({ 'half': 0.5, 'a third': 1 / 3, 'one third': 1 / 3, 'two thirds': 2 / 3, 'a quarter': 0.25, 'one quarter': 0.25, 'three quarters': 0.75 }[m[1].toLowerCase()]!);
  }
  const valid = [...shares].filter((s) => s > 0 && s <= 1);
  return valid.length === 1 ? valid[0] : null;
}

const MONTHS_PER = { day: 12 / 365, week: (7 * 12) / 365, month: 1, year: 12 } as const;

/** How many months of the year an event lasts, as the text states it ("for three months", "for two weeks", "indefinitely"); null when it does not say. */
export function statedMonths(text: string): number | null {
  const m = /\bfor\s+(?:(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?(day|week|month|year)s?\b/i.exec(text);
  if (m) {
    const count = m[1] === undefined ? 1 : /^\d/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
    return Math.min(12, count * MONTHS_PER[m[2].toLowerCase() as keyof typeof MONTHS_PER]);
  }
  if (/\b(indefinitely|until further notice|for the whole year|for the rest of the year|permanently)\b/i.test(text)) return 12;
  return null;
}

/** A volume in the form `--assume volume=...` takes and questions show: "7 Mt/yr". */
export function volumeText(v: { value: number; unit: string }): string {
  return `${Number(v.value.toPrecision(6))} ${v.unit}`;
}
