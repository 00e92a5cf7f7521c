// Finds who is named in a sentence: states (by name, demonym, capital, metonym), office holders with their
// role, state bodies, organisations, and news agencies (attribution only).
import { Gazetteer, type Match } from './gazetteer.ts';
import type { Token } from './tokens.ts';
import { countryEntries, type CountryForm } from './lexicon/countries.ts';
import { AGENCIES, ORGANISATIONS, PEOPLE, ROLE_HEADS, ROLE_MODIFIERS, STATE_BODIES } from './lexicon/actors.ts';

export type MentionKind = 'state' | 'person' | 'body' | 'organisation' | 'agency';

interface Lex {
  kind: MentionKind;
  state: string | null;
  role: string;
  form?: CountryForm;
  /** For people: the full name. */
  person?: string;
  /** For agencies: counts only next to a reporting word. */
  ambiguous?: boolean;
}

export interface Mention {
  kind: MentionKind;
  /** Name as the text gives it: the person's name, or the phrase that names the actor. */
  name: string;
  state: string | null;
  role: string | null;
  person: string | null;
  form: CountryForm | null;
  /** Token range [first, last) and character range [start, end). */
  first: number;
  last: number;
  start: number;
  end: number;
  /** A capital or city used as a location ("in Baku"), not as an actor. */
  place: boolean;
  /**
   * Named as what is left out, not as a party: "bypassing Russia", "without Russia", "avoiding Russian
   * territory", "excluding China", "away from Russian gas". Neither source nor target.
   */
  excluded: boolean;
  /** Part of the name of a route or line: "the China-Kyrgyzstan-Uzbekistan railway", "China-Europe rail freight". */
  routeName: boolean;
  /** A demonym used as the adjective of a thing, with no role: "Kazakh oil", "Kyrgyz rail link", "Chinese goods". */
  modifier: boolean;
}

/** Words before a state that name it as left out ("bypassing Russia"); two-word forms are written with a space. */
const EXCLUDING = new Set(['bypassing', 'bypass', 'bypasses', 'bypassed', 'circumventing', 'circumvent', 'circumvents', 'circumvented',
  'avoiding', 'avoid', 'avoids', 'avoided', 'skirting', 'excluding', 'exclude', 'excludes', 'excluded', 'except', 'without', 'sans',
  'other than', 'instead of', 'rather than', 'apart from', 'away from', 'independent of', 'independently of', 'alternative to',
  'alternatives to', 'dependence on', 'dependency on', 'reliance on', 'free of', 'free from', 'not including', 'except for', 'but not', 'not']);
/** Last words of the two-word forms ("instead of", "away from"), so that only they build a two-word key. */
const EXCLUDING_SECOND = new Set([...EXCLUDING].filter((w) => w.includes(' ')).map((w) => w.split(' ')[1]));
/** Words that may stand between such a word and the state: "without the participation of Russia". */
const EXCLUDING_FILLERS = new Set(['the', 'a', 'an', 'any', 'participation', 'involvement', 'consent', 'approval', 'help', 'of']);
/** Nouns after a hyphenated chain of places that make the chain the name of a route or line. */
const ROUTE_NOUNS = new Set(['railway', 'railways', 'rail', 'railroad', 'pipeline', 'pipelines', 'corridor', 'route', 'routes', 'line', 'lines',
  'link', 'links', 'road', 'highway', 'motorway', 'bridge', 'cable', 'interconnector', 'freight', 'canal', 'express', 'train', 'trains',
  'connection', 'connector', 'network', 'grid']);
/** Words that may stand between the chain and the route noun: "the Kazakhstan-China oil pipeline". */
const ROUTE_MODIFIERS = new Set(['gas', 'oil', 'crude', 'power', 'electricity', 'transmission', 'container', 'cargo', 'high-speed', 'new', 'main',
  'trunk', 'transit', 'transport', 'energy', 'undersea', 'subsea']);
/** Words after a demonym that show it is not the adjective of a thing ("Kazakh and Uzbek leaders", "the Chinese said"). */
const NOT_MODIFIED = new Set(['and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'is', 'are', 'was',
  'were', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'did', 'do', 'does', 'said', 'says', 'say',
  'told', 'that', 'who', 'which', 'also', 'then', 'themselves', 'alone']);

