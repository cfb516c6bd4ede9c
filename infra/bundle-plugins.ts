import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Plugin } from "esbuild";

/**
 * The esbuild plugins every Lambda bundle is built with (`infra/bundling.ts`):
 * what they leave out or replace, each with the reason it is safe.
 */

/**
 * `*.local.ts` modules and the workflows' `local.ts` runners run only under
 * `npm start` and tests (the in-process workflow engine). In a Lambda bundle each becomes a module that throws, so
 * nothing behind it (aws-local-stepfunctions, ajv, jsonata...) is bundled, and
 * loading one by mistake fails loudly. `sst/node/*` is refused: it brings its
 * own SSM client; `packages/functions/src/secrets.ts` reads secrets instead.
 */
export const keepLocalCodeOut: Plugin = {
  name: "keep-local-code-out",
  setup(build) {
    build.onResolve({ filter: /(\.local|workflows\/[a-z-]+\/local)(\.ts)?$/ }, (args) => ({
      path: args.path,
      namespace: "local-only",
    }));
    build.onLoad({ filter: /.*/, namespace: "local-only" }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} runs only locally (npm start); it is not in Lambda bundles`)});`,
      loader: "js",
    }));
    build.onResolve({ filter: /^sst\/node(\/|$)/ }, (args) => ({
      errors: [
        {
          text: `${args.path} bundles its own SSM client: read secrets with packages/functions/src/secrets.ts`,
        },
      ],
    }));
  },
};

/**
 * zod exports every locale (~270 KB minified) through `z.locales`, which
 * cannot be tree-shaken once `z` is passed around as a value. The app only
 * ever uses English (zod's default), so the bundle gets that one.
 */
export const englishZodLocaleOnly: Plugin = {
  name: "english-zod-locale-only",
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(args.resolveDir, args.path), namespace: "zod-locales" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: `export { default as en } from "./en.js";`,
      loader: "js",
      resolveDir: dirname(args.path),
    }));
  },
};

/** `const Validator = require("jsonschema").Validator;` in ElectroDB's `validations.js`. */
const jsonschemaImport = 'const Validator = require("jsonschema").Validator;';
/** The head of the function that checks a model against ElectroDB's JSON schemas. */
const validateModelHead = "function validateModel(model = {}) {";

/**
 * ElectroDB checks each entity's model against its JSON schemas (the
 * `jsonschema` package) when the entity is constructed, and tests every entity
 * against them again when the Service joins it: about two thirds of what the
 * entity layer costs a cold start (~125 of ~190 ms of CPU for our 25 entities
 * on the shared 2-core machine, 2026-12-05). The models are constants of this
 * repository, and the same check runs on each of them in every test run,
 * which loads ElectroDB unbundled (`packages/core/src/entities/entities.test.ts`).
 * So Lambda bundles trust them: `validateModel` accepts a plain model object
 * and rejects an entity instance, which is the answer the schemas give for
 * ours, and `jsonschema` is not bundled. If ElectroDB's source no longer has
 * the lines this replaces, the build fails rather than ship the check unchanged.
 */
export const electroDbModelsChecked: Plugin = {
  name: "electrodb-models-checked-by-tests",
  setup(build) {
    build.onLoad({ filter: /[\\/]electrodb[\\/]src[\\/]validations\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes(jsonschemaImport) || !source.includes(validateModelHead)) {
        return {
          errors: [{ text: `${args.path} changed: review infra/bundle-plugins.ts (ElectroDB)` }],
        };
      }
      const contents = source
        .replace(
          jsonschemaImport,
          "const Validator = class { addSchema() {} }; Validator.prototype.customFormats = {};",
        )
        .replace(
          validateModelHead,
          `${validateModelHead} if (model && model._instance !== undefined) throw new Error("not a model"); return;`,
        );
      return { contents, loader: "js" };
    });
  },
};

/** The DocumentClient commands ElectroDB's `client.js` sends (`new this.lib.GetCommand(params)`...). */
const electroDbCommands = [
  "GetCommand",
  "PutCommand",
  "UpdateCommand",
  "DeleteCommand",
  "BatchWriteCommand",
  "BatchGetCommand",
  "ScanCommand",
  "QueryCommand",
  "TransactWriteCommand",
  "TransactGetCommand",
];
const electroDbClient = /[\\/]electrodb[\\/]src[\\/]client\.js$/;
const libDynamoDbCommand =
  /[\\/]@aws-sdk[\\/]lib-dynamodb[\\/]dist-es[\\/]commands[\\/]\w+Command\.js$/;
/** `import { QueryCommand as __QueryCommand } from "@aws-sdk/client-dynamodb";` in each of them. */
const clientCommandImport = /import \{ (\w+Command) as (\w+) \} from "@aws-sdk\/client-dynamodb";/;

/**
 * ElectroDB is CommonJS and `require`s `@aws-sdk/lib-dynamodb` whole. esbuild
 * keeps all of a module reached by `require`, and all of what that module
 * imports: every command of the DynamoDB client (63) came into the chunk of
 * the table client, which the API builds at start, and was evaluated at every
 * cold start (the API's start path held 80 KB of the client against 35 KB for
 * the table client alone). So ElectroDB's `require` gets the ten commands it
 * sends, each from its own module, and each of those imports its client
 * command from that command's module rather than the client's index (the
 * modules the index re-exports: the same classes). Twelve client commands
 * are then left at the API's start. If ElectroDB's `client.js` uses another
 * command, the build fails.
 */
export const electroDbCommandsOnly: Plugin = {
  name: "electrodb-commands-only",
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\/lib-dynamodb$/ }, (args) =>
      args.kind === "require-call" && electroDbClient.test(args.importer)
        ? {
            path: args.path,
            namespace: "electrodb-commands",
            pluginData: { resolveDir: args.resolveDir },
          }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "electrodb-commands" }, (args) => ({
      contents: electroDbCommands
        .map(
          (name) => `export { ${name} } from "@aws-sdk/lib-dynamodb/dist-es/commands/${name}.js";`,
        )
        .join("\n"),
      loader: "js",
      resolveDir: (args.pluginData as { resolveDir: string }).resolveDir,
    }));
    build.onLoad({ filter: electroDbClient }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const used = [...source.matchAll(/\blib\.(\w+)/g)].map((match) => match[1] as string);
      const missing = [...new Set(used)].filter((name) => !electroDbCommands.includes(name));
      if (missing.length === 0) return undefined;
      return {
        errors: [
          {
            text: `${args.path} uses lib.${missing.join(", lib.")}: review infra/bundle-plugins.ts`,
          },
        ],
      };
    });
    build.onLoad({ filter: libDynamoDbCommand }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const contents = source.replace(
        clientCommandImport,
        'import { $1 as $2 } from "@aws-sdk/client-dynamodb/dist-es/commands/$1.js";',
      );
      return contents === source ? undefined : { contents, loader: "js" };
    });
  },
};
