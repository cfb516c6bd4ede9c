import { createRoute } from "@tanstack/react-router";
import { requireSignIn, rootRoute } from "../../app/root";
import { pick } from "../../app/search";
import { transactionTypes } from "./ledger";
import type { TransactionType } from "./queries";
import { TransactionsScreen } from "./TransactionsScreen";

const transactionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/transactions",
  beforeLoad: requireSignIn,
  validateSearch: (search: Record<string, unknown>): { type?: TransactionType | undefined } => ({
    type: pick(search.type, transactionTypes),
  }),
  component: TransactionsScreen,
});

export const transactionRoutes = [transactionsRoute];
