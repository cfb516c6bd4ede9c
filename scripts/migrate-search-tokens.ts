/**
 * `npm run migrate:search-tokens [-- --dry-run] [--table <name>]`: re-indexes
 * every stored market for search by word prefixes and common other names
 * ("btc" finds Bitcoin), which markets indexed before had not
 * (`reindexMarketSearch` in core). Run it once after deploying the new index,
 * and after changing `search-aliases.ts`; running it again is safe. Which
 * table it works on: `migrationTarget` (a running `npm start`'s by default).
 */
import { reindexMarketSearch } from "@market/core/markets";
import { runMigration } from "./lib/migration-target";

process.exitCode = await runMigration(
  process.argv.slice(2),
  async ({ ctx, table, endpoint, dryRun }) => {
    console.log(
      `${dryRun ? "Dry run: nothing is written. " : ""}Re-indexing the markets of ${table}` +
        `${endpoint ? ` at ${endpoint}` : ""} for search.`,
    );
    const report = await reindexMarketSearch(ctx, { dryRun });
    console.log(
      `${report.marketsChanged} of ${report.markets} markets ${dryRun ? "would change" : "changed"}: ` +
        `${report.tokensAdded} index items added, ${report.tokensRemoved} removed.`,
    );
  },
);
