// A problem found in a dataset, located as precisely as the input allows.

export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  /** Line in the file (1 = header); 0 when the problem concerns the whole file. */
  row: number;
  /** Column name; '' when the problem concerns a whole row or file. */
  column: string;
  message: string;
  /** Set on findings of the plausibility checks (figures that do not fit together), which are warnings unless strict. */
  check?: 'plausibility';
}

/** `file:row:column: message`, the form every problem is printed in. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.row > 0 ? String(p.row) : '', p.column].filter((s, i) => i === 0 || s !== '').join(':');
  return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** Collects problems, with helpers that build the "expected …, found …" wording. */
export class ProblemList {
  readonly items: Problem[] = [];
  /** Problems listed per file and severity; past that they are only counted, so a huge broken file stays cheap. */
  readonly limitPerFile: number;
  private readonly counts = new Map<string, number>();

  constructor(limitPerFile = 200) {
    this.limitPerFile = limitPerFile;
  }

  private add(problem: Problem): void {
    const key = `${problem.severity} ${problem.file}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= this.limitPerFile) this.items.push(problem);
  }

  error(file: string, row: number, column: string, message: string): void {
    this.add({ severity: 'error', file, row, column, message });
  }

  warning(file: string, row: number, column: string, message: string): void {
    this.add({ severity: 'warning', file, row, column, message });
  }

  /** A plausibility finding: a warning, or an error when checking strictly. */
  plausibility(file: string, row: number, column: string, message: string, strict = false): void {
    this.add({ severity: strict ? 'error' : 'warning', file, row, column, message, check: 'plausibility' });
  }

  /** Adds one line per file whose problems were not all listed. Call once, when checking is over. */
  summariseSuppressed(): void {
    for (const [key, count] of this.counts) {
      if (count <= this.limitPerFile) continue;
      const [severity, file] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
      this.items.push({ severity: severity as Problem['severity'], file, row: 0, column: '', message: `… and ${count - this.limitPerFile} more ${severity}s in this file (not listed)` });
    }
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

  /** Findings of the plausibility checks (warnings, or errors when read strictly). */
  get plausibilityFindings(): Problem[] {
    return this.items.filter((p) => p.check === 'plausibility');
  }
}
