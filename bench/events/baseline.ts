// A keyword baseline to compare the coder with: country names found anywhere, the first keyword of each
// sentence as the event type, the first country of the sentence as the source, the publication date as the date.
import { createRequire } from 'node:module';
import { EVENT_SCALE, type EventType } from '../../src/events/method.ts';
import type { Predicted } from './score.ts';

const KEYWORDS: [RegExp, EventType][] = [
  [/\bsanction|tariff|embargo|\bban(?:s|ned)?\b/i, 'SANCTION'], [/\bthreat/i, 'THREATEN'], [/\baccus/i, 'ACCUSE'], [/\bprotest|summon/i, 'PROTEST'],
  [/\bcriticis|\bcriticiz|\bcondemn|\breject/i, 'DISAPPROVE'], [/\bhalt|\bsuspend|\bdamag|\bdisrupt|\bshut|\bstopp?ed/i, 'DISRUPTION'],
  [/\bsign|\bagree|\bdeal\b/i, 'AGREE'], [/\binvest|\bstake\b|\bloan|\blend/i, 'INVEST'], [/\bcooperat|\bpartner/i, 'COOPERATE'],
  [/\bmet\b|\bmeet|\bvisit|\btalks\b|\bdiscuss/i, 'CONSULT'], [/\bexport|\bship|\bdeliver|\bsuppl|\btransit/i, 'SUPPLY'], [/\bsaid\b|\bsays\b/i, 'STATEMENT'],
];

let names: [RegExp, string][] | undefined;
function countryNames(): [RegExp, string][] {
  if (names) return names;
  const require = createRequire(import.meta.url);
  const list = require('world-countries/countries.json') as { cca3: string; name: { common: string } }[];
  names = list.map((c) => [new RegExp(`\\b${c.name.common.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`), c.cca3]);
  names.push([/\bEU\b|European Union/, 'EU27']);
  return names;
}

export function baseline(text: string, published: string): Predicted {
  const sentences = text.split(/(?<=[.!?])\s+|\n\s*\n/);
  const actors = new Set<string>();
  const events: Predicted['events'] = [];
  for (const s of sentences) {
    const found = countryNames().map(([re, id]) => [s.search(re), id] as const).filter(([i]) => i >= 0).sort((a, b) => a[0] - b[0]).map(([, id]) => id);
    for (const f of found) actors.add(f);
    const kw = KEYWORDS.find(([re]) => re.test(s));
    if (!kw || found.length === 0) continue;
    events.push({ type: kw[1], source: found[0], targets: [...new Set(found.slice(1))], date: published, tone: EVENT_SCALE[kw[1]].tone });
  }
  return { actors: [...actors], events };
}
