// Timeline: the dataset's agreements and events on a time axis, filterable by actor and type, each with its
// sources; an article pasted here goes through the news reader (POST /ingest, `corridor ingest`) and its candidate
// events can be accepted onto the timeline or rejected. In a dataset the page may write (the working copy that
// `corridor serve` makes), the candidates are kept in the store (POST /ingest {save: true}) and accepting one
// stores the dataset's next version with the event (POST /events/candidates/ID/accept), which the page then loads:
// the event stays on the timeline after a reload. Otherwise they are accepted in this page only, and it says why.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Model } from '../../src/model/model.ts';
import { api, type WorkingDataset } from './api.ts';
import { sourceLine, sourcesOf, sourceUrl } from './format.ts';
import { ChartExport, TableExport } from './widgets.tsx';

interface Item { id: string; date: string; kind: 'agreement' | 'event' | 'candidate'; type: string; actors: string[]; summary: string; sources: string[] }

interface Candidate { id: string; date: string | null; type: string; source: string | null; targets: string[]; tone: number; confidence: number; commodities: { id: string | null; name: string }[]; sentence: { text: string } }

const WIDTH = 470;

/** Years to mark on the axis: every year, or every second or fifth one when the span is long. */
function ticks(t0: number, t1: number): number[] {
  if (!Number.isFinite(t0)) return [];
  const first = new Date(t0).getUTCFullYear() + 1;
  const last = new Date(t1).getUTCFullYear();
  const step = last - first > 20 ? 5 : last - first > 8 ? 2 : 1;
  const years: number[] = [];
  for (let y = first; y <= last; y++) if (y % step === 0) years.push(y);
  return years;
}

export interface TimelineProps {
  model: Model;
  /** The dataset shown, and whether accepted events can be stored in it. */
  working: WorkingDataset | undefined;
  /** Loads the dataset again (after an event was stored in its next version). */
  onDatasetChanged: () => Promise<void>;
}

