// Words that signal an event of each type. A trigger is a head word, optionally with a companion word
// that must stand near it ("sign" … "agreement", "impose" … "tariffs"). The weight decides which trigger
// codes a clause when it has several: specific, conflictual or material events outrank talk.
import type { EventType } from '../method.ts';
import { WORDNET_TRIGGERS } from './wordnet.ts';

export interface Trigger {
  type: EventType;
  weight: number;
  head: Set<string>;
  /** Forms of a word that must stand within `window` tokens of the head. */
  with?: Set<string>;
  window: number;
  /** The companion may stand before the head as well ("an agreement was signed"). */
  eitherOrder: boolean;
  /** Name of the trigger, for explanations and tests. */
  name: string;
  /** The head forms that are verbs (a speech act is a verb: "criticised", not "criticism"). */
  verbs: Set<string>;
  /** For a WordNet-derived trigger, the seed synset it was reached from. */
  seed?: string;
}

const IRREGULAR: Record<string, string[]> = {
  meet: ['met'], hold: ['held'], strike: ['struck'], seek: ['sought'], lead: ['led'], cut: ['cut'], shut: ['shut'], hit: ['hit'],
  buy: ['bought'], take: ['took', 'taken'], bring: ['brought'], say: ['said'], speak: ['spoke', 'spoken'], freeze: ['froze', 'frozen'],
  begin: ['began', 'begun'], sell: ['sold'], send: ['sent'], build: ['built'], tell: ['told'], make: ['made'], give: ['gave', 'given'],
  sink: ['sank', 'sunk'], blow: ['blew', 'blown'], break: ['broke', 'broken'], set: ['set'], put: ['put'], lose: ['lost'],
  pay: ['paid'], undertake: ['undertook', 'undertaken'], withdraw: ['withdrew', 'withdrawn'], draw: ['drew', 'drawn'],
  forbid: ['forbade', 'forbidden'], rise: ['rose', 'risen'], fall: ['fell', 'fallen'],
};
const DOUBLED = new Set(['ship', 'ban', 'stop', 'slam', 'plan', 'cut', 'shut', 'hit', 'curb', 'bar', 'sign-off', 'drop', 'scrap', 'step', 'set', 'put', 'begin', 'ink', 'rally', 'commit']);

/** The forms of an English verb: base, third person, past, participle, gerund. */
export function verb(base: string): string[] {
  const forms = new Set([base]);
  const doubled = DOUBLED.has(base) && base !== 'ink' && base !== 'rally' ? base + base.at(-1) : base;
  if (/[^aeiou]y$/.test(base)) {
    forms.add(base.slice(0, -1) + 'ies'); forms.add(base.slice(0, -1) + 'ied'); forms.add(base + 'ing');
  } else if (/e$/.test(base) && !/ee$/.test(base)) {
    forms.add(base + 's'); forms.add(base + 'd'); forms.add(base.slice(0, -1) + 'ing');
  } else if (/(?:s|sh|ch|x|z)$/.test(base)) {
    forms.add(base + 'es'); forms.add(base + 'ed'); forms.add(base + 'ing');
  } else {
    forms.add(base + 's'); forms.add(doubled + 'ed'); forms.add(doubled + 'ing');
    if (base.endsWith('ee')) forms.add(base + 'd');
  }
  if (base === 'commit') { forms.add('committed'); forms.add('committing'); }
  for (const f of IRREGULAR[base] ?? []) forms.add(f);
  if (IRREGULAR[base]) { forms.delete(doubled + 'ed'); forms.delete(base + 'ed'); }
  return [...forms];
}

/** The forms of a noun: singular and plural. */
export function noun(word: string): string[] {
  if (/[^aeiou]y$/.test(word)) return [word, word.slice(0, -1) + 'ies'];
  if (/(?:s|sh|ch|x|z)$/.test(word)) return [word, word + 'es'];
  return [word, word + 's'];
}

