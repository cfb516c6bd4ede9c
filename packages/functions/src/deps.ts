import type { SigningKeys } from "@market/core/auth";
import { loadSigningKeys } from "@market/core/auth";
import type { Config } from "@market/core/config";
import type { CoreContext } from "@market/core/context";
import { createContext } from "@market/core/context";
import type { Db } from "@market/core/db";
import { dbFromConfig } from "@market/core/db";
import type { EmailSender } from "@market/core/email";
import { emailSenderFor } from "@market/core/email";
import type { ClobClient, GammaClient } from "@market/core/polymarket";
import { loadModelRegistry, parseModelFaults } from "@market/core/predictions/models";
import { logger } from "./logger";
import { type AppServices, inBackground } from "./services";
import { createSfnSessionStarter } from "./workflows/session/aws";
import type { SessionTaskDeps } from "./workflows/session/tasks";
import { createSfnSettlementStarter } from "./workflows/settlement/aws";
import { parseWorkflowFaults } from "./workflows/workflow-faults";

/** What the HTTP app is built from (`createApp`); `loadAppDeps` builds it from the environment. */
export interface AppDeps {
  db: Db;
  config: Config;
  /** Access-token keyring (see `loadAppDeps`). */
  keys: SigningKeys;
  /** Where emails go; an outbox also gets the admin-only dev listing route. */
  email: EmailSender;
  /** Workflows and Polymarket (see `loadAppDeps`). */
  services: AppServices;
  /** Serve the built SPA from here (local runs); unset behind API Gateway. */
  webDistDir?: string | undefined;
  clock?: CoreContext["clock"];
  newId?: CoreContext["newId"];
}

/**
 * Everything `createApp` needs, from configuration (in AWS, with its bound
 * secrets filled in by `withBoundSecrets` first): the table, the token keys
 * (JWT_SECRET, or a generated file under DATA_DIR when running locally) and the
 * email transport.
 */
export async function loadAppDeps(
  config: Config,
  options: { local: boolean },
): Promise<Omit<AppDeps, "webDistDir">> {
  const db = dbFromConfig(config);
  const keys = await loadSigningKeys({
    secret: config.JWT_SECRET,
    localDataDir: options.local ? config.DATA_DIR : undefined,
  });
  const email = emailSenderFor(config);
  const services = await loadServices(config, db, { ...options, email });
  return { db, config, keys, email, services };
}

/** What the session workflow's tasks run with, from configuration. */
export function sessionTaskDeps(config: Config, db: AppDeps["db"]): SessionTaskDeps {
  return {
    ctx: createContext({ db, config }),
    registry: loadModelRegistry(config),
    modelFaults: parseModelFaults(config.MODEL_FAULTS),
    workflowFaults: parseWorkflowFaults(config.WORKFLOW_FAULTS),
    modelTimeoutMs: Math.round(config.MODEL_TIMEOUT_SECONDS * 1000),
  };
}

/**
 * Polymarket: the Gamma API when POLYMARKET_GAMMA_URL is set, else the bundled
 * demo data; imported on first use, as only the market jobs call it (the demo
 * data alone is 40 KB an API cold start need not parse).
 */
function gammaClient(config: Config): GammaClient {
  let client: Promise<GammaClient> | undefined;
  const load = () =>
    (client ??= import("@market/core/polymarket").then((polymarket) =>
      config.POLYMARKET_GAMMA_URL
        ? polymarket.createGammaClient({ baseUrl: config.POLYMARKET_GAMMA_URL })
        : polymarket.createDemoGammaClient(),
    ));
  return {
    listMarkets: async (query) => (await load()).listMarkets(query),
    async *pages(options) {
      yield* (await load()).pages(options);
    },
  };
}

/** Price histories: the CLOB API beside the Gamma API, the invented demo histories beside the demo data. */
function clobClient(config: Config): ClobClient {
  let client: Promise<ClobClient> | undefined;
  const load = () =>
    (client ??= import("@market/core/polymarket").then((polymarket) =>
      config.POLYMARKET_GAMMA_URL
        ? polymarket.createClobClient({ baseUrl: config.POLYMARKET_CLOB_URL })
        : polymarket.createDemoClobClient(),
    ));
  return { pricesHistory: async (query) => (await load()).pricesHistory(query) };
}

/**
 * Polymarket: see `gammaClient` and `clobClient`. Workflows: Step Functions in AWS, the same ASL in-process locally
 * (imported only then: the local engine costs a Lambda ~130 ms at cold start).
 */
export async function loadServices(
  config: Config,
  db: AppDeps["db"],
  /** `email`: the local settlement's catch-up of the stream sends payout emails with it. */
  options: { local: boolean; email?: EmailSender | undefined },
): Promise<AppServices> {
  const gamma = gammaClient(config);
  const clob = clobClient(config);
  const tasks = sessionTaskDeps(config, db);
  if (options.local) {
    const [{ createLocalSettlementStarter }, { createLocalSessionWorkflow }] = await Promise.all([
      import("./workflows/settlement/local"),
      import("./workflows/session/local"),
    ]);
    return {
      gamma,
      clob,
      models: tasks.registry,
      settlement: createLocalSettlementStarter({
        ...createContext({ db, config }),
        email: options.email,
      }),
      sessions: createLocalSessionWorkflow(tasks),
      afterResponse: inBackground((error) => logger.error("background task failed", { error })),
    };
  }
  if (!config.SETTLEMENT_STATE_MACHINE_ARN || !config.SESSION_STATE_MACHINE_ARN) {
    throw new Error(
      "SETTLEMENT_STATE_MACHINE_ARN and SESSION_STATE_MACHINE_ARN must be set (the Workflows stack provides them)",
    );
  }
  return {
    gamma,
    clob,
    models: tasks.registry,
    settlement: createSfnSettlementStarter({
      stateMachineArn: config.SETTLEMENT_STATE_MACHINE_ARN,
    }),
    sessions: createSfnSessionStarter({ stateMachineArn: config.SESSION_STATE_MACHINE_ARN }),
  };
}