export function TimelinePanel({ model, working, onDatasetChanged }: TimelineProps) {
  const chart = useRef<SVGSVGElement>(null);
  const [actor, setActor] = useState('');
  const [type, setType] = useState('');
  // Open on the recent years (from 2020, or the first year after it with an entry), where most entries are.
  const [since, setSince] = useState(() => [...model.tables.agreement, ...model.tables.event].map((r) => r.date.slice(0, 4)).filter((y) => y >= '2020').sort()[0] ?? '');
  const [text, setText] = useState('');
  const [published, setPublished] = useState('');
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [accepted, setAccepted] = useState<Item[]>([]);
  const [message, setMessage] = useState('');
  const items: Item[] = [
    ...model.tables.agreement.map((a) => ({ id: a.id, date: a.date, kind: 'agreement' as const, type: a.type, actors: a.parties, summary: a.summary, sources: a.source })),
    ...model.tables.event.map((e) => ({ id: e.id, date: e.date, kind: 'event' as const, type: e.type, actors: [e.actor, ...e.targets], summary: e.summary, sources: e.source })),
    ...accepted,
  ].sort((a, b) => a.date.localeCompare(b.date));
  const actors = [...new Set(items.flatMap((i) => i.actors))].sort();
  const types = [...new Set(items.map((i) => i.type))].sort();
  const years = [...new Set(items.map((i) => i.date.slice(0, 4)))].sort();
  const shown = items.filter((i) => (!actor || i.actors.includes(actor)) && (!type || i.type === type) && (!since || i.date.slice(0, 4) >= since));
  const times = shown.map((i) => Date.parse(i.date)).filter(Number.isFinite);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times, t0 + 1);
  const x = (d: string) => 20 + ((Date.parse(d) - t0) / (t1 - t0)) * (WIDTH - 40);
  const stored = working?.writable === true;
  // Candidates kept in the store and waiting for review (from this page earlier, or from `corridor ingest --save`).
  const refresh = async () => {
    if (!stored) return;
    try { setCandidates((await api.candidates<Candidate>(working!.name)).map((c) => c.event)); } catch (e) { setMessage(`could not list the candidates waiting for review: ${(e as Error).message}`); }
  };
  useEffect(() => { void refresh(); }, [working?.name, working?.writable]);
  const read = async () => {
    setMessage('reading…');
    try {
      const result = await api.ingest<{ events: Candidate[]; warnings: string[]; saved?: { dataset: string; added: number; existing: number } }>(text, published || undefined, stored ? working!.name : undefined);
      const found = `${result.events.length} candidate event(s)${result.warnings.length ? `; ${result.warnings.join('; ')}` : ''}`;
      if (result.saved) {
        await refresh();
        setMessage(`${found}; kept for review in dataset ${result.saved.dataset} (${result.saved.added} new, ${result.saved.existing} kept before)`);
      } else {
        setCandidates(result.events);
        setMessage(`${found}; not stored: ${working?.why || 'the page has no dataset it may write'}`);
      }
    } catch (e) { setMessage(`the news reader refused: ${(e as Error).message}`); }
  };
  const decide = async (c: Candidate, accept: boolean) => {
    if (!stored) {
      setCandidates(candidates.filter((x) => x !== c));
      if (accept && c.date) setAccepted([...accepted, { id: c.id, date: c.date, kind: 'candidate', type: c.type, actors: [c.source ?? '', ...c.targets].filter(Boolean), summary: c.sentence.text, sources: [] }]);
      setMessage(accept ? `${c.id} accepted in this page only (${working?.why || 'no dataset it may write'})` : `${c.id} rejected`);
      return;
    }
    try {
      if (accept) {
        const r = await api.accept(working!.name, c.id);
        const done = r.status === 'accepted' ? `${c.id} accepted: event ${r.eventId} stored in dataset ${r.dataset.name} version ${r.dataset.version}` : `${c.id} is a duplicate of event ${r.eventId}: nothing stored`;
        setMessage(done);
        setCandidates(candidates.filter((x) => x !== c));
        if (r.status === 'accepted') await onDatasetChanged().catch((e: Error) => setMessage(`${done}; the page could not load that version (${e.message}): reload it`));
        return;
      } else {
        await api.reject(working!.name, c.id);
        setMessage(`${c.id} rejected (recorded in the store)`);
      }
      setCandidates(candidates.filter((x) => x !== c));
    } catch (e) { setMessage(`${c.id} not ${accept ? 'accepted' : 'rejected'}: ${(e as Error).message}`); }
  };
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline: agreements and events</h2>
      <div class="field">
        <label for="tl-actor">Actor</label>
        <select id="tl-actor" value={actor} onChange={(e) => setActor((e.target as HTMLSelectElement).value)}>
          <option value="">all</option>{actors.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
        <label for="tl-type">Type</label>
        <select id="tl-type" value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value)}>
          <option value="">all</option>{types.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
        <label for="tl-since">From</label>
        <select id="tl-since" value={since} onChange={(e) => setSince((e.target as HTMLSelectElement).value)}>
          <option value="">the start</option>{years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
        <ChartExport chart={chart} name="timeline" label="the timeline" />
        <TableExport name="timeline" label="the timeline" header={['date', 'kind', 'type', 'actors', 'summary', 'sources']} rows={shown.map((i) => [i.date, i.kind, i.type, i.actors.join(';'), i.summary, i.sources.join(';')])} />
      </div>
      <svg ref={chart} width={WIDTH} height={70} viewBox={`0 0 ${WIDTH} 70`} role="img" aria-label={`${shown.length} agreements and events from ${shown[0]?.date ?? '—'} to ${shown.at(-1)?.date ?? '—'}`}>
        <line x1={20} x2={WIDTH - 20} y1={35} y2={35} stroke="#555" />
        {shown.map((i) => <circle key={i.id} cx={x(i.date)} cy={i.kind === 'agreement' ? 25 : i.kind === 'event' ? 45 : 35} r={5} fill={i.kind === 'agreement' ? '#3182bd' : i.kind === 'event' ? '#e6550d' : '#31a354'}><title>{`${i.date} ${i.type}: ${i.summary}`}</title></circle>)}
        {ticks(t0, t1).map((y) => <g key={y}><line x1={x(`${y}-01-01`)} x2={x(`${y}-01-01`)} y1={31} y2={39} stroke="#555" /><text x={x(`${y}-01-01`)} y={66} font-size={10} font-family="sans-serif" text-anchor="middle" fill="#222">{y}</text></g>)}
      </svg>
      <p class="legend"><span aria-hidden="true" style={{ color: '#3182bd' }}>●</span> agreement (above) <span aria-hidden="true" style={{ color: '#e6550d' }}>●</span> event (below) <span aria-hidden="true" style={{ color: '#31a354' }}>●</span> accepted from an article</p>
      <ol class="timeline-list" data-testid="timeline-list">
        {shown.map((i) => (
          <li key={i.id}><strong>{i.date}</strong> {i.kind} {i.type} ({i.actors.join(', ')}): {i.summary}{' '}
            {sourcesOf(model, i.sources).map((s) => <a key={s.id} href={sourceUrl(s)} target="_blank" rel="noopener">[{sourceLine(s)}]</a>)}</li>
        ))}
      </ol>
      <h3>Read an article</h3>
      <p class="hint" data-testid="working-dataset">{stored ? `Candidates are kept for review in dataset "${working!.name}"${working!.version ? ` (version ${working!.version})` : ''}; an accepted one is stored as its next version.` : `Candidates are not stored: ${working?.why || 'the page has no dataset it may write'}.`}</p>
      <div class="field">
        <label for="article">Article text</label>
        <textarea id="article" rows={5} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        <label for="published">Published (YYYY-MM-DD)</label>
        <input id="published" value={published} pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}" onInput={(e) => setPublished((e.target as HTMLInputElement).value)} />
        <button type="button" disabled={!text.trim()} onClick={() => void read()}>Read</button>
      </div>
      <p role="status" data-testid="ingest-status">{message}</p>
      <ul data-testid="candidates">{candidates.map((c) => (
        <li key={c.id}>{c.date ?? 'no date'} {c.type} {c.source ?? '?'} → {c.targets.join(', ') || '—'} (tone {c.tone}, confidence {c.confidence}): “{c.sentence.text}”
          <button type="button" onClick={() => void decide(c, true)} aria-label={`Accept ${c.id}`}>accept</button>
          <button type="button" onClick={() => void decide(c, false)} aria-label={`Reject ${c.id}`}>reject</button></li>
      ))}</ul>
    </section>
  );
}
