// The Monte Carlo spread over machines through a job queue on PostgreSQL (pg-boss): a coordinator that sends
// seeded batches and merges their partial results, and workers that solve them. See docs/methods/risk.md.
export { runMonteCarloQueued, batchJobs } from './coordinator.ts';
export type { BatchJob, QueueRunOptions, QueueRunStats } from './coordinator.ts';
export { runWorker } from './worker.ts';
export type { WorkerOptions } from './worker.ts';
export { parseQueueUrl, openQueue, BATCH_QUEUE, DEFAULT_SCHEMA } from './connection.ts';
