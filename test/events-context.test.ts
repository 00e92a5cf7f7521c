// Who is a party to an event (src/events): states named as left out ("bypassing Russia"), inside a route's
// name, or as the adjective of a thing ("Kyrgyz rail link"); one event told twice in an article; list items;
// reported clauses after "and said". Expected codes are worked out by hand from docs/methods/events.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestText, type EventOut, type IngestResult } from '../src/events/index.ts';
import { FIXTURES } from './helpers.ts';

function code(text: string, published = '2024-06-07'): IngestResult {
  return ingestText(text, { published });
}

function statesOf(r: IngestResult): string[] {
  return [...new Set(r.actors.map((a) => a.state))].filter((s): s is string => !!s).sort();
}

function only(r: IngestResult, text: string): EventOut {
  assert.equal(r.events.length, 1, `${text}: ${r.events.map((e) => e.type).join(', ')}`);
  return r.events[0];
}

test('a state named as left out is neither a party nor an actor', () => {
  // [text, type, source, targets, the state left out]
  const cases: [string, string, string, string[], string][] = [
    ['Kazakhstan and Azerbaijan agreed to raise oil shipments across the Caspian, bypassing Russia.', 'AGREE', 'KAZ', ['AZE'], 'RUS'],
    ['China signed a rail deal with Kyrgyzstan without Russia.', 'AGREE', 'CHN', ['KGZ'], 'RUS'],
    ['Kazakhstan will ship grain to Iran via Turkmenistan, avoiding Russian territory.', 'SUPPLY', 'KAZ', ['IRN', 'TKM'], 'RUS'],
    ['The EU agreed a critical minerals partnership with Chile excluding China.', 'AGREE', 'EU27', ['CHL'], 'CHN'],
    ['Poland signed a gas deal with Norway to end its reliance on Russian supplies.', 'AGREE', 'POL', ['NOR'], 'RUS'],
    ['Armenia held talks with France rather than Russia on arms purchases.', 'CONSULT', 'ARM', ['FRA'], 'RUS'],
    ['Uzbekistan sold uranium to Japan instead of Russia.', 'SUPPLY', 'UZB', ['JPN'], 'RUS'],
    ['Kazakhstan sold uranium to France, not Russia.', 'SUPPLY', 'KAZ', ['FRA'], 'RUS'],
    ['Turkey signed the accord without the participation of Russia.', 'AGREE', 'TUR', [], 'RUS'],
    // A list after the word: both are left out.
    ['Kazakhstan began shipping oil to Europe through Azerbaijan and Georgia, bypassing Russia and Belarus.', 'SUPPLY', 'KAZ', ['AZE', 'GEO'], 'BLR'],
  ];
  for (const [text, type, source, targets, left] of cases) {
    const r = code(text);
    const e = only(r, text);
    assert.equal(e.type, type, text);
    assert.equal(e.source, source, text);
    assert.deepEqual([...e.targets].sort(), [...targets].sort(), text);
    assert.ok(!statesOf(r).includes(left), `${text}: ${left} listed as an actor`);
  }
  // "bypassing Russia and Belarus": Russia too.
  assert.ok(!statesOf(code(cases.at(-1)![0])).includes('RUS'));
});

test('a state named only inside the name of a route or line is no party', () => {
  const train = code('Kazakhstan sent its first container train to Iran on the Kazakhstan-Turkmenistan-Iran railway on Saturday.', '2024-02-06');
  const e = only(train, 'train');
  assert.equal(e.source, 'KAZ');
  assert.deepEqual(e.targets, ['IRN']); // Iran as the destination; Turkmenistan only in the railway's name
  assert.deepEqual(statesOf(train), ['IRN', 'KAZ']);
  const hub = code('Poland closed the Malaszewicze crossing, a hub for China-Europe rail freight.');
  const closed = only(hub, 'hub');
  assert.equal(closed.type, 'DISRUPTION');
  assert.equal(closed.source, 'POL');
  assert.deepEqual(closed.targets, []);
  const pipeline = code('Kazakhstan raised flows on the Kazakhstan-China oil pipeline.');
  assert.deepEqual(only(pipeline, 'pipeline').targets, []);
  // A hyphenated pair that names no line keeps its states: "the Azerbaijan-Georgia summit".
  const summit = code('The Azerbaijan-Georgia summit was held in Tbilisi on Tuesday.');
  assert.deepEqual(statesOf(summit), ['AZE', 'GEO']);
});

