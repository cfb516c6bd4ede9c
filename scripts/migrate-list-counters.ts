/**
 * `npm run migrate:list-counters [-- --dry-run] [--table <name>]`: makes the
 * list counters (`total` of `/markets`, `/bets/me`, `/transactions/me`) and the
 * sessions' user-and-market index true for data written before they existed
 * (`backfillListCounters` in core). Run it once after deploying the counters,
 * when the market jobs are quiet; running it again is safe. Which table it
 * works on: `migrationTarget` (a running `npm start`'s by default).
 */
import { backfillListCounters } from "@market/core/paging";
import { runMigration } from "./lib/migration-target";

process.exitCode = await runMigration(
  process.argv.slice(2),
  async ({ ctx, table, endpoint, dryRun }) => {
    console.log(
      `${dryRun ? "Dry run: nothing is written. " : ""}Setting the list counters of ${table}` +
        `${endpoint ? ` at ${endpoint}` : ""} from its items.`,
    );
    const report = await backfillListCounters(ctx, {
      dryRun,
      onProgress: (p) =>
        process.stderr.write(`\r${p.users} users, ${p.markets} markets, ${p.sessions} sessions`),
    });
    process.stderr.write("\n");
    console.log(
      `${report.usersCounted} users counted, ${report.marketCounters} market counters set ` +
        `(${report.markets} markets), ${report.sessionsIndexed} of ${report.sessions} sessions indexed.`,
    );
  },
);
