import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback Step Functions (JSON 1.0) that accepts StartExecution and records each one. */
export async function startFakeSfn() {
  const started: { stateMachineArn: string; name: string; input: unknown }[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const target = String(request.headers["x-amz-target"]);
      response.setHeader("content-type", "application/x-amz-json-1.0");
      if (target !== "AWSStepFunctions.StartExecution") {
        response.writeHead(400);
        response.end(JSON.stringify({ __type: "UnknownOperationException", message: target }));
        return;
      }
      const call = JSON.parse(body) as { stateMachineArn: string; name: string; input: string };
      started.push({ ...call, input: JSON.parse(call.input) });
      response.writeHead(200);
      response.end(
        JSON.stringify({
          executionArn: `${call.stateMachineArn.replace(":stateMachine:", ":execution:")}:${call.name}`,
          startDate: Date.now() / 1000,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    started,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
