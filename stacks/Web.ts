import { Fn } from "aws-cdk-lib";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import { HttpOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { type StackContext, StaticSite, use } from "sst/constructs";
import { apiPathPatterns, EdgeBehaviors, EdgeFirewall } from "../infra/edge";
import { edgeHeaders } from "../packages/functions/src/http/edge";
import { Api } from "./Api";
import { useStage } from "./stage";

/**
 * The one front door: a CloudFront distribution serving the SPA (S3) and, under
 * `/api/*`, the HTTP API, so both share an origin (no CORS; the CSP's
 * `connect-src 'self'` holds), behind a WAF web ACL (`infra/edge.ts`).
 */
export function Web({ app, stack }: StackContext) {
  const { api, edgeOriginSecret } = use(Api);
  const { settings } = useStage(app);
  const { domainName, certificateArn } = settings.edge;
  if (domainName && !certificateArn) {
    throw new Error("edge.domainName needs edge.certificateArn (an ACM certificate in us-east-1)");
  }

  // `sst dev` deploys no site (the web app runs locally against the API): nothing to put in front.
  if (app.mode === "dev") return {};

  const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split("/", api.url)), {
    // The API refuses requests without it (http/edge.ts): nobody goes around the WAF.
    customHeaders: { [edgeHeaders.originSecret]: edgeOriginSecret },
  });
  const behaviors = new EdgeBehaviors(stack, "Edge", { api: apiOrigin });
  const firewall = new EdgeFirewall(stack, "Firewall", { settings: settings.edge });

  const site = new StaticSite(stack, "Web", {
    path: "packages/web",
    // Its own output directory: `npm start` serves dist/. The SPA calls `/api/v1` on its own origin.
    buildCommand: "npm run build -- --outDir dist-aws --emptyOutDir",
    buildOutput: "dist-aws",
    // SST writes a typings file for the site; keep it out of the source tree.
    vite: { types: "../../.sst/web-env.d.ts" },
    // Hashed assets for a year; index.html (SST's default for the rest) is never cached.
    assets: {
      fileOptions: [{ files: "assets/**", cacheControl: "max-age=31536000,public,immutable" }],
    },
    ...(domainName && certificateArn
      ? {
          customDomain: {
            domainName,
            // Your DNS, not Route 53: no lookup at synth; the CNAME is yours to add.
            isExternalDomain: true,
            cdk: {
              certificate: Certificate.fromCertificateArn(stack, "Certificate", certificateArn),
            },
          },
        }
      : {}),
    cdk: {
      distribution: {
        comment: `${app.stage} credits-market: the SPA and /api/*`,
        webAclId: firewall.webAclArn,
        // No distribution-wide error pages: they would turn the API's 403/404s into index.html.
        errorResponses: [],
        defaultBehavior: behaviors.spa,
        additionalBehaviors: {
          [apiPathPatterns.markets]: behaviors.api.markets,
          [apiPathPatterns.leaderboard]: behaviors.api.leaderboard,
          [apiPathPatterns.api]: behaviors.api.api,
        },
      },
    },
  });
  stack.addOutputs({ WebUrl: site.customDomainUrl ?? site.url });
  return { site };
}
