import type { CoreContext } from "@market/core";
import type { Config } from "@market/core/config";
import { runExpiry } from "@market/functions/jobs/expiry";
import { runMarketSync, runOddsRefresh, runResolutionPoll } from "@market/functions/jobs/markets";
import { runRankingJob } from "@market/functions/jobs/ranking";
import { runReconcile } from "@market/functions/jobs/reconcile";
import { runSessionSweep } from "@market/functions/jobs/sessions";
import type { AppServices } from "@market/functions/services";

interface Job {
  name: string;
  everySeconds: number;
  run: () => Promise<string>;
}

/**
 * The local stand-in for the EventBridge schedules: each job on its own timer,
 * never two runs of one job at once, and the market sync once at startup so a
 * fresh `npm start` has markets. An interval of 0 turns a job off.
 */
export function startLocalSchedules(
  core: CoreContext,
  services: AppServices,
  config: Config,
  log: (line: string) => void = console.log,
): { stop: () => void } {
  const jobs: Job[] = [
    {
      name: "market sync",
      everySeconds: config.MARKET_SYNC_INTERVAL_SECONDS,
      run: async () => {
        const r = await runMarketSync(core, services);
        return `${r.fetched} fetched, ${r.upserted} updated, ${r.skipped} skipped, ${r.resolved} resolved`;
      },
    },
    {
      name: "resolution poll",
      everySeconds: config.RESOLUTION_POLL_INTERVAL_SECONDS,
      run: async () => {
        const r = await runResolutionPoll(core, services);
        return `${r.closed} closed, ${r.checked} checked, ${r.resolved} resolved`;
      },
    },
    {
      name: "odds refresh",
      everySeconds: config.ODDS_REFRESH_INTERVAL_SECONDS,
      run: async () => {
        const r = await runOddsRefresh(core, services);
        return `${r.watched} watched, ${r.upserted} updated, ${r.dropped} dropped`;
      },
    },
    {
      name: "ranking",
      everySeconds: config.RANKING_INTERVAL_SECONDS,
      run: async () => {
        const r = await runRankingJob(core, "schedule");
        return `${r.changedUsers} changed users, ${r.boardsRebuilt} boards, ${r.writes} writes`;
      },
    },
    {
      name: "session sweep",
      everySeconds: config.SESSION_SWEEP_INTERVAL_SECONDS,
      run: async () => {
        const r = await runSessionSweep(core);
        return `${r.found} stuck sessions, ${r.outcomes.refunded ?? 0} refunded`;
      },
    },
    {
      name: "credit expiry",
      everySeconds: config.CREDIT_EXPIRY_INACTIVE_DAYS ? config.EXPIRY_INTERVAL_SECONDS : 0,
      run: async () => {
        const r = await runExpiry(core);
        return `${r.usersChecked} users checked, ${r.usersExpired} expired (${r.creditsExpired} credits)`;
      },
    },
    {
      name: "ledger reconcile",
      everySeconds: config.RECONCILE_INTERVAL_SECONDS,
      run: async () => {
        const r = await runReconcile(core);
        return `${r.scanned.users} users, ${r.scanned.entries} entries, ${r.differences.length} differences`;
      },
    },
  ];
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs.filter((candidate) => candidate.everySeconds > 0)) {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        log(`${job.name}: ${await job.run()}`);
      } catch (error) {
        // The API keeps serving what is stored; the next tick tries again.
        log(`${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = false;
      }
    };
    timers.push(setInterval(tick, job.everySeconds * 1000).unref());
    if (job.name === "market sync") void tick();
  }
  return { stop: () => timers.forEach(clearInterval) };
}
