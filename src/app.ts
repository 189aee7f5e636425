import type { MiddlewareHandler } from "hono";
import pkg from "../package.json";
import { apiKeysAdmin } from "./api-keys/api-keys.index";
import { type AppEnv, environmentOf } from "./env";
import { eventsApi } from "./events/events.index";
import { authenticate, authenticateAdmin } from "./http/auth";
import { jsonBody } from "./http/body";
import { onError, onNotFound } from "./http/errors";
import { createRouter } from "./http/openapi";
import { requestContext } from "./http/request-context";
import { inboundApi } from "./inbound/inbound.index";
import { inventoryApi } from "./inventory/inventory.index";
import { operationsApi } from "./operations/operations.index";
import { ordersApi } from "./orders/orders.index";
import { productsApi } from "./products/products.index";
import { returnsApi } from "./returns/returns.index";
import { sandboxApi, sandboxOnly } from "./sandbox/sandbox.index";
import { shipmentsApi } from "./shipments/shipments.index";
import {
  shippingMethodsAdmin,
  shippingMethodsApi,
} from "./shipping-methods/shipping-methods.index";
import { stuckOperationsAdmin } from "./stuck-operations/stuck-operations.index";
import { systemRoutes } from "./system/system.index";
import { tenantsAdmin } from "./tenants/tenants.index";
import { warehousesAdmin, warehousesApi } from "./warehouses/warehouses.index";
import { relay } from "./webhooks/outbox";
import { webhooksApi } from "./webhooks/webhooks.index";

const OPENAPI_PATH = "/v1/openapi.json";

/** The spec is public; every other /v1 path needs an API key. */
const partnerAuth: MiddlewareHandler<AppEnv> = (c, next) =>
  c.req.path === OPENAPI_PATH ? next() : authenticate(c, next);

/**
 * After a successful write, relay the caller's events (every tenant's for a platform key)
 * without holding up the response: their first delivery attempts go out at once. Whatever
 * a relay misses, the cron sweep sends.
 */
const relayAfterWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.method === "GET" || c.res.status >= 400 || !c.var.principal) return;
  c.executionCtx.waitUntil(
    relay(c.env, c.var.principal.tenantId).catch((err: unknown) =>
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
  app.use("/v1/*", jsonBody);
  app.use("/v1/*", relayAfterWrites);
  app.use("/admin/v1/*", jsonBody);

  app.route("/", systemRoutes);
  for (const router of [
    warehousesApi,
    shippingMethodsApi,
    productsApi,
    ordersApi,
    shipmentsApi,
    inventoryApi,
    returnsApi,
    eventsApi,
    webhooksApi,
    inboundApi,
    sandboxApi,
    operationsApi,
  ]) {
    app.route("/v1", router);
  }
  for (const router of [
    tenantsAdmin,
    apiKeysAdmin,
    warehousesAdmin,
    shippingMethodsAdmin,
    stuckOperationsAdmin,
  ]) {
    app.route("/admin/v1", router);
  }

  app.openAPIRegistry.registerComponent("securitySchemes", "ApiKey", {
    type: "http",
    scheme: "bearer",
    description:
      "A tenant or platform key: `wms_test_…` in development and sandbox, `wms_live_…` in production.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "AdminToken", {
    type: "http",
    scheme: "bearer",
    description: "The operator's ADMIN_TOKEN secret.",
  });
  // Served by hand rather than doc31: production's document leaves out the sandbox it lacks.
  app.get(OPENAPI_PATH, (c) => {
    const doc = app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: {
        title: "Fulfillment API",
        version: pkg.version,
        description:
          "Orders in, shipments and inventory out. Errors share one envelope; lists share one cursor envelope.",
      },
      servers: [{ url: new URL(c.req.url).origin }],
    });
    if (environmentOf(c.env) === "production") {
      for (const path of Object.keys(doc.paths ?? {})) {
        if (path.startsWith("/v1/sandbox/")) delete doc.paths?.[path];
      }
      doc.tags = doc.tags?.filter((t) => t.name !== "Sandbox");
    }
    return c.json(doc);
  });

  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
