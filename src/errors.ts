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
  CORRIDOR_ERR_DATASET_LOCKED: { exitCode: 1, httpStatus: 409, howToSolve: 'Another command is writing to this dataset (the message names it): wait for it, or raise CORRIDOR_LOCK_WAIT (seconds). A lock left by a process on another host must be removed by hand.' },
  CORRIDOR_ERR_STORE: { exitCode: 1, httpStatus: 503, howToSolve: 'The store database (CORRIDOR_DATABASE_URL; default a SQLite file, see docs/store.md) could not be opened or written: check the URL, that PostgreSQL runs, and that the file\'s folder is writable; run `corridor db migrate` when the message asks for it. Nothing was half-written.' },
  CORRIDOR_ERR_UNAUTHORIZED: { exitCode: 2, httpStatus: 401, howToSolve: 'Send an API token as `Authorization: Bearer TOKEN`; create one with `corridor token create NAME` (a revoked token no longer works).' },
  CORRIDOR_ERR_TOO_LARGE: { exitCode: 2, httpStatus: 413, howToSolve: 'Send a smaller request: the server refuses bodies over its limit (`corridor serve --body-limit`).' },
  CORRIDOR_ERR_INTERNAL: { exitCode: 70, httpStatus: 500, howToSolve: 'A fault in Corridor, not in the request: report the request and the server log\'s message (the response never carries the details).' },
  CORRIDOR_ERR_BUSY: { exitCode: 1, httpStatus: 503, howToSolve: 'The server has as many risk jobs waiting as it takes (`corridor serve --job-queue`), or the job runs in another server process: wait for jobs to finish and send the request again, or cancel the job through the server that runs it.' },
  CORRIDOR_ERR_READ_ONLY: { exitCode: 2, httpStatus: 403, howToSolve: 'The default dataset that ships with Corridor is read-only: make a working copy with `corridor init DIR` and pass --dataset DIR (or set CORRIDOR_DATASET=DIR).' },
  CORRIDOR_ERR_QUEUE: { exitCode: 1, httpStatus: 503, howToSolve: 'The job queue\'s database (`--queue postgres://…`) could not be reached or used: check the URL, that PostgreSQL runs and accepts this user, and that workers (`corridor worker --queue …`) are running; a batch that failed on every try names its error.' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Exit status of an error that is not a CorridorError: a fault in Corridor itself, not in its input. */
export const INTERNAL_ERROR_EXIT_CODE = 70;

/** What each exit code of the CLI means and what to do about it (docs/errors.md). */
export const EXIT_CODES: Record<number, { meaning: string; whatToDo: string }> = {
  0: { meaning: 'Success. For `corridor validate`: the dataset is valid (warnings, such as implausible figures, do not change that unless strict).', whatToDo: '' },
  1: { meaning: 'The dataset is invalid (every problem is listed as file:row:column), or it could not be written.', whatToDo: 'Fix each reported file:row:column; `corridor validate DIR` lists them all.' },
  2: { meaning: 'The command line or an input other than the dataset is wrong, or what was asked for is not in the dataset.', whatToDo: 'Read the one-line message: it names the argument, file or id, and lists what is available.' },
  3: { meaning: 'The solver did not reach an optimum.', whatToDo: 'Report the scenario and the dataset hash.' },
  [INTERNAL_ERROR_EXIT_CODE]: {
    meaning: 'Internal error: a fault in Corridor, not in your data or command. The message reads `corridor: internal error: MESSAGE (this is a fault in Corridor; CORRIDOR_DEBUG=1 prints where it happened)`.',
    whatToDo: 'Rerun the same command with `CORRIDOR_DEBUG=1` set and report the message and the stack it prints, with the command line and the dataset hash (`corridor validate` prints it).',
  },
};

/** An error meant for the user: a code and a one-line message naming what and where. */
export class CorridorError extends Error {
  readonly code: ErrorCode;
  /** Extra lines (e.g. every validation problem) printed after the message. */
  readonly details: string[];
  /** The input field at fault, when there is one (a request's body or query field, e.g. `files.flows.csv`). */
  readonly field?: string;

  constructor(code: ErrorCode, message: string, details: string[] = [], field?: string) {
    super(message);
    this.name = 'CorridorError';
    this.code = code;
    this.details = details;
    if (field !== undefined) this.field = field;
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
