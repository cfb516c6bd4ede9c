import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { edgeHeaders, fromEdge } from "./edge";

const secret = "s".repeat(40);

function anEvent(headers: Record<string, string>): APIGatewayProxyEventV2 {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: "/api/v1/markets",
    rawQueryString: "",
    headers,
    isBase64Encoded: false,
    requestContext: {
      accountId: "1",
      apiId: "a",
      domainName: "a.execute-api.us-east-1.amazonaws.com",
      domainPrefix: "a",
      requestId: "r",
      routeKey: "$default",
      stage: "$default",
      time: "",
      timeEpoch: 0,
      http: {
        method: "GET",
        path: "/api/v1/markets",
        protocol: "HTTP/1.1",
        sourceIp: "130.176.1.1",
        userAgent: "test",
      },
    },
  };
}

describe("a request from the edge", () => {
  it("with the origin secret: the viewer's address is the source IP, Authorization comes back", () => {
    const request = fromEdge(
      anEvent({
        [edgeHeaders.originSecret]: secret,
        [edgeHeaders.viewerAddress]: "203.0.113.9",
        [edgeHeaders.authorization]: "Bearer t",
        [edgeHeaders.audience]: "signed-in",
      }),
      secret,
    );
    expect(request?.requestContext.http.sourceIp).toBe("203.0.113.9");
    expect(request?.headers).toEqual({ authorization: "Bearer t" });
  });

  it("without the secret, or with a wrong one, is refused", () => {
    expect(fromEdge(anEvent({ [edgeHeaders.viewerAddress]: "203.0.113.9" }), secret)).toBe(
      undefined,
    );
    expect(fromEdge(anEvent({ [edgeHeaders.originSecret]: "x".repeat(40) }), secret)).toBe(
      undefined,
    );
  });

  it("where no secret is set (sst dev): edge headers are dropped, never trusted", () => {
    const request = fromEdge(
      anEvent({ [edgeHeaders.viewerAddress]: "203.0.113.9", [edgeHeaders.authorization]: "x" }),
      undefined,
    );
    expect(request?.requestContext.http.sourceIp).toBe("130.176.1.1");
    expect(request?.headers).toEqual({});
  });

  it("keeps the viewer's own Authorization over the copy", () => {
    const request = fromEdge(
      anEvent({
        [edgeHeaders.originSecret]: secret,
        authorization: "Bearer own",
        [edgeHeaders.authorization]: "Bearer copy",
      }),
      secret,
    );
    expect(request?.headers.authorization).toBe("Bearer own");
  });
});
