import { createRouter } from "../http/openapi";
import * as handlers from "./shipments.handlers";
import * as routes from "./shipments.routes";

export const shipmentsApi = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get);
