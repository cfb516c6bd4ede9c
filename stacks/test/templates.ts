import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Metafile } from "esbuild";
import { metafilePath } from "../../infra/bundling";
import type { SynthResult, Template } from "../../scripts/synth/synth";

/** One resource of a synthesized template, with its logical id. */
export interface Resource {
  id: string;
  Type: string;
  Properties: Record<string, unknown>;
  [key: string]: unknown;
}

/** Every resource of the stage (all stacks), optionally of one type. */
export function resources(synth: SynthResult, type?: string): Resource[] {
  return Object.values(synth.templates).flatMap((template: Template) =>
    Object.entries(template.Resources)
      .filter(([, resource]) => !type || resource.Type === type)
      .map(
        ([id, resource]) =>
          ({ id, ...resource, Properties: resource.Properties ?? {} }) as Resource,
      ),
  );
}

/** A stack's resources of one type. */
export function stackResources(synth: SynthResult, stack: string, type: string): Resource[] {
  const template = synth.templates[stack];
  if (!template) throw new Error(`no ${stack} stack in the synth`);
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === type)
    .map(
      ([id, resource]) => ({ id, ...resource, Properties: resource.Properties ?? {} }) as Resource,
    );
}

/** The app's own Lambdas: a handler under packages/functions/src/handlers. */
export function appFunctions(synth: SynthResult): Resource[] {
  return resources(synth, "AWS::Lambda::Function").filter((fn) =>
    String(fn.Properties.Handler ?? "").startsWith("packages/functions/src/handlers/"),
  );
}

/** The one app function whose handler is `<file>.<export>` (e.g. `jobs.marketSync`). */
export function functionByHandler(synth: SynthResult, handler: string): Resource {
  const found = appFunctions(synth).filter(
    (fn) => fn.Properties.Handler === `packages/functions/src/handlers/${handler}`,
  );
  if (found.length !== 1) throw new Error(`${found.length} functions run ${handler}`);
  return found[0] as Resource;
}

/** The function's logical id, as it appears in `Fn::GetAtt` references. */
export const getAttArn = (id: string) => ({ "Fn::GetAtt": [id, "Arn"] });

/** Every IAM statement attached to a function's role. */
export function roleStatements(synth: SynthResult, fn: Resource): Statement[] {
  const role = (fn.Properties.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
  return resources(synth, "AWS::IAM::Policy")
    .filter((policy) =>
      (policy.Properties.Roles as { Ref?: string }[]).some((entry) => entry.Ref === role),
    )
    .flatMap(
      (policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );
}

export interface Statement {
  Action: string | string[];
  Effect: string;
  Resource: unknown;
}

export const actionsOf = (statement: Statement) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

/** The bundle directory of a function (the cloud assembly's `asset.<hash>`). */
export function bundleDirectory(synth: SynthResult, fn: Resource): string {
  // The code's S3 key is `<asset hash>.zip`; the cloud assembly keeps it as `asset.<hash>`.
  const key = (fn.Properties.Code as { S3Key?: string } | undefined)?.S3Key;
  if (!key?.endsWith(".zip")) throw new Error(`${fn.id} has no code asset`);
  return join(synth.directory, `asset.${key.replace(/\.zip$/, "")}`);
}

/** The esbuild metafile SST's build of this handler file wrote (infra/bundling.ts). */
export function bundleMetafile(synth: SynthResult, handlerFile: string): Metafile {
  const file = metafilePath(handlerFile, synth.metafileDirectory);
  if (!existsSync(file)) throw new Error(`no metafile for ${handlerFile} at ${file}`);
  return JSON.parse(readFileSync(file, "utf8")) as Metafile;
}

/** `packages/functions/src/handlers/api.handler` → [`packages/functions/src/handlers/api.ts`, `handler`]. */
export function handlerSource(handler: string): [file: string, exportName: string] {
  const dot = handler.lastIndexOf(".");
  return [`${handler.slice(0, dot)}.ts`, handler.slice(dot + 1)];
}
