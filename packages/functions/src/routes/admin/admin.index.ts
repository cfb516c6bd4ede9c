import { createRouter } from "../../http/router";
import { adminCredits } from "./admin.handlers";
import { adminCreditsRoute } from "./admin.routes";

export const adminRouter = createRouter().openapi(adminCreditsRoute, adminCredits);