function forms(words: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    if (w.startsWith('v:')) for (const f of verb(w.slice(2))) out.add(f);
    else if (w.startsWith('n:')) for (const f of noun(w.slice(2))) out.add(f);
    else out.add(w);
  }
  return out;
}

/** Spec: [type, weight, head words, companion words?, window?, either order?]. "v:" = all verb forms, "n:" = noun forms. */
type Spec = [EventType, number, string[], string[]?, number?, boolean?];

const DEALS = ['n:agreement', 'n:deal', 'n:memorandum', 'memoranda', 'n:mou', 'n:contract', 'n:accord', 'n:treaty', 'n:roadmap', 'n:declaration',
  'n:pact', 'n:protocol', 'n:charter', 'n:document', 'n:understanding', 'n:consensus', 'n:arrangement', 'n:framework'];
const FLOWS = ['n:delivery', 'n:export', 'n:import', 'n:supply', 'n:shipment', 'n:flow', 'n:loading', 'pumping', 'n:cargo', 'n:transit',
  'n:output', 'n:production', 'n:operation', 'n:traffic', 'n:volume', 'n:service'];
const RESTRICTIONS = ['n:tariff', 'n:duty', 'duties', 'n:ban', 'n:restriction', 'n:levy', 'levies', 'n:embargo', 'embargoes', 'n:quota', 'n:sanction',
  'n:cap', 'n:control', 'n:penalty', 'penalties', 'n:fine'];
const NEGATIVE_ADJECTIVES = ['arrogant', 'unacceptable', 'unfriendly', 'provocative', 'hostile', 'illegal', 'illegitimate', 'irresponsible',
  'counterproductive', 'destructive', 'dangerous', 'absurd', 'groundless', 'baseless', 'regrettable', 'discriminatory', 'politicised', 'politicized'];
const FACILITIES = ['n:plant', 'n:refinery', 'n:pipeline', 'n:terminal', 'n:railway', 'n:railroad', 'n:port', 'n:facility', 'facilities', 'n:mine',
  'n:factory', 'factories', 'n:line', 'n:hub', 'n:station', 'n:reactor', 'n:smelter', 'n:road', 'n:bridge', 'n:corridor', 'n:project'];

