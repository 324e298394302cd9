import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

/** One operation under load: where to send it and how each request's body is made. */
export interface Load {
  url: string;
  headers?: Record<string, string>;
  /** The body of each request (called once per request, so ids and keys can vary). */
  body: () => string;
  /** Headers that vary per request (a client's address behind the proxy, say). */
  headersPerRequest?: () => Record<string, string>;
}

export interface LoadResult {
  /** Successful requests per second over the measured window. */
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Requests in the measured window, successful or not. */
  requests: number;
  /** Non-2xx answers, GraphQL errors and transport errors. */
  failures: number;
}

export interface LoadSettings {
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

/** The value below which `fraction` of the sorted samples fall. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)] ?? Number.NaN;
}

/**
 * Runs `load` with a fixed number of connections, each sending its next request as soon as the
 * previous one is answered (closed loop): first `warmupSeconds` unmeasured, then `beforeMeasuring`
 * (e.g. resetting statement counters), then `seconds` measured. Latencies are per request as
 * autocannon sees them; a GraphQL answer with `errors` counts as a failure.
 */
export async function runLoad(
  load: Load,
  settings: LoadSettings,
  beforeMeasuring: () => Promise<void> = async () => {},
): Promise<LoadResult> {
  if (settings.warmupSeconds > 0)
    await cannon(load, settings.connections, { seconds: settings.warmupSeconds });
  await beforeMeasuring();
  return cannon(load, settings.connections, { seconds: settings.seconds });
}

/** Runs `load` for `seconds` with `settings`' connections, unmeasured. */
export async function warmUp(load: Load, settings: LoadSettings, seconds: number): Promise<void> {
  await cannon(load, settings.connections, { seconds });
}

/** Sends `load` `count` times over `connections` (closed loop), and answers when all are answered. */
export async function sendTimes(load: Load, connections: number, count: number): Promise<LoadResult> {
  return cannon(load, connections, { count });
}

/** A load runs for some seconds, or until it has sent some requests. */
type Length = { seconds: number } | { count: number };

async function cannon(load: Load, connections: number, length: Length): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.url,
        connections,
        ...('seconds' in length ? { duration: length.seconds } : { amount: length.count }),
        method: 'POST',
        headers: { 'content-type': 'application/json', ...load.headers },
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: load.body(),
              headers: { ...request.headers, ...load.headersPerRequest?.() },
            }),
          },
        ],
        verifyBody: (body) => !String(body).includes('"errors"'),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  // Every non-2xx answer of a GraphQL server carries `errors`, so mismatches include them.
  const failures = result.errors + result.timeouts + result.mismatches;
  return {
    requestsPerSecond: (result.requests.total - failures) / ('seconds' in length ? length.seconds : elapsed),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    requests: result.requests.total,
    failures,
  };
}
