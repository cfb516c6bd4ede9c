/**
 * `npm run dev`: the local API (scripts/start.ts, without building the SPA) and
 * Vite's dev server with hot reload, which forwards `/api` to that API. Open
 * the URL Vite prints (http://localhost:5173). Ctrl-C stops both.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./lib/paths";

const apiPort = process.env.PORT ?? "3000";
const children: ChildProcess[] = [];

function run(command: string, args: string[], env: Record<string, string>, cwd = repoRoot) {
  const child = spawn(command, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });
  children.push(child);
  child.on("exit", (code) => {
    // Either one stopping stops the other: a dev server without its API is no use.
    for (const other of children)
      if (other !== child && other.exitCode === null) other.kill("SIGINT");
    process.exitCode = code ?? 0;
  });
}

run(process.execPath, ["--import", "tsx", "scripts/start.ts"], { PORT: apiPort });
run(
  process.execPath,
  [join(repoRoot, "node_modules", "vite", "bin", "vite.js")],
  { API_PORT: apiPort },
  join(repoRoot, "packages", "web"),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  });
}
