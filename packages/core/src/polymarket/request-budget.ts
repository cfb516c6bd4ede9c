/**
 * A client-side sliding-window limiter: at most `limit` requests start in any
 * `windowMs`. Callers wait their turn in order, so concurrent callers cannot both
 * take the last slot.
 */
export interface RequestBudget {
  /** Resolves when a request may start; the slot is counted from that moment. */
  take(): Promise<void>;
}

export function createRequestBudget(options: {
  limit: number;
  windowMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}): RequestBudget {
  const { limit, windowMs, now, sleep } = options;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`Request budget must be a positive integer, got ${limit}`);
  }
  const starts: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  async function waitForSlot(): Promise<void> {
    for (;;) {
      const time = now();
      while (starts.length > 0 && (starts[0] ?? 0) + windowMs <= time) starts.shift();
      const oldest = starts[0];
      if (starts.length < limit || oldest === undefined) {
        starts.push(time);
        return;
      }
      await sleep(oldest + windowMs - time);
    }
  }

  return {
    take() {
      const turn = queue.then(waitForSlot);
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
