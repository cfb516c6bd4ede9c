/** The bench's JSON as a Markdown table (bench/results.md, and stdout). */

interface SideLike {
  perSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  dynamoRequestsPerOp: number;
  capacityUnitsPerOp: number;
  errors: Record<string, number>;
}

interface AwsUnitsLike {
  pricedRequests: number;
  dynamoRequests: number;
  awsReadUnits: number;
  awsWriteUnits: number;
  localReadUnits: number;
  localWriteUnits: number;
}

interface ReportLike {
  generatedAt: string;
  quick: boolean;
  settings: Record<string, number>;
  machine: { cpus: number; cpu: string; node: string };
  durationSeconds: number;
  operations: {
    name: string;
    connections: number;
    p95TargetMs: number | null;
    app: SideLike & { awsUnits?: AwsUnitsLike };
    rawSameCalls: SideLike & { calls: string[] };
    rawLean: SideLike & { calls: string[]; description: string; awsUnits?: AwsUnitsLike };
    ratioToSameCalls: number;
    ratioToLean: number;
  }[];
  notMeasuredYet: { name: string; notMeasuredYet: string }[];
  bundles?: unknown;
  settlement: unknown;
  sessionWorkflow: { executions: number; stateTransitionsPerSession: number };
  costModel?: {
    prices: { pricesAsOf: string };
    perMillion: Record<string, { dynamo: number; lambda: number; api: number; total: number }>;
    perPredictionSession: { usd: number; stateTransitions: number };
    per1000DauPerMonth: { usd: number; notPriced: string[] };
  };
}

const errors = (side: SideLike) =>
  Object.entries(side.errors)
    .map(([code, n]) => `${code}×${n}`)
    .join(" ") || "–";

