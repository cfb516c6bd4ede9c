import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLambdaBundle } from "../../../../infra/bundling";

/** A module that throws from two named functions, its lines known to the test. */
const failingSource = `export function parseAmount(text: string): number {
  const amount = Number(text);
  if (!Number.isInteger(amount)) throw new TypeError(\`not cents: \${text}\`);
  return amount;
}

export function stackOfBadAmount(): string {
  try {
    return String(parseAmount("1.5"));
  } catch (error) {
    return (error as Error).stack ?? "";
  }
}
`;

/** The entry, bundled as a Lambda is: turns the mapping on, then prints a stack. */
const entrySource = `import { mapStackTracesOnDemand } from ${JSON.stringify(new URL("./stack-traces.ts", import.meta.url).pathname)};
import { stackOfBadAmount } from "./failing";

export function handler(): string {
  mapStackTracesOnDemand();
  return stackOfBadAmount();
}
`;

describe("stack traces of a bundled Lambda", () => {
  let dir: string;
  let entryFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "stack-traces-"));
    writeFileSync(join(dir, "failing.ts"), failingSource);
    writeFileSync(join(dir, "entry.ts"), entrySource);
    ({ entryFile } = await buildLambdaBundle(join(dir, "entry.ts"), join(dir, "out")));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The stack the bundle prints in a fresh Node process with these NODE_OPTIONS. */
  async function stackPrinted(nodeOptions: string): Promise<string> {
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(entryFile).href)});
process.stdout.write(handler());`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--input-type=module", "-e", script],
      { env: { PATH: process.env.PATH, NODE_OPTIONS: nodeOptions } },
    );
    return stdout;
  }

  it("names the source lines without --enable-source-maps, as Node does with it", async () => {
    const mapped = await stackPrinted("");
    const lines = mapped.split("\n");
    expect(lines[0]).toBe("TypeError: not cents: 1.5");
    expect(lines[1]).toBe(`    at parseAmount (${join(dir, "failing.ts")}:3:40)`);
    expect(lines[2]).toBe(`    at stackOfBadAmount (${join(dir, "failing.ts")}:9:19)`);
    expect(lines[3]).toBe(`    at handler (${join(dir, "entry.ts")}:6:10)`);
    expect(mapped).not.toContain(".mjs:");
    expect(mapped).toBe(await stackPrinted("--enable-source-maps"));
  });
});
