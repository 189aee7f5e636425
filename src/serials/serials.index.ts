import { createRouter } from "../http/openapi";
import * as handlers from "./serials.handlers";
import * as routes from "./serials.routes";

export const serialsApi = createRouter().openapi(routes.get, handlers.get);
