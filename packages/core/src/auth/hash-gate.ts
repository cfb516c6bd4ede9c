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
 * A counting semaphore with a bounded wait: at most `concurrency` tasks run; the
 * rest wait in FIFO order for at most `maxWaitMs`, then fail with
 * `PasswordHashingBusy`. One per process and configuration, so however many
 * requests arrive, hashing memory is bounded (`concurrency` × 19 MiB for argon2id)
 * and a flood of guesses queues behind a short wait instead of starving everyone.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: { grant: () => void }[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaitMs: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new PasswordHashingBusy(Math.max(1, Math.ceil(this.maxWaitMs / 1000))));
      }, this.maxWaitMs);
      this.waiting.push(waiter);
    });
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
    const { concurrency, maxWaitMs } = limitsOf(config).passwordHashing;
    gate = new HashGate(concurrency, maxWaitMs);
    gates.set(config, gate);
  }
  return gate;
}
