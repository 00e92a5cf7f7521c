// Several events in one sentence (coordinated verb phrases, relative clauses, appositives) and recollections of earlier
// events in a summary (src/events, method 2.1.0). Every expectation is worked out by hand from the labelling guide in
// bench/events/eval/README.md and bench/events/holdout-3/README.md. Published Friday 7 June 2024 unless said otherwise:
// "Monday" is 3 June, "Tuesday" 4 June, "Thursday" 6 June.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestText, type IngestResult } from '../src/events/index.ts';
import { EVENTS_METHOD } from '../src/events/method.ts';

function code(text: string, published = '2024-06-07'): IngestResult {
  return ingestText(text, { published });
}

/** [type, source, targets, date, tone sign] of each event, in the order told. */
function rows(r: IngestResult): [string, string | null, string[], string | null, number][] {
  return r.events.map((e) => [e.type, e.source, e.targets, e.date, Math.sign(e.tone)]);
}

test('the method is version 2.1.0', () => {
  assert.equal(EVENTS_METHOD.version, '2.1.0');
});

test('coordinated verb phrases: each verb of an act is an event, sharing the subject and the date', () => {
  assert.deepEqual(rows(code('Azerbaijan signed a gas deal with Hungary on Tuesday and suspended oil deliveries to Serbia.')), [
    ['AGREE', 'AZE', ['HUN'], '2024-06-04', 1],
    ['DISRUPTION', 'AZE', ['SRB'], '2024-06-04', -1],
  ]);
  // A list of verb phrases: the agreement has no party of its own named and takes the meeting's.
  const list = rows(code("Uzbekistan's president met his Kazakh counterpart in Astana on Monday, signed a water-sharing agreement and pledged closer cooperation."));
  assert.deepEqual(list.slice(0, 2), [
    ['CONSULT', 'UZB', ['KAZ'], '2024-06-03', 1],
    ['AGREE', 'UZB', ['KAZ'], '2024-06-03', 1],
  ]);
  // Coordinated clauses with two subjects: "…, and Georgia summoned …".
  assert.deepEqual(rows(code('Russia cut gas flows to Georgia on Monday, and Georgia summoned the Russian ambassador in protest.')), [
    ['DISRUPTION', 'RUS', ['GEO'], '2024-06-03', -1],
    ['PROTEST', 'GEO', ['RUS'], '2024-06-03', -1],
  ]);
});

test('a relative clause that states an act is an event of its own', () => {
  // On an event: ", which halted …" is what the blockade did. No state blocks: the state where it happens is the source of both.
  assert.deepEqual(rows(code('Protesters blocked the Kumkol pipeline in Kazakhstan on Monday, which halted crude deliveries to China.')), [
    ['DISRUPTION', 'KAZ', [], '2024-06-03', -1],
    ['DISRUPTION', 'KAZ', ['CHN'], '2024-06-03', -1],
  ]);
  // On an actor: Gazprom (Russia's state company) is the subject of the relative clause and of the clause it interrupts.
  assert.deepEqual(rows(code('Gazprom, which halted gas deliveries to Moldova in May, resumed deliveries to Moldova on Thursday.')), [
    ['DISRUPTION', 'RUS', ['MDA'], '2024-05', -1],
    ['SUPPLY', 'RUS', ['MDA'], '2024-06-06', 1],
  ]);
  // "that" after a noun: the strike is stated as fact; its perpetrator is not, so the state where it happens is the source.
  assert.deepEqual(rows(code('Ukraine blamed Russia on Tuesday for a missile strike that damaged a gas storage site in western Ukraine.')), [
    ['ACCUSE', 'UKR', ['RUS'], '2024-06-04', -1],
    ['DISRUPTION', 'UKR', [], '2024-06-04', -1],
  ]);
  // A deal told by a participle: "under a contract signed on Tuesday" is the parties' agreement, dated as written.
  assert.deepEqual(rows(code('Kazakhstan will deliver uranium to France next year under a contract signed on Tuesday.')), [
    ['SUPPLY', 'KAZ', ['FRA'], '2025', 1],
    ['AGREE', 'KAZ', ['FRA'], '2024-06-04', 1],
  ]);
});

