// The event-coding method: its name and version (they appear in every output) and the event-type
// scale with its tone ranges (docs/methods/events.md explains each type).
import { EVENT_TYPES } from '../schema/entities.ts';

export type EventType = (typeof EVENT_TYPES)[number];

export const EVENTS_METHOD = { name: 'events', version: '2.1.0' } as const;

export interface EventTypeInfo {
  /** Tone given when no modifier applies. */
  tone: number;
  /** Inclusive tone range of the type (modifiers move the tone inside it). */
  min: number;
  max: number;
  /** Both parties play the same part (an agreement, a meeting): source and targets may be swapped. */
  symmetric: boolean;
  description: string;
}

/** The scale. Tone runs from -10 (conflictual) to +10 (cooperative). */
export const EVENT_SCALE: Record<EventType, EventTypeInfo> = {
  AGREE: { tone: 6, min: 5, max: 8, symmetric: true, description: 'sign or reach an agreement, deal, memorandum or treaty' },
  COOPERATE: { tone: 5, min: 3, max: 7, symmetric: true, description: 'cooperate, partner, support or praise (verbal or material cooperation that is not a signed agreement)' },
  CONSULT: { tone: 2, min: 1, max: 4, symmetric: true, description: 'meet, visit, host, hold talks, negotiate, telephone' },
  INVEST: { tone: 5, min: 4, max: 6, symmetric: false, description: 'invest, finance, lend, take a stake, build a plant or line' },
  SUPPLY: { tone: 3, min: 2, max: 4, symmetric: false, description: 'deliver, ship, export, transit, resume or raise deliveries' },
  STATEMENT: { tone: 0, min: -1, max: 1, symmetric: false, description: 'say, announce, declare (when nothing more specific is reported), and negated events' },
  DISAPPROVE: { tone: -4, min: -5, max: -2, symmetric: false, description: 'criticise, condemn, reject, object, voice concern, refuse' },
  ACCUSE: { tone: -5, min: -6, max: -4, symmetric: false, description: 'accuse, blame, allege wrongdoing' },
  PROTEST: { tone: -5, min: -6, max: -4, symmetric: false, description: 'lodge a formal protest, summon an ambassador, demonstrate, rally' },
  DISRUPTION: { tone: -5, min: -7, max: -3, symmetric: false, description: 'halt, suspend, shut, damage, attack or block supply or infrastructure' },
  THREATEN: { tone: -7, min: -8, max: -6, symmetric: false, description: 'threaten, issue an ultimatum, warn of retaliation' },
  SANCTION: { tone: -8, min: -9, max: -7, symmetric: false, description: 'impose sanctions, embargoes, bans, tariffs or other restrictions' },
};
