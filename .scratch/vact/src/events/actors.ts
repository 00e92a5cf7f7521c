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
    let last = m.last;
    let first = m.first;
    let role: string | null = lex.role || null;
    let person: string | null = lex.person ?? null;
    let name = tokens.slice(m.first, m.last).map((t) => t.text).join(' ').replace(/ - /g, '-').replace(/ \./g, '.');
    let bodyOf = false;
    if (lex.kind === 'state' && lex.form !== 'combining' && lex.form !== 'capital') {
      // "Azerbaijan's Energy Minister Parviz Shahbazov", "the German chancellor", "Kazakh officials".
      let k = last;
      if (tokens[k]?.lower === "'s" || tokens[k]?.lower === "'") k++;
      const rp = rolePhrase(tokens, k, b);
      if (rp) {
        const [stop, r] = rp;
        role = r;
        last = stop;
        name = tokens.slice(m.first, stop).map((t) => t.text).join(' ').replace(/ ' s/g, "'s").replace(/ 's/g, "'s").replace(/ ’s/g, '’s');
        const pm = stop < b ? g.matchAt(tokens, stop, b) : undefined;
        if (pm && pm.entry.value.kind === 'person') {
          person = pm.entry.value.person ?? null;
          last = pm.last;
          name = person ?? name;
        } else {
          const pe = personName(tokens, stop, b, g);
          if (pe > stop && role && !/s$/.test(role)) {
            person = tokens.slice(stop, pe).map((t) => t.text).join(' ').replace(/ - /g, '-');
            last = pe;
            name = person;
          }
        }
      } else {
        const pm = k < b && k > m.last ? g.matchAt(tokens, k, b) : undefined;
        if (pm && (pm.entry.value.kind === 'body' || pm.entry.value.kind === 'organisation')) {
          // "Kazakhstan's Kazatomprom": the body, owned by the state.
          role = pm.entry.value.role;
          name = tokens.slice(pm.first, pm.last).map((t) => t.text).join(' ');
          last = pm.last;
          bodyOf = true;
        }
      }
      // "President of Kazakhstan", "the Foreign Ministry of Russia".
      if (tokens[m.first - 1]?.lower === 'of') {
        let j = m.first - 2;
        let startRole = -1;
        while (j >= a && m.first - 1 - j <= 4 && (ROLE_HEADS.has(tokens[j].lower) || ROLE_MODIFIERS.has(tokens[j].lower))) {
          if (ROLE_HEADS.has(tokens[j].lower) || startRole >= 0) startRole = j;
          j--;
        }
        if (startRole >= 0 && !role) {
          role = tokens.slice(startRole, m.first - 1).map((t) => t.text).join(' ');
          first = startRole;
        }
      }
    } else if (lex.kind === 'person') {
      // "President Tokayev", "Energy Minister Satkaliyev": the written title is the role.
      let j = m.first - 1;
      while (j >= a && m.first - j <= 4 && tokens[j].cap && (ROLE_HEADS.has(tokens[j].lower) || ROLE_MODIFIERS.has(tokens[j].lower))) j--;
      if (j < m.first - 1) role = tokens.slice(j + 1, m.first).map((t) => t.text).join(' ');
      name = person ?? name;
    }
    let place = false;
    if (lex.kind === 'state' && (lex.form === 'capital' || lex.form === 'metonym' && /^[A-Z]/.test(name) && lex.role === 'government')) {
      const prev = tokens[first - 1];
      if (prev && PLACE_PREPOSITIONS.has(prev.lower)) place = true;
      // A dateline: "ASTANA, Nov 1 (Reuters) -".
      if (first === a && tokens[first].text === tokens[first].text.toUpperCase() && tokens[last]?.text === ',') place = true;
      if (tokens[last]?.text === '-' && tokens[last + 1]?.lower === 'based') place = true;
    }
    mentions.push({
      kind: person && lex.kind === 'state' ? 'person' : bodyOf ? 'body' : lex.kind, name, state: lex.state, role, person, form: lex.form ?? null, first, last,
      start: tokens[first].start, end: tokens[last - 1].end, place,
    });
    i = last - 1;
  }
  return mentions;
}
