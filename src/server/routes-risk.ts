// The handlers of the risk, job and candidate-event routes declared in schemas.ts (routes.ts has the others).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CorridorError } from '../errors.ts';
import type { CandidateStatus } from '../store/candidates.ts';
import type { JobStatus } from '../store/db/jobs.ts';
import type { DocumentKind } from '../store/db/store.ts';
import { acceptInStore, candidateDataset, candidateOr404, rejectInStore } from './events-service.ts';
import type { JobRunner, JobView } from './jobs.ts';
import { monteCarloRequest, n1Request, parseRiskSpecText, type MonteCarloBody, type N1Body, type RiskOptions } from './risk-service.ts';
import type { Library } from './service.ts';

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
interface IdParams { id: string }

function unknownId(what: string, id: string): CorridorError {
  return new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `no ${what} with id "${id}"`, [], 'params.id');
}

export function riskHandlers(library: Library, jobs: JobRunner, options: RiskOptions): Record<string, Handler> {
  const { store } = library;
  const SPEC: DocumentKind = 'riskSpec';
  const specOr404 = async (id: string) => (await store.document(SPEC, id)) ?? Promise.reject(unknownId('risk spec', id));
  const specInput = (body: { name?: string; yaml: string }) => {
    const parsed = parseRiskSpecText(body.yaml);
    return { name: body.name ?? parsed.name, yaml: body.yaml };
  };
  /** 202 and Location for a job under way; 200 for one served from the store (the job that computed it). */
  const submitted = (reply: FastifyReply, job: JobView) => {
    reply.code(job.status === 'done' ? 200 : 202).header('location', `/jobs/${job.id}`);
    return job;
  };
  const jobOr404 = async (id: string) => (await jobs.get(id)) ?? Promise.reject(unknownId('job', id));
  const cancel: Handler = async (request) => {
    const { id } = request.params as IdParams;
    return (await jobs.cancel(id)) ?? Promise.reject(unknownId('job', id));
  };
  const datasetName = (ref: string | undefined, field: string) => candidateDataset(ref ?? library.defaultDataset, field);
  return {
    listRiskSpecs: async () => ({ riskSpecs: await store.documents(SPEC) }),
    createRiskSpec: async (request, reply) => {
      const { name, yaml } = specInput(request.body as { name?: string; yaml: string });
      reply.code(201);
      return store.createDocument(SPEC, name, yaml);
    },
    getRiskSpec: async (request) => specOr404((request.params as IdParams).id),
    updateRiskSpec: async (request) => {
      const { id } = request.params as IdParams;
      await specOr404(id);
      const { name, yaml } = specInput(request.body as { name?: string; yaml: string });
      return (await store.updateDocument(SPEC, id, name, yaml)) ?? Promise.reject(unknownId('risk spec', id));
    },
    deleteRiskSpec: async (request, reply) => {
      const { id } = request.params as IdParams;
      if (!(await store.deleteDocument(SPEC, id))) throw unknownId('risk spec', id);
      reply.code(204);
      return null;
    },
    n1Job: async (request, reply) => submitted(reply, (await jobs.submit(await n1Request(library, request.body as N1Body))).job),
    monteCarloJob: async (request, reply) => submitted(reply, (await jobs.submit(await monteCarloRequest(library, request.body as MonteCarloBody, options))).job),
    listJobs: async (request) => {
      const q = request.query as { status?: JobStatus; limit?: string };
      const limit = q.limit === undefined ? 100 : Number(q.limit);
      if (limit < 1 || limit > 1000) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `query.limit expects 1 to 1000, found ${limit}`, [], 'query.limit');
      return { jobs: await jobs.list(limit, q.status) };
    },
    getJob: async (request) => jobOr404((request.params as IdParams).id),
    cancelJob: cancel,
    cancelJobPost: cancel,
    listCandidates: async (request) => {
      const q = request.query as { dataset?: string; status?: CandidateStatus | 'all' };
      const dataset = datasetName(q.dataset, 'query.dataset');
      return { dataset, candidates: await store.candidates.list(dataset, q.status ?? 'candidate') };
    },
    getCandidate: async (request) => {
      const dataset = datasetName((request.query as { dataset?: string }).dataset, 'query.dataset');
      return candidateOr404(store, dataset, (request.params as IdParams).id);
    },
    acceptCandidate: async (request) => {
      const dataset = datasetName((request.body as { dataset?: string }).dataset, 'body.dataset');
      const result = await acceptInStore(store, dataset, (request.params as IdParams).id);
      library.forget(dataset);
      return result;
    },
    rejectCandidate: async (request) => {
      const dataset = datasetName((request.body as { dataset?: string }).dataset, 'body.dataset');
      return rejectInStore(store, dataset, (request.params as IdParams).id);
    },
  };
}
