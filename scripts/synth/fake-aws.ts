import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** The account the fake answers with; templates synthesized offline name it. */
export const fakeAccount = "000000000000";

/** The stacks `sst build` looks up before it synthesizes: both bootstraps, ready. */
const bootstrapStacks: Record<string, Record<string, string>> = {
  // CDK's bootstrap: SST wants version 14 or later and the assets bucket.
  CDKToolkit: { BootstrapVersion: "28", BucketName: "cdk-offline-assets" },
  // SST's own bootstrap (its LATEST_VERSION is 7.4).
  SSTBootstrap: { Version: "7.4", BucketName: "sst-offline-bootstrap" },
};

const xml = (action: string, namespace: string, result: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<${action}Response xmlns="${namespace}">
  <${action}Result>${result}</${action}Result>
  <ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>
</${action}Response>`;

function callerIdentity(): string {
  return xml(
    "GetCallerIdentity",
    "https://sts.amazonaws.com/doc/2011-06-15/",
    `<Arn>arn:aws:iam::${fakeAccount}:user/offline-synth</Arn><UserId>AIDAOFFLINESYNTH</UserId><Account>${fakeAccount}</Account>`,
  );
}

function describeStack(name: string): string | undefined {
  const outputs = bootstrapStacks[name];
  if (!outputs) return undefined;
  const members = Object.entries(outputs)
    .map(
      ([key, value]) =>
        `<member><OutputKey>${key}</OutputKey><OutputValue>${value}</OutputValue></member>`,
    )
    .join("");
  return xml(
    "DescribeStacks",
    "http://cloudformation.amazonaws.com/doc/2010-05-15/",
    `<Stacks><member><StackName>${name}</StackName><StackId>arn:aws:cloudformation:us-east-1:${fakeAccount}:stack/${name}/offline</StackId><StackStatus>CREATE_COMPLETE</StackStatus><CreationTime>2026-01-01T00:00:00Z</CreationTime><Outputs>${members}</Outputs></member></Stacks>`,
  );
}

function missingStack(name: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id ${name} does not exist</Message></Error>
  <RequestId>${randomUUID()}</RequestId>
</ErrorResponse>`;
}

export interface FakeAws {
  /** `http://127.0.0.1:<port>`: the value for `AWS_ENDPOINT_URL_STS` and `_CLOUDFORMATION`. */
  endpoint: string;
  /** Every `Action` asked for, in order (what `sst build` needed from AWS). */
  actions: string[];
  /** The environment that sends SST's STS and CloudFormation calls here, with dummy credentials. */
  environment(region: string): Record<string, string>;
  stop(): Promise<void>;
}

/**
 * A loopback stand-in for the two AWS APIs `sst build` calls before it
 * synthesizes (both Query-protocol, form-encoded POSTs): STS
 * `GetCallerIdentity`, and CloudFormation `DescribeStacks` for the CDK and SST
 * bootstrap stacks. Anything else gets a 400 naming the action, so a new call
 * SST starts making shows up as a failed synth rather than a hang.
 */
export async function startFakeAws(): Promise<FakeAws> {
  const actions: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const action = form.get("Action") ?? "";
      actions.push(action);
      const reply = (status: number, body: string) => {
        response.writeHead(status, { "content-type": "text/xml" });
        response.end(body);
      };
      if (action === "GetCallerIdentity") return reply(200, callerIdentity());
      if (action === "DescribeStacks") {
        const name = form.get("StackName") ?? "";
        const found = describeStack(name);
        return found ? reply(200, found) : reply(400, missingStack(name));
      }
      reply(
        400,
        `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>offline fake: ${action || "no action"} is not answered</Message></Error></ErrorResponse>`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    actions,
    environment: (region) => ({
      AWS_ENDPOINT_URL_STS: endpoint,
      AWS_ENDPOINT_URL_CLOUDFORMATION: endpoint,
      AWS_ACCESS_KEY_ID: "AKIAOFFLINESYNTH0000",
      AWS_SECRET_ACCESS_KEY: "offline-synth-not-a-secret",
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
    }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
