import { createRouter } from "../../http/validating-router";
import * as handlers from "./transactions.handlers";
import * as routes from "./transactions.routes";

export const transactionsRouter = createRouter().openapi(routes.listMine, handlers.listMine);
