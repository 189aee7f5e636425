import { createRouter } from "../http/openapi";
import * as handlers from "./orders.handlers";
import * as routes from "./orders.routes";

export const ordersApi = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.amend, handlers.amend)
  .openapi(routes.cancel, handlers.cancel)
  .openapi(routes.requestCancellation, handlers.requestCancellation)
  .openapi(routes.history, handlers.history);
