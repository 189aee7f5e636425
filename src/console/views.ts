import type { InferRequestType, InferResponseType } from "hono/client";
import type { OrderFacts } from "../domain/actions";
import type { Api } from "./api";

/*
 * What the console shows, typed by the API's own routes through its client: a change to a
 * route's shape is a type error in the page that shows it, never a copy here gone stale.
 */

type V1 = Api["v1"];

export type OrderView = InferResponseType<V1["orders"][":id"]["$get"], 200>;
export type HistoryRow = InferResponseType<
  V1["orders"][":id"]["history"]["$get"],
  200
>["data"][number];
export type AmendBody = InferRequestType<V1["orders"][":id"]["$patch"]>["json"];
export type ShipmentView = InferResponseType<V1["shipments"][":id"]["$get"], 200>;
export type SkuView = InferResponseType<V1["inventory"]["$get"], 200>["data"][number];
export type EventView = InferResponseType<V1["events"]["$get"], 200>["data"][number];
export type WebhookView = InferResponseType<V1["webhooks"][":id"]["$get"], 200>;
export type DeliveryView = InferResponseType<
  V1["webhooks"][":id"]["deliveries"]["$get"],
  200
>["data"][number];
export type SettingsView = InferResponseType<V1["sandbox"]["settings"]["$get"], 200>;
export type ApiKeyView = InferResponseType<V1["api-keys"][":id"]["$get"], 200>;
export type InvoiceView = InferResponseType<V1["invoices"][":id"]["$get"], 200>;
export type ChargeView = InferResponseType<V1["billing"]["charges"]["$get"], 200>["data"][number];

/** An order as the API's action rules read it, from what its view shows. */
export const factsOfView = (order: OrderView): OrderFacts => ({
  status: order.status,
  request: order.cancellation_request?.status ?? null,
  unshippedAllocated: order.items.reduce((sum, item) => sum + item.allocated_quantity, 0),
});
