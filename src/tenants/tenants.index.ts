import { createRouter } from "../http/openapi";
import * as handlers from "./tenants.handlers";
import * as routes from "./tenants.routes";

export const tenantsAdmin = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get);
