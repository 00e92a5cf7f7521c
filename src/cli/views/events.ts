// Text and tables of the news reader's results: an article's candidate events, the review queue, the timeline.
import type { IngestResult } from '../../events/index.ts';
import type { EventRow } from '../../model/types.ts';
import type { StoredCandidate } from '../../store/candidates.ts';
import { clip, formatTone, type DataTable } from '../format.ts';

export function formatIngestResult(r: IngestResult): string[] {
  const lines = [`${r.article.title ? `"${r.article.title}"` : '(no title)'}: ${r.article.sentences} sentence(s), ${r.actors.length} actor(s), ${r.events.length} candidate event(s) [${r.method.name} ${r.method.version}]`];
  if (r.actors.length) {
    lines.push('actors:');
    for (const a of r.actors) lines.push(`  ${(a.state ?? '-').padEnd(5)} ${a.name}${a.role ? ` (${a.role})` : ''}`);
  }
  // Named but party to no event: "Russian energy corridors", an organisation that stands for no state.
  if (r.mentions.length) lines.push(`mentioned: ${r.mentions.map((a) => a.state ? `${a.state} ${a.name}` : a.name).join('; ')}`);
  if (r.events.length) {
    lines.push('events:');
    for (const e of r.events) {
      lines.push(`  ${e.id}  ${(e.date ?? 'no date').padEnd(10)}  ${e.type.padEnd(10)} ${(e.source ?? '?')} -> ${e.targets.join(',') || '-'}  tone ${formatTone(e.tone)}  confidence ${e.confidence.toFixed(2)}`);
      const links = [...e.commodities.map((c) => c.id ?? c.name), ...e.routes.map((x) => x.id ?? x.name)];
      lines.push(`      "${clip(e.sentence.text, 110)}"${links.length ? `  [${links.join(', ')}]` : ''}`);
    }
  }
  if (r.attributions.length) lines.push(`attribution: ${[...new Set(r.attributions.map((a) => a.name))].join(', ')}`);
  return lines;
}

export function ingestTables(r: IngestResult): DataTable[] {
  return [
    {
      name: 'events',
      columns: ['id', 'date', 'type', 'source', 'targets', 'tone', 'confidence', 'commodities', 'routes', 'sentence'],
      rows: r.events.map((e) => [e.id, e.date, e.type, e.source, e.targets.join(' '), e.tone, e.confidence,
        e.commodities.map((c) => c.id ?? c.name).join(' '), e.routes.map((x) => x.id ?? x.name).join(' '), e.sentence.text]),
    },
    { name: 'actors', columns: ['state', 'name', 'role'], rows: r.actors.map((a) => [a.state, a.name, a.role ?? null]) },
    { name: 'mentions', columns: ['state', 'name', 'role'], rows: r.mentions.map((a) => [a.state, a.name, a.role ?? null]) },
  ];
}

/** One line of the review queue. */
export function candidateLine(c: StoredCandidate): string {
  const e = c.event;
  return `${c.id}  ${c.status.padEnd(9)}  ${(e.date ?? 'no date').padEnd(10)}  ${e.type.padEnd(10)} ${e.source ?? '?'} -> ${e.targets.join(',') || '-'}  tone ${formatTone(e.tone)}  conf ${e.confidence.toFixed(2)}  "${clip(e.sentence.text, 80)}"`;
}

export function candidateTables(list: StoredCandidate[]): DataTable[] {
  return [{
    name: 'candidates',
    columns: ['id', 'status', 'date', 'type', 'source', 'targets', 'tone', 'confidence', 'sentence'],
    rows: list.map((c) => [c.id, c.status, c.event.date, c.event.type, c.event.source, c.event.targets.join(' '), c.event.tone, c.event.confidence, c.event.sentence.text]),
  }];
}

/** One line of the dataset's timeline. */
export const timelineLine = (e: EventRow): string =>
  `${e.date.padEnd(10)}  ${e.type.padEnd(10)} ${e.actor} -> ${e.targets.join(',') || '-'}  tone ${formatTone(e.tone).padStart(3)}  ${e.summary}  [${e.source.join(';')}]`;

export function timelineTables(rows: EventRow[]): DataTable[] {
  return [{
    name: 'events',
    columns: ['id', 'date', 'type', 'actor', 'targets', 'tone', 'summary', 'source'],
    rows: rows.map((e) => [e.id, e.date, e.type, e.actor, e.targets.join(' '), e.tone, e.summary, e.source.join(';')]),
  }];
}
