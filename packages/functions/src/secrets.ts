import type { Config } from "@market/core/config";
import { logger } from "./logger";

/** Secrets the stacks bind with SST (`npx sst secrets set NAME value`). */
export const boundSecretNames = ["OPENAI_COMPATIBLE_API_KEY"] as const;

/** What SST puts in a function's environment for a bound secret: fetch it from SSM. */
const fetchFromSsm = "__FETCH_FROM_SSM__";

/**
 * The configuration with SST-bound secrets filled in. SST passes a bound secret
 * as `SST_Secret_value_<NAME>=__FETCH_FROM_SSM__` and stores it in SSM under
 * `<SST_SSM_PREFIX>Secret/<NAME>/value` (or the app's `.fallback` path). They
 * are read here with the same AWS SDK as the rest of the code (loaded only when
 * a secret is bound). A secret that is not set is left out with a warning: the
 * model that needs it shows as unavailable, and every other route still works.
 * Outside SST (local runs, tests) nothing is bound and `config` comes back as is.
 */
export async function withBoundSecrets(config: Config): Promise<Config> {
  const bound = boundSecretNames.filter(
    (name) => config[`SST_Secret_value_${name}`] === fetchFromSsm,
  );
  if (bound.length === 0) return config;
  const { SSMClient, GetParametersCommand } = await import("./ssm-client");
  const client = new SSMClient({});
  const read = async (paths: string[]) => {
    if (paths.length === 0) return new Map<string, string>();
    const { Parameters = [] } = await client.send(
      new GetParametersCommand({ Names: paths, WithDecryption: true }),
    );
    return new Map(Parameters.flatMap((p) => (p.Name && p.Value ? [[p.Name, p.Value]] : [])));
  };
  const path = (name: string) => `${config.SST_SSM_PREFIX ?? ""}Secret/${name}/value`;
  const fallback = (name: string) => `/sst/${config.SST_APP}/.fallback/Secret/${name}/value`;
  const values: Partial<Record<(typeof boundSecretNames)[number], string>> = {};
  try {
    const found = await read(bound.map(path));
    const missing = bound.filter((name) => !found.has(path(name)));
    const fallbacks = await read(missing.map(fallback));
    for (const name of bound) {
      const value = found.get(path(name)) ?? fallbacks.get(fallback(name));
      if (value) values[name] = value;
      else logger.warn("secret not set; what needs it is unavailable", { secret: name });
    }
  } catch (error) {
    logger.error("secrets could not be read; what needs them is unavailable", {
      secrets: bound,
      error,
    });
  }
  return { ...config, ...values };
}
