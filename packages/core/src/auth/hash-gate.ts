import type { Config } from "../config";
import { DomainError } from "../errors";
import { limitsOf } from "../limits";

/**
 * Every password hash waited past the queue's limit: the process is busy hashing.
 * Retrying after a second or two is safe.
 */
export class PasswordHashingBusy extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super("AUTH_BUSY", "Too many sign-ins at once, try again in a moment", { retryAfterSeconds });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * A counting semaphore with a bounded queue and a bounded wait: at most
 * `concurrency` tasks run; at most `maxQueued` more wait in FIFO order, for at
 * most `maxWaitMs`; a task finding the queue full, or waiting too long, fails
 * with `PasswordHashingBusy` (503 `AUTH_BUSY`, `Retry-After`). One per process
 * and configuration, so however many requests arrive, hashing memory is bounded
 * (`concurrency` × 19 MiB for argon2id) and a flood of guesses is turned away
 * at once instead of making every login wait behind it.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: { grant: () => void }[] = [];
  /** Waiting tasks per client (e.g. `ip:203.0.113.7`), for `maxQueuedPerClient`. */
  private readonly waitingBy = new Map<string, number>();

  constructor(
    readonly concurrency: number,
    readonly maxWaitMs: number,
    readonly maxQueued = Number.POSITIVE_INFINITY,
    /** So one client's flood cannot fill the queue and turn everyone else away. */
    readonly maxQueuedPerClient = Number.POSITIVE_INFINITY,
  ) {}

  /** Runs `task` in a slot; `client` names who asked, for the per-client share of the queue. */
  async run<T>(task: () => Promise<T>, client?: string): Promise<T> {
    await this.acquire(client);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(client: string | undefined): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    const queuedByClient = client === undefined ? 0 : (this.waitingBy.get(client) ?? 0);
    if (this.waiting.length >= this.maxQueued || queuedByClient >= this.maxQueuedPerClient) {
      return Promise.reject(new PasswordHashingBusy(this.retryAfterSeconds()));
    }
    const leave = () => {
      if (client === undefined) return;
      const left = (this.waitingBy.get(client) ?? 1) - 1;
      if (left > 0) this.waitingBy.set(client, left);
      else this.waitingBy.delete(client);
    };
    if (client !== undefined) this.waitingBy.set(client, queuedByClient + 1);
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          leave();
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        leave();
        reject(new PasswordHashingBusy(this.retryAfterSeconds()));
      }, this.maxWaitMs);
      this.waiting.push(waiter);
    });
  }

  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.maxWaitMs / 1000));
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `running` stays the same.
    if (next) next.grant();
    else this.running--;
  }
}

const gates = new WeakMap<Config, HashGate>();

/** The process's gate for this configuration (`limitsOf(config).passwordHashing`). */
export function hashGate(config: Config): HashGate {
  let gate = gates.get(config);
  if (!gate) {
    const { concurrency, maxWaitMs, maxQueued, maxQueuedPerClient } =
      limitsOf(config).passwordHashing;
    gate = new HashGate(concurrency, maxWaitMs, maxQueued, maxQueuedPerClient);
    gates.set(config, gate);
  }
  return gate;
}