const SPECS: Spec[] = [
  // AGREE
  ['AGREE', 8, ['v:sign'], DEALS, 8, true],
  ['AGREE', 8, ['v:ink', 'v:seal', 'v:conclude', 'v:clinch'], DEALS, 6, true],
  ['AGREE', 8, ['v:reach', 'v:strike'], ['n:agreement', 'n:deal', 'n:consensus', 'n:understanding', 'n:accord', 'n:compromise'], 6, true],
  ['AGREE', 7, ['v:agree'], undefined],
  ['AGREE', 7, ['v:ratify', 'ratification'], undefined],
  ['AGREE', 6, ['v:sign'], undefined],
  ['AGREE', 5, ['memorandum', 'mou', 'memoranda', 'n:agreement', 'n:deal', 'n:accord', 'n:treaty'], undefined],
  // COOPERATE
  ['COOPERATE', 6, ['v:cooperate', 'cooperation', 'v:collaborate', 'collaboration', 'n:partnership', 'v:partner'], undefined],
  ['COOPERATE', 6, ['v:support', 'backed', 'backs', 'backing', 'v:endorse', 'v:praise', 'v:welcome', 'v:hail', 'v:commend', 'v:pledge', 'v:commit', 'v:help', 'v:assist'], undefined],
  ['COOPERATE', 6, ['joint', 'v:team', 'v:join'], ['n:venture', 'n:project', 'up', 'n:force', 'n:effort', 'n:development', 'n:exploration', 'n:production'], 3],
  ['COOPERATE', 5, ['v:expand', 'v:deepen', 'v:strengthen', 'v:boost', 'v:step'], ['n:tie', 'n:cooperation', 'n:relation', 'n:partnership', 'n:link'], 5],
  // CONSULT
  ['CONSULT', 5, ['v:meet', 'n:meeting', 'v:visit', 'v:host', 'n:talk', 'v:discuss', 'discussion', 'discussions', 'n:summit', 'v:negotiate',
    'n:negotiation', 'v:consult', 'n:consultation'], undefined],
  ['CONSULT', 5, ['v:receive', 'v:welcome', 'v:greet', 'v:host'], ['@actor', 'n:delegation', 'n:counterpart', 'n:minister', 'n:president', 'n:envoy', 'n:ambassador', 'n:visitor', 'n:leader', 'n:guest'], 5],
  ['CONSULT', 5, ['v:hold'], ['n:talk', 'n:meeting', 'n:call', 'n:consultation', 'n:conversation', 'n:summit', 'n:session', 'n:round'], 5],
  ['CONSULT', 5, ['v:speak', 'v:phone', 'v:call'], ['phone', 'telephone', 'n:call', 'video'], 4, true],
  ['CONSULT', 4, ['v:arrive', 'v:travel', 'v:fly'], ['in', 'to'], 2],
  ['CONSULT', 4, ['n:visit', 'n:trip', 'n:tour'], undefined],
  // DISAPPROVE
  ['DISAPPROVE', 7, ['v:criticize', 'v:criticise', 'criticism', 'v:condemn', 'condemnation', 'v:denounce', 'v:deplore', 'v:slam', 'v:rebuke',
    'v:reject', 'rejection', 'v:oppose', 'v:refuse', 'v:lambast', 'v:blast', 'v:censure', 'v:complain',
    'objected', 'v:dismiss', 'questioned', 'challenged', 'v:veto'], undefined],
  ['DISAPPROVE', 7, ['v:call', 'v:describe', 'v:brand', 'v:term', 'v:label'], NEGATIVE_ADJECTIVES, 8],
  ['DISAPPROVE', 6, ['v:voice', 'v:express', 'v:raise'], ['n:concern', 'n:objection', 'n:displeasure', 'n:regret', 'n:dissatisfaction', 'n:alarm', 'n:doubt'], 4],
  ['DISAPPROVE', 7, ['v:warn'], ['against'], 2],
  ['DISAPPROVE', 9.5, ['v:say', 'v:call', 'v:describe', 'v:brand', 'v:term', 'v:label', 'v:consider', 'v:deem'], NEGATIVE_ADJECTIVES, 10],
  // ACCUSE
  ['ACCUSE', 8, ['v:accuse', 'accusation', 'accusations', 'v:blame', 'v:allege', 'allegation', 'allegations'], undefined],
  // THREATEN
  ['THREATEN', 9, ['v:threaten', 'n:threat', 'n:ultimatum'], undefined],
  ['THREATEN', 9, ['v:warn', 'v:vow', 'v:promise'], ['n:retaliation', 'v:retaliate', 'n:consequence', 'n:countermeasure', 'n:response', 'v:respond', 'n:measure', 'n:reprisal', 'v:hit'], 8],
  ['THREATEN', 6, ['v:warn'], undefined],
  // SANCTION
  ['SANCTION', 9, ['v:sanction', 'n:embargo', 'embargoes', 'v:blacklist', 'n:tariff'], undefined],
  ['SANCTION', 9, ['v:impose', 'v:introduce', 'v:slap', 'v:levy', 'v:raise', 'v:extend', 'v:tighten', 'v:expand', 'v:adopt', 'v:announce'], RESTRICTIONS, 5, true],
  ['SANCTION', 8, ['v:ban', 'v:bar', 'v:restrict', 'v:prohibit', 'v:forbid', 'v:curb'], ['n:import', 'n:export', 'n:sale', 'n:purchase', 'n:shipment', 'n:transit', 'n:delivery', 'n:supply', 'n:entry', 'n:flight', 'n:company', 'n:vessel', 'n:tanker', 'n:product'], 6],
  ['SANCTION', 8, ['v:freeze', 'v:seize', 'v:suspend', 'v:withhold', 'v:cut'], ['n:asset', 'n:account', 'n:fund', 'n:property', 'n:reserve', 'n:tanker', 'n:vessel', 'n:cargo', 'aid', 'funding', 'n:payment', 'n:grant', 'n:loan', 'n:subsidy', 'subsidies'], 6],
  ['SANCTION', 8, ['v:expel'], ['n:diplomat', 'n:ambassador', 'n:envoy', 'n:staff'], 5],
  ['SANCTION', 7, ['n:ban'], ['n:import', 'n:export', 'n:transit', 'oil', 'gas', 'uranium'], 3, true],
  ['SANCTION', 6, ['v:ban', 'v:prohibit'], undefined],
  // PROTEST
  ['PROTEST', 7, ['v:protest', 'demonstration', 'demonstrations', 'demonstrators', 'protesters', 'protestors', 'v:picket'], undefined],
  ['PROTEST', 8, ['v:summon'], ['n:ambassador', 'n:envoy', 'n:diplomat', "chargé", "charge", 'n:representative'], 6],
  ['PROTEST', 8, ['n:note'], ['protest'], 2],
  // SUPPLY
  ['SUPPLY', 7, ['v:resume', 'v:restart', 'v:restore', 'v:increase', 'v:boost', 'v:raise', 'v:double', 'v:expand', 'v:ramp', 'v:step', 'v:begin', 'v:start', 'v:launch'], FLOWS, 5],
  ['SUPPLY', 5, ['v:deliver', 'n:delivery', 'v:ship', 'n:shipment', 'v:export', 'v:supply', 'v:pump', 'v:load', 'n:loading', 'v:transport', 'v:transit',
    'v:send', 'v:sell', 'v:buy', 'v:purchase', 'v:import', 'v:route', 'v:redirect', 'v:reroute', 'v:divert', 'n:cargo', 'v:carry'], undefined],
  ['SUPPLY', 3, ['n:export', 'n:import', 'n:supply'], undefined],
  // DISRUPTION
  ['DISRUPTION', 8, ['v:halt', 'v:suspend', 'suspension', 'v:shut', 'shutdown', 'shutdowns', 'v:damage', 'v:disrupt', 'disruption', 'disruptions',
    'v:interrupt', 'interruption', 'n:outage', 'v:explode', 'explosion', 'v:leak', 'v:sabotage', 'v:blockade', 'blockage', 'v:curtail',
    'curtailment', 'stoppage', 'v:paralyse', 'v:paralyze', 'v:derail', 'derailment', 'v:collapse', 'closed', 'closes', 'closure', 'closures', 'n:accident',
    'n:incident', 'n:spill', 'n:fire'], undefined],
  ['DISRUPTION', 9, ['n:drone', 'n:missile', 'n:rocket'], ['n:attack', 'n:strike', 'v:hit', 'v:target', 'v:attack', 'v:damage'], 4],
  ['DISRUPTION', 8, ['v:attack', 'v:stop', 'v:cut', 'v:block', 'v:reduce', 'v:slash', 'v:drop', 'v:fall', 'v:plunge', 'v:lose'], FLOWS.concat(['n:pipeline', 'n:terminal', 'n:station', 'n:port', 'n:facility', 'n:tanker', 'n:border', 'n:crossing', 'n:line', 'n:supply', 'oil', 'gas']), 6, true],
  ['DISRUPTION', 8, ['force'], ['majeure'], 1],
  // "would close the border crossing", "closing the strait": "close" alone is too often an adjective ("close ties", "close to").
  ['DISRUPTION', 8, ['close', 'closing'], ['n:border', 'n:crossing', 'n:checkpoint', 'n:airspace', 'n:port', 'n:pipeline', 'n:terminal', 'n:road',
    'n:route', 'n:strait', 'n:plant', 'n:mine', 'n:refinery', 'n:station', 'n:line', 'n:bridge', 'n:railway', 'n:canal', 'n:field', 'n:valve'], 5],
  ['DISRUPTION', 6, ['n:storm', 'n:attack', 'v:block', 'n:strike'], undefined],
  // INVEST
  ['INVEST', 7, ['v:invest', 'n:investment', 'v:finance', 'financing', 'funded', 'funding', 'n:loan', 'v:lend', 'v:acquire', 'acquisition'], undefined],
  ['INVEST', 7, ['v:buy', 'v:take', 'v:acquire', 'v:raise', 'v:increase', 'v:sell'], ['n:stake', 'n:share', 'n:interest'], 4],
  ['INVEST', 6, ['v:build', 'v:construct', 'construction', 'v:develop', 'v:modernise', 'v:modernize', 'v:upgrade', 'v:expand'], FACILITIES.concat(['n:deposit', 'n:field', 'n:capacity']), 6],
  ['STATEMENT', 2, ['v:say', 'stated', 'v:announce', 'announcement', 'v:declare', 'declaration', 'v:stress', 'noted', 'added', 'adds', 'v:tell',
    'v:emphasise', 'v:emphasize', 'v:insist', 'v:confirm', 'v:deny', 'v:claim', 'v:comment', 'v:reiterate', 'v:underline', 'v:argue', 'v:predict',
    'v:expect', 'v:estimate', 'v:forecast', 'statement', 'statements', 'v:propose', 'proposal', 'v:urge', 'v:ask', 'v:plan', 'v:consider'], undefined],
];

