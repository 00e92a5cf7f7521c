// The part of autocannon's API the server benchmark uses (the package ships no type declarations).
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      method?: string;
      headers?: Record<string, string>;
      /** Total requests per second over all connections (default: as fast as answered). */
      overallRate?: number;
      body?: string;
      /** Return the raw result, to be merged with others by aggregateResult. */
      skipAggregateResult?: boolean;
    }
    interface Histogram { average: number; total: number; p50: number; p99: number }
    interface Result {
      requests: Histogram;
      latency: Histogram;
      errors: number;
      timeouts: number;
      non2xx: number;
      '2xx': number;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  namespace autocannon {
    /** Merges raw results (skipAggregateResult) into one, latency histograms included. */
    function aggregateResult(results: unknown[], options: { url: string; connections?: number }): Result;
  }
  export default autocannon;
}