function lowerAt(tokens: readonly Token[], i: number, a: number): string {
  return i >= a ? tokens[i].lower : '';
}

/** Whether the words before token `first` name what follows as left out ("bypassing", "without the participation of"). */
function excludingBefore(tokens: readonly Token[], first: number, a: number): boolean {
  // "non-Russian"
  if (isDash(tokens[first - 1]) && lowerAt(tokens, first - 2, a) === 'non') return true;
  for (let j = first - 1, skipped = 0; j >= a && skipped <= 4; j--, skipped++) {
    const one = tokens[j].lower;
    if (EXCLUDING_SECOND.has(one) && EXCLUDING.has(`${lowerAt(tokens, j - 1, a)} ${one}`)) return true;
    // "not" only right before the state ("with Kazakhstan, not Russia").
    if (EXCLUDING.has(one)) return one !== 'not' || skipped === 0;
    if (!EXCLUDING_FILLERS.has(one)) return false;
  }
  return false;
}

function isDash(t: Token | undefined): boolean {
  return !!t && (t.text === '-' || t.text === '–' || t.text === '—');
}

/** Whether the mention [first, last) is one link of a hyphenated chain of names followed by a route noun. */
function inRouteName(tokens: readonly Token[], first: number, last: number, a: number, b: number): boolean {
  const joinedLeft = first - 2 >= a && isDash(tokens[first - 1]) && tokens[first - 1].start === tokens[first - 2].end && tokens[first].start === tokens[first - 1].end && tokens[first - 2].cap;
  const joinedRight = last + 1 < b && isDash(tokens[last]) && tokens[last].start === tokens[last - 1].end && tokens[last + 1].start === tokens[last].end && tokens[last + 1].cap;
  if (!joinedLeft && !joinedRight) return false;
  // Walk to the end of the chain, then look at the next words.
  let k = last;
  while (k + 1 < b && isDash(tokens[k]) && tokens[k].start === tokens[k - 1].end && tokens[k + 1].start === tokens[k].end && tokens[k + 1].cap) {
    k += 2;
    while (k < b && tokens[k].cap && tokens[k].word && tokens[k].start - tokens[k - 1].end === 1 && !isDash(tokens[k])) k++;
  }
  for (let j = k; j < Math.min(b, k + 4); j++) {
    if (ROUTE_NOUNS.has(tokens[j].lower)) return true;
    if (!ROUTE_MODIFIERS.has(tokens[j].lower)) return false;
  }
  return false;
}

let lexicon: Gazetteer<Lex> | undefined;

/** The actor lexicon as one phrase matcher (built once). */
export function actorLexicon(): Gazetteer<Lex> {
  if (lexicon) return lexicon;
  const g = new Gazetteer<Lex>();
  for (const [name, ambiguous] of AGENCIES) g.add(name, { kind: 'agency', state: null, role: 'news agency', ambiguous }, /^[A-Z&.0-9-]+$/.test(name) ? 'exact' : 'cap');
  for (const p of PEOPLE) for (const n of p.names) g.add(n, { kind: 'person', state: p.state, role: p.role, person: p.names[0] }, 'cap');
  for (const [name, state, role] of STATE_BODIES) g.add(name, { kind: 'body', state, role }, /^[A-Z]+$/.test(name) ? 'exact' : 'cap');
  for (const [name, role] of ORGANISATIONS) g.add(name, { kind: 'organisation', state: null, role }, /^[A-Z+0-9]+$/.test(name) ? 'exact' : 'cap');
  for (const e of countryEntries()) g.add(e.phrase, { kind: 'state', state: e.state, role: e.role, form: e.form }, e.exact ? 'exact' : 'cap');
  lexicon = g;
  return g;
}

const TWO_WORD_HEADS = new Map<string, string[]>();
for (const head of ROLE_HEADS) {
  const words = head.split(' ');
  if (words.length > 1) TWO_WORD_HEADS.set(words[0], [...(TWO_WORD_HEADS.get(words[0]) ?? []), head]);
}