function build(): Trigger[] {
  return SPECS.map(([type, weight, head, companions, window, either], i) => ({
    type,
    weight,
    head: forms(head),
    verbs: forms(head.filter((w) => w.startsWith('v:'))),
    with: companions ? forms(companions) : undefined,
    window: window ?? 0,
    eitherOrder: either ?? false,
    name: `${type}#${i}:${head[0]}`,
  }));
}

/**
 * Weight of a WordNet-derived head word (lexicon/wordnet.ts) that the hand-written table lacks: the weight of the
 * type's plain head words above, less half a point, so that a hand-written trigger of equal rank wins.
 */
const WORDNET_WEIGHT: Record<EventType, number> = {
  AGREE: 6, COOPERATE: 6, CONSULT: 5, INVEST: 7, SUPPLY: 5, STATEMENT: 2, DISAPPROVE: 7, ACCUSE: 8, PROTEST: 7, DISRUPTION: 8,
  THREATEN: 6, SANCTION: 6,
};

/** A two-word verb from WordNet ("call_on") is more specific than one word: it weighs this much more. */
const PHRASAL_BONUS = 2;

// One trigger per WordNet entry whose forms no hand-written trigger already has; a two-word verb ("call_on") is the
// verb followed at once by its particle, whatever single-word triggers the verb has.
function wordnetTriggers(hand: readonly Trigger[]): Trigger[] {
  const known = new Set<string>();
  for (const t of hand) for (const f of t.head) known.add(f);
  const out: Trigger[] = [];
  for (const e of WORDNET_TRIGGERS) {
    if (e.word.includes('_')) {
      const [base, particle] = e.word.split('_');
      const head = new Set(verb(base));
      out.push({ type: e.type, weight: WORDNET_WEIGHT[e.type] - 0.5 + PHRASAL_BONUS, head, verbs: head, with: new Set([particle]), window: 1, eitherOrder: false, name: `${e.type}#wordnet:${e.word}`, seed: e.seed });
      continue;
    }
    const head = new Set((e.pos === 'v' ? verb(e.word) : noun(e.word)).filter((f) => !known.has(f)));
    if (head.size === 0) continue;
    for (const f of head) known.add(f);
    out.push({ type: e.type, weight: WORDNET_WEIGHT[e.type] - 0.5, head, verbs: e.pos === 'v' ? head : new Set(), window: 0, eitherOrder: false, name: `${e.type}#wordnet:${e.word}`, seed: e.seed });
  }
  return out;
}

