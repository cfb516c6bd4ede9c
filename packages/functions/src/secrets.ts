/** Secrets the stacks bind with SST (`npx sst secrets set NAME value`). */
export const boundSecretNames = ["OPENAI_COMPATIBLE_API_KEY"] as const;

/**
 * The environment with SST-bound secrets filled in. SST passes a bound secret
 * as `SST_Secret_value_<NAME>` pointing at SSM, and `sst/node/config` fetches
 * it at import; outside SST (local runs, tests) nothing is bound and the
 * environment is returned as it is.
 */
export async function environmentWithSecrets(
  env: NodeJS.ProcessEnv = process.env,
): Promise<Record<string, string | undefined>> {
  if (!boundSecretNames.some((name) => env[`SST_Secret_value_${name}`])) return env;
  const { Config } = (await import("sst/node/config")) as unknown as {
    Config: Record<string, string | undefined>;
  };
  const values = Object.fromEntries(
    boundSecretNames.flatMap((name) => (Config[name] ? [[name, Config[name]]] : [])),
  );
  return { ...env, ...values };
}
