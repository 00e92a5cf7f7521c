// The coded error registry. Every error a user can meet has a code, an exit code (CLI) and an
// HTTP status (server), and is listed with "how to solve" in docs/errors.md (a test keeps them in step).

export interface ErrorCodeInfo {
  exitCode: number;
  httpStatus: number;
  howToSolve: string;
}

export const ERROR_CODES = {
  CORRIDOR_ERR_DATASET_NOT_FOUND: { exitCode: 2, httpStatus: 404, howToSolve: 'Check the --dataset folder: it must contain a datapackage.json.' },
  CORRIDOR_ERR_DATASET_INVALID: { exitCode: 1, httpStatus: 422, howToSolve: 'Run `corridor validate DIR` and fix each reported file:row:column.' },
  CORRIDOR_ERR_ARGUMENT: { exitCode: 2, httpStatus: 400, howToSolve: 'Check the command line against `corridor <command> --help`.' },
  CORRIDOR_ERR_UNKNOWN_ID: { exitCode: 2, httpStatus: 404, howToSolve: 'Use one of the ids the message lists as available.' },
  CORRIDOR_ERR_NO_DATA: { exitCode: 2, httpStatus: 404, howToSolve: 'Pick a year or commodity that the dataset has figures for (the message lists them).' },
  CORRIDOR_ERR_METHOD_INPUT: { exitCode: 2, httpStatus: 422, howToSolve: 'Add the missing method inputs to the dataset (see docs/methods/).' },
  CORRIDOR_ERR_SCENARIO_INVALID: { exitCode: 2, httpStatus: 422, howToSolve: 'Fix the scenario file at the reported line (see docs/scenarios.md).' },
  CORRIDOR_ERR_SOLVER: { exitCode: 3, httpStatus: 500, howToSolve: 'The LP solver did not reach an optimum; report the scenario and dataset hash.' },
  CORRIDOR_ERR_INPUT_TEXT: { exitCode: 2, httpStatus: 400, howToSolve: 'Give plain English text (UTF-8); HTML is stripped, binary input is refused.' },
  CORRIDOR_ERR_EVENT_NOT_FOUND: { exitCode: 2, httpStatus: 404, howToSolve: 'Run `corridor events list` to see the candidate ids.' },
  CORRIDOR_ERR_WRITE: { exitCode: 1, httpStatus: 500, howToSolve: 'Check that the dataset folder is writable; nothing was changed.' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error meant for the user: a code and a one-line message naming what and where. */
export class CorridorError extends Error {
  readonly code: ErrorCode;
  /** Extra lines (e.g. every validation problem) printed after the message. */
  readonly details: string[];

  constructor(code: ErrorCode, message: string, details: string[] = []) {
    super(message);
    this.name = 'CorridorError';
    this.code = code;
    this.details = details;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exitCode;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].httpStatus;
  }
}

/** Lists the available values in a message, shortened when there are many. */
export function available(values: Iterable<string | number>, max = 30): string {
  const list = [...values].map(String);
  if (list.length === 0) return 'none';
  return list.length > max ? `${list.slice(0, max).join(', ')} … (${list.length} in all)` : list.join(', ');
}
