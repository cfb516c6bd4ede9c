import { type StackContext, StaticSite, use } from "sst/constructs";
import { Api } from "./Api";

/** The SPA on S3 + CloudFront; it calls the HTTP API at the URL baked in at build time. */
export function Web({ stack }: StackContext) {
  const { api } = use(Api);
  const site = new StaticSite(stack, "Web", {
    path: "packages/web",
    // Its own output directory: `npm start` serves dist/, built without the deploy's API URL.
    buildCommand: "npm run build -- --outDir dist-aws --emptyOutDir",
    buildOutput: "dist-aws",
    // Client-side routes (/markets/123) have no file; serve index.html for them.
    errorPage: "redirect_to_index_page",
    environment: { VITE_API_URL: api.url },
    // SST writes a typings file for `environment`; keep it out of the source tree
    // (packages/web declares VITE_API_URL itself, as optional: unset locally).
    vite: { types: "../../.sst/web-env.d.ts" },
  });
  stack.addOutputs({ WebUrl: site.url });
  return { site };
}