test('a demonym that qualifies a thing is not the acting state unless the thing is its own deed', () => {
  // The headline of the trial article: Uzbekistan acts; "Kyrgyz" only qualifies the rail link, so Kyrgyzstan is mentioned.
  const built = code('Uzbekistan and China agree to build Kyrgyz rail link');
  const headline = only(built, 'headline');
  assert.equal(headline.type, 'AGREE');
  assert.equal(headline.source, 'UZB');
  assert.deepEqual(headline.targets, ['CHN']);
  assert.deepEqual(statesOf(built), ['CHN', 'UZB']);
  assert.deepEqual(built.mentions.map((m) => m.state), ['KGZ']);
  // Before the trigger, the adjective of a thing is skipped for a state named as such.
  const goods = code('Chinese goods were the focus as Kazakhstan and Uzbekistan signed a trade deal.');
  assert.equal(only(goods, 'goods').source, 'KAZ');
  const under = code('Under the Chinese plan, Kyrgyzstan will build the railway.');
  assert.equal(only(under, 'plan').source, 'KGZ');
  // "criticism from Ukraine": the agent after the noun acts; the Russian shipments are criticised.
  const criticism = only(code('Russian oil shipments drew sharp criticism from Ukraine on Monday.'), 'criticism');
  assert.equal(criticism.type, 'DISAPPROVE');
  assert.equal(criticism.source, 'UKR');
  assert.deepEqual(criticism.targets, ['RUS']);
  // Exports and investment are the deed of the state the adjective names.
  const exports = only(code('Kazakh oil exports to China rose in May.'), 'exports');
  assert.equal(exports.type, 'SUPPLY');
  assert.equal(exports.source, 'KAZ');
  assert.deepEqual(exports.targets, ['CHN']);
  const investment = only(code('Chinese investment in Kazakh copper mines doubled.'), 'investment');
  assert.equal(investment.type, 'INVEST');
  assert.equal(investment.source, 'CHN');
  assert.deepEqual(investment.targets, ['KAZ']);
  // An actor first named by a bare demonym is listed under the state's name once the text gives it.
  const r = code('Uzbekistan and China agree to build Kyrgyz rail link\nTASHKENT, June 6 (Reuters) - China, Kyrgyzstan and Uzbekistan on Thursday signed an intergovernmental agreement to build a railway.');
  assert.equal(r.actors.find((a) => a.state === 'KGZ')?.name, 'Kyrgyzstan');
});

test('the headline and the lead tell one event: merged, with the lead\'s sentence and the higher confidence plus 0.05', () => {
  const text = 'Uzbekistan and China agree to build Kyrgyz rail link\n' +
    'TASHKENT, June 6 (Reuters) - China, Kyrgyzstan and Uzbekistan on Thursday signed an intergovernmental agreement to build a railway linking the three countries.';
  const r = code(text);
  const e = only(r, 'merged');
  assert.equal(e.type, 'AGREE');
  assert.deepEqual([e.source, ...e.targets].sort(), ['CHN', 'KGZ', 'UZB']);
  assert.equal(e.date, '2024-06-06'); // "on Thursday": the last Thursday before Friday 7 June
  assert.equal(e.dateBasis, 'text');
  assert.ok(e.sentence.text.startsWith('TASHKENT, June 6'));
  assert.equal(e.trigger, 'signed an intergovernmental agreement');
  // Lead: 0.35 + 0.03 x 8 (sign … agreement) + 0.15 (source named) + 0.08 (targets) + 0.08 (date in the sentence) = 0.90;
  // headline: 0.35 + 0.03 x 7 (agree) + 0.15 + 0.08 + 0.04 (story date) - 0.05 (headline) = 0.78; merged: 0.90 + 0.05 = 0.95.
  assert.equal(e.confidence, 0.95);

  // An asymmetric event: the same source and targets, the headline undated.
  const halt = code('Russia halts gas transit to Hungary\n\nRussia halted gas transit to Hungary via TurkStream on Monday, the operator said.', '2025-01-15');
  const h = only(halt, 'halt');
  assert.equal(h.type, 'DISRUPTION');
  assert.equal(h.date, '2025-01-13'); // the Monday before Wednesday 15 January 2025
  assert.equal(h.trigger, 'halted');

  // Two agreements on different days, or events of different types, stay apart.
  assert.equal(code('Kazakhstan and France signed a roadmap on Monday. Kazakhstan and France signed a uranium deal on Friday.').events.length, 2);
  assert.equal(code('Kazakhstan halts oil exports to Germany\n\nKazakhstan resumed oil exports to Germany on Friday.').events.length, 2);
});