const HAND_TRIGGERS = build();
export const TRIGGERS: readonly Trigger[] = [...HAND_TRIGGERS, ...wordnetTriggers(HAND_TRIGGERS)];

/** Types whose verbs are speech acts: the act of saying is the event, whatever is said. */
export const SPEECH_ACT_TYPES = new Set<EventType>(['DISAPPROVE', 'ACCUSE', 'THREATEN']);
/** Cooperative speech acts: verbs of praise (hand-written) and the WordNet seeds of praise. */
export const PRAISE_VERBS = new Set(['praise', 'praised', 'praises', 'praising', 'commend', 'commended', 'commends', 'commending', 'hail', 'hailed',
  'hails', 'hailing', 'welcome', 'welcomed', 'welcomes', 'welcoming']);
export const PRAISE_SEEDS = new Set(['praise.v.01', 'commend.v.01', 'congratulate.v.02']);
/** Appeals: the WordNet words of the seeds call_on.v.01, appeal.v.02 and urge.v.02 ("call on", "appeal", "urge"). */
export const APPEAL_SEEDS = new Set(['call_on.v.01', 'appeal.v.02', 'urge.v.02']);

/** Head forms that are only a trigger together with their companion (so they never trigger alone). */
export const REPORTING = new Set(['say', 'says', 'said', 'saying', 'told', 'tell', 'tells', 'added', 'adds', 'stated', 'states', 'reported',
  'reports', 'reporting', 'according', 'cited', 'citing', 'quoted', 'quoting', 'wrote', 'writes', 'announced', 'noted', 'confirmed']);

