// Messages between the page and the solver's Web Worker.
import type { ModelInfo } from '../../src/model/model.ts';

export type WorkerRequest =
  | { id: number; kind: 'init'; tables: unknown; info: ModelInfo }
  | { id: number; kind: 'scenario'; yaml: string; file: string }
  | { id: number; kind: 'n1'; commodity: string; year: number; importer?: string }
  | { id: number; kind: 'montecarlo'; spec: string; draws?: number };

export type WorkerReply =
  | { id: number; ok: true; value: unknown; ms?: number }
  | { id: number; ok: false; error: string };
