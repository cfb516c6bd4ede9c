import { describe, expect, it } from "vitest";
import { edgeHeaders } from "../packages/functions/src/http/edge";
import { apiViewerRequestCode, spaViewerRequestCode } from "./edge";

type Headers = Record<string, { value: string }>;
interface EdgeRequest {
  uri: string;
  headers: Headers;
}

/** Runs a CloudFront Function's code on one viewer request, as CloudFront would. */
function run(code: string, request: EdgeRequest, ip = "203.0.113.7"): EdgeRequest {
  const handler = new Function(`${code}; return handler;`)() as (event: unknown) => EdgeRequest;
  return handler({ request, viewer: { ip } });
}

describe("the API's viewer-request function", () => {
  it("passes the viewer's address, overwriting a client's own value", () => {
    const out = run(apiViewerRequestCode, {
      uri: "/api/v1/markets",
      headers: { [edgeHeaders.viewerAddress]: { value: "10.0.0.1" } },
    });
    expect(out.headers[edgeHeaders.viewerAddress]).toEqual({ value: "203.0.113.7" });
    expect(out.headers[edgeHeaders.audience]).toEqual({ value: "anonymous" });
    expect(out.headers[edgeHeaders.authorization]).toBeUndefined();
  });

  it("copies Authorization and keys a signed-in request apart from anonymous ones", () => {
    const out = run(apiViewerRequestCode, {
      uri: "/api/v1/leaderboard/pnl",
      headers: { authorization: { value: "Bearer t" } },
    });
    expect(out.headers[edgeHeaders.authorization]).toEqual({ value: "Bearer t" });
    expect(out.headers[edgeHeaders.audience]).toEqual({ value: "signed-in" });
  });

  it("drops a copy a client sent without Authorization", () => {
    const out = run(apiViewerRequestCode, {
      uri: "/api/v1/markets",
      headers: { [edgeHeaders.authorization]: { value: "Bearer forged" } },
    });
    expect(out.headers[edgeHeaders.authorization]).toBeUndefined();
  });
});

describe("the SPA's viewer-request function", () => {
  it.each([
    ["/", "/index.html"],
    ["/markets/m_1", "/index.html"],
    ["/assets/index-abc123.js", "/assets/index-abc123.js"],
    ["/favicon.svg", "/favicon.svg"],
  ])("serves %s as %s", (uri, served) => {
    expect(run(spaViewerRequestCode, { uri, headers: {} }).uri).toBe(served);
  });
});
