import { createRouter } from "../../http/router";
import { listMyTransactions } from "./transactions.handlers";
import { listMyTransactionsRoute } from "./transactions.routes";

export const transactionsRouter = createRouter().openapi(
  listMyTransactionsRoute,
  listMyTransactions,
);
