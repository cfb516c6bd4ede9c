import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url);
const packageJson = (path: string) =>
  JSON.parse(readFileSync(new URL(path, root), "utf8")) as {
    version: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };

describe("the deploy toolchain", () => {
  const { devDependencies = {} } = packageJson("package.json");

  it("pins SST, CDK's library and the cdk CLI to exact versions", () => {
    for (const name of ["sst", "aws-cdk-lib", "aws-cdk", "constructs"]) {
      expect(devDependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it("installs the pinned cdk CLI where SST's `npx cdk bootstrap` finds it", () => {
    expect(packageJson("node_modules/aws-cdk/package.json").version).toBe(
      devDependencies["aws-cdk"],
    );
    expect(existsSync(new URL("node_modules/.bin/cdk", root))).toBe(true);
  });

  it("builds the stacks with the CDK library SST itself is built on", () => {
    expect(packageJson("node_modules/sst/package.json").dependencies?.["aws-cdk-lib"]).toBe(
      devDependencies["aws-cdk-lib"],
    );
  });
});
