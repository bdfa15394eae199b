import http from 'node:http';

/** Latencies in milliseconds, summarized. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return {
    count: sorted.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted.at(-1) ?? NaN,
    mean: sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length),
  };
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A keep-alive HTTP/1.1 client on node:http (what undici's fetch also rests on, minus the
 * WHATWG stream layers): the load generator shares two cores with the server and
 * PostgreSQL, so it should spend as little CPU per request as it can.
 */
export function httpClient(baseUrl: string, maxSockets: number) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<HttpResponse>((resolve, reject) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          agent,
          headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      if (body !== undefined) request.write(body);
      request.end();
    });
  return { send, close: () => agent.destroy() };
}

export type HttpClient = ReturnType<typeof httpClient>;

/**
 * A closed loop: `concurrency` workers each run one job at a time until the jobs run out
 * or the duration is up. Returns each job's latency and the wall-clock time of the run.
 */
export async function closedLoop<J>(o: {
  concurrency: number;
  jobs: readonly J[];
  run: (job: J, worker: number) => Promise<boolean>;
  maxDurationMs?: number;
}): Promise<{ latencies: number[]; failures: number; elapsedMs: number }> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + (o.maxDurationMs ?? Infinity);
  const worker = async (index: number) => {
    while (next < o.jobs.length && performance.now() < deadline) {
      const job = o.jobs[next++]!;
      const t0 = performance.now();
      const ok = await o.run(job, index);
      latencies.push(performance.now() - t0);
      if (!ok) failures++;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, (_, i) => worker(i)));
  return { latencies, failures, elapsedMs: performance.now() - started };
}

/** Runs `run` one call at a time: a warm-up, then until `iterations` or `maxMs`, whichever first. */
export async function sequential(o: { warmup: number; iterations: number; maxMs: number; run: () => Promise<void> }) {
  for (let i = 0; i < o.warmup; i++) await o.run();
  const latencies: number[] = [];
  const started = performance.now();
  while (latencies.length < o.iterations && (latencies.length < 10 || performance.now() - started < o.maxMs)) {
    const t0 = performance.now();
    await o.run();
    latencies.push(performance.now() - t0);
  }
  return summarize(latencies);
}
