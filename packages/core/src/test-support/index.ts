/**
 * Test support for core: contexts on DynamoDB Local, builders, loopback servers.
 * Imported by tests only; not reachable through the package's exports.
 */
export { createTestContext } from "./context";
export { aMarket, aNewMarket, anOpenMarket } from "./markets";
export { aUser, userWithBalance } from "./users";
