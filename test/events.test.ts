// The news event coder (src/events): actors, event types, dates, links, offsets, on passages whose
// expected codes are worked out by hand from the method (docs/methods/events.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildLinks, ingestText, EVENTS_METHOD, type IngestResult } from '../src/events/index.ts';
import { states } from '../src/events/lexicon/countries.ts';
import { readPassages, scorePassage, sumCounts, toScores } from '../bench/events/score.ts';
import { FIXTURES } from './helpers.ts';

const links = buildLinks({
  commodities: [{ id: 'crude_oil', name: 'Crude oil' }, { id: 'uranium', name: 'Uranium' }, { id: 'rare_earths', name: 'Rare earth elements' }],
  routes: [{ id: 'cpc', name: 'CPC pipeline' }, { id: 'titr_rail', name: 'Middle Corridor rail (TITR)' }, { id: 'aktau_btc', name: 'Aktau-Baku-BTC' }],
  nodes: [{ id: 'baku', name: 'Baku Sangachal', country: 'AZE' }, { id: 'novorossiysk', name: 'Novorossiysk', country: 'RUS' }],
  countries: [{ id: 'KAZ', name: 'Kazakhstan' }],
  blocs: [{ id: 'EU27', name: 'European Union (27)' }],
});

function code(text: string, published: string | null = '2024-03-05'): IngestResult {
  return ingestText(text, { published, links });
}

function states_(r: IngestResult): string[] {
  return [...new Set(r.actors.map((a) => a.state))].filter((s): s is string => !!s).sort();
}

test('an office holder resolves to the state, keeping the person and the role', () => {
  const r = code("Azerbaijan's Energy Minister Parviz Shahbazov met his Kazakh counterpart in Baku on Tuesday.");
  const minister = r.actors.find((a) => a.person === 'Parviz Shahbazov');
  assert.ok(minister);
  assert.equal(minister.state, 'AZE');
  assert.equal(minister.role, 'Energy Minister');
  assert.equal(minister.name, 'Parviz Shahbazov');
  assert.deepEqual(states_(r), ['AZE', 'KAZ']); // "Kazakh" -> KAZ; Baku only locates the meeting
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0].type, 'CONSULT');
  assert.equal(r.events[0].source, 'AZE');
  assert.deepEqual(r.events[0].targets, ['KAZ']);
  // Published Tuesday 5 March 2024: "on Tuesday" is that day.
  assert.equal(r.events[0].date, '2024-03-05');
});

test('titles, capitals and seats of government stand for their state; news agencies are attribution only', () => {
  const r = code('The German chancellor met the French president in Berlin. Moscow and the Kremlin were silent, Reuters reported. ' +
    'Brussels and the European Commission welcomed the talks, according to Interfax. TASS said nothing.');
  // Moscow and the Kremlin stand for Russia, which is party to no event: a mention, not an actor.
  assert.deepEqual(states_(r), ['DEU', 'EU27', 'FRA']);
  assert.deepEqual([...new Set(r.mentions.map((a) => a.state))], ['RUS']);
  assert.ok(r.actors.some((a) => a.state === 'DEU' && a.role === 'chancellor'));
  assert.ok(r.actors.some((a) => a.state === 'FRA' && a.role === 'president'));
  assert.equal(r.actors.filter((a) => /Reuters|Interfax|TASS/.test(a.name)).length, 0);
  assert.deepEqual(r.attributions.map((a) => a.name), ['Reuters', 'Interfax', 'TASS']);
});

test('the country lexicon covers every ISO state with names, capitals and demonyms', () => {
  const all = states();
  assert.ok(all.size >= 245, `only ${all.size} states`);
  for (const [text, state] of [['Kazakh', 'KAZ'], ['Uzbek', 'UZB'], ['Beijing', 'CHN'], ['Washington', 'USA'], ['Tbilisi', 'GEO'],
    ['Ankara', 'TUR'], ['Türkiye', 'TUR'], ['Nigerien', 'NER'], ['Ulaanbaatar', 'MNG'], ['Canberra', 'AUS'], ['Brazilian', 'BRA'], ['Emirati', 'ARE']] as const) {
    const r = code(`${text} officials said on Monday that talks would continue.`);
    assert.deepEqual(states_(r), [state], text);
  }
});

