export { MarketTable, type MarketTableProps } from "./table";
