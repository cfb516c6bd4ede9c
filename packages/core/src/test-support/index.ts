/**
 * Test support for core: contexts on DynamoDB Local, builders, loopback servers.
 * Imported by tests only; not reachable through the package's exports.
 */
export {
  catalogueCategories,
  catalogueWords,
  type HistorySize,
  seedCatalogue,
  seedHistory,
} from "./catalogue";
export { createTestContext } from "./context";
export * from "./derived";
export { aMarket, aNewMarket, anOpenMarket } from "./markets";
export { aUser, userWithBalance } from "./users";
