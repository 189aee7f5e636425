import { createRouter } from "../http/openapi";
import * as handlers from "./inbound.handlers";
import * as routes from "./inbound.routes";

export const inboundApi = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.amend, handlers.amend)
  .openapi(routes.cancel, handlers.cancel);
