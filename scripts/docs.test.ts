import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** What the docs say about where the code is, checked against the code. */

const root = resolve(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

/** The rows of the markdown table whose header row is `header`. */
function tableRows(markdown: string, header: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(header);
  if (start < 0) throw new Error(`no table "${header}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .slice(1, -1)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const codeSpans = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? "");

describe("README's table of the seven rules", () => {
  const rows = tableRows(read("README.md"), "| rule | decided by | default |");

  it("has the seven rules", () => {
    expect(rows.map(([rule]) => rule)).toEqual([
      "payout",
      "bet limit",
      "starting balance",
      "model retry",
      "refund key",
      "leaderboard tie-break",
      "streak",
    ]);
  });

  it.each(rows.map((row) => [row[0], row[1] ?? ""]))(
    "points %s at files that exist and hold each symbol it names",
    (_rule, decidedBy) => {
      const spans = codeSpans(decidedBy);
      const paths = spans.filter((span) => span.includes("/"));
      const symbols = spans.filter((span) => !span.includes("/"));

      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) expect(existsSync(join(root, path)), path).toBe(true);
      const sources = paths.map(read).join("\n");
      for (const symbol of symbols) expect(sources, symbol).toContain(symbol);
    },
  );
});

describe("docs/architecture.md", () => {
  it("names every module of packages/core/src", () => {
    const architecture = read("docs/architecture.md");
    const modules = readdirSync(join(root, "packages/core/src")).filter(
      (name) =>
        name !== "test-support" && statSync(join(root, "packages/core/src", name)).isDirectory(),
    );

    expect(modules.length).toBeGreaterThan(10);
    for (const module of modules) expect(architecture, module).toContain(`| \`${module}\` |`);
  });
});
