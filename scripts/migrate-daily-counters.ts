/**
 * `npm run migrate:daily-counters [-- --dry-run] [--table <name>]`: moves the
 * analytics day counters from their month partitions (entity version 1, a hot
 * partition at the PRD's load) to the per-day shards the app now writes
 * (`moveMonthCounters` in core). Run it right after deploying the per-day
 * shards, and again once no old instance is left: each run writes the same
 * sums, so it is safe to repeat and to run while the app serves. Which table
 * it works on: `migrationTarget` (a running `npm start`'s by default).
 */
import { moveMonthCounters } from "@market/core/analytics";
import { runMigration } from "./lib/migration-target";

process.exitCode = await runMigration(
  process.argv.slice(2),
  async ({ ctx, table, endpoint, dryRun }) => {
    console.log(
      `${dryRun ? "Dry run: nothing is written. " : ""}Moving the day counters of ${table}` +
        `${endpoint ? ` at ${endpoint}` : ""} to per-day shards.`,
    );
    const report = await moveMonthCounters(ctx, { dryRun });
    console.log(
      `${report.shardsRead} month-partitioned shards read, ${report.daysWritten} days ` +
        `${dryRun ? "to write" : "written"}.`,
    );
  },
);
