import { createRouter } from "../http/openapi";
import * as replays from "./replays.handlers";
import * as replayRoutes from "./replays.routes";
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
  .openapi(replayRoutes.deliveries, replays.deliveries)
  .openapi(replayRoutes.recover, replays.recover)
  .openapi(replayRoutes.redeliver, replays.redeliver);
