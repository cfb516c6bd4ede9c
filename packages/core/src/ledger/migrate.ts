import { ignoreConditionFailed } from "../conditions";
import type { CoreContext } from "../context";
import { scanTable } from "../scan";
import { serviceFor } from "../service";
import { grant } from "./operations";

export interface MigrationOptions {
  /** Report what would be granted and write nothing. */
  dryRun?: boolean | undefined;
  /** Parallel Scan segments. */
  segments?: number | undefined;
  /** Called after each page of the scan, for a progress line. */
  onProgress?: ((progress: MigrationProgress) => void) | undefined;
}

export interface MigrationProgress {
  scannedUsers: number;
  /** Accounts with no ledger yet (created before credits). */
  eligible: number;
  granted: number;
  /** Eligible on the scan but granted meanwhile (another run, a replay): nothing written. */
  alreadyGranted: number;
}

export interface MigrationReport extends MigrationProgress {
  dryRun: boolean;
  amount: number;
  /** The accounts granted (or, on a dry run, that would be). */
  userIds: string[];
}

/**
 * Backfills accounts created before credits: every user without a ledger entry
 * (`ledgerSeq` 0 or missing) gets `MIGRATION_GRANT` credits as a
 * `migration_grant` entry under the key `migration_grant#<userId>`, so any
 * number of runs (or two at once) grant each account once. Legacy items without
 * `balance`/`ledgerSeq` get both set to 0 first, under a condition that they are
 * still missing. A scan, so a script's job, never a request path's.
 */
export async function migrateCredits(
  ctx: CoreContext,
  options: MigrationOptions = {},
): Promise<MigrationReport> {
  const amount = ctx.config.MIGRATION_GRANT;
  const dryRun = options.dryRun ?? false;
  const segments = options.segments ?? 4;
  const progress: MigrationProgress = {
    scannedUsers: 0,
    eligible: 0,
    granted: 0,
    alreadyGranted: 0,
  };
  const userIds: string[] = [];
  const { entities } = serviceFor(ctx.db);

  await scanTable(ctx, { segments, entity: "user" }, async (items) => {
    for (const item of items) {
      progress.scannedUsers += 1;
      if (typeof item.ledgerSeq === "number" && item.ledgerSeq > 0) continue;
      const userId = String(item.userId);
      progress.eligible += 1;
      userIds.push(userId);
      if (dryRun || amount <= 0) continue;
      if (item.ledgerSeq === undefined || item.balance === undefined) {
        await entities.user
          .patch({ userId })
          .set({ balance: 0, ledgerSeq: 0 })
          .where((user, { notExists }) => notExists(user.ledgerSeq))
          .go()
          // Another run set them first: the grant below works from its values.
          .catch(ignoreConditionFailed);
      }
      const posting = await grant(ctx, {
        userId,
        type: "migration_grant",
        amount,
        reason: "Credits for an account created before credits",
        referenceId: userId,
        idempotencyKey: `migration_grant#${userId}`,
      });
      if (posting.replayed) progress.alreadyGranted += 1;
      else progress.granted += 1;
    }
    options.onProgress?.({ ...progress });
  });
  return { ...progress, dryRun, amount, userIds };
}
