import { describe, expect, it } from "vitest";
import { operationIdOf } from "../../src/http/operation-ids";

describe("operation ids", () => {
  it("name every kind of route in one grammar", () => {
    const cases: [string, string, string | undefined, string][] = [
      ["GET", "/orders", undefined, "listOrders"],
      ["POST", "/orders", undefined, "createOrder"],
      ["GET", "/orders/{id}", undefined, "getOrder"],
      ["PATCH", "/orders/{id}", undefined, "updateOrder"],
      ["POST", "/orders/{id}/cancel", undefined, "cancelOrder"],
      ["GET", "/orders/{id}/history", undefined, "listOrderHistory"],
      ["GET", "/inventory", undefined, "listInventory"],
      ["GET", "/inventory-adjustments", undefined, "listInventoryAdjustments"],
      ["GET", "/webhooks/{id}/deliveries", undefined, "listWebhookDeliveries"],
      ["POST", "/webhooks/{id}/rotate-secret", undefined, "rotateWebhookSecret"],
      ["DELETE", "/webhooks/{id}", undefined, "deleteWebhook"],
      ["POST", "/events/{id}/redeliver", undefined, "redeliverEvent"],
      ["POST", "/ops/orders/{id}/start-picking", undefined, "opsStartPickingOrder"],
      ["POST", "/ops/shipments/{id}/status", undefined, "opsSetShipmentStatus"],
      [
        "POST",
        "/ops/inbound-shipments/{id}/receipts",
        undefined,
        "opsCreateInboundShipmentReceipt",
      ],
      ["POST", "/ops/returns", undefined, "opsCreateReturn"],
      ["POST", "/sandbox/inventory/replenish", undefined, "sandboxReplenishInventory"],
      ["POST", "/tenants/{id}/api-keys", "admin", "adminCreateTenantApiKey"],
      ["GET", "/stuck-operations/{id}", "admin", "adminGetStuckOperation"],
      ["PATCH", "/shipping-methods/{id}", "admin", "adminUpdateShippingMethod"],
    ];
    for (const [method, path, namespace, id] of cases) {
      expect(operationIdOf(method, path, namespace), `${method} ${path}`).toBe(id);
    }
  });
});