/** A role phrase starting at token i: modifiers then a head ("Deputy Energy Minister", "officials"). Returns [end, role]. */
function rolePhrase(tokens: readonly Token[], i: number, end: number): [number, string] | undefined {
  let k = i;
  let headEnd = -1;
  while (k < end && k - i < 6) {
    const w = tokens[k].lower;
    // Multi-word heads: "prime minister", "head of state", "state oil company".
    const multi = TWO_WORD_HEADS.get(w)?.find((h) => {
      const parts = h.split(' ');
      return parts.every((p, j) => tokens[k + j]?.lower === p);
    });
    if (multi) { k += multi.split(' ').length; headEnd = k; continue; }
    if (ROLE_HEADS.has(w)) { k++; headEnd = k; continue; }
    if (ROLE_MODIFIERS.has(w) && w !== 'the') { k++; continue; }
    if (tokens[k].text === '-' && k > i) { k++; continue; }
    break;
  }
  if (headEnd < 0) return undefined;
  // "Minister of Energy", "Minister for Foreign Affairs".
  let stop = headEnd;
  if (tokens[stop]?.lower === 'of' || tokens[stop]?.lower === 'for') {
    let j = stop + 1;
    while (j < end && j - stop < 5 && tokens[j].cap && (ROLE_MODIFIERS.has(tokens[j].lower) || ['affairs', 'energy', 'trade', 'industry'].includes(tokens[j].lower))) j++;
    if (j > stop + 1) stop = j;
  }
  const role = tokens.slice(i, stop).map((t) => t.text).join(' ').replace(/ - /g, '-');
  return [stop, role];
}

const NAME_STOP = new Set(['The', 'A', 'An', 'On', 'In', 'At', 'And', 'But', 'He', 'She', 'It', 'They', 'We', 'This', 'That', 'Monday', 'Tuesday',
  'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December', 'Said', 'Says', 'Told']);

/** Up to three capitalised words (a person's name) starting at token i, hyphen-joined parts allowed. */
function personName(tokens: readonly Token[], i: number, end: number, g: Gazetteer<Lex>): number {
  let k = i;
  let words = 0;
  while (k < end && words < 4) {
    const t = tokens[k];
    if (!t.cap || !t.word || NAME_STOP.has(t.text) || t.text.length < 2 || /^\p{Lu}+$/u.test(t.text) && t.text.length > 1 && t.text.length < 5) break;
    const m = g.matchAt(tokens, k, end);
    if (m && m.entry.value.kind !== 'person') break;
    if (k > i && tokens[k].start - tokens[k - 1].end > 1) break;
    k++;
    words++;
    if (tokens[k]?.text === '-' && tokens[k + 1]?.cap && tokens[k].start === tokens[k - 1].end) k++;
  }
  return words >= 1 ? k : i;
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'outside', 'via', 'through', 'across', 'into', 'off', 'around', 'inside']);
const REPORTING_NEAR = new Set(['reported', 'reports', 'said', 'says', 'quoted', 'cited', 'told', 'writes', 'wrote', 'according', 'reporting', 'report']);

function isAgencyContext(tokens: readonly Token[], m: Match<Lex>, a: number, b: number): boolean {
  const prev = tokens[m.first - 1];
  const prev2 = tokens[m.first - 2];
  const next = tokens[m.last];
  if (prev?.text === '(' && next?.text === ')') return true;
  if (prev && (prev.lower === 'told' || prev.lower === 'to' && prev2?.lower === 'according')) return true;
  if (next && REPORTING_NEAR.has(next.lower)) return true;
  if (prev && (prev.lower === 'by' || prev.lower === 'with') && prev2 && REPORTING_NEAR.has(prev2.lower)) return true;
  return m.first === a && next?.text === ':' || m.last === b;
}