export function formatMarkdown(report: ReportLike): string {
  const lines = [
    `Run ${report.generatedAt}${report.quick ? " (quick)" : ""}, ${report.durationSeconds} s, ${report.machine.cpus} × ${report.machine.cpu}, Node ${report.machine.node}; settings ${JSON.stringify(report.settings)}. Medians over rounds.`,
    "",
    "| operation | conns | app req/s | p50 ms | p95 ms | p99 ms | PRD p95 | DynamoDB req/op | AWS WCU/op | AWS RCU/op | Local CU/op | raw same req/s | ×same | raw lean req/s | ×lean | lean calls | app errors |",
    "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- | --- |",
  ];
  for (const op of report.operations) {
    const aws = op.app.awsUnits;
    const lean = op.rawLean.awsUnits;
    const leanUnits = lean
      ? `AWS ${lean.awsWriteUnits} WCU, ${lean.awsReadUnits} RCU; Local ${op.rawLean.capacityUnitsPerOp} CU`
      : `${op.rawLean.capacityUnitsPerOp} CU`;
    lines.push(
      `| ${op.name} | ${op.connections} | ${op.app.perSecond} | ${op.app.latencyMs.p50} | ${op.app.latencyMs.p95} | ${op.app.latencyMs.p99} | ${op.p95TargetMs ? `< ${op.p95TargetMs}` : "–"} | ${op.app.dynamoRequestsPerOp} (${op.rawSameCalls.calls.join(", ")}) | ${aws?.awsWriteUnits ?? "–"} | ${aws?.awsReadUnits ?? "–"} | ${op.app.capacityUnitsPerOp} | ${op.rawSameCalls.perSecond} | ${op.ratioToSameCalls} | ${op.rawLean.perSecond} | ${op.ratioToLean} | ${op.rawLean.description} (${leanUnits}) | ${errors(op.app)} |`,
    );
  }
  for (const pending of report.notMeasuredYet) {
    lines.push(
      `| ${pending.name} | – | not measured yet: ${pending.notMeasuredYet} | | | | | | | | | | | | | | |`,
    );
  }
  const priced = report.operations.find((op) => op.app.awsUnits)?.app.awsUnits;
  if (priced) {
    lines.push(
      "",
      `AWS WCU/RCU: each DynamoDB request of ${priced.pricedRequests} requests per operation (sent one at a time after the rounds), priced by AWS's rules from the items' sizes (scripts/bench/aws-units.ts, docs/capacity.md); Local CU: what DynamoDB Local reported in the rounds (it does not follow those rules). The cost model uses the AWS units.`,
    );
  }
  const settlement = report.settlement as {
    bets?: number;
    concurrency?: number;
    app?: {
      betsPerSecond: number;
      dynamoRequestsPerBet: number;
      capacityUnitsPerBet: number;
      seconds: number;
      stateTransitions: number;
    };
    rawMinimal?: {
      betsPerSecond: number;
      dynamoRequestsPerBet: number;
      capacityUnitsPerBet: number;
      seconds: number;
    };
    ratio?: number;
    targets?: { maxRequestsPerBet: number; minRatioToPerBetFloor: number; met: boolean };
  };
  lines.push("");
  if (settlement.app && settlement.rawMinimal) {
    lines.push(
      `Settlement of ${settlement.bets} pending bets at concurrency ${settlement.concurrency}: app ${settlement.app.betsPerSecond} bets/s (${settlement.app.seconds} s, ${settlement.app.dynamoRequestsPerBet} DynamoDB req and ${settlement.app.capacityUnitsPerBet} CU per bet, ${settlement.app.stateTransitions} state transitions), raw per-bet floor ${settlement.rawMinimal.betsPerSecond} bets/s (${settlement.rawMinimal.dynamoRequestsPerBet} req, ${settlement.rawMinimal.capacityUnitsPerBet} CU per bet): ×${settlement.ratio}.${settlement.targets ? ` Target ≤ ${settlement.targets.maxRequestsPerBet} req per bet and ≥ ×${settlement.targets.minRatioToPerBetFloor}: ${settlement.targets.met ? "met" : "missed"}.` : ""}`,
    );
  }
  const bundles = report.bundles as
    | {
        bundles?: Record<string, { loadedAtStart: number; total: number }>;
        firstRequest?: { emptyNodeMs: number; apiMs: number; ratio: number };
        floors?: Record<string, { apiMs: number; ratio: number; what: string }>;
        notMeasured?: string;
      }
    | undefined;
  if (bundles?.firstRequest) {
    const sizes = Object.entries(bundles.bundles ?? {})
      .map(
        ([name, size]) =>
          `${name} ${Math.round(size.loadedAtStart / 1024)} KiB at start (${Math.round(size.total / 1024)} KiB in all)`,
      )
      .join(", ");
    const floors = Object.values(bundles.floors ?? {})
      .map((floor) => `${floor.what}: ${floor.apiMs} ms (×${floor.ratio})`)
      .join("; ");
    lines.push(
      `Bundles (minified): ${sizes}. First request of a fresh API process ${bundles.firstRequest.apiMs} ms vs an empty node ${bundles.firstRequest.emptyNodeMs} ms (×${bundles.firstRequest.ratio}).${floors ? ` Floors, the same measure: ${floors}.` : ""}`,
    );
  } else if (bundles?.notMeasured) {
    lines.push(`Bundles and cold start: not measured (${bundles.notMeasured}).`);
  }
  lines.push(
    `Session workflow: ${report.sessionWorkflow.stateTransitionsPerSession} state transitions per session (median of ${report.sessionWorkflow.executions} local executions).`,
    "",
  );
  if (report.costModel) {
    const cost = report.costModel;
    lines.push(
      `Cost model (USD, prices as of ${cost.prices.pricesAsOf}):`,
      "",
      "| per 1M requests of | DynamoDB | Lambda | API Gateway | total |",
      "| --- | --: | --: | --: | --: |",
      ...Object.entries(cost.perMillion).map(
        ([name, c]) => `| ${name} | ${c.dynamo} | ${c.lambda} | ${c.api} | ${c.total} |`,
      ),
      "",
      `Per prediction session: $${cost.perPredictionSession.usd} (${cost.perPredictionSession.stateTransitions} Standard state transitions). Per 1,000 DAU per month: $${cost.per1000DauPerMonth.usd}${cost.per1000DauPerMonth.notPriced.length ? ` (not priced yet: ${cost.per1000DauPerMonth.notPriced.join(", ")})` : ""}.`,
      "",
    );
  }
  return lines.join("\n");
}
