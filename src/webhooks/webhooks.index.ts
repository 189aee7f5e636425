import { createRouter } from "../http/openapi";
import * as handlers from "./webhooks.handlers";
import * as routes from "./webhooks.routes";

export const webhooksApi = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.remove, handlers.remove)
  .openapi(routes.rotate, handlers.rotate)
  .openapi(routes.test, handlers.test)
  .openapi(routes.enable, handlers.enable)
  .openapi(routes.deliveries, handlers.deliveries)
  .openapi(routes.recover, handlers.recover)
  .openapi(routes.redeliver, handlers.redeliver);
