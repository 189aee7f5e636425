import { createRouter } from "../http/openapi";
import { createWarehouse, listWarehouses } from "./warehouses.handlers";
import * as routes from "./warehouses.routes";

export const warehousesApi = createRouter().openapi(routes.list, listWarehouses);

export const warehousesAdmin = createRouter()
  .openapi(routes.adminList, listWarehouses)
  .openapi(routes.adminCreate, createWarehouse);
