import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

/**
 * Stack traces mapped to the sources when one is formatted, not at start.
 *
 * `--enable-source-maps` reads and parses the `.mjs.map` of every chunk as the
 * chunk loads: the API's first `/health` loads 27 chunks and paid for all their
 * maps to print the odd stack trace. This maps each frame of a stack as V8
 * formats it (`error.stack`, read by the logger or the Lambda runtime), reading
 * a chunk's map the first time a stack passes through that chunk.
 *
 * Does nothing when Node maps stacks itself (`--enable-source-maps`).
 */
export function mapStackTracesOnDemand(): void {
  if (process.sourceMapsEnabled) return;
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (file: string) => {
    if (!maps.has(file)) maps.set(file, readSourceMap(file));
    return maps.get(file);
  };
  Error.prepareStackTrace = (error, frames) => {
    const lines = frames.map((frame) => `\n    at ${mappedFrame(frame, mapOf)}`);
    return `${errorHeader(error)}${lines.join("")}`;
  };
}

/** The map beside a bundled file (`chunk.mjs` → `chunk.mjs.map`), if there is one. */
function readSourceMap(file: string): SourceMap | undefined {
  if (!file.startsWith("file://")) return undefined;
  try {
    return new SourceMap(JSON.parse(readFileSync(new URL(`${file}.map`), "utf8")));
  } catch {
    return undefined;
  }
}

/** A frame as V8 prints it, its location moved to the source the map names (as Node does). */
function mappedFrame(
  frame: NodeJS.CallSite,
  mapOf: (file: string) => SourceMap | undefined,
): string {
  const text = frame.toString();
  const file = frame.getFileName();
  const line = frame.getLineNumber();
  const column = frame.getColumnNumber();
  if (!file || line === null || column === null) return text;
  try {
    const entry = mapOf(file)?.findEntry(line - 1, column - 1);
    if (!entry || !("originalSource" in entry)) return text;
    // As Node prints them: the source's path, resolved from the chunk's file.
    const source = fileURLToPath(new URL(entry.originalSource, file));
    return text.replace(
      `${file}:${line}:${column}`,
      `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`,
    );
  } catch {
    return text;
  }
}

/** The first line V8 writes (`TypeError: message`). */
function errorHeader(error: Error): string {
  try {
    return Error.prototype.toString.call(error);
  } catch {
    return "<error>";
  }
}
