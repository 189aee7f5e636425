import { createRouter } from "../http/openapi";
import * as handlers from "./inventory.handlers";
import * as routes from "./inventory.routes";

export const inventoryApi = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.listAdjustments, handlers.listAdjustments)
  .openapi(routes.listConditionMoves, handlers.listConditionMoves);
