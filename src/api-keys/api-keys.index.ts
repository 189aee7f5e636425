import { createRouter } from "../http/openapi";
import * as handlers from "./api-keys.handlers";
import * as routes from "./api-keys.routes";

export const apiKeysAdmin = createRouter()
  .openapi(routes.createTenantKey, handlers.createTenantKey)
  .openapi(routes.listTenantKeys, handlers.listTenantKeys)
  .openapi(routes.createPlatformKey, handlers.createPlatformKey)
  .openapi(routes.listPlatformKeys, handlers.listPlatformKeys)
  .openapi(routes.revoke, handlers.revoke);

export const apiKeysApi = createRouter()
  .openapi(routes.listOwnKeys, handlers.listOwnKeys)
  .openapi(routes.issueOwnKey, handlers.issueOwnKey)
  .openapi(routes.getOwnKey, handlers.getOwnKey)
  .openapi(routes.updateOwnKey, handlers.updateOwnKey)
  .openapi(routes.rotateOwnKey, handlers.rotateOwnKey)
  .openapi(routes.revokeOwnKey, handlers.revokeOwnKey);
