import { Duration, Stack } from "aws-cdk-lib";
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type IOrigin,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { CfnWebACL } from "aws-cdk-lib/aws-wafv2";
import { Construct } from "constructs";
import { edgeCacheSeconds } from "../packages/functions/src/http/cache-control";
import { edgeHeaders } from "../packages/functions/src/http/edge";
import { webContentSecurityPolicy } from "../packages/functions/src/http/web-headers";
import type { EdgeSettings } from "../stages";

/**
 * Runs on every `/api/*` request before the cache (cloudfront-js-2.0). It
 * passes the viewer's address (overwriting whatever a client sent under that
 * name), and, because a cached behaviour may not forward `Authorization`
 * unless it keys the cache on it, a copy of it plus the audience the cache
 * is keyed on: a signed-in request never shares an entry with an anonymous one.
 */
export const apiViewerRequestCode = `function handler(event) {
  var request = event.request;
  var headers = request.headers;
  headers["${edgeHeaders.viewerAddress}"] = { value: event.viewer.ip };
  var authorization = headers.authorization;
  headers["${edgeHeaders.audience}"] = { value: authorization ? "signed-in" : "anonymous" };
  if (authorization) headers["${edgeHeaders.authorization}"] = { value: authorization.value };
  else delete headers["${edgeHeaders.authorization}"];
  return request;
}`;

/**
 * The SPA's client-side routes (`/markets/123`) have no file: serve
 * `index.html` for any path without an extension. (A distribution-wide 404 →
 * index.html error page would also turn the API's 404s into pages.)
 */
export const spaViewerRequestCode = `function handler(event) {
  var request = event.request;
  var last = request.uri.split("/").pop();
  if (last.indexOf(".") === -1) request.uri = "/index.html";
  return request;
}`;

/** Path patterns of the API behaviours, most specific first (CloudFront takes the first match). */
export const apiPathPatterns = {
  markets: "/api/v1/markets*",
  leaderboard: "/api/v1/leaderboard/*",
  api: "/api/*",
} as const;

export interface EdgeProps {
  /** The API Gateway origin. */
  api: IOrigin;
}

/**
 * The cache, request and response policies of the one distribution that serves
 * the SPA (default behaviour, S3) and the API (`/api/*`, API Gateway): anonymous
 * markets and leaderboards cached at the edge as long as the app says
 * (`http/cache-control.ts`), keyed on the query string and the audience, never
 * on `Authorization`; every other API request uncached.
 */
