/**
 * `npm run load:login-flood`: the login flood of issue 28 against the local
 * stack over HTTP. 30 logins at once from 3 client IPs, again and again for
 * `--seconds`, while a victim from a fourth IP logs in every 300 ms. The hash
 * gate's bounded queue (`PASSWORD_HASH_QUEUE_LENGTH`, and
 * `PASSWORD_HASH_QUEUE_PER_CLIENT` per IP) must turn the flood away with 503
 * AUTH_BUSY and Retry-After instead of queuing the victim behind it: exits 1
 * unless every victim login is a 200 within 1 s and the flood saw AUTH_BUSY.
 * (Before the bounded queue the probe saw the victim's login go from 0.37 s to 6.5 s.)
 *
 *   npm run load:login-flood -- --seconds 20
 */
import { parseArgs } from "node:util";
import { percentiles } from "../bench/measure";
import { startBenchStack } from "../bench/stack";

const { values: args } = parseArgs({ options: { seconds: { type: "string" } } });
const seconds = Number(args.seconds ?? 15);
const floodIps = ["203.0.113.10", "203.0.113.11", "203.0.113.12"];
const victimIp = "198.51.100.77";
const password = "a long enough password";
const log = (line: string) => process.stderr.write(`login-flood: ${line}\n`);

async function main(): Promise<number> {
  // Client IPs from X-Forwarded-For, as behind API Gateway; the per-IP and
  // per-account login limits would stop a flood this long on their own, so they
  // are raised: this measures the hash gate alone.
  const stack = await startBenchStack({
    TRUST_FORWARDED_FOR: "true",
    LOGIN_PER_IP_PER_HOUR: "100000000",
    LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: "100000000",
    PASSWORD_HASH_QUEUE_PER_CLIENT: "1",
  });
  const post = (path: string, body: unknown, ip: string) =>
    fetch(`${stack.origin}/api/v1${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify(body),
    });
  try {
    const accounts = ["flood", "victim"].map((name) => ({
      username: `${name}_${Date.now().toString(36)}`,
      email: `${name}-${Date.now().toString(36)}@example.com`,
      password,
    }));
    for (const account of accounts) {
      const response = await post("/auth/register", account, victimIp);
      if (response.status !== 201) throw new Error(`register: ${response.status}`);
    }
    const [flood, victim] = accounts as [(typeof accounts)[0], (typeof accounts)[0]];

    const floodOutcomes: Record<string, number> = {};
    const retryAfter = new Set<string>();
    const victimMs: number[] = [];
    const victimStatuses: Record<string, number> = {};
    const until = Date.now() + seconds * 1000;

    const floodWorker = async (ip: string) => {
      while (Date.now() < until) {
        const response = await post("/auth/login", { email: flood.email, password }, ip);
        const body = (await response.json()) as { code?: string };
        const outcome = `${response.status}${body.code ? ` ${body.code}` : ""}`;
        floodOutcomes[outcome] = (floodOutcomes[outcome] ?? 0) + 1;
        if (response.status === 503) retryAfter.add(response.headers.get("retry-after") ?? "none");
      }
    };
    const victimWorker = async () => {
      while (Date.now() < until) {
        const started = performance.now();
        const response = await post("/auth/login", { email: victim.email, password }, victimIp);
        await response.text();
        victimMs.push(performance.now() - started);
        victimStatuses[response.status] = (victimStatuses[response.status] ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    };
    log(`30 logins at once from ${floodIps.length} IPs for ${seconds} s, a victim every 300 ms`);
    await Promise.all([
      ...Array.from({ length: 30 }, (_, index) => floodWorker(floodIps[index % 3] as string)),
      victimWorker(),
    ]);

    const victimLatency = percentiles(victimMs);
    const report = {
      seconds,
      flood: { outcomes: floodOutcomes, retryAfter: [...retryAfter] },
      victim: { logins: victimMs.length, statuses: victimStatuses, latencyMs: victimLatency },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const slowest = Math.max(...victimMs);
    const failures = [
      ...(slowest < 1000 ? [] : [`the victim's slowest login took ${Math.round(slowest)} ms`]),
      ...(Object.keys(victimStatuses).every((status) => status === "200")
        ? []
        : [`the victim got ${JSON.stringify(victimStatuses)}`]),
      ...(floodOutcomes["503 AUTH_BUSY"] ? [] : ["the flood was never answered AUTH_BUSY"]),
      ...(retryAfter.has("none") ? ["an AUTH_BUSY came without Retry-After"] : []),
    ];
    log(failures.length ? `FAILED: ${failures.join("; ")}` : "ok");
    return failures.length ? 1 : 0;
  } finally {
    await stack.stop();
  }
}

process.exitCode = await main();
