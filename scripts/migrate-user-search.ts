/**
 * `npm run migrate:user-search [-- --dry-run] [--table <name>]`: moves every
 * user's admin search keys (email and username prefixes) off the user item onto
 * a `UserSearchKey` item of its own (`migrateUserSearchKeys` in core), so a
 * balance change no longer rewrites two index entries. Run it once after
 * deploying issue 22; running it again is safe, and so is running it while the
 * app serves. Which table it works on: `migrationTarget` (a running `npm
 * start`'s by default).
 */
import { migrateUserSearchKeys } from "@market/core/admin";
import { runMigration } from "./lib/migration-target";

process.exitCode = await runMigration(
  process.argv.slice(2),
  async ({ ctx, table, endpoint, dryRun }) => {
    console.log(
      `${dryRun ? "Dry run: nothing is written. " : ""}Moving the admin search keys of ${table}` +
        `${endpoint ? ` at ${endpoint}` : ""}'s users to items of their own.`,
    );
    const report = await migrateUserSearchKeys(ctx, { dryRun });
    console.log(
      `${report.users} users: ${report.keysWritten} search items ${dryRun ? "to write" : "written"}, ` +
        `${report.usersCleaned} user items ${dryRun ? "to clean" : "cleaned"} of their old keys.`,
    );
  },
);
