import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** No usable `java`: says how to get one, or how to do without. */
export class JavaNotFoundError extends Error {
  override name = "JavaNotFoundError";
  readonly code = "JAVA_NOT_FOUND";

  constructor(options?: ErrorOptions) {
    super(
      [
        "DynamoDB Local needs Java 17+, and no working `java` was found on PATH or in JAVA_HOME.",
        "  Install one:   sudo apt-get install -y openjdk-17-jre-headless   (Debian/Ubuntu)",
        "                 brew install openjdk                              (macOS)",
        "  Or use an existing DynamoDB instead of starting one:",
        "                 DYNAMODB_ENDPOINT=http://localhost:8000 npm start",
      ].join("\n"),
      options,
    );
  }
}

/** The `java` to run: JAVA_HOME's when set, else the one on PATH; checked with `java -version`. */
export async function findJava(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromHome = env.JAVA_HOME ? join(env.JAVA_HOME, "bin", "java") : undefined;
  const java = fromHome && isExecutable(fromHome) ? fromHome : "java";
  try {
    await run(java, ["-version"], { env, timeout: 30_000 });
    return java;
  } catch (error) {
    throw new JavaNotFoundError({ cause: error });
  }
}

/**
 * The command line that runs `java args`, wrapped on Linux in
 * `setpriv --pdeathsig KILL` when available: the kernel then kills Java when this
 * process dies, even by SIGKILL, which no handler in Node can catch. setpriv execs
 * Java, so the child's pid is Java's. Elsewhere the exit and signal hooks
 * (child-lifetime.ts) are the only guard.
 */
export function javaCommandLine(java: string, args: string[]): { command: string; args: string[] } {
  const setpriv = process.platform === "linux" ? findOnPath("setpriv") : undefined;
  return setpriv
    ? { command: setpriv, args: ["--pdeathsig", "KILL", java, ...args] }
    : { command: java, args };
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
