import { ignoreConditionFailed } from "../conditions";
import type { CoreContext } from "../context";
import { serviceFor } from "../service";

/** Longer than any run; a crashed run's lease frees itself after this. */
const leaseMs = 10 * 60 * 1000;
const attempts = 30;
const waitMs = 1_000;

/**
 * Runs `work` holding the job's lease, so two runs (the schedule and a
 * settlement's, say) never rebuild the same boards at once. A run that cannot
 * get the lease within ~30 s returns null: the run holding it, or the next one,
 * does the work (the dirty markers stay until a run clears them).
 */
export async function withLease<T>(
  ctx: CoreContext,
  job: string,
  work: () => Promise<T>,
): Promise<T | null> {
  const service = serviceFor(ctx.db);
  const holder = ctx.newId();
  for (let attempt = 0; ; attempt++) {
    const now = Date.now();
    try {
      await service.entities.jobLease
        .put({ job, holder, expiresAt: now + leaseMs, ttl: Math.ceil((now + leaseMs) / 1000) + 60 })
        .where(
          (lease, { notExists, lt }) => `${notExists(lease.job)} OR ${lt(lease.expiresAt, now)}`,
        )
        .go();
      break;
    } catch (error) {
      ignoreConditionFailed(error);
      if (attempt + 1 >= attempts) return null;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
  try {
    return await work();
  } finally {
    await service.entities.jobLease
      .delete({ job })
      .where((lease, { eq }) => eq(lease.holder, holder))
      .go()
      .catch(() => undefined);
  }
}
