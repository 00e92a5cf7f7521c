// Text of an impact report (`corridor ingest --impact`, `corridor events impact`): per mapped event its changes,
// what it asks, or what happens "if this holds"; then the events that map to no change.
import type { ImpactReport } from '../../impact/index.ts';

/** A change in one line: `close_route route=cpc`. */
function changeLine(c: Record<string, unknown>): string {
  return [String(c.type), ...Object.entries(c).filter(([k]) => k !== 'type').map(([k, v]) => `${k}=${v === null ? '?' : Array.isArray(v) ? v.join(';') : String(v)}`)].join(' ');
}

export function formatImpactReport(report: ImpactReport): string[] {
  const lines = ['', `Impact (${report.impact.length} event(s) map to a change of the model) [method ${report.impactMethod.name} ${report.impactMethod.version}]:`];
  if (report.impact.length === 0) lines.push('  (none)');
  for (const i of report.impact) {
    lines.push(`  event ${i.event} [${i.rule}]${i.commodity ? ` ${i.commodity}${i.year ? ` ${i.year}` : ''}` : ''}: ${i.description}`);
    for (const c of i.changes) lines.push(`    change: ${changeLine(c)}`);
    for (const r of i.readings) lines.push(`    read: ${r}`);
    if (i.questions.length) {
      lines.push('    asks, before it can run (answer with --assume KEY=VALUE, or EVENT:KEY=VALUE for this event only):');
      for (const q of i.questions) {
        lines.push(`      ? ${q.key}: ${q.question}${q.candidates.length ? ` — candidates: ${q.candidates.join(', ')}` : ''}`);
      }
    } else {
      lines.push(`    ${i.summary}`);
    }
  }
  if (report.unusedAssumptions.length) {
    lines.push('', `Not used by any event: ${report.unusedAssumptions.map((a) => `--assume ${a}`).join(', ')}`);
  }
  if (report.unmapped.length) {
    lines.push('', 'Events that map to no change of the model:');
    for (const u of report.unmapped) lines.push(`  ${u.event}: ${u.reason}`);
  }
  return lines;
}
