import { createRouter } from "../http/openapi";
import * as handlers from "./stuck-operations.handlers";
import * as routes from "./stuck-operations.routes";

export const stuckOperationsAdmin = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.retry, handlers.retry)
  .openapi(routes.discard, handlers.discard);
