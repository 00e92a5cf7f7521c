// Every error the API returns is `{error: {code, message, field?, details?}}` with the code's HTTP status
// (src/errors.ts): validation failures name the field and why, and nothing ever carries a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { CorridorError, type ErrorCode } from '../errors.ts';

export interface ApiError {
  error: { code: string; message: string; field?: string; details?: string[] };
}

export function apiError(code: ErrorCode, message: string, field?: string, details?: string[]): ApiError {
  return { error: { code, message, ...(field !== undefined ? { field } : {}), ...(details?.length ? { details } : {}) } };
}

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** The field a validation issue is about, e.g. body.files.flows.csv, query.year, params.id. */
function fieldOf(context: string, issue: ValidationIssue): string {
  const path = issue.instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const extra = issue.params.missingProperty ?? issue.params.additionalProperty;
  if (typeof extra === 'string') path.push(extra);
  const where = context === 'querystring' ? 'query' : context;
  return [where, ...path].join('.');
}

function why(issue: ValidationIssue): string {
  switch (issue.keyword) {
    case 'required': return 'is required';
    case 'additionalProperties': return 'is not a field of this request';
    case 'type': return `expects ${String(issue.params.type)}`;
    case 'pattern': return `has a form that is not accepted (expected to match ${String(issue.params.pattern)})`;
    case 'maxLength': return `is longer than ${String(issue.params.limit)} characters`;
    case 'minLength': return 'is empty';
    default: return issue.message ?? 'is not valid';
  }
}

function send(reply: FastifyReply, status: number, body: ApiError): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** The error handler of the whole app (`bodyLimit` for the 413 message). */
export const errorHandler = (bodyLimit: number) => (error: FastifyError | CorridorError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  if (error instanceof CorridorError) {
    return send(reply, error.httpStatus, apiError(error.code, error.message, error.field, error.details));
  }
  const fe = error as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (fe.validation && fe.validation.length > 0) {
    const issue = fe.validation[0];
    const field = fieldOf(fe.validationContext ?? 'body', issue);
    return send(reply, 400, apiError('CORRIDOR_ERR_ARGUMENT', `${field} ${why(issue)}`, field));
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(reply, 413, apiError('CORRIDOR_ERR_TOO_LARGE', `the request body is larger than the server's limit of ${bodyLimit} bytes`, 'body'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(reply, 415, apiError('CORRIDOR_ERR_ARGUMENT', `Content-Type ${JSON.stringify(request.headers['content-type'] ?? '')} is not accepted here: send application/json${/^\/(scenarios|risk-specs)/.test(request.routeOptions.url ?? '') ? ' or application/yaml' : ''}`, 'header.content-type'));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(reply, 400, apiError('CORRIDOR_ERR_ARGUMENT', 'the request body is empty: send a JSON object', 'body'));
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return send(reply, 400, apiError('CORRIDOR_ERR_ARGUMENT', 'the Content-Length header does not match the body', 'header.content-length'));
    default:
      break;
  }
  if (error instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return send(reply, 400, apiError('CORRIDOR_ERR_ARGUMENT', 'the request body is not valid JSON', 'body'));
  }
  const status = typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
  if (status === 500) {
    request.log.error({ err: error }, 'internal error');
    return send(reply, 500, apiError('CORRIDOR_ERR_INTERNAL', 'internal error: a fault in Corridor (the server log has the details)'));
  }
  return send(reply, status, apiError('CORRIDOR_ERR_ARGUMENT', sanitiseMessage(fe.message)));
};

function sanitiseMessage(message: string): string {
  return message.split('\n')[0].slice(0, 300);
}
