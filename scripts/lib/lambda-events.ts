import type { APIGatewayProxyEventV2, EventBridgeEvent } from "aws-lambda";

/** What API Gateway (HTTP API, payload 2.0) sends the API Lambda for one request. */
export function httpApiEvent(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): APIGatewayProxyEventV2 {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    headers: {
      host: "abc123.execute-api.us-east-1.amazonaws.com",
      "user-agent": "lambda-events",
      ...(body ? { "content-type": "application/json" } : {}),
      ...options.headers,
    },
    requestContext: {
      accountId: "000000000000",
      apiId: "abc123",
      domainName: "abc123.execute-api.us-east-1.amazonaws.com",
      domainPrefix: "abc123",
      http: {
        method,
        path,
        protocol: "HTTP/1.1",
        sourceIp: "203.0.113.7",
        userAgent: "lambda-events",
      },
      requestId: "request-1",
      routeKey: "$default",
      stage: "$default",
      time: "02/Dec/2026:15:00:00 +0000",
      timeEpoch: 1_796_223_600_000,
    },
    ...(body ? { body } : {}),
    isBase64Encoded: false,
  };
}

/** What an EventBridge schedule rule sends its target. */
export function scheduledEvent(ruleName: string): EventBridgeEvent<"Scheduled Event", object> {
  return {
    version: "0",
    id: "schedule-1",
    "detail-type": "Scheduled Event",
    source: "aws.events",
    account: "000000000000",
    time: "2026-12-02T15:00:00Z",
    region: "us-east-1",
    resources: [`arn:aws:events:us-east-1:000000000000:rule/${ruleName}`],
    detail: {},
  };
}

/** What the execution-status rule sends when a session's execution ends badly. */
export function executionStatusChangeEvent(
  executionName: string,
  status: "FAILED" | "TIMED_OUT" | "ABORTED",
): EventBridgeEvent<"Step Functions Execution Status Change", Record<string, unknown>> {
  const machine = "arn:aws:states:us-east-1:000000000000:stateMachine:sessions";
  return {
    version: "0",
    id: "status-1",
    "detail-type": "Step Functions Execution Status Change",
    source: "aws.states",
    account: "000000000000",
    time: "2026-12-02T15:00:00Z",
    region: "us-east-1",
    resources: [`${machine.replace("stateMachine", "execution")}:${executionName}`],
    detail: {
      executionArn: `${machine.replace("stateMachine", "execution")}:${executionName}`,
      stateMachineArn: machine,
      name: executionName,
      status,
      startDate: 1_796_223_000_000,
      stopDate: 1_796_223_600_000,
      input: "{}",
      output: null,
    },
  };
}
