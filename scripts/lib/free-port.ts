import { createServer } from "node:net";

/**
 * A loopback port nobody listens on right now. Another process can still take it
 * before the caller binds it, so callers that own the port choice retry on a clash.
 */
export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("No free port found"))));
    });
  });
}

/**
 * Whether `port` can be bound on `host`; by default on every interface, as
 * DynamoDB Local binds it (0.0.0.0).
 */
export function isPortFree(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
