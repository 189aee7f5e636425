import { createRouter } from "../http/openapi";
import {
  createShippingMethod,
  listShippingMethods,
  updateShippingMethod,
} from "./shipping-methods.handlers";
import * as routes from "./shipping-methods.routes";

export const shippingMethodsApi = createRouter().openapi(routes.list, listShippingMethods);

export const shippingMethodsAdmin = createRouter()
  .openapi(routes.adminList, listShippingMethods)
  .openapi(routes.adminCreate, createShippingMethod)
  .openapi(routes.adminUpdate, updateShippingMethod);
