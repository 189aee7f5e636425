import { createRouter } from "../http/openapi";
import * as handlers from "./returns.handlers";
import * as routes from "./returns.routes";

export const returnsApi = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get);
