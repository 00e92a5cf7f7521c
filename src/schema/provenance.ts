// The provenance columns shared by every table that carries figures (entities.ts and stages.ts).
import type { Attribute } from './types.ts';

/** Provenance columns shared by every table that carries figures. */
export const provenance: Attribute[] = [
  { name: 'source', type: 'list', ref: 'source', required: true,
    description: 'Id(s) of the row(s) in sources.csv that the figures of this row come from, separated by ";".' },
  { name: 'estimated', type: 'boolean', default: false, required: false,
    description: 'True when a figure of this row is derived or estimated rather than quoted; the note must then say how.' },
  { name: 'note', type: 'string', required: false, default: '',
    description: 'Free text: caveats, and for estimated rows how the figure was derived.' },
];
