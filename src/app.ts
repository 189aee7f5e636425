import type { MiddlewareHandler } from "hono";
import pkg from "../package.json";
import { apiKeysAdmin, apiKeysApi } from "./api-keys/api-keys.index";
import { billingAdmin, billingApi } from "./billing/billing.index";
import { eventsApi } from "./events/events.index";
import { authenticate, authenticateAdmin } from "./http/auth";
import { jsonBody } from "./http/body";
import { consistentReads } from "./http/consistency";
import type { AppEnv } from "./http/context";
import { onError } from "./http/errors";
import { unrouted } from "./http/methods";
import { createRouter, openApiDocument } from "./http/openapi";
import { requestContext, workInControl } from "./http/request-context";
import { inboundApi } from "./inbound/inbound.index";
import { inventoryApi } from "./inventory/inventory.index";
import { environmentOf } from "./lib/environment";
import { operationsApi } from "./operations/operations.index";
import { ordersApi } from "./orders/orders.index";
import { productsApi } from "./products/products.index";
import { returnsApi } from "./returns/returns.index";
import { sandboxApi, sandboxOnly } from "./sandbox/sandbox.index";
import { serialsApi } from "./serials/serials.index";
import { shipmentsApi } from "./shipments/shipments.index";
import {
  shippingMethodsAdmin,
  shippingMethodsApi,
} from "./shipping-methods/shipping-methods.index";
import { stuckOperationsAdmin } from "./stuck-operations/stuck-operations.index";
import { systemRoutes } from "./system/system.index";
import { tenantsAdmin } from "./tenants/tenants.index";
import { warehousesAdmin, warehousesApi } from "./warehouses/warehouses.index";
import { webhooksApi } from "./webhooks/webhooks.index";
import { relay } from "./webhooks/webhooks.outbox";

const OPENAPI_PATH = "/v1/openapi.json";

/** The spec is public; every other /v1 path needs an API key. */
const partnerAuth: MiddlewareHandler<AppEnv> = (c, next) =>
  c.req.path === OPENAPI_PATH ? next() : authenticate(c, next);

/**
 * After a successful write, relay the events of the tenant it wrote for (a platform key's,
 * the tenant its floor write acted on) without holding up the response: their first
 * delivery attempts go out at once. Whatever a relay misses, the cron sweep sends.
 */
const relayAfterWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.method === "GET" || c.res.status >= 400 || !c.var.principal) return;
  const tenantId = c.var.principal.tenantId ?? c.var.actedOn;
  if (!tenantId) return;
  c.executionCtx.waitUntil(
    relay(c.env, tenantId).catch((err: unknown) =>
      console.error(
        JSON.stringify({
          level: "warn",
          msg: "event relay failed; the sweep will retry",
          err: String(err),
        }),
      ),
    ),
  );
};

export function createApp() {
  const app = createRouter();
  app.use("*", requestContext);
  app.use("/v1/sandbox/*", sandboxOnly);
  app.use("/v1/*", partnerAuth);
  app.use("/admin/v1/*", authenticateAdmin);
  // Before consistentReads, so a read's session is of the control database.
  app.use("/v1/api-keys", workInControl);
  app.use("/v1/api-keys/*", workInControl);
  app.use("*", consistentReads);
  app.use("/v1/*", jsonBody);
  app.use("/v1/*", relayAfterWrites);
  app.use("/admin/v1/*", jsonBody);

  // One chain, so the app's type carries every route's schema and `hc<AppType>` is typed.
  const routed = app
    .route("/", systemRoutes)
    .route("/v1", warehousesApi)
    .route("/v1", shippingMethodsApi)
    .route("/v1", productsApi)
    .route("/v1", ordersApi)
    .route("/v1", shipmentsApi)
    .route("/v1", serialsApi)
    .route("/v1", inventoryApi)
    .route("/v1", returnsApi)
    .route("/v1", eventsApi)
    .route("/v1", webhooksApi)
    .route("/v1", apiKeysApi)
    .route("/v1", inboundApi)
    .route("/v1", sandboxApi)
    .route("/v1", operationsApi)
    .route("/v1", billingApi)
    .route("/admin/v1", tenantsAdmin)
    .route("/admin/v1", apiKeysAdmin)
    .route("/admin/v1", warehousesAdmin)
    .route("/admin/v1", shippingMethodsAdmin)
    .route("/admin/v1", stuckOperationsAdmin)
    .route("/admin/v1", billingAdmin);

  routed.openAPIRegistry.registerComponent("securitySchemes", "ApiKey", {
    type: "http",
    scheme: "bearer",
    description:
      "A tenant or platform key: `wms_test_…` in development and sandbox, `wms_live_…` in production.",
  });
  routed.openAPIRegistry.registerComponent("securitySchemes", "AdminToken", {
    type: "http",
    scheme: "bearer",
    description: "The operator's ADMIN_TOKEN secret.",
  });

  return (
    routed
      // Served by hand rather than doc31: production's document leaves out the sandbox it lacks.
      .get(OPENAPI_PATH, (c) =>
        c.json(
          openApiDocument(routed, {
            origin: new URL(c.req.url).origin,
            version: pkg.version,
            production: environmentOf(c.env) === "production",
          }),
        ),
      )
      .notFound(unrouted(routed.routes))
      .onError(onError)
  );
}

/** Every route's input and output types, for a typed `hono/client`. */
export type AppType = ReturnType<typeof createApp>;