/** Every mention in the token range [a, b), left to right, with roles and persons attached. */
export function findMentions(tokens: readonly Token[], a: number, b: number, blocked: (i: number) => boolean = () => false): Mention[] {
  const g = actorLexicon();
  const mentions: Mention[] = [];
  for (let i = a; i < b; i++) {
    const m = g.matchAt(tokens, i, b);
    if (!m) continue;
    const lex = m.entry.value;
    if (blocked(i) && lex.form !== 'name' && lex.form !== 'demonym' && lex.kind === 'state') { i = m.last - 1; continue; }
    if (lex.kind === 'agency' && lex.ambiguous && !isAgencyContext(tokens, m, a, b)) { i = m.last - 1; continue; }
    if (lex.form === 'combining' && tokens[m.last]?.text !== '-') { i = m.last - 1; continue; }
    const mention = readMention(tokens, m, a, b, g, mentions.at(-1));
    mentions.push(mention);
    i = mention.last - 1;
  }
  return mentions;
}

/** A mention as it is read: its range, name, role and person grow with the words around the lexicon's match. */
interface Reading {
  first: number;
  last: number;
  name: string;
  role: string | null;
  person: string | null;
  /** The mention names a body the state owns ("Kazakhstan's Kazatomprom"). */
  bodyOf: boolean;
}

// A match grows into a mention with the words around it, so that a role, a person or an owned body is one actor, not two.
function readMention(tokens: readonly Token[], m: Match<Lex>, a: number, b: number, g: Gazetteer<Lex>, previous: Mention | undefined): Mention {
  const lex = m.entry.value;
  const r: Reading = {
    first: m.first,
    last: m.last,
    // A one-word name is its token (a token holds no space, so there is nothing to join or mend).
    name: m.last - m.first === 1 ? tokens[m.first].text : tokens.slice(m.first, m.last).map((t) => t.text).join(' ').replace(/ - /g, '-').replace(/ \./g, '.'),
    role: lex.role || null,
    person: lex.person ?? null,
    bodyOf: false,
  };
  if (lex.kind === 'state' && lex.form !== 'combining' && lex.form !== 'capital') {
    readAfterState(tokens, m, b, g, r);
    roleBeforeState(tokens, m, a, r);
  } else if (lex.kind === 'person') {
    titleBeforePerson(tokens, m, a, r);
  }
  const { first, last, name, role, person, bodyOf } = r;
  const excluded = lex.kind !== 'agency' && (excludingBefore(tokens, first, a) ||
    // "bypassing Russia and Belarus": a state listed after one left out is left out too.
    (['and', 'or', ','].includes(lowerAt(tokens, first - 1, a)) && previous?.excluded === true && previous.last >= first - 2));
  return {
    kind: person && lex.kind === 'state' ? 'person' : bodyOf ? 'body' : lex.kind, name, state: lex.state, role, person, form: lex.form ?? null, first, last,
    start: tokens[first].start, end: tokens[last - 1].end, place: isPlace(tokens, lex, r, a), excluded,
    routeName: lex.kind === 'state' && inRouteName(tokens, m.first, m.last, a, b), modifier: isModifier(tokens, lex, r),
  };
}

