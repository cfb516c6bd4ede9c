/** Core's builders and test context, for the functions tests. */
export * from "../../../core/src/test-support";
