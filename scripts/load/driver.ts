import { percentiles } from "../bench/measure";

/** Latency and outcome of every request a load run makes, by action and by error code. */
export class LoadStats {
  private readonly latencies = new Map<string, number[]>();
  private readonly outcomes = new Map<string, Record<string, number>>();
  private started = performance.now();

  record(action: string, ms: number, outcome: string): void {
    const list = this.latencies.get(action) ?? [];
    list.push(ms);
    this.latencies.set(action, list);
    const counts = this.outcomes.get(action) ?? {};
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    this.outcomes.set(action, counts);
  }

  restart(): void {
    this.latencies.clear();
    this.outcomes.clear();
    this.started = performance.now();
  }

  summary() {
    const seconds = (performance.now() - this.started) / 1000;
    const byAction: Record<string, unknown> = {};
    const errorsByCode: Record<string, number> = {};
    let total = 0;
    let failed = 0;
    for (const [action, list] of this.latencies) {
      const outcomes = this.outcomes.get(action) ?? {};
      byAction[action] = { requests: list.length, latencyMs: percentiles(list), outcomes };
      total += list.length;
      for (const [outcome, n] of Object.entries(outcomes)) {
        if (outcome.startsWith("2")) continue;
        failed += n;
        errorsByCode[outcome] = (errorsByCode[outcome] ?? 0) + n;
      }
    }
    const all = [...this.latencies.values()].flat();
    return {
      seconds: Math.round(seconds * 10) / 10,
      requests: total,
      perSecond: Math.round((total / Math.max(seconds, 0.001)) * 10) / 10,
      latencyMs: percentiles(all),
      errorRate: total ? Math.round((failed / total) * 10_000) / 10_000 : 0,
      errorsByCode,
      byAction,
    };
  }
}

export interface CallResult<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** One HTTP call of a simulated user, timed and counted as `<status>` or `<status> <code>`. */
export async function call<T = Record<string, unknown>>(
  stats: LoadStats,
  origin: string,
  action: string,
  request: {
    method: string;
    path: string;
    token?: string | undefined;
    /** Sent as JSON; a string is sent as it is (a body signed byte for byte). */
    body?: unknown;
    headers?: Record<string, string> | undefined;
  },
): Promise<CallResult<T>> {
  const t0 = performance.now();
  try {
    const response = await fetch(`${origin}${request.path}`, {
      method: request.method,
      headers: {
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
        ...request.headers,
      },
      body:
        request.body === undefined || typeof request.body === "string"
          ? request.body
          : JSON.stringify(request.body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let body = {} as T;
    try {
      body = JSON.parse(text) as T;
    } catch {
      // SPA or empty bodies: the status says enough
    }
    const code = (body as { code?: string }).code;
    stats.record(
      action,
      performance.now() - t0,
      response.ok ? String(response.status) : `${response.status}${code ? ` ${code}` : ""}`,
    );
    return { status: response.status, body };
  } catch (error) {
    const name =
      error instanceof Error
        ? ((error.cause as Error | undefined)?.message ?? error.name)
        : "error";
    stats.record(action, performance.now() - t0, `network ${name}`.slice(0, 60));
    return { status: 0, body: {} as T };
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `task` over `items` with at most `concurrency` at once. */
export async function pool<T>(
  items: T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Answers that were 500 (a bug, never a clean refusal), across the given phases. */
export function internalErrors(...phases: { errorsByCode: Record<string, number> }[]): number {
  return phases
    .flatMap((phase) => Object.entries(phase.errorsByCode))
    .filter(([outcome]) => outcome.startsWith("500"))
    .reduce((sum, [, n]) => sum + n, 0);
}