// "Azerbaijan's Energy Minister Parviz Shahbazov", "the German chancellor", "Kazakh officials": an office holder speaks
// for the state; failing a role, "Kazakhstan's Kazatomprom" is a body the state owns.
function readAfterState(tokens: readonly Token[], m: Match<Lex>, b: number, g: Gazetteer<Lex>, r: Reading): void {
  let k = r.last;
  if (tokens[k]?.lower === "'s" || tokens[k]?.lower === "'") k++;
  const rp = rolePhrase(tokens, k, b);
  if (!rp) { bodyAfterState(tokens, m, k, b, g, r); return; }
  const [stop, role] = rp;
  r.role = role;
  r.last = stop;
  r.name = tokens.slice(m.first, stop).map((t) => t.text).join(' ').replace(/ ' s/g, "'s").replace(/ 's/g, "'s").replace(/ ’s/g, '’s');
  personAfterRole(tokens, stop, b, g, r);
}

// The holder's name after a role makes the mention a person: one the lexicon knows, else capitalised words after a singular role.
function personAfterRole(tokens: readonly Token[], stop: number, b: number, g: Gazetteer<Lex>, r: Reading): void {
  const pm = stop < b ? g.matchAt(tokens, stop, b) : undefined;
  if (pm && pm.entry.value.kind === 'person') {
    r.person = pm.entry.value.person ?? null;
    r.last = pm.last;
    r.name = r.person ?? r.name;
    return;
  }
  const pe = personName(tokens, stop, b, g);
  if (pe > stop && r.role && !/s$/.test(r.role)) {
    r.person = tokens.slice(stop, pe).map((t) => t.text).join(' ').replace(/ - /g, '-');
    r.last = pe;
    r.name = r.person;
  }
}

// "Kazakhstan's Kazatomprom": the body, owned by the state, is the actor named.
function bodyAfterState(tokens: readonly Token[], m: Match<Lex>, k: number, b: number, g: Gazetteer<Lex>, r: Reading): void {
  const pm = k < b && k > m.last ? g.matchAt(tokens, k, b) : undefined;
  if (pm && (pm.entry.value.kind === 'body' || pm.entry.value.kind === 'organisation')) {
    r.role = pm.entry.value.role;
    r.name = tokens.slice(pm.first, pm.last).map((t) => t.text).join(' ');
    r.last = pm.last;
    r.bodyOf = true;
  }
}

// "President of Kazakhstan", "the Foreign Ministry of Russia": a role may also be written before the state.
// Official style names the body in full: "the Ministry of Foreign Affairs of Georgia", "the Government of the Republic of
// Kazakhstan" — an inner "of" between capitalised words of the role, and "the" before the state, are passed over.
function roleBeforeState(tokens: readonly Token[], m: Match<Lex>, a: number, r: Reading): void {
  const of = tokens[m.first - 1]?.lower === 'the' ? m.first - 2 : m.first - 1;
  if (tokens[of]?.lower !== 'of') return;
  let j = of - 1;
  let startRole = -1;
  const inRole = (k: number): boolean => ROLE_HEADS.has(tokens[k].lower) || ROLE_MODIFIERS.has(tokens[k].lower) ||
    (tokens[k].lower === 'of' && k > a && tokens[k - 1].cap && !!tokens[k + 1]?.cap);
  while (j >= a && of - j <= 6 && inRole(j)) {
    if (ROLE_HEADS.has(tokens[j].lower) || startRole >= 0) startRole = j;
    j--;
  }
  if (startRole >= 0 && tokens[startRole].lower === 'of') startRole++;
  if (startRole >= 0 && !r.role) {
    r.role = tokens.slice(startRole, of).map((t) => t.text).join(' ');
    r.first = startRole;
  }
}

// "President Tokayev", "Energy Minister Satkaliyev": the written title is the role.
function titleBeforePerson(tokens: readonly Token[], m: Match<Lex>, a: number, r: Reading): void {
  let j = m.first - 1;
  while (j >= a && m.first - j <= 4 && tokens[j].cap && (ROLE_HEADS.has(tokens[j].lower) || ROLE_MODIFIERS.has(tokens[j].lower))) j--;
  if (j < m.first - 1) r.role = tokens.slice(j + 1, m.first).map((t) => t.text).join(' ');
  r.name = r.person ?? r.name;
}

// A capital "in Baku", in a dateline or before "-based" tells where, not who acts.
function isPlace(tokens: readonly Token[], lex: Lex, r: Reading, a: number): boolean {
  if (!(lex.kind === 'state' && (lex.form === 'capital' || lex.form === 'metonym' && /^[A-Z]/.test(r.name) && lex.role === 'government'))) return false;
  const { first, last } = r;
  const prev = tokens[first - 1];
  if (prev && PLACE_PREPOSITIONS.has(prev.lower)) return true;
  // A dateline: "ASTANA, Nov 1 (Reuters) -".
  if (first === a && tokens[first].text === tokens[first].text.toUpperCase() && tokens[last]?.text === ',') return true;
  return tokens[last]?.text === '-' && tokens[last + 1]?.lower === 'based';
}

// A demonym qualifying a thing ("Kazakh oil") acts only in some events, so the reader must know it is one.
function isModifier(tokens: readonly Token[], lex: Lex, r: Reading): boolean {
  const { last, role, person, bodyOf } = r;
  const next = tokens[last];
  return lex.kind === 'state' && lex.form === 'demonym' && !person && !bodyOf && role === (lex.role || null) && !!next && next.word &&
    next.start - tokens[last - 1].end <= 1 && /^\p{Ll}/u.test(next.text) && !NOT_MODIFIED.has(next.lower);
}
