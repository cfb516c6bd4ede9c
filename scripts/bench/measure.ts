import autocannon from "autocannon";

/** Latency percentiles in ms and throughput of one round. */
export interface RoundResult {
  requests: number;
  ok: number;
  errors: Record<string, number>;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

export interface HttpRequestSpec {
  method: "GET" | "POST" | "PATCH";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export function percentiles(samples: number[]): RoundResult["latencyMs"] {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    round2(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
  return { p50: at(50), p95: at(95), p99: at(99), max: round2(sorted.at(-1) ?? 0) };
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

export interface RoundLimits {
  connections: number;
  /** Stop after this long (ms)... */
  durationMs: number;
  /** ...or after this many requests, whichever comes first. */
  maxRequests?: number | undefined;
}

/**
 * One app round: autocannon over loopback at fixed concurrency. `next(i)` builds
 * the i-th request (unique bodies, rotating paths). Non-2xx answers are counted
 * by status, not hidden.
 */
export async function httpRound(
  origin: string,
  next: (index: number) => HttpRequestSpec,
  limits: RoundLimits,
): Promise<RoundResult> {
  let index = 0;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let ok = 0;
  const started = performance.now();
  await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: limits.connections,
        duration: limits.durationMs / 1000,
        ...(limits.maxRequests ? { amount: limits.maxRequests } : {}),
        timeout: 30,
        requests: [{ setupRequest: (request) => ({ ...request, ...next(index++) }) }],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (status >= 200 && status < 300) ok += 1;
      else errors[String(status)] = (errors[String(status)] ?? 0) + 1;
    });
    instance.on("reqError", () => {
      errors.socket = (errors.socket ?? 0) + 1;
    });
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    ok,
    errors,
    seconds: round2(seconds),
    perSecond: round2(ok / seconds),
    latencyMs: percentiles(latencies),
  };
}

/**
 * One raw round: `work(i)` (a sequence of DynamoDB calls) from `connections`
 * concurrent workers, the same concurrency the app round had.
 */
export async function rawRound(
  work: (index: number) => Promise<void>,
  limits: RoundLimits,
): Promise<RoundResult> {
  let index = 0;
  let ok = 0;
  const errors: Record<string, number> = {};
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + limits.durationMs;
  const max = limits.maxRequests ?? Number.POSITIVE_INFINITY;
  const worker = async () => {
    while (performance.now() < deadline && index < max) {
      const mine = index++;
      const t0 = performance.now();
      try {
        await work(mine);
        ok += 1;
      } catch (error) {
        const name = error instanceof Error ? error.name : "error";
        errors[name] = (errors[name] ?? 0) + 1;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: limits.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    ok,
    errors,
    seconds: round2(seconds),
    perSecond: round2(ok / seconds),
    latencyMs: percentiles(latencies),
  };
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round2(
    sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2,
  );
}
