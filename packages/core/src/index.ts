export * from "./config";
export * from "./context";
export * from "./db";
export * from "./errors";
export * as Ledger from "./ledger";
export * from "./service";
export * from "./table";
