/**
 * `npm run migrate:credits [-- --dry-run] [--table <name>]`: gives every account
 * created before credits `MIGRATION_GRANT` credits as a `migration_grant` entry,
 * once per account however often it runs (`migrateCredits` in core). Which
 * table it works on: `migrationTarget` (a running `npm start`'s by default).
 */
import { migrateCredits } from "@market/core/ledger";
import { runMigration } from "./lib/migration-target";

process.exitCode = await runMigration(
  process.argv.slice(2),
  async ({ ctx, config, table, endpoint, dryRun }) => {
    console.log(
      `${dryRun ? "Dry run: nothing is written. " : ""}Granting ${config.MIGRATION_GRANT} credits ` +
        `to accounts without a ledger in ${table}${endpoint ? ` at ${endpoint}` : ""}.`,
    );
    const report = await migrateCredits(ctx, {
      dryRun,
      onProgress: (p) =>
        process.stderr.write(
          `\rscanned ${p.scannedUsers} users, ${p.eligible} without credits, ${p.granted} granted`,
        ),
    });
    process.stderr.write("\n");
    for (const userId of report.userIds) {
      console.log(`${dryRun ? "would grant" : "granted"} ${report.amount} to ${userId}`);
    }
    console.log(
      `${report.scannedUsers} users scanned, ${report.eligible} without credits, ` +
        `${report.granted} granted now, ${report.alreadyGranted} granted before.`,
    );
  },
);
