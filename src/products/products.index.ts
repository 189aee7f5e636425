import { createRouter } from "../http/openapi";
import * as handlers from "./products.handlers";
import * as routes from "./products.routes";

export const productsApi = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.update, handlers.update);
