/**
 * `npm run rebuild:aggregates [-- --dry-run] [--table <name>]`: recomputes every
 * leaderboard stat, day counter and week of credit flows from the ledger, the bets and the sessions,
 * prints what differs, and (without `--dry-run`) sets what drifted back
 * (`rebuildAggregates` in core; the admin's `POST /admin/jobs/rebuild-aggregates`
 * does the same). Which table: `migrationTarget` (a running `npm start`'s by
 * default). Run it with the stream consumer caught up.
 */
import { compareAggregates, rebuildAggregates } from "@market/core/derived";
import { runMigration } from "./lib/migration-target";

process.exitCode = await runMigration(
  process.argv.slice(2),
  async ({ ctx, table, endpoint, dryRun }) => {
    console.log(
      `${dryRun ? "Dry run: nothing is written. " : ""}Recomputing the derived numbers of ${table}` +
        `${endpoint ? ` at ${endpoint}` : ""} from the ledger and the bets.`,
    );
    const before = await compareAggregates(ctx);
    console.log(
      `${before.checked.stats} stats, ${before.checked.days} days and ${before.checked.flows} ` +
        `weeks of credit flows checked: ` +
        `${before.differences.length} differences.`,
    );
    for (const difference of before.differences.slice(0, 20)) {
      console.log(
        `  ${difference.key} ${difference.field}: ${difference.actual} (recomputed ${difference.expected})`,
      );
    }
    if (dryRun || before.differences.length === 0) return;
    const report = await rebuildAggregates(ctx);
    console.log(
      `${report.statsRewritten} stats, ${report.daysRewritten} days and ` +
        `${report.flowsRewritten} weeks of credit flows rewritten.`,
    );
  },
);