test('a relative clause that only says what a thing is for is no event', () => {
  assert.deepEqual(rows(code('Kazakhstan and China signed an agreement on Monday on a new gas pipeline, which will carry gas to Xinjiang.')), [
    ['AGREE', 'KAZ', ['CHN'], '2024-06-03', 1],
  ]);
  // "said … that": a conjunction, not a relative pronoun — one reported event, not a statement beside it.
  assert.deepEqual(rows(code("Mongolia's foreign ministry said on Thursday that China had resumed coal imports from Mongolia.")).map((e) => e[0]), ['SUPPLY']);
});

test('an appositive reaction is an event aimed at the source of the event before it', () => {
  assert.deepEqual(rows(code('Georgia accused Russia of blocking trucks at the border on Monday, a charge Moscow rejected.')), [
    ['ACCUSE', 'GEO', ['RUS'], '2024-06-03', -1],
    ['DISAPPROVE', 'RUS', ['GEO'], '2024-06-03', -1],
  ]);
  // A speech act and an appeal joined by "and" are two events of the same speaker.
  assert.deepEqual(rows(code('Armenia condemns the closure of the border and calls on Azerbaijan to reopen it.', '2024-06-07')), [
    ['DISAPPROVE', 'ARM', [], '2024-06-07', -1],
    ['STATEMENT', 'ARM', ['AZE'], '2024-06-07', 0],
  ]);
});

test('a recollection in a summary merges with the first telling and keeps its date', () => {
  // "The agreement, signed with France in June" recalls Tuesday's agreement: one event, dated 4 June, not June.
  const deal = code('Kazakhstan signed a uranium supply agreement with France on Tuesday.\n\nThe agreement, signed with France in June, runs for ten years.');
  assert.deepEqual(rows(deal), [['AGREE', 'KAZ', ['FRA'], '2024-06-04', 1]]);
  // A past perfect in the summary ("had halted") recalls the halt told in the lead: one event, dated 3 June, not "this month".
  const halt = code('Turkmenistan halted gas exports to Uzbekistan on 3 June, citing repairs.\n\nUzbekistan turned to Russian gas. Earlier this month, Turkmenistan had halted gas exports to Uzbekistan, and the repairs may take weeks.');
  assert.deepEqual(rows(halt), [['DISRUPTION', 'TKM', ['UZB'], '2024-06-03', -1]]);
  // With the merge, the event is told once in a longer article: its confidence is the higher one plus 0.05.
  assert.ok(halt.events[0].confidence > code('Turkmenistan halted gas exports to Uzbekistan on 3 June, citing repairs.').events[0].confidence);
});

test('a recollection with no earlier telling is an event of its own, with the date it recalls', () => {
  // "Earlier this year" (published 7 June 2024): 2024, not the publication day.
  assert.deepEqual(rows(code('Russia resumed gas deliveries to Moldova on Wednesday. Earlier this year, Russia had halted deliveries to Moldova over a debt dispute.')), [
    ['SUPPLY', 'RUS', ['MDA'], '2024-06-05', 1],
    ['DISRUPTION', 'RUS', ['MDA'], '2024', -1],
  ]);
  // "Last June" (published Wednesday 10 April 2024): June 2023.
  assert.deepEqual(rows(code('Last June, Kazakhstan had suspended oil exports to Germany.', '2024-04-10')), [
    ['DISRUPTION', 'KAZ', ['DEU'], '2023-06', -1],
  ]);
});

test('text wrapped at a fixed width: a first line that runs on is the lead, not a headline', () => {
  // The event's target and date are on the second line of the one sentence.
  const r = code('YEREVAN, June 7 (Ararat Wire) - Armenia halted power exports to Georgia on Tuesday,\nciting a drought.');
  assert.deepEqual(rows(r), [['DISRUPTION', 'ARM', ['GEO'], '2024-06-04', -1]]);
  assert.equal(r.article.sentences, 1);
});