test('"and said" opens a reported clause with its own event and date', () => {
  const r = code("Poland's prime minister accused Belarus of weaponising migration and said Warsaw would close the border crossing from Friday.", '2024-06-06');
  assert.equal(r.events.length, 2);
  const [accuse, close] = r.events;
  assert.equal(accuse.type, 'ACCUSE');
  assert.deepEqual([accuse.source, accuse.targets], ['POL', ['BLR']]);
  assert.equal(accuse.date, '2024-06-06'); // no date of its own: "from Friday" belongs to the closure
  assert.equal(close.type, 'DISRUPTION');
  assert.equal(close.source, 'POL'); // Warsaw, the subject of the reported clause
  assert.equal(close.hedged, true);
  assert.equal(close.date, '2024-06-07'); // the Friday after Thursday 6 June
  // "close" as an adjective is no event.
  assert.equal(code('The village lies close to the border with Georgia.').events.length, 0);
});

test('each item of a bulleted digest is a story of its own', () => {
  const text = 'Caspian energy briefs\n' +
    '• Turkmenistan: Ashgabat signed a gas swap agreement with Iran and Azerbaijan on Monday.\n' +
    '• Russia: Transneft cut oil flows through the Druzhba pipeline to Hungary on Tuesday after a drone strike.\n' +
    '• EU: Brussels imposed sanctions on three Russian LNG tankers.';
  const r = code(text, '2024-08-15'); // a Thursday
  assert.equal(r.article.sentences, 4);
  assert.deepEqual(r.events.map((e) => [e.type, e.source, [...e.targets].sort(), e.date]), [
    ['AGREE', 'TKM', ['AZE', 'IRN'], '2024-08-12'], // Monday
    ['DISRUPTION', 'RUS', ['HUN'], '2024-08-13'], // Tuesday
    ['SANCTION', 'EU27', ['RUS'], '2024-08-15'], // no date of its own: publication, not the first item's date
  ]);
  // Numbered items too.
  const numbered = code('Briefs\n1. Georgia and Armenia signed a transit deal.\n2. Iran halted gas exports to Turkey.', '2024-08-15');
  assert.deepEqual(numbered.events.map((e) => e.type), ['AGREE', 'DISRUPTION']);
});

test('the article of the trial: every candidate hand-checked', () => {
  const text = readFileSync(join(FIXTURES, 'news', 'central-asia-rail.txt'), 'utf8');
  const r = code(text, '2024-06-07'); // published Friday 7 June 2024; dateline Thursday 6 June
  assert.deepEqual(r.events.map((e) => [e.type, e.source, [...e.targets].sort(), e.date]), [
    ['AGREE', 'CHN', ['KGZ', 'UZB'], '2024-06-06'], // headline and lead, one event
    ['STATEMENT', 'RUS', [], '2024-06-06'], // "did not oppose": a denied disapproval; the story's date
    ['DISRUPTION', 'TKM', ['CHN'], '2024-05-31'], // "last week" = 7 June - 7 days; "for two days" is a duration (not 9 June)
    ['ACCUSE', 'POL', ['BLR'], '2024-06-06'], // the story's date, not Friday
    ['DISRUPTION', 'POL', [], '2024-06-07'], // "would close … from Friday"; China only in "China-Europe rail freight"
  ]);
  assert.ok(r.events.every((e) => !e.targets.includes('RUS')), 'bypassing Russia');
  assert.ok(r.events.every((e) => e.date! <= '2024-06-07' || e.hedged), 'no reported event in the future');
  assert.deepEqual(statesOf(r), ['BLR', 'CHN', 'KGZ', 'POL', 'RUS', 'TKM', 'UZB']);
});

