import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Where a running `npm start` notes its DynamoDB Local endpoint, so admin
 * scripts reach the same database instead of opening its files a second time.
 */
export function endpointFile(dataDir: string): string {
  return join(dataDir, "dynamodb.endpoint");
}

export function writeEndpointFile(dataDir: string, endpoint: string): void {
  writeFileSync(endpointFile(dataDir), endpoint);
}

export function removeEndpointFile(dataDir: string): void {
  rmSync(endpointFile(dataDir), { force: true });
}

export function readEndpointFile(dataDir: string): string | undefined {
  try {
    return readFileSync(endpointFile(dataDir), "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}