test('event types and tones follow the scale: sanction, threat, criticism, agreement, disruption, investment', () => {
  const cases: [string, string, string | null, string[], number][] = [
    // text, type, source, targets, sign of the tone
    ['The EU imposed new sanctions on Russia on Monday.', 'SANCTION', 'EU27', ['RUS'], -1],
    ['Russia threatened to cut gas deliveries to Moldova.', 'THREATEN', 'RUS', ['MDA'], -1],
    ['China criticised Japan over its new export controls.', 'DISAPPROVE', 'CHN', ['JPN'], -1],
    ['Ukraine accused Russia of attacking power plants.', 'ACCUSE', 'UKR', ['RUS'], -1],
    ['Georgia summoned the Russian ambassador to protest.', 'PROTEST', 'GEO', ['RUS'], -1],
    ['Kazakhstan and France signed an agreement on uranium.', 'AGREE', 'KAZ', ['FRA'], 1],
    // "an Uzbek power plant": the demonym qualifies a thing, so Uzbekistan is only mentioned, not a party.
    ['Japan will invest $300 million in an Uzbek power plant.', 'INVEST', 'JPN', [], 1],
    ['Kazakhstan resumed oil deliveries to Germany.', 'SUPPLY', 'KAZ', ['DEU'], 1],
    ['Turkey and Azerbaijan pledged to deepen cooperation.', 'COOPERATE', 'TUR', ['AZE'], 1],
  ];
  for (const [text, type, source, targets, sign] of cases) {
    const [e] = code(text).events;
    assert.ok(e, text);
    assert.equal(e.type, type, text);
    assert.equal(e.source, source, text);
    assert.deepEqual(e.targets, targets, text);
    assert.equal(Math.sign(e.tone), sign, text);
  }
});

test('passive voice: the agent after "by" acts', () => {
  const [e] = code('New sanctions were imposed on Iranian tankers by the United States on Tuesday.').events;
  assert.equal(e.type, 'SANCTION');
  assert.equal(e.source, 'USA');
  assert.deepEqual(e.targets, ['IRN']);
});

test('negation: a denied event is a statement, a refusal is disapproval', () => {
  const [denied] = code('Armenia has not signed the transit agreement with Azerbaijan.').events;
  assert.equal(denied.type, 'STATEMENT');
  assert.ok(denied.negated);
  assert.ok(denied.tone < 0); // a cooperative event that did not happen: -1
  const [refused] = code('Kazakhstan refused to sign the agreement with Russia.').events;
  assert.equal(refused.type, 'DISAPPROVE');
  const [deny] = code('Russia denied on Tuesday that it had blocked Kazakh grain transit.').events;
  assert.equal(deny.type, 'STATEMENT');
  assert.equal(deny.tone, 0);
});

test('relative dates resolve against the publication date (worked out on a calendar)', () => {
  // Published Tuesday 5 March 2024.
  const on = (text: string) => code(`Kazakhstan and Uzbekistan signed an agreement ${text}.`).events[0]?.date;
  assert.equal(on('on November 1'), '2023-11-01'); // the last 1 November before publication
  assert.equal(on('last week'), '2024-02-27'); // 5 March minus 7 days
  assert.equal(on('on Tuesday'), '2024-03-05'); // the day of publication is a Tuesday
  assert.equal(on('on Friday'), '2024-03-01'); // the last Friday before publication
  assert.equal(on('yesterday'), '2024-03-04');
  assert.equal(on('on 7 November 2022'), '2022-11-07');
  assert.equal(on('in March 2023'), '2023-03');
  assert.equal(on('in 2021'), '2021');
  assert.equal(on(''), '2024-03-05'); // no date in the text: the publication date
  // Without a publication date, a relative date is left unresolved and said so.
  const r = code('Kazakhstan and Uzbekistan signed an agreement last week.', null);
  assert.equal(r.events[0].date, null);
  assert.ok(r.warnings.some((w) => w.includes('relative date')));
});

