import { z } from "zod";

/**
 * How a Lambda's Node process runs the app, set by each handler module before
 * it parses anything. zod compiles an object schema into a specialised parser
 * (`new Function`) on its first parse: worth it for a schema parsed millions of
 * times in one process, a loss in a Lambda container, which parses most
 * schemas a few times before it is recycled and pays the compilation in its
 * cold start (it doubles the configuration parse). Parsing is the same either way.
 */
export function configureLambdaRuntime(): void {
  z.config({ jitless: true });
}
