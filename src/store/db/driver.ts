// One interface over the two databases the store runs on: SQLite (better-sqlite3, the default) and PostgreSQL
// (pg). SQL is written once with `?` placeholders and the portable subset both understand; the PostgreSQL driver
// numbers the placeholders ($1, $2 …). Every write goes through `transaction`, which commits all or nothing.

export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

/** What a transaction (or the database outside one) can run. */
export interface Queryable {
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
}

export interface Driver extends Queryable {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the database is, for messages (a file path, or the PostgreSQL URL without its password). */
  readonly location: string;
  /** Runs `work` in one transaction that takes the write lock first; rolls back if `work` throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Numbers `?` placeholders as $1, $2 … (the SQL text never holds a literal question mark). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