export class EdgeBehaviors extends Construct {
  /** The SPA's behaviour (S3): the CSP of `npm start`, assets cached as S3 says (a year for hashed ones). */
  readonly spa: Omit<BehaviorOptions, "origin">;
  readonly api: Record<keyof typeof apiPathPatterns, BehaviorOptions>;
  readonly webHeaders: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    const strictTransportSecurity = {
      accessControlMaxAge: Duration.days(365),
      includeSubdomains: true,
      override: true,
    };
    this.webHeaders = new ResponseHeadersPolicy(this, "WebHeaders", {
      comment: "The SPA's security headers, as npm start sends them (http/web-headers.ts)",
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: webContentSecurityPolicy, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        strictTransportSecurity,
      },
    });
    // The API sends its own CSP and headers (http/security-headers.ts); the edge adds HSTS.
    const apiHeaders = new ResponseHeadersPolicy(this, "ApiHeaders", {
      comment: "HSTS on API responses; the app sends the rest",
      securityHeadersBehavior: { strictTransportSecurity },
    });

    const viewerRequest = (functionId: string, code: string) => [
      {
        function: new CloudFrontFunction(this, functionId, {
          code: FunctionCode.fromInline(code),
          runtime: FunctionRuntime.JS_2_0,
        }),
        eventType: FunctionEventType.VIEWER_REQUEST,
      },
    ];
    const apiFunction = viewerRequest("ApiViewerRequest", apiViewerRequestCode);

    const publicCache = (policyId: string, seconds: number) =>
      new CachePolicy(this, policyId, {
        comment: `Anonymous reads the app marks public for ${seconds} s`,
        // The app's Cache-Control decides: nothing without max-age, never past `seconds`.
        minTtl: Duration.seconds(0),
        defaultTtl: Duration.seconds(0),
        maxTtl: Duration.seconds(seconds),
        queryStringBehavior: CacheQueryStringBehavior.all(),
        headerBehavior: CacheHeaderBehavior.allowList(edgeHeaders.audience),
        cookieBehavior: CacheCookieBehavior.none(),
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      });
    const cachedRequests = new OriginRequestPolicy(this, "CachedApiRequests", {
      comment: "Cached API reads: the viewer address and the copied Authorization",
      headerBehavior: OriginRequestHeaderBehavior.allowList(
        edgeHeaders.viewerAddress,
        edgeHeaders.authorization,
      ),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
    });
    const cached = (policyId: string, seconds: number): BehaviorOptions => ({
      origin: props.api,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: publicCache(policyId, seconds),
      originRequestPolicy: cachedRequests,
      responseHeadersPolicy: apiHeaders,
      functionAssociations: apiFunction,
    });

    this.api = {
      markets: cached("MarketsCache", edgeCacheSeconds.markets),
      leaderboard: cached("LeaderboardCache", edgeCacheSeconds.leaderboard),
      api: {
        origin: props.api,
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        // Every viewer header (Authorization included: caching is off) but Host, which API Gateway needs as its own.
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: apiHeaders,
        functionAssociations: apiFunction,
      },
    };
    this.spa = {
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: this.webHeaders,
      functionAssociations: viewerRequest("SpaViewerRequest", spaViewerRequestCode),
    };
  }
}

/**
 * The distribution's WAF web ACL: AWS's common and known-bad-inputs rule sets,
 * and two rate-based rules as a backstop to the app's own limits (per IP; per
 * `Authorization` header on `/api/*`). A CLOUDFRONT-scope ACL exists only in
 * us-east-1, so a stage elsewhere names one made there (`edge.webAclArn`).
 */
export class EdgeFirewall extends Construct {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: { settings: EdgeSettings }) {
    super(scope, id);
    const { settings } = props;
    if (settings.webAclArn) {
      this.webAclArn = settings.webAclArn;
      return;
    }
    const region = Stack.of(this).region;
    if (region !== "us-east-1") {
      throw new Error(
        `The CloudFront web ACL can only be made in us-east-1, not ${region}: make it there ` +
          "and set edge.webAclArn in the stage's settings (docs/deploy.md).",
      );
    }
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    const managed = (name: string, priority: number) => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: "AWS", name } },
      visibilityConfig: visibility(name),
    });
    const acl = new CfnWebACL(this, "WebAcl", {
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${Stack.of(this).stackName}-edge`),
      rules: [
        managed("AWSManagedRulesCommonRuleSet", 1),
        managed("AWSManagedRulesKnownBadInputsRuleSet", 2),
        {
          name: "RequestsPerIp",
          priority: 3,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: settings.requestsPerIpPer5Minutes,
              evaluationWindowSec: 300,
              aggregateKeyType: "IP",
            },
          },
          visibilityConfig: visibility("RequestsPerIp"),
        },
        {
          name: "ApiRequestsPerToken",
          priority: 4,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: settings.requestsPerTokenPer5Minutes,
              evaluationWindowSec: 300,
              aggregateKeyType: "CUSTOM_KEYS",
              customKeys: [
                {
                  header: {
                    name: "authorization",
                    textTransformations: [{ priority: 0, type: "NONE" }],
                  },
                },
              ],
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: "STARTS_WITH",
                  searchString: "/api/",
                  textTransformations: [{ priority: 0, type: "NONE" }],
                },
              },
            },
          },
          visibilityConfig: visibility("ApiRequestsPerToken"),
        },
      ],
    });
    this.webAclArn = acl.attrArn;
  }
}
