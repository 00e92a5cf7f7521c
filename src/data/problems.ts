// A problem found in a dataset, located as precisely as the input allows.

export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  /** Line in the file (1 = header); 0 when the problem concerns the whole file. */
  row: number;
  /** Column name; '' when the problem concerns a whole row or file. */
  column: string;
  message: string;
}

/** `file:row:column: message`, the form every problem is printed in. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.row > 0 ? String(p.row) : '', p.column].filter((s, i) => i === 0 || s !== '').join(':');
  return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** Collects problems, with helpers that build the "expected …, found …" wording. */
export class ProblemList {
  readonly items: Problem[] = [];

  error(file: string, row: number, column: string, message: string): void {
    this.items.push({ severity: 'error', file, row, column, message });
  }

  warning(file: string, row: number, column: string, message: string): void {
    this.items.push({ severity: 'warning', file, row, column, message });
  }

  expected(file: string, row: number, column: string, expected: string, found: string): void {
    this.error(file, row, column, `expected ${expected}, found ${found === '' ? 'an empty cell' : JSON.stringify(found)}`);
  }

  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === 'error');
  }

  get warnings(): Problem[] {
    return this.items.filter((p) => p.severity === 'warning');
  }
}