/** Words before a trigger that deny it. */
export const NEGATORS = new Set(['not', "n't", "'t", 'never', 'no', 'without', 'neither', 'nor', 'failed', 'fail', 'fails', 'unable', 'yet',
  'refused', 'refuses', 'refuse', 'declined', 'declines', 'decline', 'denied', 'denies', 'deny', 'rejected', 'rejects', 'reject',
  'cannot', 'halted', 'scrapped', 'cancelled', 'canceled', 'abandoned', 'postponed', 'suspended', 'stalled']);
/** Negators that turn a cooperative event into disapproval rather than mere absence. */
export const REFUSALS = new Set(['refused', 'refuses', 'refuse', 'declined', 'declines', 'decline', 'rejected', 'rejects', 'reject', 'scrapped',
  'cancelled', 'canceled', 'abandoned']);
/** Words that make an event planned, possible or reported as intended rather than done. */
export const HEDGES = new Set(['will', 'would', 'could', 'may', 'might', 'can', 'should', 'plan', 'plans', 'planned', 'planning', 'expected', 'expects',
  'intend', 'intends', 'intended', 'aim', 'aims', 'hope', 'hopes', 'seek', 'seeks', 'considering', 'consider', 'considers', 'proposed', 'propose',
  'proposes', 'ready', 'possible', 'possibly', 'potential', 'likely', 'reportedly', 'allegedly', 'to', 'set', 'poised', 'mulls', 'mulling']);
/** Words that push the tone away from zero, and words that pull it towards zero. */
export const INTENSIFIERS = new Set(['sharply', 'strongly', 'fiercely', 'harshly', 'bitterly', 'firmly', 'major', 'strategic', 'historic', 'landmark',
  'comprehensive', 'severe', 'massive', 'full', 'fully', 'sweeping', 'tough', 'unprecedented', 'heavy', 'heavily', 'significant', 'significantly',
  'sharp', 'vehemently', 'angrily', 'record', 'long-term', 'all', 'broad', 'wide-ranging', 'deep', 'deepen', 'comprehensive', 'total', 'complete', 'completely']);
export const MITIGATORS = new Set(['mild', 'mildly', 'partial', 'partially', 'slightly', 'temporarily', 'temporary', 'minor', 'limited', 'preliminary',
  'brief', 'briefly', 'small', 'modest', 'cautious', 'cautiously', 'symbolic', 'initial', 'some', 'short', 'short-lived']);
