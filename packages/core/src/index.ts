export * from "./config";
export * from "./context";
export * from "./db";
export * from "./errors";
export * from "./service";
export * from "./table";
