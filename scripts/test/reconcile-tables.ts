import {
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { createContext, createDb, type Db, loadConfig } from "@market/core";
import { type ReconcileDifference, reconcileAll } from "@market/core/ledger";

/**
 * The ledger check at the end of the test run: `reconcileAll` (the reconcile
 * job's own check) over every table the run created. A test that corrupts a
 * ledger on purpose puts it right before it ends, or marks its table with
 * `markLedgerCorruptedOnPurpose` (saying why), and the check skips that table.
 */

const marker = { pk: "test#marker", sk: "ledger-corrupted-on-purpose" };

/** Tells the end-of-run ledger check to skip this table, and why (printed). */
export async function markLedgerCorruptedOnPurpose(db: Db, why: string): Promise<void> {
  await db.client.send(new PutCommand({ TableName: db.table, Item: { ...marker, why } }));
}

export interface TableCheck {
  table: string;
  /** Why the table was not checked (its marker), or undefined when it was. */
  skipped?: string | undefined;
  users: number;
  differences: ReconcileDifference[];
}

/** The tables of `endpoint` created at or after `since` (this run's), by name. */
async function tablesSince(endpoint: string, since: Date): Promise<string[]> {
  const client = new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const names: string[] = [];
  let start: string | undefined;
  do {
    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    names.push(...(page.TableNames ?? []));
    start = page.LastEvaluatedTableName;
  } while (start);
  const created = await Promise.all(
    names.map(async (name) => {
      try {
        const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
        return (Table?.CreationDateTime?.getTime() ?? 0) >= since.getTime() - 1_000 ? name : null;
      } catch (error) {
        // Deleted by its test between the listing and now: nothing to check.
        if (error instanceof ResourceNotFoundException) return null;
        throw error;
      }
    }),
  );
  client.destroy();
  return created.filter((name): name is string => name !== null).sort();
}

async function checkTable(endpoint: string, table: string): Promise<TableCheck> {
  const db = createDb({ table, endpoint });
  const { Item } = await db.client.send(new GetCommand({ TableName: table, Key: marker }));
  if (Item) return { table, skipped: String(Item.why), users: 0, differences: [] };
  // The default configuration: its cap is the highest any test sets, so only real
  // breaches count as above it.
  const report = await reconcileAll(createContext({ db, config: loadConfig({}) }), {
    segments: 2,
  });
  return { table, users: report.scanned.users, differences: report.differences };
}

/**
 * Reconciles every table of `endpoint` created since `since` (or, given
 * `only`, those of them named there), a few at a time. Reads only.
 */
export async function reconcileTables(
  endpoint: string,
  since: Date,
  only?: string[],
): Promise<TableCheck[]> {
  const tables = (await tablesSince(endpoint, since)).filter(
    (table) => !only || only.includes(table),
  );
  const checks: TableCheck[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tables.length) {
      const table = tables[next++] as string;
      checks.push(await checkTable(endpoint, table));
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, tables.length) }, worker));
  return checks.sort((a, b) => a.table.localeCompare(b.table));
}

/** What the checks found, for the end of the test output: every difference by table and user. */
export function describeChecks(checks: TableCheck[]): { failed: boolean; text: string } {
  const lines: string[] = [];
  const differing = checks.filter((check) => check.differences.length > 0);
  for (const check of checks.filter((c) => c.skipped)) {
    lines.push(`  skipped ${check.table}: ${check.skipped}`);
  }
  for (const check of differing) {
    lines.push(`  ${check.table}: ${check.differences.length} difference(s)`);
    for (const difference of check.differences) {
      const where = [
        difference.seq === undefined ? "" : ` seq ${difference.seq}`,
        difference.betId ? ` bet ${difference.betId}` : "",
      ].join("");
      lines.push(`    user ${difference.userId}: ${difference.kind}${where}: ${difference.detail}`);
    }
  }
  const users = checks.reduce((sum, check) => sum + check.users, 0);
  const head = differing.length
    ? `Ledger reconcile after the run: differences in ${differing.length} of ${checks.length} tables`
    : `Ledger reconcile after the run: no differences (${checks.length} tables, ${users} users)`;
  return { failed: differing.length > 0, text: [head, ...lines].join("\n") };
}