test('a speech act is the event, with the speaker as source and the speaker\'s tone, whatever it says', () => {
  // Published Tuesday 5 March 2024: "on Monday" is 4 March. "threat" and "cooperation" are what is said, not the act.
  const r = code('Azerbaijan criticised the new Georgian transit fees on Monday as a threat to cooperation.', '2024-03-05');
  const e = only(r, 'criticised');
  assert.equal(e.type, 'DISAPPROVE');
  assert.equal(e.source, 'AZE');
  assert.deepEqual(e.targets, ['GEO']); // the demonym of the very thing criticised
  assert.equal(e.date, '2024-03-04');
  assert.ok(e.tone < 0);
  // Praise is a speech act too: "sanctions" inside it is its topic.
  const p = only(code('Kazakhstan praised France for opposing new sanctions on Central Asian exporters.'), 'praised');
  assert.equal(p.type, 'COOPERATE');
  assert.equal(p.source, 'KAZ');
  assert.deepEqual(p.targets, ['FRA']);
  assert.ok(p.tone > 0);
});

test('states that only qualify a thing are mentions, not actors', () => {
  const r = code('Kazakhstan signed a rail agreement with Georgia on Monday to carry Chinese containers past Russian ports.');
  const e = only(r, 'signed');
  assert.equal(e.type, 'AGREE');
  assert.deepEqual([e.source, ...e.targets].sort(), ['GEO', 'KAZ']);
  assert.deepEqual(statesOf(r), ['GEO', 'KAZ']);
  assert.deepEqual(r.mentions.map((m) => m.state).sort(), ['CHN', 'RUS']);
});

test('official style: the body named in full before its state acts, and "call on" is an appeal to the state named', () => {
  // Published Friday 7 June 2024; the statements carry no date of their own: the publication date.
  const condemn = only(code('The Ministry of Foreign Affairs of Ukraine strongly condemns the seizure of the tanker by Iran.'), 'condemns');
  assert.deepEqual([condemn.type, condemn.source, condemn.targets, condemn.date], ['DISAPPROVE', 'UKR', ['IRN'], '2024-06-07']);
  const approved = code('On 3 June the Government of the Republic of Uzbekistan approved the agreement with Japan.');
  assert.equal(approved.actors.find((a) => a.state === 'UZB')?.role, 'the Government');
  const appeal = only(code('Japan called on Iran to release the tanker.'), 'called on');
  assert.deepEqual([appeal.type, appeal.source, appeal.targets, appeal.tone], ['STATEMENT', 'JPN', ['IRN'], 0]);
  // "on" before a day is a date, not an appeal: the talks are the event.
  const talks = only(code('Russia called on Monday for new talks with Ukraine.'), 'talks');
  assert.equal(talks.type, 'CONSULT');
});

test('a speech act yields a second, reported event only when its content states a concrete act with its agent', () => {
  // Published Friday 7 June 2024: "on Friday" is that day.
  const r = code('Moscow denounced the sanctions imposed by the European Union on Friday.');
  assert.deepEqual(r.events.map((e) => [e.type, e.source, e.targets, e.date, Math.sign(e.tone)]), [
    ['DISAPPROVE', 'RUS', ['EU27'], '2024-06-07', -1],
    // A measure the speaker complains of, aimed at no one named, is aimed at the speaker (2.1.0).
    ['SANCTION', 'EU27', ['RUS'], '2024-06-07', -1],
  ]);
  // A gerund after "of" is the charge, not an act the text states: one event.
  assert.deepEqual(code('Armenia accused Azerbaijan of blocking the road.').events.map((e) => e.type), ['ACCUSE']);
  // A noun alone ("the new tariffs") is the topic: one event.
  assert.deepEqual(code('China condemned the new tariffs on Monday.').events.map((e) => e.type), ['DISAPPROVE']);
});
