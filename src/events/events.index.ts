import { createRouter } from "../http/openapi";
import * as handlers from "./events.handlers";
import * as routes from "./events.routes";

export const eventsApi = createRouter().openapi(routes.list, handlers.list);