test('commodities, routes and places link to the dataset ids, unmatched ones keep their name', () => {
  const [e] = code('Kazakhstan shipped crude oil, uranium and critical minerals via the CPC and the Middle Corridor to Baku and Novorossiysk.').events;
  assert.deepEqual(e.commodities.map((c) => c.id), ['crude_oil', 'uranium', null]);
  assert.equal(e.commodities[2].name, 'critical minerals');
  assert.deepEqual(e.routes.map((r) => r.id).sort(), ['cpc', 'titr_rail']);
  assert.deepEqual(e.places.map((p) => p.id).sort(), ['baku', 'novorossiysk']);
  const [rare] = code('China restricted exports of rare earths.').events;
  assert.deepEqual(rare.commodities, [{ name: 'Rare earth elements', id: 'rare_earths' }]);
});

test('several actors: the first named acts, the others are targets', () => {
  const [e] = code('Leaders of Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan met in Dushanbe on September 14.').events;
  assert.equal(e.type, 'CONSULT');
  assert.equal(e.source, 'KAZ');
  assert.deepEqual(e.targets, ['KGZ', 'TJK', 'UZB']);
  assert.equal(e.date, '2023-09-14');
});

test('a headline repeated in the lead is one event, dated by the lead', () => {
  const r = code('Kazakhstan halts oil exports to Germany\n\nKazakhstan suspended oil deliveries to Germany on Friday, the ministry said.', '2024-09-02');
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0].type, 'DISRUPTION');
  assert.equal(r.events[0].date, '2024-08-30'); // the Friday before Monday 2 September 2024
  assert.equal(r.article.title, 'Kazakhstan halts oil exports to Germany');
});

test('sentence offsets point into the input, and the output names the method and its version', () => {
  const text = '  Intro line without events\n\nThe EU imposed sanctions on Russia.   Kazakhstan and France signed a deal.';
  const r = code(text);
  assert.equal(r.method.version, EVENTS_METHOD.version);
  assert.equal(r.events.length, 2);
  assert.equal(text.slice(r.events[0].sentence.start, r.events[0].sentence.end), 'The EU imposed sanctions on Russia.');
  assert.equal(text.slice(r.events[1].sentence.start, r.events[1].sentence.end), 'Kazakhstan and France signed a deal.');
  for (const a of r.actors) assert.ok(a.start >= 0 && a.end <= text.length && a.start < a.end);
  for (const e of r.events) assert.ok(e.confidence > 0 && e.confidence <= 1);
});

test('the development passages are coded at least as well as when the method was fixed (regression guard)', () => {
  const passages = readPassages(join(FIXTURES, 'news', 'dev.yaml'));
  // An empty set scores a perfect F1 (nothing predicted, nothing missed): the guard must have passages and gold to score.
  assert.ok(passages.length >= 50, `expected the development set's passages, found ${passages.length}`);
  const counts = sumCounts(passages.map((p) => {
    const r = ingestText(p.text, { published: p.published });
    return scorePassage(p, { actors: r.actors.map((a) => a.state).filter((s): s is string => !!s), events: r.events });
  }));
  const floors = { actors: 0.9, type: 0.85, date: 0.9 } as const;
  for (const [field, floor] of Object.entries(floors) as [keyof typeof floors, number][]) {
    const s = toScores(counts[field]);
    assert.ok(s.tp + s.fn > 0, `${field}: no gold labels were scored`);
    assert.ok(s.tp > 0, `${field}: nothing coded matched the gold labels`);
    assert.ok(s.f1 >= floor, `${field} F1 ${s.f1.toFixed(3)} is below ${floor}`);
  }
});
