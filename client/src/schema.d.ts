export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness, environment and deployed version */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/warehouses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List warehouses
         * @description The warehouses orders can name in `warehouse_id`, oldest change first. Poll with `updated_since` and walk `next_cursor` like every other list.
         *
         *     Any API key.
         */
        get: operations["listWarehouses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipping-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List shipping methods
         * @description Carrier services orders can name in `shipping_method_id`, or as a fallback by free text in `shipping_method` (matched case-insensitively against `name`, `service_code` and `aliases`). Oldest change first; poll with `updated_since`.
         *
         *     Any API key.
         */
        get: operations["listShippingMethods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products
         * @description Oldest change first; poll with `updated_since` and walk `next_cursor`.
         *
         *     Requires scope `products:read`.
         */
        get: operations["listProducts"];
        put?: never;
        /**
         * Create a product
         * @description `sku` is unique per tenant: 409 `duplicate_sku` if it exists.
         *
         *     Requires scope `products:write`.
         */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a product by sku
         * @description Requires scope `products:read`.
         */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a product
         * @description The sku itself cannot change.
         *
         *     Requires scope `products:write`.
         */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders (incremental)
         * @description Oldest change first. Poll with `updated_since` (inclusive) and walk `next_cursor` until `has_more` is false; a walk never repeats an order, and changes made during it come in the next poll. The list covers the hot window: an order last changed in a final state (`shipped`, `cancelled`) more than ORDER_HOT_DAYS ago (90 by default) is archived and no longer listed, so an `updated_since` before the window is 422 `beyond_retention` with `earliest_allowed`. A `reference` still finds an archived order (without `updated_since` or `cursor`): the one result says `archived: true`.
         *
         *     Requires scope `orders:read`.
         */
        get: operations["listOrders"];
        put?: never;
        /**
         * Create a fulfillment order
         * @description Exactly once. The `Idempotency-Key` and the `reference` together are the dedup anchor (guide §1): the same key with the same reference is a retry and returns the existing order with 200 and `Idempotent-Replayed: true`, even if the rebuilt body differs (a fresh `order_date`, reformatted prices); nothing changes. The same key with a different reference is a client bug that would drop an order: 422 `idempotency_key_reused`, naming the order the key belongs to. Without a key, the same reference with the same body is a replay and with a different body 409 `duplicate_reference`. A `reference` stays unique per tenant forever, a cancelled order's too: to recreate a cancelled order, send a new reference such as `F-100423-2`. A refused request claims neither its key nor its reference. A retry whose order has since been archived answers that order the same way, with `archived: true`. Every line is allocated whole in the order's warehouse; any line short makes the order `backordered` until stock arrives.
         *
         *     Requires scope `orders:write`.
         */
        post: operations["createOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve an order
         * @description With its lines, allocation, shipments and `version` (also sent as `ETag`). An order past its hot window is read from the archive, the same but with `archived: true`; it can no longer change (409 `order_archived`).
         *
         *     Requires scope `orders:read`.
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Amend an order before picking
         * @description Send only what changed; `items` replaces every line and allocation follows the difference. `If-Match` with a stale version is 409 `version_conflict`; once picking started, 409 `too_late_to_amend` with `order_status`; an archived order is 409 `order_archived`. Changing `warehouse_id` is 422: cancel and recreate, with a new `reference` (a reference stays used forever, e.g. `F-100423-2` after `F-100423-1`).
         *
         *     Requires scope `orders:write`.
         */
        patch: operations["updateOrder"];
        trace?: never;
    };
    "/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an order
         * @description Releases every allocation. Cancelling twice returns the cancelled order. 409 `not_cancelable` once picking started, 409 `already_shipped` once anything shipped, 409 `order_archived` once the order is archived.
         *
         *     Requires scope `orders:write`.
         */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/cancellation-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the warehouse to stop an order
         * @description Works in any state before anything ships. Before picking it cancels at once, exactly as `POST /v1/orders/{id}/cancel` does: `status` `cancelled`, every allocation released, `order.cancelled`, and `cancellation_request.status` `accepted`. Once picking started it records a request the floor answers: `cancellation_request.status` `pending` and `order.cancellation_requested`; the floor then accepts it (`cancelled`, stock back, `order.cancelled`) or rejects it with a reason (`rejected`, `rejection_reason`, `order.cancellation_rejected`) and the order goes on. A shipment reported while the request waits answers it too: `rejected`, because shipped units cannot be called back. A second request while one is pending answers the pending one; after a rejection a new request may be made. Cancelling a cancelled order returns it. 409 `already_shipped` once anything shipped (`partially_shipped` included: the units left are not cancelled), 409 `order_archived` once the order is archived. A retry with the same `Idempotency-Key` returns the first result with `Idempotent-Replayed: true`.
         *
         *     Requires scope `orders:write`.
         */
        post: operations["requestOrderCancellation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order's audit trail
         * @description Every transition, oldest first, each hash-chained to the one before. `updated_since` keeps the entries made since then (inclusive); walk `next_cursor` until `has_more` is false. An archived order's history is read from the archive, whole, with `archived: true`.
         *
         *     Requires scope `orders:read`.
         */
        get: operations["listOrderHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Shipments created or changed since a time (the key endpoint)
         * @description Oldest change first, ordered by a sequence the database assigns inside each write. The polling loop: call with `updated_since` = your high-water mark, walk `next_cursor` until `has_more` is false, then move the mark to the newest `updated_at` you saw and dedupe by `id`. A walk never repeats a shipment; anything that changes while you walk comes in your next poll, because `updated_since` is inclusive. The list covers the orders' hot window: shipments are archived with their order ORDER_HOT_DAYS (90 by default) after its last change in a final state, so an `updated_since` before the window is 422 `beyond_retention` with `earliest_allowed`; an archived shipment is still read by its id.
         *
         *     Requires scope `shipments:read`.
         */
        get: operations["listShipments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a shipment
         * @description A shipment of an archived order is read from the archive, the same but with `archived: true`.
         *
         *     Requires scope `shipments:read`.
         */
        get: operations["getShipment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/serials/{sku}/{serial}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where a serial-tracked unit is
         * @description The unit's status, the shipment and order it left on, the return that brought it back, and its history. Both path segments are percent-encoded. 404 for a serial that never shipped (or another tenant's).
         *
         *     Requires scope `shipments:read`.
         */
        get: operations["getSerial"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stock per SKU, broken out per warehouse
         * @description Every SKU with stock activity, oldest change first (newest first with `order=desc`); a SKU changes when any of its warehouses does. Poll with `updated_since` and walk `next_cursor`.
         *
         *     Requires scope `inventory:read`.
         */
        get: operations["listInventory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory-adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stock adjustments with their reasons
         * @description Requires scope `inventory:read`.
         */
        get: operations["listInventoryAdjustments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/condition-moves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Units the floor moved between stock conditions, with their reasons
         * @description The audit record of every move (`POST /v1/ops/inventory/condition-moves`), oldest first: who moved how many units of a SKU from which condition to which, why, and when. Poll with `updated_since` and walk `next_cursor`.
         *
         *     Requires scope `inventory:read`.
         */
        get: operations["listInventoryConditionMoves"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List returns (incremental)
         * @description Oldest change first. Poll with `updated_since` (inclusive) and walk `next_cursor` until `has_more` is false; a walk never repeats a return, and changes made during it come in the next poll. Returns are archived with their order once it leaves the hot window (ORDER_HOT_DAYS, 90 by default), so an `updated_since` before the window is 422 `beyond_retention` with `earliest_allowed`.
         *
         *     Requires scope `returns:read`.
         */
        get: operations["listReturns"];
        put?: never;
        /**
         * Authorise an expected return (an RMA)
         * @description Status `expected` until the warehouse receives it. Exactly once: the `Idempotency-Key` and the `rma` together are the dedup anchor, as for orders: the same key with the same rma returns the existing return with 200 and `Idempotent-Replayed: true`; without a key, the same rma with the same body is a replay and with another body 409 `duplicate_rma`. 422 `unknown_order` (field `order_id`) for an order that is not yours, `sku_not_shipped` (`items[i].sku`) for a SKU that never shipped on it, `over_return` (`items[i].quantity`) for more than its line shipped minus already returned, and `ambiguous_line` (`items[i].line_id`) when several lines shipped the SKU and the item has no `line_id`. An order archived after its hot window takes no more returns: 409 `order_archived`.
         *
         *     Requires scope `returns:write`.
         */
        post: operations["createReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/returns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a return
         * @description A return of an archived order is read from the archive, the same but with `archived: true`.
         *
         *     Requires scope `returns:read`.
         */
        get: operations["getReturn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ordered change feed
         * @description Every event the key may read, oldest first, in commit order: the backstop for webhooks. Walk `next_cursor` until `has_more` is false; next time, resume with `after` = the id of the last event you processed. `order=desc` lists newest first instead, for screens; `after` then stays the floor of the walk. Each event carries its full resource, so each type needs that resource's read scope too: `order.*` `orders:read`, `shipment.*` `shipments:read`, `inventory.*` `inventory:read`, `inbound.*` `inbound:read`, `return.*` `returns:read`, `webhook.test` `webhooks:manage`. Types the key cannot read are left out. Events are kept for the retention window (30 days unless the deploy sets another) and then archived: they are no longer served, so `updated_since` before the window returns only what is left, and `after` or `cursor` naming an archived event is 400. A consumer away longer than the window restarts with `updated_since`.
         *
         *     Requires scope `events:read`.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List subscriptions (secrets never shown)
         * @description Requires scope `webhooks:manage`.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Subscribe an endpoint
         * @description The secret is returned once, here. The URL must be https on port 443 to a public host: no credentials, no IP literal in a loopback, private, link-local, unique-local, CGNAT, multicast or reserved range (IPv4, IPv6, or IPv4 carried in IPv6: mapped, NAT64, 6to4, Teredo, IPv4-compatible), no `localhost`, `*.localhost`, `*.local`, `*.internal` or single-label name (422 `insecure_url` or `url_not_allowed`, `field: url`). In local development, loopback receivers may use http and any port. Outside development the host is resolved before each delivery attempt: if any of its addresses is not public, nothing is sent and the attempt fails and is retried. Each event type needs the read scope of its resource as well: `order.*` `orders:read`, `shipment.*` `shipments:read`, `inventory.*` `inventory:read`, `inbound.*` `inbound:read`, `return.*` `returns:read`. Subscribing to a type the key cannot read is 403 `insufficient_scope` naming `event_type`; `"*"` needs all of them.
         *
         *     Requires scope `webhooks:manage`.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a subscription
         * @description Requires scope `webhooks:manage`.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a subscription
         * @description Nothing further is delivered to it, including retries already scheduled.
         *
         *     Requires scope `webhooks:manage`.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Returns the new secret once. The old one keeps signing alongside it for 24 h.
         *
         *     Requires scope `webhooks:manage`.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a webhook.test event to this endpoint
         * @description Requires scope `webhooks:manage`.
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-enable a disabled endpoint
         * @description Requires scope `webhooks:manage`.
         */
        post: operations["enableWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Delivery log: every attempt of every event sent to this endpoint
         * @description Newest event first; an event's replays come before its first delivery, newest first. `updated_since` keeps the deliveries changed since then (inclusive); walk `next_cursor` until `has_more` is false. A delivery that succeeded or failed more than the retention window ago (30 days unless the deploy sets another) is archived and no longer listed.
         *
         *     Requires scope `webhooks:manage`.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-send the matching events since a time, a page at a time
         * @description Each is delivered again with its original event_id, so receivers dedupe as usual. One call sends at most 500 events, oldest first; while `has_more` is true, call again with `next_cursor` once this call's deliveries have finished. One recovery per endpoint is in flight at a time: until every delivery of the previous one has succeeded or failed, recover is 409 `recovery_in_progress`. Events are kept for the retention window, 30 days unless the deploy sets another, then archived: a `since` before it is 422 `beyond_retention` with `field: since`, `retention_days` and `earliest_allowed`. A `cursor` whose event has since been archived is 400 `invalid_cursor`: start again with `since`. Each endpoint takes 10 recover or redeliver calls a minute (429 `rate_limited` with `Retry-After` beyond that). Each event type needs the read scope of its resource as well: `order.*` `orders:read`, `shipment.*` `shipments:read`, `inventory.*` `inventory:read`, `inbound.*` `inbound:read`, `return.*` `returns:read`. Recovering an endpoint subscribed to a type the key cannot read is 403.
         *
         *     Requires scope `webhooks:manage`.
         */
        post: operations["recoverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver one event again
         * @description To one subscription (`subscription_id`) or to every enabled one that matches; same event_id. An event older than the retention window (default 30 days) is 422 `beyond_retention`; once archived it is 404. Each endpoint takes 10 recover or redeliver calls a minute (429 `rate_limited` with `Retry-After` beyond that). The key also needs the read scope of the event's type (403 otherwise).
         *
         *     Requires scope `webhooks:manage`.
         */
        post: operations["redeliverEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List this merchant's API keys (secrets never shown)
         * @description Every key of the merchant, revoked and expired ones included, in id order.
         *
         *     Requires scope `keys:manage`.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Issue an API key
         * @description The secret is returned once, here: only its SHA-256 is kept. The new key holds a subset of the calling key's scopes and its rate limit. A merchant holding 25 working keys (not revoked or expired) gets 409 `too_many_api_keys`. A retry with the same `Idempotency-Key` gets the same key and secret back, but only when sent with the same calling key (the secret is kept for the replay sealed with it); otherwise 409 `secret_not_replayable`.
         *
         *     Requires scope `keys:manage`.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve an API key (its secret never shown)
         * @description Requires scope `keys:manage`.
         */
        get: operations["getApiKey"];
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Immediate everywhere: the key's very next request, in any location, is 401 `revoked_api_key`. A key may revoke itself, and the merchant's last key holding `keys:manage` may be revoked: after that only an operator can issue the merchant a key. Revoking twice is a no-op.
         *
         *     Requires scope `keys:manage`.
         */
        delete: operations["deleteApiKey"];
        options?: never;
        head?: never;
        /**
         * Rename an API key or set its expiry
         * @description Fields not sent stay as they are. A new expiry holds for every request, in every location, from this response on. A revoked, expired or rotated key cannot be changed (409 `api_key_inactive`): to end a rotation's overlap early, revoke the old key.
         *
         *     Requires scope `keys:manage`.
         */
        patch: operations["updateApiKey"];
        trace?: never;
    };
    "/v1/api-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate an API key
         * @description Issues a new key with the old one's name, scopes and rate limit, its secret returned once, here; the old key keeps working for `overlap_seconds`, then is refused (401 `expired_api_key`). A key may rotate itself. The calling key must hold every scope of the key it rotates (403 `insufficient_scope`), since it receives that key's new secret. A key rotates once: rotating it again is 409 `api_key_inactive` naming its successor. A retry with the same `Idempotency-Key` behaves as on issue.
         *
         *     Requires scope `keys:manage`.
         */
        post: operations["rotateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * ASNs changed since a time
         * @description Oldest change first; poll with `updated_since` (inclusive) and walk `next_cursor`.
         *
         *     Requires scope `inbound:read`.
         */
        get: operations["listInboundShipments"];
        put?: never;
        /**
         * Announce an inbound shipment (ASN)
         * @description Exactly once, like orders: the `Idempotency-Key` and the `reference` together are the dedup anchor. The same key with the same reference returns the existing ASN with 200; the same key with another reference is 422 `idempotency_key_reused`; without a key the same reference with a different body is 409 `duplicate_reference`.
         *
         *     Requires scope `inbound:write`.
         */
        post: operations["createInboundShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-shipments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve an ASN
         * @description Requires scope `inbound:read`.
         */
        get: operations["getInboundShipment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Amend an ASN before anything arrives
         * @description While the ASN is `expected`; afterwards 409 `inbound_not_open`.
         *
         *     Requires scope `inbound:write`.
         */
        patch: operations["updateInboundShipment"];
        trace?: never;
    };
    "/v1/inbound-shipments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an ASN before anything arrives
         * @description While the ASN is `expected`; afterwards 409 `inbound_not_open`. Its units stop counting as incoming.
         *
         *     Requires scope `inbound:write`.
         */
        post: operations["cancelInboundShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandbox/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the sandbox warehouse's settings
         * @description Requires scope `warehouse:operate`.
         */
        get: operations["sandboxGetSettings"];
        /**
         * Set how the sandbox warehouse fulfils orders by itself
         * @description With `auto_fulfill` on, each fully allocated order is picked, shipped with tracked parcels and delivered on its own, through the same commands, events, webhooks and history (actor `sandbox-simulator`) as the operations API. Backordered orders wait until they are allocated. A `packing_note` marker picks a scenario: `[sim:exception]`, `[sim:split]`, `[sim:hold]`, `[sim:void]`.
         *
         *     Requires scope `warehouse:operate`.
         */
        put: operations["sandboxUpdateSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandbox/orders/{id}/fulfill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pick and ship an order now
         * @description Starts picking if the order has not started, then ships the given items, or every allocated unit not yet shipped, in realistic parcels for the order's carrier. 409 `nothing_to_ship` when nothing allocated is left to ship. A retry with the same `Idempotency-Key` returns the first result with `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["sandboxFulfillOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandbox/shipments/{id}/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a shipment to its next carrier status
         * @description The next status, or the one given (`exception` included). 409 `already_delivered` once delivered, `shipment_voided` once voided; 422 `status_required` with no status given after an `exception`, which has no usual next scan. A retry with the same `Idempotency-Key` returns the first result with `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["sandboxAdvanceShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandbox/inventory/replenish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive stock as a real delivery would
         * @description Announces an inbound shipment (reference `SANDBOX-…`) and receives it in full, so the stock arrives the way production stock does: `incoming`, then `on_hand`, filling waiting backorders oldest first, with `inbound.received`. A retry with the same `Idempotency-Key` returns the first result with `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["sandboxReplenishInventory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/orders/{id}/start-picking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start picking
         * @description received → processing; from now on amend and cancel are 409. Needs every line allocated. A tenant key acts on its own orders only; a platform key on any. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsStartPickingOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/orders/{id}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put an order on hold
         * @description Keeps its allocation; amend and cancel still work. A tenant key acts on its own orders only; a platform key on any. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsHoldOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/orders/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release a hold
         * @description Back to received, or backordered if a line still waits. A tenant key acts on its own orders only; a platform key on any. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsReleaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/orders/{id}/cancellation-request/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a cancellation request
         * @description The floor stopped the order: its pending request becomes `accepted`, the order `cancelled`, and every allocation goes back to stock (picking's included) as a cancel does; `order.cancelled` fires. Accepting twice returns the cancelled order. 409 `no_pending_cancellation_request` when no request waits (none was made, it was rejected, or a shipment answered it). A tenant key acts on its own orders only; a platform key on any. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsAcceptOrderCancellationRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/orders/{id}/cancellation-request/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a cancellation request
         * @description The order goes on: its pending request becomes `rejected` with the reason given, and `order.cancellation_rejected` fires. Rejecting again with the same reason returns the order unchanged. 409 `no_pending_cancellation_request` when no request waits. A tenant key acts on its own orders only; a platform key on any. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsRejectOrderCancellationRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a shipment (one or more parcels) for an order
         * @description From `received` or `processing` (shipping implies picking) or `partially_shipped`. The order becomes `partially_shipped` or `shipped`; on_hand and allocated fall by the shipped units. 422 for shipping more than ordered-minus-shipped on a line (`over_shipment`), a sku not on the order, a SKU on several lines without the item's `line_id` (`ambiguous_line`), a `line_id` not on the order, no parcels, or a repeated tracking number; for a serial-tracked product's item without one serial per unit (`serials_required`), serials on any other product's item (`serials_not_tracked`), a serial named twice (`validation_error`), or a serial already out on another shipment (`serial_unavailable`, `field` naming it: of two shipments racing for one serial exactly one is created); 409 for a cancelled, held or backordered order. Nothing moves before every check passes. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsCreateShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/shipments/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a carrier status
         * @description in_transit, out_for_delivery, delivered or exception, with when it happened, for the whole shipment: for a floor whose carrier does not report parcel by parcel. Nothing moves a shipment out of `delivered` or `voided` (409). Once any of its parcels has tracking events (`POST /v1/ops/shipments/{id}/tracking-events`) their scans set its status, and this is 409 `tracked_by_parcels`. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsSetShipmentStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/shipments/{id}/tracking-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a parcel's carrier tracking events
         * @description One parcel, by `tracking_number`, and one or more of the carrier's scans, in any order and however late. Each carrier event id is recorded once per parcel: sending it again with the same content changes nothing (the shipment comes back as it is, no event fires), with different content it is 409 `tracking_event_conflict` naming the member that differs. The parcel's `status` is its latest event by `occurred_at` (ties: the order received); the shipment's is `exception` while any parcel's latest is an exception or a return to sender, otherwise the least advanced parcel's stage (shipped for label_created or no scan, in_transit for picked_up and in_transit, out_for_delivery, delivered), so `delivered` once every parcel is. A status change is added to `status_history`. Anything new fires `shipment.updated` with the shipment and moves it up the `updated_since` feed. `reason_code` is required for an `exception` and refused otherwise; `proof_of_delivery` only goes on a `delivered` event. A voided shipment refuses events (409 `shipment_voided`); a delivered one still takes late ones. 422 `parcel_not_found` for a tracking number not on the shipment, `too_many_tracking_events` past the per-parcel limit. A tenant key acts on its own orders only; a platform key on any. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsTrackingEventsShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/shipments/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void a shipment's label
         * @description The shipment stays, flagged `voided`; its units go back to allocated, its serials may ship again, and the order returns to what its remaining shipments imply. Voiding twice is a no-op; a delivered shipment cannot be voided (409). A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsVoidShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/inventory-adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Adjust stock on hand
         * @description A signed delta with a reason. Stock that arrives is allocated to waiting lines, oldest order first. 409 `insufficient_stock` if on_hand would go below zero or below what is allocated to open orders. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsCreateInventoryAdjustment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/inventory/condition-moves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move units between stock conditions
         * @description `quantity` units of a SKU in one warehouse go from one condition (`sellable`, `quarantine`, `damaged`, `expired`) to another, with a reason; the move is recorded with who made it (`GET /v1/inventory/condition-moves`), and the SKU's `inventory.updated` follows about a second later. Only sellable units (on_hand) are ever allocated. Out of `sellable` is a loss of sellable stock, by the rules of a negative adjustment: allocations of orders not yet being picked go back to waiting, newest first, and only a shortfall held by orders being picked refuses it (409 `stock_in_picking`). Into `sellable` is a receipt: the units fill waiting lines, oldest order first. 409 `insufficient_condition_stock` (field `quantity`) when `from` holds fewer units; nothing moves then. 422 when `to` equals `from`. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsConditionMovesInventory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/inbound-shipments/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record what arrived for an ASN
         * @description Receipts accumulate. Good units (received − damaged) go on the shelf and fill waiting backorders, oldest first; damaged units are counted in the SKU's `damaged` stock, never allocated. The ASN is `partially_received` while some expected line has no receipt, `received` once every one has. `inbound.received` fires on each receipt, `inbound.discrepancy` when the ASN becomes received with a discrepancy. 409 once receiving is closed or the ASN cancelled. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsCreateInboundShipmentReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/inbound-shipments/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close receiving with what has arrived
         * @description The ASN becomes `received` whatever is missing; its outstanding units stop counting as incoming, and any discrepancy fires `inbound.discrepancy`. Closing twice returns the closed ASN. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsCloseInboundShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a return that arrived without an RMA
         * @description It is `received` at once. 422 `unknown_order` (field `order_id`) for an order the key may not act on. 422 `sku_not_shipped` (`items[i].sku`) for a SKU that never shipped on the order and `over_return` (`items[i].quantity`) for more than shipped (voided shipments excluded) minus what its returns already brought back, per order line (`ambiguous_line` when several lines shipped the SKU and the item has no `line_id`); a serial-tracked product's line names the serial of each unit back (`serials_required`), each out on a shipment of the order (`serial_not_shipped`, `field` naming it), and frees it to ship again; two receipts racing for one order never both pass. Units restocked in `resellable` condition add to on_hand and fill waiting lines, oldest order first; the others (not restocked, or restocked in another condition) are counted in the SKU's `damaged` stock, never allocated. `return.received` fires with the whole return. A tenant key acts on its own orders only; a platform key on any. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsCreateReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/returns/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive an expected return
         * @description expected → received, with what arrived: condition and restocked per line. The same receipt again returns the return unchanged; another receipt of a received return is 409 `already_received`. 422 `sku_not_shipped` (`items[i].sku`) for a SKU that never shipped on the order and `over_return` (`items[i].quantity`) for more than shipped (voided shipments excluded) minus what its returns already brought back, per order line (`ambiguous_line` when several lines shipped the SKU and the item has no `line_id`); a serial-tracked product's line names the serial of each unit back (`serials_required`), each out on a shipment of the order (`serial_not_shipped`, `field` naming it), and frees it to ship again; two receipts racing for one order never both pass. Units restocked in `resellable` condition add to on_hand and fill waiting lines, oldest order first; the others (not restocked, or restocked in another condition) are counted in the SKU's `damaged` stock, never allocated. `return.received` fires with the whole return. A tenant key acts on its own orders only; a platform key on any. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsReceiveReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/returns/{id}/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a received return processed
         * @description received → processed (the refund or write-off is settled); processing twice changes nothing. 409 `not_received` while it is still expected. A tenant key acts on its own orders only; a platform key on any. A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.
         *
         *     Requires scope `warehouse:operate`.
         */
        post: operations["opsProcessReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/charges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Charge lines, oldest first
         * @description Every line the 3PL charged, as it was priced when its fact happened: filter by `fee`, `source_type`, `source_id` or `order_id`; poll with `updated_since` and walk `next_cursor`. Lines never change; a void adds credit lines.
         *
         *     Requires scope `billing:read`.
         */
        get: operations["listBillingCharges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/rate-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rate cards the 3PL prices with, oldest first
         * @description Requires scope `billing:read`.
         */
        get: operations["listBillingRateCards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Monthly invoices, drafts and issued
         * @description Oldest change first; an invoice changes when it is issued. Poll with `updated_since`.
         *
         *     Requires scope `billing:read`.
         */
        get: operations["listInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An invoice with its totals
         * @description Requires scope `billing:read`.
         */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An invoice's lines, oldest first
         * @description Its month's charge lines; their amounts and taxes sum to its total exactly.
         *
         *     Requires scope `billing:read`.
         */
        get: operations["listInvoiceLines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/lines.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An invoice's lines as CSV
         * @description Every line, oldest first, one row each with a header row: id, occurred_on, fee, description, source_type, source_id, order_id, warehouse_id, quantity, unit_rate, amount, tax, currency, credit_for. RFC 4180 quoting.
         *
         *     Requires scope `billing:read`.
         */
        get: operations["listInvoiceLines.csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tenants */
        get: operations["adminListTenants"];
        put?: never;
        /**
         * Create a tenant (merchant) and its first API key
         * @description The first key holds every scope a tenant key may hold in this environment. Its secret is returned once.
         */
        post: operations["adminCreateTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a tenant */
        get: operations["adminGetTenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a tenant's API keys (redacted) */
        get: operations["adminListTenantApiKeys"];
        put?: never;
        /**
         * Issue an API key for a tenant
         * @description In production a tenant key may not hold `warehouse:operate` (422); the floor uses platform keys.
         */
        post: operations["adminCreateTenantApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List platform keys (redacted) */
        get: operations["adminListApiKeys"];
        put?: never;
        /**
         * Issue a platform key
         * @description A key that belongs to no tenant, for the warehouse floor's systems. Defaults to `warehouse:operate`.
         */
        post: operations["adminCreateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Immediate everywhere: the key's very next request, in any location, is 401 `revoked_api_key`. Revoking twice is a no-op.
         */
        delete: operations["adminDeleteApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/warehouses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List warehouses */
        get: operations["adminListWarehouses"];
        put?: never;
        /**
         * Create a warehouse
         * @description Warehouses are shared by every tenant. 409 `duplicate_warehouse` if the id exists.
         */
        post: operations["adminCreateWarehouse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/shipping-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List shipping methods */
        get: operations["adminListShippingMethods"];
        put?: never;
        /**
         * Create a shipping method
         * @description Shared by every tenant. 409 `duplicate_shipping_method` if the id exists.
         */
        post: operations["adminCreateShippingMethod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/shipping-methods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a shipping method, its aliases included */
        patch: operations["adminUpdateShippingMethod"];
        trace?: never;
    };
    "/admin/v1/stuck-operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Order operations that kept failing and were parked
         * @description An order retries a change that moves stock with backoff, then parks it so the order takes new commands again. Newest first; `status=parked` for the ones still waiting for an operator.
         */
        get: operations["adminListStuckOperations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/stuck-operations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One parked operation */
        get: operations["adminGetStuckOperation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/stuck-operations/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a parked operation again
         * @description Applies it to the order as it is now. If the order's rules refuse it now, its partial stock effects are undone and it is closed as refused. If it fails again it stays parked (409 `retry_failed`).
         */
        post: operations["adminRetryStuckOperation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/stuck-operations/{id}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give up a parked operation
         * @description Undoes whatever part of it ran: stock movements for a shipment or void that never committed are reversed, and every line it touched holds again exactly what the order as committed says. Stock is never left inconsistent.
         */
        post: operations["adminDiscardStuckOperation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}/rate-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tenant's rate cards, oldest first */
        get: operations["adminListTenantRateCards"];
        put?: never;
        /**
         * Give a tenant a new rate card version
         * @description Every fee is required (422 naming the one missing). A card takes effect on its `effective_from` (UTC), today or later and after every card the tenant has (422 `rate_card_overlap`): charges already made keep the card they were priced by.
         */
        post: operations["adminRateCardsTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Health: {
            /** @enum {string} */
            status: "ok";
            /** @enum {string} */
            environment: "development" | "sandbox" | "production";
            /** @example 0.1.0 */
            version: string;
        };
        Error: {
            error: {
                /** @example validation_error */
                code: string;
                message: string;
                /** @example items[0].sku */
                field?: string;
                /** @example req_3kTq9x2VbN8mLp4Rz7Yw */
                request_id: string;
            } & {
                [key: string]: unknown;
            };
        };
        WarehouseList: {
            data: components["schemas"]["Warehouse"][];
            pagination: components["schemas"]["Pagination"];
        };
        Warehouse: {
            /** @example wh_syd_1 */
            id: string;
            /** @example Sydney DC */
            name: string;
            /** @example SYD */
            code: string;
            address: components["schemas"]["Address"];
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            updated_at: string;
        };
        Address: {
            address1: string;
            address2?: string | null;
            city: string;
            /** @description The region: required where the country's addresses need one (AU, US, CA, JP…), and then one of the country's, by ISO 3166-2 code (`NSW`) or name (`New South Wales`). */
            state?: string | null;
            /** @description In the country's format, and required where its post uses one; written in the case the post uses. */
            postcode?: string | null;
            /**
             * @example AU
             * @enum {string}
             */
            country: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
        };
        Pagination: {
            /** @example eyJzIjoxMDQyMH0 */
            next_cursor: string | null;
            has_more: boolean;
        };
        ShippingMethodList: {
            data: components["schemas"]["ShippingMethod"][];
            pagination: components["schemas"]["Pagination"];
        };
        ShippingMethod: {
            /** @example sm_auspost_express */
            id: string;
            /** @example Express Post */
            name: string;
            /** @example auspost */
            carrier: string;
            /** @example Australia Post */
            carrier_name: string | null;
            /** @example EXP */
            service_code: string;
            /**
             * @description Other names an order's free-text `shipping_method` may use for this method, matched case-insensitively like its `name` and `service_code`; a name repeated in another case is kept once.
             * @example [
             *       "Express",
             *       "AusPost Express"
             *     ]
             */
            aliases: string[];
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            updated_at: string;
        };
        Product: {
            /** @example prd_9xKq2mW8nB4vC7zL1aSd */
            id: string;
            /** @example WIDGET-BLUE-M */
            sku: string;
            /** @example Blue Widget — Medium */
            name: string;
            description: string | null;
            barcode: string | null;
            weight: components["schemas"]["Weight"];
            dimensions: components["schemas"]["Dimensions"];
            /**
             * @description When `available` in a warehouse falls below it, `inventory.low_stock` fires; when it climbs back, `inventory.restocked`.
             * @example 10
             */
            low_stock_threshold: number | null;
            /**
             * @description Each unit carries a serial number: a shipment item of it lists one per unit (`serials`), and a received return line names those that came back.
             * @example false
             */
            serial_tracked: boolean;
            /**
             * @description Units belong to lots: receipts, counts, condition moves name the `lot`; allocation takes lots first expiry first; shipment items and returns record their lots.
             * @example false
             */
            lot_tracked: boolean;
            /**
             * @description Each lot has an expiry (`expires_on`, given at receipt). Implies `lot_tracked`. A lot past its expiry is never allocated and moves to `expired` on its own.
             * @example false
             */
            expiry_tracked: boolean;
            /**
             * @description Days a lot must still have before expiry on the day an order ships (its `ship_by`, else today) to be allocated to it.
             * @example 0
             */
            min_shelf_life_days: number;
            /**
             * @description Bumped on every change
             * @example 1
             */
            version: string;
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            updated_at: string;
        };
        /**
         * @example {
         *       "value": 1.2,
         *       "unit": "kg"
         *     }
         */
        Weight: {
            value: number;
            /** @enum {string} */
            unit: "kg" | "g" | "lb" | "oz";
        } | null;
        /**
         * @example {
         *       "length": 30,
         *       "width": 20,
         *       "height": 10,
         *       "unit": "cm"
         *     }
         */
        Dimensions: {
            length: number;
            width: number;
            height: number;
            /** @enum {string} */
            unit: "cm" | "mm" | "m" | "in";
        } | null;
        CreateProduct: {
            /** @example WIDGET-BLUE-M */
            sku: string;
            name: string;
            description?: string | null;
            barcode?: string | null;
            weight?: components["schemas"]["Weight"];
            dimensions?: components["schemas"]["Dimensions"];
            low_stock_threshold?: number | null;
            /** @description Whether each unit carries a serial number; false by default. Shipments made before a change keep the serials they listed. */
            serial_tracked?: boolean;
            /** @description Whether units belong to lots; false by default. Units received before it was set have no lot: they are allocated after every lot. Turning it off also turns off `expiry_tracked`. */
            lot_tracked?: boolean;
            /** @description Whether each lot has an expiry; false by default. True also sets `lot_tracked`. */
            expiry_tracked?: boolean;
            /** @description Shelf life a lot must have left when the order ships to be allocated to it; 0 by default. */
            min_shelf_life_days?: number;
        };
        ProductList: {
            data: components["schemas"]["Product"][];
            pagination: components["schemas"]["Pagination"];
        };
        /** @description Only the fields sent change; send null to clear an optional field. */
        UpdateProduct: {
            name?: string;
            description?: string | null;
            barcode?: string | null;
            weight?: components["schemas"]["Weight"];
            dimensions?: components["schemas"]["Dimensions"];
            low_stock_threshold?: number | null;
            /** @description Whether each unit carries a serial number; false by default. Shipments made before a change keep the serials they listed. */
            serial_tracked?: boolean;
            /** @description Whether units belong to lots; false by default. Units received before it was set have no lot: they are allocated after every lot. Turning it off also turns off `expiry_tracked`. */
            lot_tracked?: boolean;
            /** @description Whether each lot has an expiry; false by default. True also sets `lot_tracked`. */
            expiry_tracked?: boolean;
            /** @description Shelf life a lot must have left when the order ships to be allocated to it; 0 by default. */
            min_shelf_life_days?: number;
        };
        Order: {
            /** @example ord_8Kd92mQ4xTa1Bc2De3Fg */
            id: string;
            order_number: string;
            reference: string;
            /** @enum {string} */
            status: "received" | "processing" | "partially_shipped" | "shipped" | "on_hold" | "backordered" | "cancelled";
            warehouse_id: string;
            shipping_method_id: string | null;
            shipping_method: string | null;
            order_date: string | null;
            signature_required: boolean;
            insurance: boolean;
            gift_message: string | null;
            packing_note: string | null;
            ship_to: components["schemas"]["ShipTo"];
            /** @description Null when the order has none. */
            billing_address: {
                address1: string;
                address2?: string | null;
                city: string;
                /** @description The region: required where the country's addresses need one (AU, US, CA, JP…), and then one of the country's, by ISO 3166-2 code (`NSW`) or name (`New South Wales`). */
                state?: string | null;
                /** @description In the country's format, and required where its post uses one; written in the case the post uses. */
                postcode?: string | null;
                /**
                 * @example AU
                 * @enum {string}
                 */
                country: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
            } | null;
            /** @enum {string|null} */
            incoterms: "EXW" | "FCA" | "CPT" | "CIP" | "DAP" | "DPU" | "DDP" | "FAS" | "FOB" | "CFR" | "CIF" | null;
            tax_ids: components["schemas"]["TaxId"][];
            /** @example 2026-07-06 */
            ship_by: string | null;
            /** @example 2026-07-10 */
            requested_delivery_date: string | null;
            items: components["schemas"]["OrderItem"][];
            /**
             * @description Over the lines with units still to ship: `allocated`, `partially_allocated` or `backordered`; `fulfilled` once every unit has shipped; `released` once cancelled.
             * @enum {string}
             */
            allocation_status: "allocated" | "partially_allocated" | "backordered" | "released" | "fulfilled";
            hold_reason: string | null;
            cancel_reason: string | null;
            /**
             * @description Bumped on every change; send as If-Match.
             * @example 4
             */
            version: string;
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            updated_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            cancelled_at: string | null;
            cancellation_request: components["schemas"]["CancellationRequest"];
            shipments: components["schemas"]["Shipment"][];
            /** @description True once the order left D1 for the archive, ORDER_HOT_DAYS (90 by default) after its last change in a final state: it is read from there and can no longer change. */
            archived: boolean;
        };
        ShipTo: {
            name: string;
            company?: string | null;
            /**
             * Format: email
             * @example jane@example.com
             */
            email?: string | null;
            /**
             * @description A number that can be dialled, in international form or as dialled within `country`; kept and returned in E.164.
             * @example +61400123456
             */
            phone?: string | null;
            address1: string;
            address2?: string | null;
            city: string;
            /** @description The region: required where the country's addresses need one (AU, US, CA, JP…), and then one of the country's, by ISO 3166-2 code (`NSW`) or name (`New South Wales`). */
            state?: string | null;
            /** @description In the country's format, and required where its post uses one; written in the case the post uses. */
            postcode?: string | null;
            /**
             * @example AU
             * @enum {string}
             */
            country: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
        };
        /**
         * @example {
         *       "type": "EORI",
         *       "value": "GB123456789000"
         *     }
         */
        TaxId: {
            /** @enum {string} */
            type: "VAT" | "EORI" | "ABN" | "GST" | "IOSS" | "EIN" | "OTHER";
            value: string;
        };
        OrderItem: {
            /**
             * @description The line's id, assigned by this API and stable for the line's life.
             * @example li_4fQ9zK2mX7
             */
            id: string;
            /**
             * @description Your id for the line, as sent; null if none.
             * @example 10
             */
            line_id: string | null;
            sku: string;
            description: string | null;
            quantity: number;
            unit_price: string | null;
            currency: string | null;
            /**
             * @description Each line is allocated whole or waits whole; `released` once cancelled; `fulfilled` once every unit has shipped (nothing left to allocate).
             * @enum {string}
             */
            allocation_status: "allocated" | "backordered" | "released" | "fulfilled";
            /** @description Units reserved and not yet shipped */
            allocated_quantity: number;
            shipped_quantity: number;
            /**
             * @description Digits only.
             * @example 610910
             */
            hs_code: string | null;
            country_of_origin: string | null;
            /** @description Declared per unit; null if not. */
            customs_value: {
                /** @example 19.99 */
                amount: string;
                /**
                 * @example AUD
                 * @enum {string}
                 */
                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG";
            } | null;
        };
        /** @description The latest request to stop an order (`POST /v1/orders/{id}/cancellation-request`) and the floor's answer; an order shows null while none was made. */
        CancellationRequest: {
            /**
             * @description `pending` until the floor answers; `accepted` once the order is cancelled; `rejected` when the order goes on (`rejection_reason` says why).
             * @enum {string}
             */
            status: "pending" | "accepted" | "rejected";
            reason: string | null;
            /** @example 2026-07-02T14:31:07.000Z */
            requested_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            decided_at: string | null;
            rejection_reason: string | null;
        } | null;
        /**
         * @example {
         *       "id": "shp_a1B2c3D4e5F6g7H8i9J0",
         *       "order_id": "ord_8Kd92mQ4xTa1Bc2De3Fg",
         *       "order_number": "SO-100423",
         *       "status": "shipped",
         *       "warehouse_id": "wh_syd_1",
         *       "shipped_at": "2026-07-02T22:04:11.000Z",
         *       "created_at": "2026-07-02T22:04:11.000Z",
         *       "updated_at": "2026-07-02T22:04:11.000Z",
         *       "cost": {
         *         "amount": "12.40",
         *         "currency": "AUD"
         *       },
         *       "voided": false,
         *       "parcels": [
         *         {
         *           "tracking_number": "ABC123456789AU",
         *           "tracking_url": "https://auspost.com.au/track/ABC123456789AU",
         *           "carrier": "auspost",
         *           "service": "Express Post",
         *           "weight": {
         *             "value": 1.2,
         *             "unit": "kg"
         *           },
         *           "dimensions": {
         *             "length": 30,
         *             "width": 20,
         *             "height": 10,
         *             "unit": "cm"
         *           },
         *           "status": "in_transit",
         *           "estimated_delivery": "2026-07-05",
         *           "proof_of_delivery": null,
         *           "tracking_events": [
         *             {
         *               "id": "EV-0001",
         *               "occurred_at": "2026-07-02T23:40:00.000Z",
         *               "status": "picked_up",
         *               "description": "Picked up",
         *               "location": {
         *                 "city": "Sydney",
         *                 "region": "NSW",
         *                 "country": "AU"
         *               },
         *               "reason_code": null,
         *               "estimated_delivery": "2026-07-05",
         *               "proof_of_delivery": null
         *             },
         *             {
         *               "id": "EV-0002",
         *               "occurred_at": "2026-07-03T04:12:00.000Z",
         *               "status": "in_transit",
         *               "description": "Departed facility",
         *               "location": {
         *                 "city": "Sydney",
         *                 "region": "NSW",
         *                 "country": "AU"
         *               },
         *               "reason_code": null,
         *               "estimated_delivery": null,
         *               "proof_of_delivery": null
         *             }
         *           ]
         *         },
         *         {
         *           "tracking_number": "ABC123456790AU",
         *           "tracking_url": "https://auspost.com.au/track/ABC123456790AU",
         *           "carrier": "auspost",
         *           "service": "Express Post",
         *           "status": null,
         *           "estimated_delivery": null,
         *           "proof_of_delivery": null,
         *           "tracking_events": []
         *         }
         *       ],
         *       "items": [
         *         {
         *           "order_line_id": "li_4fQ9zK2mX7",
         *           "line_id": "10",
         *           "sku": "WIDGET-BLUE-M",
         *           "quantity": 2,
         *           "serials": [],
         *           "lots": []
         *         }
         *       ],
         *       "status_history": [
         *         {
         *           "status": "shipped",
         *           "occurred_at": "2026-07-02T22:04:11.000Z"
         *         }
         *       ],
         *       "version": "1",
         *       "archived": false
         *     }
         */
        Shipment: {
            /** @example shp_a1B2c3D4e5F6g7H8i9J0 */
            id: string;
            order_id: string;
            order_number: string;
            /** @enum {string} */
            status: "shipped" | "in_transit" | "out_for_delivery" | "delivered" | "exception" | "voided";
            warehouse_id: string;
            /** @example 2026-07-02T14:31:07.000Z */
            shipped_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            updated_at: string;
            cost: components["schemas"]["Money"];
            voided: boolean;
            /** @description One entry per physical box, each with its own tracking number. */
            parcels: components["schemas"]["Parcel"][];
            items: {
                /**
                 * @description The order line's `id`.
                 * @example li_4fQ9zK2mX7
                 */
                order_line_id: string;
                /** @description The order line's `line_id`, yours; null if it has none. */
                line_id: string | null;
                sku: string;
                quantity: number;
                /** @description The units' serial numbers, one per unit, for a serial-tracked product; empty for any other. */
                serials: string[];
                /** @description The lots the units left from, first expiry first, as allocation chose them (first expiry, first out, within the order's `ship_by`); empty for a product whose stock has no lots. */
                lots: components["schemas"]["ShippedLot"][];
            }[];
            status_history: {
                /** @enum {string} */
                status: "shipped" | "in_transit" | "out_for_delivery" | "delivered" | "exception" | "voided";
                /** @example 2026-07-02T14:31:07.000Z */
                occurred_at: string;
                note?: string | null;
            }[];
            /** @example 1 */
            version: string;
            /** @description True once its order was archived: read from there, unchanging. */
            archived: boolean;
        };
        Money: {
            /** @example 19.99 */
            amount: string;
            /**
             * @example AUD
             * @enum {string}
             */
            currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG";
        } | null;
        Parcel: {
            /** @example ABC123456789AU */
            tracking_number: string;
            /** @example https://auspost.com.au/track/ABC123456789AU */
            tracking_url: string | null;
            /** @example auspost */
            carrier: string;
            /** @example Express Post */
            service: string;
            weight?: components["schemas"]["Weight"];
            dimensions?: components["schemas"]["Dimensions"];
            /** @description The packaging type, when the floor named one. */
            packaging?: string;
            /**
             * @description Its latest carrier event's status (by `occurred_at`); null before the first.
             * @enum {string|null}
             */
            status: "label_created" | "picked_up" | "in_transit" | "out_for_delivery" | "delivered" | "exception" | "returned_to_sender" | null;
            /**
             * @description The carrier's delivery estimate (YYYY-MM-DD): the latest event's that gave one; null if none did.
             * @example 2026-07-05
             */
            estimated_delivery: string | null;
            proof_of_delivery: components["schemas"]["ProofOfDelivery"];
            /** @description The carrier's scans, oldest first by `occurred_at` (ties in the order received), however late or out of order they arrived. */
            tracking_events: components["schemas"]["TrackingEvent"][];
        };
        /** @description Who signed, and a photo when the carrier took one; null until delivered. */
        ProofOfDelivery: {
            /** @example J. Citizen */
            signed_by: string;
            /** @description Only when the carrier took one. */
            photo_url?: string;
        } | null;
        TrackingEvent: {
            /**
             * @description The carrier's own event id: a parcel records each id once.
             * @example EV-0001
             */
            id: string;
            /** @example 2026-07-02T14:31:07.000Z */
            occurred_at: string;
            /** @enum {string} */
            status: "label_created" | "picked_up" | "in_transit" | "out_for_delivery" | "delivered" | "exception" | "returned_to_sender";
            /** @example Departed facility */
            description: string;
            location: components["schemas"]["TrackingLocation"];
            /** @description The carrier's reason for an `exception`; null for any other status. */
            reason_code: string | null;
            /** @description The carrier's estimate as of this event (YYYY-MM-DD), if it gave one. */
            estimated_delivery: string | null;
            proof_of_delivery: components["schemas"]["ProofOfDelivery"] & unknown;
        };
        TrackingLocation: {
            city: string | null;
            region: string | null;
            /**
             * @description ISO 3166-1 alpha-2.
             * @example AU
             */
            country: string;
        } | null;
        ShippedLot: {
            /** @example L2026-11-A */
            lot: string;
            /**
             * @description The lot's last sellable day; null when the product has no expiry.
             * @example 2027-05-31
             */
            expires_on: string | null;
            /** @example 2 */
            quantity: number;
        };
        /**
         * @example {
         *       "order_number": "SO-100423",
         *       "reference": "F-100423-1",
         *       "order_date": "2026-07-02T09:15:00Z",
         *       "warehouse_id": "wh_syd_1",
         *       "shipping_method_id": "sm_auspost_express",
         *       "signature_required": false,
         *       "insurance": false,
         *       "gift_message": null,
         *       "packing_note": "Leave in porch",
         *       "ship_to": {
         *         "name": "Jane Doe",
         *         "company": "Acme Pty Ltd",
         *         "email": "jane@example.com",
         *         "phone": "+61 400 123 456",
         *         "address1": "123 Main St",
         *         "address2": null,
         *         "city": "Sydney",
         *         "state": "NSW",
         *         "postcode": "2000",
         *         "country": "AU"
         *       },
         *       "items": [
         *         {
         *           "sku": "WIDGET-BLUE-M",
         *           "description": "Blue Widget — Medium",
         *           "quantity": 2,
         *           "unit_price": "19.99",
         *           "currency": "AUD"
         *         }
         *       ]
         *     }
         */
        CreateOrder: {
            /** @example SO-100423 */
            order_number: string;
            /** @example F-100423-1 */
            reference: string;
            /**
             * Format: date-time
             * @example 2026-07-02T09:15:00Z
             */
            order_date?: string | null;
            /** @example wh_syd_1 */
            warehouse_id: string;
            /** @example sm_auspost_express */
            shipping_method_id?: string | null;
            /** @description Free-text method name, matched to a shipping method's `name` when no id is sent. */
            shipping_method?: string | null;
            signature_required?: boolean;
            insurance?: boolean;
            gift_message?: string | null;
            packing_note?: string | null;
            ship_to: components["schemas"]["ShipTo"];
            /** @description Where the invoice goes, if not to `ship_to`; checked as `ship_to` is. */
            billing_address?: {
                address1: string;
                address2?: string | null;
                city: string;
                /** @description The region: required where the country's addresses need one (AU, US, CA, JP…), and then one of the country's, by ISO 3166-2 code (`NSW`) or name (`New South Wales`). */
                state?: string | null;
                /** @description In the country's format, and required where its post uses one; written in the case the post uses. */
                postcode?: string | null;
                /**
                 * @example AU
                 * @enum {string}
                 */
                country: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
            } | null;
            /**
             * @description Who pays what to whom on the way (Incoterms 2020), e.g. DAP or DDP.
             * @enum {string|null}
             */
            incoterms?: "EXW" | "FCA" | "CPT" | "CIP" | "DAP" | "DPU" | "DDP" | "FAS" | "FOB" | "CFR" | "CIF" | null;
            /** @description Up to 10 tax registrations for customs and invoices; sent whole, `null` or `[]` clears. */
            tax_ids?: components["schemas"]["TaxId"][] | null;
            /**
             * Format: date
             * @description The last day the order should leave the warehouse.
             * @example 2026-07-06
             */
            ship_by?: string | null;
            /**
             * Format: date
             * @description The day the customer asked to receive it; not before `ship_by`.
             * @example 2026-07-06
             */
            requested_delivery_date?: string | null;
            /** @description 1 to 500 lines; a SKU may be on several lines, each `line_id` on one. */
            items: {
                /**
                 * @description Your own id for the line, unique within the order: shipments, returns and events name the line by it.
                 * @example 10
                 */
                line_id?: string;
                /** @example WIDGET-BLUE-M */
                sku: string;
                description?: string | null;
                quantity: number;
                /** @example 19.99 */
                unit_price?: string | null;
                /**
                 * @example AUD
                 * @enum {string|null}
                 */
                currency?: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG" | null;
                /** @example 6109.10 */
                hs_code?: string | null;
                /**
                 * @description Where the goods were made (ISO-3166 alpha-2), for customs.
                 * @example AU
                 * @enum {string|null}
                 */
                country_of_origin?: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW" | null;
                /** @description The declared value of one unit, for customs. */
                customs_value?: {
                    /** @example 19.99 */
                    amount: string;
                    /**
                     * @example AUD
                     * @enum {string}
                     */
                    currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG";
                } | null;
            }[];
        };
        OrderList: {
            data: components["schemas"]["Order"][];
            pagination: components["schemas"]["Pagination"];
        };
        /**
         * @description Fields you don't send are left untouched (guide §1); `ship_to` merges; `items` is the full desired set.
         * @example {
         *       "shipping_method_id": "sm_auspost_express",
         *       "ship_to": {
         *         "name": "Jane Doe",
         *         "address1": "456 New Street",
         *         "address2": "Unit 5",
         *         "city": "Sydney",
         *         "state": "NSW",
         *         "postcode": "2010",
         *         "country": "AU"
         *       },
         *       "items": [
         *         {
         *           "sku": "WIDGET-BLUE-M",
         *           "quantity": 1
         *         },
         *         {
         *           "sku": "WIDGET-RED-S",
         *           "quantity": 3
         *         }
         *       ]
         *     }
         */
        AmendOrder: {
            order_number?: string;
            /**
             * Format: date-time
             * @example 2026-07-02T09:15:00Z
             */
            order_date?: string | null;
            /** @description Accepted only unchanged: moving an order between warehouses is cancel and recreate. */
            warehouse_id?: string;
            /** @example sm_auspost_express */
            shipping_method_id?: string | null;
            /** @description Free-text method name, matched to a shipping method's `name` when no id is sent. */
            shipping_method?: string | null;
            signature_required?: boolean;
            insurance?: boolean;
            gift_message?: string | null;
            packing_note?: string | null;
            /** @description Merged the JSON Merge Patch way (RFC 7396): fields not sent keep their value, `null` clears an optional one. The merged address must be deliverable, as on create: a 422 names the field it fails on (`ship_to.postcode`). */
            ship_to?: {
                name?: string;
                company?: string | null;
                /**
                 * Format: email
                 * @example jane@example.com
                 */
                email?: string | null;
                /**
                 * @description A number that can be dialled, in international form or as dialled within `country`; kept and returned in E.164.
                 * @example +61400123456
                 */
                phone?: string | null;
                address1?: string;
                address2?: string | null;
                city?: string;
                /** @description The region: required where the country's addresses need one (AU, US, CA, JP…), and then one of the country's, by ISO 3166-2 code (`NSW`) or name (`New South Wales`). */
                state?: string | null;
                /** @description In the country's format, and required where its post uses one; written in the case the post uses. */
                postcode?: string | null;
                /**
                 * @example AU
                 * @enum {string}
                 */
                country?: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
            };
            /** @description Merged like `ship_to`; `null` removes the billing address. Without one stored, `address1`, `city` and `country` are required. */
            billing_address?: {
                address1?: string;
                address2?: string | null;
                city?: string;
                /** @description The region: required where the country's addresses need one (AU, US, CA, JP…), and then one of the country's, by ISO 3166-2 code (`NSW`) or name (`New South Wales`). */
                state?: string | null;
                /** @description In the country's format, and required where its post uses one; written in the case the post uses. */
                postcode?: string | null;
                /**
                 * @example AU
                 * @enum {string}
                 */
                country?: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
            } | null;
            /**
             * @description Who pays what to whom on the way (Incoterms 2020), e.g. DAP or DDP.
             * @enum {string|null}
             */
            incoterms?: "EXW" | "FCA" | "CPT" | "CIP" | "DAP" | "DPU" | "DDP" | "FAS" | "FOB" | "CFR" | "CIF" | null;
            /** @description Up to 10 tax registrations for customs and invoices; sent whole, `null` or `[]` clears. */
            tax_ids?: components["schemas"]["TaxId"][] | null;
            /**
             * Format: date
             * @description The last day the order should leave the warehouse.
             * @example 2026-07-06
             */
            ship_by?: string | null;
            /**
             * Format: date
             * @description The day the customer asked to receive it; not before `ship_by`.
             * @example 2026-07-06
             */
            requested_delivery_date?: string | null;
            /** @description The full desired set of lines (guide §1): a line left out is removed, a new quantity replaces the old. */
            items?: components["schemas"]["AmendOrderItem"][];
        };
        /** @description `sku` and `quantity` are required. The item keeps the order's line with its `line_id` (yours, or the line's `id`), else the only line of its SKU; that line keeps its `description`, `unit_price`, `currency`, `hs_code`, `country_of_origin` and `customs_value` unless sent (`null` clears). A SKU on several lines needs `line_id`. */
        AmendOrderItem: {
            /**
             * @description Your own id for the line, unique within the order: shipments, returns and events name the line by it.
             * @example 10
             */
            line_id?: string;
            /** @example WIDGET-BLUE-M */
            sku: string;
            description?: string | null;
            quantity: number;
            /** @example 19.99 */
            unit_price?: string | null;
            /**
             * @example AUD
             * @enum {string|null}
             */
            currency?: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG" | null;
            /** @example 6109.10 */
            hs_code?: string | null;
            /**
             * @description Where the goods were made (ISO-3166 alpha-2), for customs.
             * @example AU
             * @enum {string|null}
             */
            country_of_origin?: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW" | null;
            /** @description The declared value of one unit, for customs. */
            customs_value?: {
                /** @example 19.99 */
                amount: string;
                /**
                 * @example AUD
                 * @enum {string}
                 */
                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG";
            } | null;
        };
        CancelOrder: {
            reason?: string | null;
        };
        /**
         * @example {
         *       "reason": "Customer changed their mind"
         *     }
         */
        RequestCancellation: {
            reason?: string | null;
        };
        OrderHistory: {
            data: components["schemas"]["OrderHistoryEntry"][];
            pagination: components["schemas"]["Pagination"];
            /** @description True when the order is archived and its history read from there. */
            archived: boolean;
        };
        OrderHistoryEntry: {
            seq: number;
            /** @example 2026-07-02T14:31:07.000Z */
            at: string;
            /** @description The API key id that made the change, or `system`. */
            actor: string;
            /** @example amended */
            action: string;
            changes: {
                [key: string]: unknown;
            };
            prev_hash: string;
            /** @description SHA-256 over prev_hash and this entry: the chain proves nothing was rewritten. */
            hash: string;
        };
        ShipmentList: {
            data: components["schemas"]["Shipment"][];
            pagination: components["schemas"]["Pagination"];
        };
        Serial: {
            sku: string;
            /** @example SN-7Q2K-0042 */
            serial: string;
            /**
             * @description `in_stock` once received (or when the label it left on was voided); `shipped` while out on a shipment; `returned` once a return brought it back. A unit received before its product was serial tracked is first seen when it ships.
             * @enum {string}
             */
            status: "shipped" | "returned" | "in_stock";
            /** @description The shipment it last left on; null once that label was voided. */
            shipment_id: string | null;
            /** @description That shipment's order. */
            order_id: string | null;
            /**
             * @description When it was recorded leaving.
             * @example 2026-07-02T14:31:07.000Z
             */
            shipped_at: string | null;
            /** @description The return that brought it back, while `returned`. */
            return_id: string | null;
            /** @example 2026-07-02T14:31:07.000Z */
            returned_at: string | null;
            /** @description Every movement of the unit, oldest first. */
            history: components["schemas"]["SerialMovement"][];
        };
        SerialMovement: {
            /**
             * @description `received`: it arrived on `receipt_id`; `shipped`: it left on `shipment_id`; `voided`: that shipment's label was voided and the unit stayed; `returned`: it came back on `return_id`.
             * @enum {string}
             */
            movement: "received" | "shipped" | "voided" | "returned";
            /** @example 2026-07-02T14:31:07.000Z */
            occurred_at: string;
            shipment_id: string | null;
            /** @description Null for a receipt. */
            order_id: string | null;
            return_id: string | null;
            receipt_id: string | null;
        };
        InventoryList: {
            data: components["schemas"]["SkuInventory"][];
            pagination: components["schemas"]["Pagination"];
        };
        /**
         * @example {
         *       "sku": "WIDGET-BLUE-M",
         *       "updated_at": "2026-07-02T22:05:00.000Z",
         *       "version": "42",
         *       "warehouses": [
         *         {
         *           "warehouse_id": "wh_syd_1",
         *           "on_hand": 120,
         *           "available": 96,
         *           "allocated": 24,
         *           "incoming": 0,
         *           "backordered": 0,
         *           "quarantine": 2,
         *           "damaged": 1,
         *           "expired": 0
         *         },
         *         {
         *           "warehouse_id": "wh_mel_1",
         *           "on_hand": 40,
         *           "available": 40,
         *           "allocated": 0,
         *           "incoming": 30,
         *           "backordered": 5,
         *           "quarantine": 0,
         *           "damaged": 0,
         *           "expired": 0
         *         }
         *       ]
         *     }
         */
        SkuInventory: {
            sku: string;
            /** @example 2026-07-02T14:31:07.000Z */
            updated_at: string;
            /** @description Grows with every change to any warehouse's row for this SKU */
            version: string;
            warehouses: components["schemas"]["WarehouseStock"][];
        };
        WarehouseStock: {
            /** @example wh_syd_1 */
            warehouse_id: string;
            /** @description Sellable units physically in the warehouse */
            on_hand: number;
            /** @description on_hand − allocated, never below 0 */
            available: number;
            /** @description Reserved for open orders */
            allocated: number;
            /** @description On open inbound shipments */
            incoming: number;
            /** @description Ordered but waiting for stock */
            backordered: number;
            /** @description In the warehouse, held for inspection: not in on_hand, never allocated */
            quarantine: number;
            /** @description In the warehouse, not sellable (damaged on arrival or in the warehouse, returns not restocked): not in on_hand, never allocated */
            damaged: number;
            /** @description In the warehouse, past expiry: not in on_hand, never allocated */
            expired: number;
            /** @description With `by=lot`: each lot's stock, first expiry first (empty for a SKU whose stock has no lots). Units received without a lot are in the warehouse's totals and in no lot. */
            lots?: components["schemas"]["LotStock"][];
        };
        LotStock: {
            /** @example L2026-11-A */
            lot: string;
            /**
             * @description The lot's last sellable day; null when the product has no expiry.
             * @example 2027-05-31
             */
            expires_on: string | null;
            /** @description Sellable units of this lot */
            on_hand: number;
            /** @description Of on_hand, held by open orders */
            allocated: number;
            /** @description on_hand − allocated, never below 0 */
            available: number;
            quarantine: number;
            damaged: number;
            /** @description Units of this lot moved to `expired` (on their own the day after expiry) */
            expired: number;
        };
        InventoryAdjustmentList: {
            data: components["schemas"]["InventoryAdjustment"][];
            pagination: components["schemas"]["Pagination"];
        };
        /**
         * @example {
         *       "id": "adj_4471Qk2nW8xYz1AbCdEf",
         *       "sku": "WIDGET-BLUE-M",
         *       "warehouse_id": "wh_syd_1",
         *       "quantity_delta": -3,
         *       "reason": "damaged",
         *       "lot": null,
         *       "expires_on": null,
         *       "note": "Water damage, pallet 12",
         *       "adjusted_at": "2026-07-02T05:00:00.000Z"
         *     }
         */
        InventoryAdjustment: {
            /** @example adj_4471Qk2nW8xYz1AbCdEf */
            id: string;
            sku: string;
            warehouse_id: string;
            /** @description Signed: negative removes stock */
            quantity_delta: number;
            /** @enum {string} */
            reason: "damaged" | "cycle_count" | "lost" | "found" | "expired";
            /** @description The lot counted; null for a product without lots. */
            lot: string | null;
            expires_on: string | null;
            note: string | null;
            /** @example 2026-07-02T14:31:07.000Z */
            adjusted_at: string;
        };
        InventoryConditionMoveList: {
            data: components["schemas"]["InventoryConditionMove"][];
            pagination: components["schemas"]["Pagination"];
        };
        /**
         * @example {
         *       "id": "cmv_4471Qk2nW8xYz1AbCdEf",
         *       "sku": "WIDGET-BLUE-M",
         *       "warehouse_id": "wh_syd_1",
         *       "from": "sellable",
         *       "to": "quarantine",
         *       "quantity": 4,
         *       "lot": null,
         *       "reason": "recalled",
         *       "note": "Supplier recall R-2231, batch on aisle 4",
         *       "actor": "key_7f3a9c2e",
         *       "moved_at": "2026-07-02T05:00:00.000Z"
         *     }
         */
        InventoryConditionMove: {
            /** @example cmv_4471Qk2nW8xYz1AbCdEf */
            id: string;
            sku: string;
            warehouse_id: string;
            /**
             * @description `sellable` is on_hand, the stock orders allocate from; `quarantine`, `damaged` and `expired` are counted apart and never allocated.
             * @enum {string}
             */
            from: "sellable" | "quarantine" | "damaged" | "expired";
            /**
             * @description `sellable` is on_hand, the stock orders allocate from; `quarantine`, `damaged` and `expired` are counted apart and never allocated.
             * @enum {string}
             */
            to: "sellable" | "quarantine" | "damaged" | "expired";
            quantity: number;
            /** @description The lot whose units moved; null for a product without lots. */
            lot: string | null;
            /** @enum {string} */
            reason: "inspection_passed" | "inspection_failed" | "damaged_in_warehouse" | "expired" | "recalled" | "other";
            note: string | null;
            /** @description The API key id that moved the units */
            actor: string;
            /** @example 2026-07-02T14:31:07.000Z */
            moved_at: string;
        };
        /**
         * @example {
         *       "id": "ret_2201Qk2nW8xYz1AbCdEf",
         *       "order_id": "ord_8Kd92mQ4xTa1Bc2De3Fg",
         *       "order_number": "SO-100423",
         *       "rma": "RMA-100423",
         *       "status": "received",
         *       "received_at": "2026-07-10T22:00:00.000Z",
         *       "warehouse_id": "wh_syd_1",
         *       "items": [
         *         {
         *           "order_line_id": "li_4fQ9zK2mX7",
         *           "line_id": "10",
         *           "sku": "WIDGET-BLUE-M",
         *           "quantity": 1,
         *           "condition": "resellable",
         *           "restocked": true,
         *           "serials": [],
         *           "lot": null
         *         },
         *         {
         *           "order_line_id": "li_8sLq2Wn5Rt",
         *           "line_id": "20",
         *           "sku": "WIDGET-RED-S",
         *           "quantity": 1,
         *           "condition": "damaged",
         *           "restocked": false,
         *           "serials": [],
         *           "lot": null
         *         }
         *       ],
         *       "expected_items": [
         *         {
         *           "order_line_id": "li_4fQ9zK2mX7",
         *           "line_id": "10",
         *           "sku": "WIDGET-BLUE-M",
         *           "quantity": 1
         *         },
         *         {
         *           "order_line_id": "li_8sLq2Wn5Rt",
         *           "line_id": "20",
         *           "sku": "WIDGET-RED-S",
         *           "quantity": 1
         *         }
         *       ],
         *       "reason": "Customer changed their mind",
         *       "processed_at": null,
         *       "version": "2",
         *       "created_at": "2026-07-09T08:00:00.000Z",
         *       "updated_at": "2026-07-10T22:00:00.000Z",
         *       "archived": false
         *     }
         */
        Return: {
            /** @example ret_2201Qk2nW8xYz1AbCdEf */
            id: string;
            /** @description The original order */
            order_id: string;
            order_number: string;
            /** @description Null for a return that came unannounced */
            rma: string | null;
            /**
             * @description expected → received → processed
             * @enum {string}
             */
            status: "expected" | "received" | "processed";
            /** @example 2026-07-02T14:31:07.000Z */
            received_at: string | null;
            warehouse_id: string;
            /** @description What arrived, line by line; while `expected`, the RMA's lines. */
            items: components["schemas"]["ReturnItem"][];
            /** @description The RMA's lines as authorised; empty for an unannounced return. */
            expected_items: {
                /** @description The order line's `id`; null only for lines recorded before lines had ids. */
                order_line_id: string | null;
                /** @description The order line's `line_id`, yours. */
                line_id: string | null;
                sku: string;
                quantity: number;
            }[];
            reason: string | null;
            /** @example 2026-07-02T14:31:07.000Z */
            processed_at: string | null;
            /**
             * @description Bumped on every change
             * @example 2
             */
            version: string;
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            updated_at: string;
            /** @description True once its order was archived: read from there, unchanging. */
            archived: boolean;
        };
        ReturnItem: {
            /** @description The order line's `id`; null only for lines recorded before lines had ids. */
            order_line_id: string | null;
            /** @description The order line's `line_id`, yours. */
            line_id: string | null;
            sku: string;
            quantity: number;
            /**
             * @description How the unit came back; null until the return is received.
             * @enum {string|null}
             */
            condition: "resellable" | "damaged" | "defective" | "wrong_item" | null;
            /** @description Whether the floor restocked the unit; null until received. Restocked `resellable` units went back into on_hand; every other unit is counted in the SKU's `damaged` stock. */
            restocked: boolean | null;
            /** @description The serial numbers of the units that came back, for a serial-tracked product; empty for any other and while expected. */
            serials: string[];
            /** @description The lot the units came back from, for a lot-tracked product (named, or the one lot the order shipped of the SKU); null otherwise and while expected. */
            lot: string | null;
        };
        CreateReturn: {
            /** @description The original order */
            order_id: string;
            /**
             * @description Your RMA number, unique per tenant: the create's dedup anchor.
             * @example RMA-100423
             */
            rma: string;
            /** @description Where the return will arrive; the order's warehouse by default. */
            warehouse_id?: string;
            items: {
                /** @example WIDGET-BLUE-M */
                sku: string;
                /** @description The order line the units return to: its `line_id` or its `id`. Needed when several lines shipped the SKU. */
                line_id?: string;
                quantity: number;
            }[];
            reason?: string | null;
        };
        ReturnList: {
            data: components["schemas"]["Return"][];
            pagination: components["schemas"]["Pagination"];
        };
        EventList: {
            data: components["schemas"]["Event"][];
            pagination: components["schemas"]["Pagination"];
        };
        /** @description Exactly a webhook's body, so a handler written for webhooks reads the polled feed unchanged. */
        Event: {
            /** @example evt_01J8XQ3kTq9x2VbN8mLp */
            event_id: string;
            /** @enum {string} */
            event_type: "order.created" | "order.updated" | "order.cancelled" | "order.backordered" | "order.cancellation_requested" | "order.cancellation_rejected" | "shipment.created" | "shipment.updated" | "inbound.received" | "inbound.discrepancy" | "return.received" | "invoice.issued" | "webhook.test" | "inventory.updated" | "inventory.adjusted" | "inventory.low_stock" | "inventory.restocked";
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
            /** @description The full resource as of this event, including its `version`. */
            data: {
                [key: string]: unknown;
            };
        };
        WebhookWithSecret: components["schemas"]["Webhook"] & {
            /**
             * @description The signing secret, shown only in this response.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        Webhook: {
            /** @example whk_9f2aQ3kL9mN2pR5sT8vW */
            id: string;
            url: string;
            /**
             * @example [
             *       "shipment.created",
             *       "order.cancelled"
             *     ]
             */
            events: string[];
            description: string | null;
            /** @enum {string} */
            status: "enabled" | "disabled";
            disabled_reason: string | null;
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            updated_at: string;
        };
        CreateWebhook: {
            /** Format: uri */
            url: string;
            /** @description `"*"` subscribes to every event type. */
            events: ("*" | "order.created" | "order.updated" | "order.cancelled" | "order.backordered" | "order.cancellation_requested" | "order.cancellation_rejected" | "shipment.created" | "shipment.updated" | "inbound.received" | "inbound.discrepancy" | "return.received" | "invoice.issued" | "inventory.updated" | "inventory.adjusted" | "inventory.low_stock" | "inventory.restocked")[];
            description?: string | null;
        };
        WebhookList: {
            data: components["schemas"]["Webhook"][];
            pagination: components["schemas"]["Pagination"];
        };
        DeletedWebhook: {
            id: string;
            /** @enum {boolean} */
            deleted: true;
        };
        RotatedWebhook: components["schemas"]["WebhookWithSecret"] & {
            /** @example 2026-07-02T14:31:07.000Z */
            previous_secret_expires_at: string;
        };
        WebhookTestQueued: {
            event_id: string;
            delivery_id: string;
        };
        WebhookDeliveryList: {
            data: components["schemas"]["WebhookDelivery"][];
            pagination: components["schemas"]["Pagination"];
        };
        WebhookDelivery: {
            /** @example del_3kTq9x2VbN8mLp4Rz7Yw */
            id: string;
            event_id: string;
            event_type: string;
            /** @enum {string} */
            status: "pending" | "sending" | "succeeded" | "failed";
            attempts: components["schemas"]["WebhookAttempt"][];
            /** @description Why the last attempt failed, or why none was made */
            last_error: string | null;
            /** @example 2026-07-02T14:31:07.000Z */
            next_attempt_at: string | null;
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            updated_at: string;
        };
        WebhookAttempt: {
            attempt: number;
            status_code: number | null;
            error: string | null;
            duration_ms: number;
            /** @example 2026-07-02T14:31:07.000Z */
            attempted_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            next_retry_at: string | null;
        };
        WebhookRecoverQueued: {
            /** @description Events queued by this call */
            events: number;
            has_more: boolean;
            /** @description Pass as `cursor` to continue; null when nothing more matched. */
            next_cursor: string | null;
        };
        RecoverWebhook: {
            /**
             * Format: date-time
             * @description Start with the first event created at or after this time, which must be inside the retention window.
             * @example 2026-07-02T09:15:00Z
             */
            since?: string;
            /** @description Resume after the last event an earlier recover sent: its `next_cursor`. */
            cursor?: string;
        } & (unknown | unknown);
        RedeliverQueued: {
            deliveries: string[];
        };
        RedeliverEvent: {
            subscription_id?: string;
        };
        ApiKeyList: {
            data: components["schemas"]["ApiKey"][];
            pagination: components["schemas"]["Pagination"];
        };
        ApiKey: {
            /** @example key_4fQk2nW8xYz1AbCdEf3G */
            id: string;
            /** @description null for a platform key */
            tenant_id: string | null;
            name: string | null;
            /** @example wms_test_…c91a */
            redacted_key: string;
            scopes: components["schemas"]["Scope"][];
            rate_limit_per_minute: number;
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            revoked_at: string | null;
            /**
             * @description When the key stops working (401 `expired_api_key`); for a key rotated out, the end of its overlap. null: never.
             * @example 2026-07-02T14:31:07.000Z
             */
            expires_at: string | null;
            /**
             * @description When the key was last used, to the minute: it is recorded at most once a minute per key, so it may lag its latest request by up to a minute. null: never used since this was recorded.
             * @example 2026-07-02T14:31:07.000Z
             */
            last_used_at: string | null;
            /** @description The key this one replaced. */
            rotated_from: string | null;
            /** @description The key a rotation issued in this one's place. */
            replaced_by: string | null;
        };
        /** @enum {string} */
        Scope: "orders:read" | "orders:write" | "shipments:read" | "inventory:read" | "products:read" | "products:write" | "inbound:read" | "inbound:write" | "returns:read" | "returns:write" | "webhooks:manage" | "events:read" | "keys:manage" | "warehouse:operate" | "billing:read";
        IssuedApiKey: components["schemas"]["ApiKey"] & {
            /**
             * @description The secret key. Shown once, here; only its SHA-256 is stored.
             * @example wms_test_8f2aQ3kL9mN2pR5sT8vW1xY4zA7bC0dE3fG6hJ9k
             */
            key: string;
        };
        IssueOwnApiKey: {
            name?: string | null;
            /** @description Each must be a scope the calling key holds (403 `insufficient_scope` naming it in `field` and `required_scope`). Defaults to all of the calling key's scopes. */
            scopes?: components["schemas"]["Scope"][];
            /**
             * Format: date-time
             * @description When the key stops working, in the future; omitted or null: never.
             * @example 2026-07-02T09:15:00Z
             */
            expires_at?: string | null;
        };
        UpdateApiKey: {
            name?: string | null;
            /**
             * Format: date-time
             * @description When the key stops working, in the future; null: never. Holds everywhere at once.
             * @example 2026-07-02T09:15:00Z
             */
            expires_at?: string | null;
        };
        RotatedApiKey: components["schemas"]["IssuedApiKey"] & {
            /**
             * @description When the key rotated out stops working: the end of the overlap.
             * @example 2026-07-02T14:31:07.000Z
             */
            previous_key_expires_at: string;
        };
        RotateApiKey: {
            /**
             * @description How long the old key keeps working beside the new one: 0 ends it now, at most 7 days (604800); default 24 h. An old key due to expire sooner still expires then.
             * @default 86400
             */
            overlap_seconds: number;
            /**
             * Format: date-time
             * @description When the new key stops working, in the future; omitted or null: never.
             * @example 2026-07-02T09:15:00Z
             */
            expires_at?: string | null;
        };
        /**
         * @example {
         *       "id": "ib_9932Qk2nW8xYz1AbCdEf",
         *       "reference": "ASN-5567",
         *       "warehouse_id": "wh_syd_1",
         *       "supplier": "Acme Manufacturing",
         *       "expected_at": "2026-07-08",
         *       "status": "received",
         *       "received_at": "2026-07-08T03:12:00.000Z",
         *       "closed_at": null,
         *       "cancelled_at": null,
         *       "items": [
         *         {
         *           "sku": "WIDGET-BLUE-M",
         *           "expected_quantity": 500,
         *           "received_quantity": 498,
         *           "damaged_quantity": 0,
         *           "discrepancy": -2
         *         },
         *         {
         *           "sku": "WIDGET-RED-S",
         *           "expected_quantity": 300,
         *           "received_quantity": 300,
         *           "damaged_quantity": 0,
         *           "discrepancy": 0
         *         }
         *       ],
         *       "version": "2",
         *       "created_at": "2026-07-02T09:00:00.000Z",
         *       "updated_at": "2026-07-08T03:12:00.000Z"
         *     }
         */
        InboundShipment: {
            /** @example ib_9932Qk2nW8xYz1AbCdEf */
            id: string;
            /** @example ASN-5567 */
            reference: string;
            warehouse_id: string;
            supplier: string | null;
            /** @example 2026-07-08 */
            expected_at: string | null;
            /** @enum {string} */
            status: "expected" | "partially_received" | "received" | "cancelled";
            /** @example 2026-07-02T14:31:07.000Z */
            received_at: string | null;
            /** @example 2026-07-02T14:31:07.000Z */
            closed_at: string | null;
            /** @example 2026-07-02T14:31:07.000Z */
            cancelled_at: string | null;
            items: components["schemas"]["InboundItem"][];
            /** @example 3 */
            version: string;
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            updated_at: string;
        };
        InboundItem: {
            sku: string;
            expected_quantity: number;
            received_quantity: number;
            /** @description Part of received_quantity; never goes on the shelf. */
            damaged_quantity: number;
            /** @description Signed: received_quantity − expected_quantity. */
            discrepancy: number;
        };
        /**
         * @example {
         *       "reference": "ASN-5567",
         *       "warehouse_id": "wh_syd_1",
         *       "expected_at": "2026-07-08",
         *       "supplier": "Acme Manufacturing",
         *       "items": [
         *         {
         *           "sku": "WIDGET-BLUE-M",
         *           "expected_quantity": 500
         *         },
         *         {
         *           "sku": "WIDGET-RED-S",
         *           "expected_quantity": 300
         *         }
         *       ]
         *     }
         */
        CreateInboundShipment: {
            /**
             * @description The ERP's PO / ASN reference; unique per tenant.
             * @example ASN-5567
             */
            reference: string;
            /** @example wh_syd_1 */
            warehouse_id: string;
            /**
             * Format: date
             * @example 2026-07-08
             */
            expected_at?: string | null;
            /** @example Acme Manufacturing */
            supplier?: string | null;
            items: {
                /** @example WIDGET-BLUE-M */
                sku: string;
                expected_quantity: number;
            }[];
        };
        InboundShipmentList: {
            data: components["schemas"]["InboundShipment"][];
            pagination: components["schemas"]["Pagination"];
        };
        /** @description Only the fields sent change; `items` replaces every line. */
        AmendInboundShipment: {
            /** Format: date */
            expected_at?: string | null;
            supplier?: string | null;
            /** @description The full desired set of lines. */
            items?: {
                /** @example WIDGET-BLUE-M */
                sku: string;
                expected_quantity: number;
            }[];
        };
        SandboxSettings: {
            auto_fulfill: boolean;
            pick_after_seconds: number;
            ship_after_seconds: number;
            deliver_after_seconds: number;
            parcels_per_order: number;
            /** @enum {string} */
            cancellation_requests: "accept" | "reject";
            cancellation_rejection_reason: string;
            /**
             * @description null until first set.
             * @example 2026-07-02T14:31:07.000Z
             */
            updated_at: string | null;
        };
        /**
         * @description The whole settings: a field left out takes its default.
         * @example {
         *       "auto_fulfill": true,
         *       "pick_after_seconds": 2,
         *       "ship_after_seconds": 2,
         *       "deliver_after_seconds": 6,
         *       "parcels_per_order": 2,
         *       "cancellation_requests": "reject",
         *       "cancellation_rejection_reason": "Already packed and on the dock."
         *     }
         */
        SandboxSettingsInput: {
            /** @description Fulfil every fully allocated order by itself. Applies to orders created or changed from now on. */
            auto_fulfill: boolean;
            /**
             * @description From allocated to `processing`; default 5.
             * @example 5
             */
            pick_after_seconds?: number;
            /**
             * @description From `processing` to `shipped`; default 10.
             * @example 10
             */
            ship_after_seconds?: number;
            /**
             * @description From `shipped` to `delivered`, through `in_transit` and `out_for_delivery` at even intervals; default 60.
             * @example 60
             */
            deliver_after_seconds?: number;
            /** @description Parcels in each shipment; default 1. */
            parcels_per_order?: number;
            /**
             * @description How the warehouse answers a cancellation request made once picking started, `pick_after_seconds` after it came, while `auto_fulfill` is on: `accept` cancels the order, `reject` lets it go on; default `accept`. With `auto_fulfill` off the request waits for `/v1/ops/orders/{id}/cancellation-request/accept` or `/reject`.
             * @enum {string}
             */
            cancellation_requests?: "accept" | "reject";
            /** @description The `rejection_reason` a rejected request carries; default "Already packed and on the dock." */
            cancellation_rejection_reason?: string;
        };
        SandboxFulfill: {
            /** @description Parcels in the shipment; default the settings' `parcels_per_order`. */
            parcels?: number;
            /** @description What to ship; default every allocated unit not yet shipped. */
            items?: {
                /** @example WIDGET-BLUE-M */
                sku: string;
                quantity: number;
            }[];
        };
        SandboxAdvance: {
            /**
             * @description The status to record; default the carrier's next one (shipped → in_transit → out_for_delivery → delivered).
             * @enum {string}
             */
            status?: "in_transit" | "out_for_delivery" | "delivered" | "exception";
        };
        /**
         * @example {
         *       "sku": "WIDGET-BLUE-M",
         *       "warehouse_id": "wh_syd_1",
         *       "quantity": 50
         *     }
         */
        SandboxReplenish: {
            /** @example WIDGET-BLUE-M */
            sku: string;
            /** @example wh_syd_1 */
            warehouse_id: string;
            quantity: number;
            /**
             * @description For a lot-tracked product, the lot that arrives; the sandbox names one when it is left out.
             * @example L2026-11-A
             */
            lot?: string;
            /**
             * Format: date
             * @description For an expiry-tracked product, the lot's expiry; a year from today when it is left out.
             * @example 2027-05-31
             */
            expires_on?: string;
        };
        HoldOrder: {
            reason: string;
        };
        /**
         * @example {
         *       "reason": "Already packed and on the dock"
         *     }
         */
        RejectCancellation: {
            reason: string;
        };
        CreateShipment: {
            order_id: string;
            parcels: {
                tracking_number: string;
                /** Format: uri */
                tracking_url?: string | null;
                carrier: string;
                service: string;
                weight?: components["schemas"]["Weight"];
                dimensions?: components["schemas"]["Dimensions"];
                /**
                 * @description The packaging the parcel went in (`mailer_small`, `box_medium`…): the rate card prices each type per parcel.
                 * @example box_medium
                 */
                packaging?: string | null;
            }[];
            items: {
                /** @example WIDGET-BLUE-M */
                sku: string;
                /** @description The order line: its `line_id`, or its `id`. Needed when the SKU is on several lines. */
                line_id?: string;
                quantity: number;
                /**
                 * @description One serial number per unit, exactly `quantity` of them, for a serial-tracked product (422 `serials_required` otherwise); none for any other (`serials_not_tracked`). A serial already out on another shipment is 422 `serial_unavailable`.
                 * @example [
                 *       "SN-7Q2K-0042",
                 *       "SN-7Q2K-0043"
                 *     ]
                 */
                serials?: string[];
            }[];
            cost?: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @example 2026-07-02T09:15:00Z
             */
            shipped_at?: string;
        };
        UpdateShipmentStatus: {
            /** @enum {string} */
            status: "in_transit" | "out_for_delivery" | "delivered" | "exception";
            /**
             * Format: date-time
             * @description When the carrier saw it; defaults to now.
             * @example 2026-07-02T09:15:00Z
             */
            occurred_at?: string;
            note?: string | null;
        };
        RecordTrackingEvents: {
            /**
             * @description The parcel, by its tracking number.
             * @example ABC123456789AU
             */
            tracking_number: string;
            events: (components["schemas"]["TrackingScan"] | components["schemas"]["TrackingException"] | components["schemas"]["TrackingDelivery"])[];
        };
        TrackingScan: {
            /**
             * @description The carrier's own event id. Sending it again for the parcel with the same content changes nothing; with different content it is 409 `tracking_event_conflict`.
             * @example EV-0002
             */
            id: string;
            /**
             * Format: date-time
             * @description When the carrier scanned it.
             * @example 2026-07-02T09:15:00Z
             */
            occurred_at: string;
            /** @example Departed facility */
            description: string;
            location?: {
                city?: string | null;
                region?: string | null;
                /**
                 * @example AU
                 * @enum {string}
                 */
                country: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
            } | null;
            /**
             * Format: date
             * @description The carrier's delivery estimate as of this event (YYYY-MM-DD).
             * @example 2026-07-05
             */
            estimated_delivery?: string | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "label_created" | "picked_up" | "in_transit" | "out_for_delivery" | "returned_to_sender";
        };
        TrackingException: {
            /**
             * @description The carrier's own event id. Sending it again for the parcel with the same content changes nothing; with different content it is 409 `tracking_event_conflict`.
             * @example EV-0002
             */
            id: string;
            /**
             * Format: date-time
             * @description When the carrier scanned it.
             * @example 2026-07-02T09:15:00Z
             */
            occurred_at: string;
            /** @example Departed facility */
            description: string;
            location?: {
                city?: string | null;
                region?: string | null;
                /**
                 * @example AU
                 * @enum {string}
                 */
                country: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
            } | null;
            /**
             * Format: date
             * @description The carrier's delivery estimate as of this event (YYYY-MM-DD).
             * @example 2026-07-05
             */
            estimated_delivery?: string | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "exception";
            /**
             * @description The carrier's reason for the exception.
             * @example address_incomplete
             */
            reason_code: string;
        };
        TrackingDelivery: {
            /**
             * @description The carrier's own event id. Sending it again for the parcel with the same content changes nothing; with different content it is 409 `tracking_event_conflict`.
             * @example EV-0002
             */
            id: string;
            /**
             * Format: date-time
             * @description When the carrier scanned it.
             * @example 2026-07-02T09:15:00Z
             */
            occurred_at: string;
            /** @example Departed facility */
            description: string;
            location?: {
                city?: string | null;
                region?: string | null;
                /**
                 * @example AU
                 * @enum {string}
                 */
                country: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
            } | null;
            /**
             * Format: date
             * @description The carrier's delivery estimate as of this event (YYYY-MM-DD).
             * @example 2026-07-05
             */
            estimated_delivery?: string | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "delivered";
            proof_of_delivery?: {
                signed_by: string;
                /** Format: uri */
                photo_url?: string;
            };
        };
        CreateInventoryAdjustment: {
            /** @example WIDGET-BLUE-M */
            sku: string;
            warehouse_id: string;
            quantity_delta: number;
            /** @enum {string} */
            reason: "damaged" | "cycle_count" | "lost" | "found" | "expired";
            /**
             * @description The lot counted: required for a `lot_tracked` product (422 `lot_required`), refused for any other. A loss takes units of this lot only.
             * @example L2026-11-A
             */
            lot?: string;
            /**
             * Format: date
             * @description The lot's last sellable day (YYYY-MM-DD): required for an `expiry_tracked` product (422 `expiry_required`), refused for any other (`lot_not_tracked`); a lot keeps one expiry per warehouse (`lot_expiry_mismatch`). Units of a lot past it are never allocated and move to `expired` on their own.
             * @example 2027-05-31
             */
            expires_on?: string;
            note?: string | null;
            /** @description Required with a platform key (which serves every tenant); ignored otherwise. */
            tenant_id?: string;
        };
        CreateInventoryConditionMove: {
            /** @example WIDGET-BLUE-M */
            sku: string;
            warehouse_id: string;
            /**
             * @description `sellable` is on_hand, the stock orders allocate from; `quarantine`, `damaged` and `expired` are counted apart and never allocated.
             * @enum {string}
             */
            from: "sellable" | "quarantine" | "damaged" | "expired";
            /**
             * @description `sellable` is on_hand, the stock orders allocate from; `quarantine`, `damaged` and `expired` are counted apart and never allocated.
             * @enum {string}
             */
            to: "sellable" | "quarantine" | "damaged" | "expired";
            quantity: number;
            /**
             * @description The lot whose units move: required for a `lot_tracked` product (422 `lot_required`), refused for any other.
             * @example L2026-11-A
             */
            lot?: string;
            /** @enum {string} */
            reason: "inspection_passed" | "inspection_failed" | "damaged_in_warehouse" | "expired" | "recalled" | "other";
            note?: string | null;
            /** @description Required with a platform key (which serves every tenant); ignored otherwise. */
            tenant_id?: string;
        } & ({
            /** @constant */
            from: "sellable";
            /** @enum {unknown} */
            to: "quarantine" | "damaged" | "expired";
        } | {
            /** @constant */
            from: "quarantine";
            /** @enum {unknown} */
            to: "sellable" | "damaged" | "expired";
        } | {
            /** @constant */
            from: "damaged";
            /** @enum {unknown} */
            to: "sellable" | "quarantine" | "expired";
        } | {
            /** @constant */
            from: "expired";
            /** @enum {unknown} */
            to: "sellable" | "quarantine" | "damaged";
        });
        /**
         * @description What arrived, per SKU: `received_quantity` counts every unit, `damaged_quantity` the part of it that arrived damaged. Receipts accumulate; a SKU the ASN did not expect is recorded as a line of its own.
         * @example {
         *       "items": [
         *         {
         *           "sku": "WIDGET-BLUE-M",
         *           "received_quantity": 498
         *         },
         *         {
         *           "sku": "WIDGET-RED-S",
         *           "received_quantity": 300
         *         }
         *       ]
         *     }
         */
        InboundReceipt: {
            items: {
                /** @example WIDGET-BLUE-M */
                sku: string;
                received_quantity: number;
                damaged_quantity?: number;
                /**
                 * @description The lot the units belong to: required for a `lot_tracked` product (422 `lot_required`), refused for any other (`lot_not_tracked`). Lines of one SKU in different lots stay apart.
                 * @example L2026-11-A
                 */
                lot?: string;
                /**
                 * Format: date
                 * @description The lot's last sellable day (YYYY-MM-DD): required for an `expiry_tracked` product (422 `expiry_required`), refused for any other (`lot_not_tracked`); a lot keeps one expiry per warehouse (`lot_expiry_mismatch`). Units of a lot past it are never allocated and move to `expired` on their own.
                 * @example 2027-05-31
                 */
                expires_on?: string;
                /** @description For a serial-tracked product, the serial of every unit received, exactly `received_quantity` of them (422 `serials_required`); none for any other (`serials_not_tracked`). A serial already in stock or out on a shipment is 422 `serial_unavailable` naming it. */
                serials?: string[];
            }[];
            /**
             * Format: date-time
             * @description When it arrived; defaults to now.
             * @example 2026-07-02T09:15:00Z
             */
            received_at?: string;
        };
        RecordReturn: {
            /** @description The original order */
            order_id: string;
            rma?: string;
            warehouse_id: string;
            /** @description One line per SKU (and order line) and condition; lines of one SKU add up. Each SKU must have shipped on the order, and no more than its line shipped minus already returned can come back. */
            items: {
                /** @example WIDGET-BLUE-M */
                sku: string;
                /** @description The order line the units return to: its `line_id` or its `id`. Needed when several lines shipped the SKU. */
                line_id?: string;
                quantity: number;
                /** @enum {string} */
                condition: "resellable" | "damaged" | "defective" | "wrong_item";
                /** @description True when the units go back on the shelf: with condition `resellable` they add to on_hand. Units not restocked, or of any other condition, are counted in the SKU's `damaged` stock, never allocated. */
                restocked: boolean;
                /**
                 * @description The serial number of each unit that came back, exactly `quantity` of them, for a serial-tracked product (422 `serials_required` otherwise; `serials_not_tracked` for any other product). Each must be out on a shipment of the order: 422 `serial_not_shipped` names one that is not. A returned serial may ship again.
                 * @example [
                 *       "SN-7Q2K-0042"
                 *     ]
                 */
                serials?: string[];
                /**
                 * @description The lot the units came back from, for a lot-tracked product: one the order shipped of the SKU (422 `lot_not_shipped`). Without it, the order's only lot of the SKU; when it shipped several, 422 `lot_required`. Refused for a product without lots (`lot_not_tracked`).
                 * @example L2026-11-A
                 */
                lot?: string;
            }[];
            reason?: string | null;
        };
        ReceiveReturn: {
            /** @description One line per SKU (and order line) and condition; lines of one SKU add up. Each SKU must have shipped on the order, and no more than its line shipped minus already returned can come back. */
            items: {
                /** @example WIDGET-BLUE-M */
                sku: string;
                /** @description The order line the units return to: its `line_id` or its `id`. Needed when several lines shipped the SKU. */
                line_id?: string;
                quantity: number;
                /** @enum {string} */
                condition: "resellable" | "damaged" | "defective" | "wrong_item";
                /** @description True when the units go back on the shelf: with condition `resellable` they add to on_hand. Units not restocked, or of any other condition, are counted in the SKU's `damaged` stock, never allocated. */
                restocked: boolean;
                /**
                 * @description The serial number of each unit that came back, exactly `quantity` of them, for a serial-tracked product (422 `serials_required` otherwise; `serials_not_tracked` for any other product). Each must be out on a shipment of the order: 422 `serial_not_shipped` names one that is not. A returned serial may ship again.
                 * @example [
                 *       "SN-7Q2K-0042"
                 *     ]
                 */
                serials?: string[];
                /**
                 * @description The lot the units came back from, for a lot-tracked product: one the order shipped of the SKU (422 `lot_not_shipped`). Without it, the order's only lot of the SKU; when it shipped several, 422 `lot_required`. Refused for a product without lots (`lot_not_tracked`).
                 * @example L2026-11-A
                 */
                lot?: string;
            }[];
        };
        ChargeList: {
            data: components["schemas"]["Charge"][];
            pagination: components["schemas"]["Pagination"];
        };
        Charge: {
            /** @example chg_8Kd92mQ4xTa1Bc2De3Fg */
            id: string;
            /** @enum {string} */
            fee: "order" | "additional_unit" | "packaging" | "freight" | "receiving" | "return" | "storage";
            /** @enum {string} */
            source_type: "shipment" | "receipt" | "return" | "storage_day";
            /** @description The shipment, receipt or return charged, or `tenant:day` for a day's storage. */
            source_id: string;
            order_id: string | null;
            warehouse_id: string | null;
            description: string;
            quantity: number;
            /**
             * @description The card's rate, up to four decimals.
             * @example 19.99
             */
            unit_rate: string;
            /**
             * @description quantity × unit_rate, rounded once, signed: a credit is negative.
             * @example 2.50
             */
            amount: string;
            /** @example 0.25 */
            tax: string;
            currency: string;
            rate_card_id: string;
            /** @description The charge a credit line negates. */
            credit_for: string | null;
            /**
             * Format: date
             * @example 2026-07-06
             */
            occurred_on: string;
            /** @example 2026-12 */
            invoice_period: string;
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
        };
        RateCardList: {
            data: components["schemas"]["RateCard"][];
        };
        RateCard: {
            /**
             * Format: date
             * @description The UTC day the card takes effect: today or later, and after every card the tenant already has (422 `rate_card_overlap`). It stays in force until the next card's day.
             * @example 2026-07-06
             */
            effective_from: string;
            /**
             * @example AUD
             * @enum {string}
             */
            currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG";
            fees: components["schemas"]["RateCardFees"];
            /**
             * @description Tax on every line, rounded per line to the currency's minor unit.
             * @example 10
             */
            tax_rate_percent: string;
            /** @example rc_8Kd92mQ4xTa1Bc2De3Fg */
            id: string;
            /**
             * @description 1 for the tenant's first card, then +1.
             * @example 1
             */
            version: string;
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
        };
        RateCardFees: {
            /**
             * @description Pick and pack, per order: charged with its first shipment, for its first unit.
             * @example 2.50
             */
            order: string;
            /**
             * @description Every unit an order ships beyond its first.
             * @example 0.35
             */
            additional_unit: string;
            /**
             * @description Every unit a receipt counts, damaged or not.
             * @example 0.20
             */
            receiving_unit: string;
            /**
             * @description Each return processed.
             * @example 3.00
             */
            return: string;
            /**
             * @description Per unit held (sellable, quarantined, damaged or expired) per day, by the product's size class: small up to 1 litre, medium up to 27 litres, large beyond (medium without dimensions). Up to four decimals: a fraction of a cent.
             * @example {
             *       "small": "0.0050",
             *       "medium": "0.0100",
             *       "large": "0.0400"
             *     }
             */
            storage_per_unit_day: {
                /** @example 19.99 */
                small: string;
                /** @example 19.99 */
                medium: string;
                /** @example 19.99 */
                large: string;
            };
            /**
             * @description Per parcel, by the packaging type the floor names on it (`parcels[].packaging`), each type once; a type the card does not list is not charged.
             * @example [
             *       {
             *         "type": "mailer_small",
             *         "amount": "0.40"
             *       },
             *       {
             *         "type": "box_medium",
             *         "amount": "1.10"
             *       }
             *     ]
             */
            packaging: {
                type: string;
                /** @example 19.99 */
                amount: string;
            }[];
            /**
             * @description Freight passes through at the shipment's `cost` plus this markup (0 for cost); a cost in another currency than the card's is not charged.
             * @example 10
             */
            freight_markup_percent: string;
        };
        InvoiceList: {
            data: components["schemas"]["Invoice"][];
            pagination: components["schemas"]["Pagination"];
        };
        Invoice: {
            /** @example inv_8Kd92mQ4xTa1Bc2De3Fg */
            id: string;
            /**
             * @description The month it bills (YYYY-MM, UTC).
             * @example 2026-12
             */
            period: string;
            /**
             * @description `draft` while the month is open (its totals are its lines' now); `issued` once it has closed, and immutable.
             * @enum {string}
             */
            status: "draft" | "issued";
            currency: string;
            /** @description How many charge lines it has. */
            lines: number;
            /**
             * @description Each fee's lines summed, before tax.
             * @example {
             *       "order": "250.00",
             *       "additional_unit": "41.30",
             *       "storage": "12.07"
             *     }
             */
            totals_by_fee: {
                [key: string]: string;
            };
            subtotal: string;
            tax: string;
            /** @description subtotal + tax: exactly the sum of its lines' amounts and taxes. */
            total: string;
            /** @example 2026-07-02T14:31:07.000Z */
            issued_at: string | null;
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            updated_at: string;
        };
        InvoiceLineList: {
            data: components["schemas"]["Charge"][];
            pagination: components["schemas"]["Pagination"];
        };
        CreatedTenant: components["schemas"]["Tenant"] & {
            api_key: components["schemas"]["IssuedApiKey"];
        };
        Tenant: {
            /** @example ten_8Kd92mQ4xTa1Bc2De3Fg */
            id: string;
            /** @example Acme Outdoor */
            name: string;
            /**
             * @description The D1 binding of the shard that holds the tenant's data: a new tenant goes to the shard with the fewest tenants.
             * @example SHARD_1
             */
            shard: string;
            /** @example 2026-07-02T14:31:07.000Z */
            created_at: string;
        };
        CreateTenant: {
            name: string;
        };
        TenantList: {
            data: components["schemas"]["Tenant"][];
            pagination: components["schemas"]["Pagination"];
        };
        CreateApiKey: {
            name?: string | null;
            /** @description Defaults to every scope this kind of key may hold. */
            scopes?: components["schemas"]["Scope"][];
            /** @description Requests per minute for this key; default 1000. */
            rate_limit_per_minute?: number;
        };
        CreateWarehouse: {
            /** @example wh_syd_1 */
            id: string;
            name: string;
            code: string;
            address: components["schemas"]["Address"];
        };
        CreateShippingMethod: {
            /** @example sm_auspost_express */
            id: string;
            name: string;
            /** @example auspost */
            carrier: string;
            carrier_name?: string | null;
            service_code: string;
            /**
             * @description Other names an order's free-text `shipping_method` may use for this method, matched case-insensitively like its `name` and `service_code`; a name repeated in another case is kept once.
             * @example [
             *       "Express",
             *       "AusPost Express"
             *     ]
             */
            aliases?: string[];
        };
        /** @description Only the fields sent change. */
        UpdateShippingMethod: {
            name?: string;
            carrier_name?: string | null;
            service_code?: string;
            /**
             * @description Replaces every alias.
             * @example [
             *       "Express",
             *       "AusPost Express"
             *     ]
             */
            aliases?: string[];
        };
        StuckOperationList: {
            data: components["schemas"]["StuckOperation"][];
            pagination: components["schemas"]["Pagination"];
        };
        StuckOperation: {
            /** @example op_3kTq9x2VbN8mLp4Rz7Yw */
            id: string;
            tenant_id: string;
            order_id: string;
            /**
             * @description The order command that kept failing.
             * @example ship
             */
            operation: string;
            /** @description The command as it was saved. */
            command: {
                [key: string]: unknown;
            };
            attempts: number;
            last_error: string;
            /** @enum {string} */
            status: "parked" | "retried" | "discarded";
            resolution: string | null;
            /** @example 2026-07-02T14:31:07.000Z */
            parked_at: string;
            /** @example 2026-07-02T14:31:07.000Z */
            resolved_at: string | null;
        };
        StuckOperationRetried: {
            operation: components["schemas"]["StuckOperation"];
            order: components["schemas"]["Order"] & (Record<string, never> | null);
        };
        CreateRateCard: {
            /**
             * Format: date
             * @description The UTC day the card takes effect: today or later, and after every card the tenant already has (422 `rate_card_overlap`). It stays in force until the next card's day.
             * @example 2026-07-06
             */
            effective_from: string;
            /**
             * @example AUD
             * @enum {string}
             */
            currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG";
            fees: components["schemas"]["RateCardFees"];
            /**
             * @description Tax on every line, rounded per line to the currency's minor unit.
             * @example 10
             */
            tax_rate_percent: string;
        };
    };
    responses: {
        /** @description Unexpected failure; the outcome is unknown, so retry with the same Idempotency-Key */
        Error500: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit.optional"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining.optional"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset.optional"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unexpected failure; the outcome is unknown, so retry with the same Idempotency-Key */
        "Error500.2": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Malformed request (bad JSON, query parameter or cursor) */
        Error400: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Malformed request (bad JSON, query parameter or cursor) */
        "Error400.2": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Missing, invalid, revoked or wrong-environment credentials */
        Error401: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The key lacks the required scope */
        Error403: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The key lacks `webhooks:manage`, or the read scope of a subscribed type */
        "Error403.2": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Validation failed; `field` names the offending path */
        Error422: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Validation failed; `field` names the offending path */
        "Error422.2": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Rate limited; see Retry-After */
        Error429: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit.optional"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining.optional"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset.optional"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Rate limited; see Retry-After */
        "Error429.2": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Nothing changed: the order is finishing an earlier change (`order_busy`), the merchant's data is moving between shards (`tenant_unavailable`), or the service cannot check the key or merchant just now (`control_unavailable`); retry after Retry-After seconds */
        Error503: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit.optional"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining.optional"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset.optional"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Nothing changed: the order is finishing an earlier change (`order_busy`), the merchant's data is moving between shards (`tenant_unavailable`), or the service cannot check the key or merchant just now (`control_unavailable`); retry after Retry-After seconds */
        "Error503.2": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The order's or shipment's state forbids this; `code` says why */
        Error409: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The order's state forbids this change; `code` says why */
        "Error409.2": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The ASN's state forbids this; `code` says why */
        "Error409.3": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The return's state forbids this (`already_received`, `not_received`) or its rma is taken (`duplicate_rma`) */
        "Error409.4": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The key is revoked, expired or already rotated (`api_key_inactive`), or this Idempotency-Key already issued a key whose secret cannot be shown again (`secret_not_replayable`) */
        "Error409.5": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The id exists */
        "Error409.6": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Body over 1 MiB */
        Error413: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Body over 1 MiB */
        "Error413.2": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Body is not JSON */
        Error415: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Body is not JSON */
        "Error415.2": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unknown order */
        Error404: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unknown */
        "Error404.2": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unknown shipment */
        "Error404.3": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unknown ASN */
        "Error404.4": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such resource for this tenant */
        "Error404.5": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such resource for this tenant */
        "Error404.6": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unknown return */
        "Error404.7": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such invoice for this tenant */
        "Error404.8": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unknown */
        "Error404.9": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unknown sku */
        "Error404.10": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Server-Timing": components["headers"]["Server-Timing"];
                "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description This request's id; quote it to support. */
        "X-Request-Id": string;
        /** @description `total`, then D1 (`d1`, `d1-statements`, `d1-rounds`, `d1-db`, `d1-rows-read`, `d1-rows-written`), Durable Object (`do`) and KV (`kv`) calls with their milliseconds; D1 work done inside Durable Objects included. */
        "Server-Timing": string;
        /** @description The newest database state this request read or wrote. Send it back on a read, as the request header of the same name, to be served from a copy at least that new: a read after your write then sees it. Opaque and sealed; absent when the request touched no data. */
        "X-Consistency-Token": string;
        /** @description Requests allowed per minute for this key. */
        "X-RateLimit-Limit": string;
        /** @description Requests allowed per minute for this key. */
        "X-RateLimit-Limit.optional": string;
        /** @description Requests left in the current window. */
        "X-RateLimit-Remaining": string;
        /** @description Requests left in the current window. */
        "X-RateLimit-Remaining.optional": string;
        /** @description Unix seconds when the budget is full again. */
        "X-RateLimit-Reset": string;
        /** @description Unix seconds when the budget is full again. */
        "X-RateLimit-Reset.optional": string;
        /** @description Seconds to wait before retrying. */
        "Retry-After": string;
        /** @description The resource's `version`, quoted; send it as If-Match. */
        ETag: string;
        /** @description Present on a retry with an Idempotency-Key (or a repeated reference): this is the first result. */
        "Idempotent-Replayed": "true";
        /** @description Where the created resource lives. */
        Location: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Unexpected failure; the outcome is unknown, so retry with the same Idempotency-Key */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWarehouses: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Warehouses */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarehouseList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listShippingMethods: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Shipping methods */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippingMethodList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                sku?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Products */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProduct"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            /** @description Duplicate sku */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Product */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.10"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProduct"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.10"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description `asc` (default): oldest change first, the order to poll in. `desc`: newest change first, for screens; a row that changes during a `desc` walk moves past where the walk began and is not listed again in it. A cursor continues only the order it came from. */
                order?: "asc" | "desc";
                status?: "received" | "processing" | "partially_shipped" | "shipped" | "on_hold" | "backordered" | "cancelled";
                order_number?: string;
                reference?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Orders */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    createOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrder"];
            };
        };
        responses: {
            /** @description The existing order (a replay) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409.2"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    updateOrder: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AmendOrder"];
            };
        };
        responses: {
            /** @description Amended */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409.2"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CancelOrder"];
            };
        };
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409.2"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    requestOrderCancellation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RequestCancellation"];
            };
        };
        responses: {
            /** @description The order: cancelled, or with its request pending */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Present on a retry with an Idempotency-Key (or a repeated reference): this is the first result. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409.2"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listOrderHistory: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description History */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderHistory"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listShipments: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description `asc` (default): oldest change first, the order to poll in. `desc`: newest change first, for screens; a row that changes during a `desc` walk moves past where the walk began and is not listed again in it. A cursor continues only the order it came from. */
                order?: "asc" | "desc";
                order_id?: string;
                status?: "shipped" | "in_transit" | "out_for_delivery" | "delivered" | "exception" | "voided";
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Shipments */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShipmentList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getShipment: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shipment */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.3"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getSerial: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                sku: string;
                serial: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unit */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Serial"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            /** @description No unit of the SKU ever shipped with that serial */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listInventory: {
        parameters: {
            query?: {
                sku?: string;
                warehouse_id?: string;
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
                /** @description `asc` (default): oldest change first, the order to poll in. `desc`: newest change first, for screens; a row that changes during a `desc` walk moves past where the walk began and is not listed again in it. A cursor continues only the order it came from. */
                order?: "asc" | "desc";
                /** @description `lot` adds each warehouse's `lots`: every lot's on-hand, allocated, available, conditions and expiry, first expiry first. */
                by?: "warehouse" | "lot";
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Inventory */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listInventoryAdjustments: {
        parameters: {
            query?: {
                sku?: string;
                warehouse_id?: string;
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Adjustments */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryAdjustmentList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listInventoryConditionMoves: {
        parameters: {
            query?: {
                sku?: string;
                warehouse_id?: string;
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Condition moves */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryConditionMoveList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listReturns: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
                status?: "expected" | "received" | "processed";
                order_id?: string;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Returns */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    createReturn: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReturn"];
            };
        };
        responses: {
            /** @description The existing return (a replay) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Return"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Return"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            /** @description The rma belongs to another return (`duplicate_rma`) */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getReturn: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The return */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Return"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.7"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description A type the key cannot read is 403 `insufficient_scope`. */
                type?: "order.created" | "order.updated" | "order.cancelled" | "order.backordered" | "order.cancellation_requested" | "order.cancellation_rejected" | "shipment.created" | "shipment.updated" | "inbound.received" | "inbound.discrepancy" | "return.received" | "invoice.issued" | "webhook.test" | "inventory.updated" | "inventory.adjusted" | "inventory.low_stock" | "inventory.restocked";
                /** @description Only events with a webhook delivery in this state (in flight counts as pending). */
                delivery_status?: "pending" | "succeeded" | "failed";
                /** @description Only events committed after this event id (yours, from an earlier read). */
                after?: string;
                /** @description `asc` (default): oldest change first, the order to poll in. `desc`: newest change first, for screens; a row that changes during a `desc` walk moves past where the walk began and is not listed again in it. A cursor continues only the order it came from. */
                order?: "asc" | "desc";
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            /** @description The key lacks `events:read`, or `type` names events it cannot read (`event_type`, `required_scope`) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Subscriptions */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhook"];
            };
        };
        responses: {
            /** @description Subscribed */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403.2"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            /** @description Invalid body, or a URL the policy refuses; `field` names it */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Subscription */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.2"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedWebhook"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.2"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rotated */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedWebhook"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.2"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestQueued"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.2"];
            /** @description The endpoint is disabled */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    enableWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enabled */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.2"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "sending" | "succeeded" | "failed";
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries, newest event first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.2"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    recoverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecoverWebhook"];
            };
        };
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookRecoverQueued"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403.2"];
            404: components["responses"]["Error404.2"];
            /** @description The previous recover of this endpoint is still in flight */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            /** @description Invalid body (`field` names it), or `since` before the retention window (`beyond_retention`) */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many replays for this endpoint; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit.optional"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining.optional"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset.optional"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    redeliverEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RedeliverEvent"];
            };
        };
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedeliverQueued"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            /** @description The key lacks `webhooks:manage`, or the read scope of the event's type */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown event or subscription */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            /** @description Invalid body, or an event older than the retention window (`beyond_retention`) */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many replays for an endpoint; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit.optional"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining.optional"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset.optional"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Keys */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueOwnApiKey"];
            };
        };
        responses: {
            /** @description The first answer, secret included (a replay) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKey"];
                };
            };
            /** @description Issued */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKey"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            /** @description The calling key lacks `keys:manage`, or a scope it asked to grant */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This Idempotency-Key already issued a key whose secret cannot be shown again (`secret_not_replayable`), or the merchant holds too many working keys (`too_many_api_keys`) */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Key */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.6"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    deleteApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.6"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    updateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateApiKey"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.6"];
            409: components["responses"]["Error409.5"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    rotateApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateApiKey"];
            };
        };
        responses: {
            /** @description The first answer, secret included (a replay) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedApiKey"];
                };
            };
            /** @description Rotated */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedApiKey"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            /** @description The calling key lacks `keys:manage`, or a scope of the key it rotates */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            404: components["responses"]["Error404.6"];
            409: components["responses"]["Error409.5"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listInboundShipments: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
                status?: "expected" | "partially_received" | "received" | "cancelled";
                reference?: string;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ASNs */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundShipmentList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    createInboundShipment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInboundShipment"];
            };
        };
        responses: {
            /** @description The existing ASN (a replay) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundShipment"];
                };
            };
            /** @description Announced */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundShipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409.3"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getInboundShipment: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ASN */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundShipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.4"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    updateInboundShipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AmendInboundShipment"];
            };
        };
        responses: {
            /** @description Amended */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundShipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.4"];
            409: components["responses"]["Error409.3"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    cancelInboundShipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundShipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.4"];
            409: components["responses"]["Error409.3"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    sandboxGetSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxSettings"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    sandboxUpdateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SandboxSettingsInput"];
            };
        };
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxSettings"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    sandboxFulfillOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SandboxFulfill"];
            };
        };
        responses: {
            /** @description The existing shipment (a replay) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            /** @description Shipped */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            /** @description The order's state forbids shipping; `code` says why */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    sandboxAdvanceShipment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SandboxAdvance"];
            };
        };
        responses: {
            /** @description Advanced */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.3"];
            /** @description The shipment cannot move; `code` says why */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    sandboxReplenishInventory: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SandboxReplenish"];
            };
        };
        responses: {
            /** @description The same replenishment (a replay) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundShipment"];
                };
            };
            /** @description Received */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundShipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            /** @description An unknown `sku` or `warehouse_id`, or a bad `quantity` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsStartPickingOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsHoldOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HoldOrder"];
            };
        };
        responses: {
            /** @description The order */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsReleaseOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsAcceptOrderCancellationRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsRejectOrderCancellationRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectCancellation"];
            };
        };
        responses: {
            /** @description The order */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsCreateShipment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateShipment"];
            };
        };
        responses: {
            /** @description The existing shipment (a replay) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            /** @description Shipped */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsSetShipmentStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateShipmentStatus"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.3"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsTrackingEventsShipment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordTrackingEvents"];
            };
        };
        responses: {
            /** @description The shipment with the events recorded */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.3"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsVoidShipment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Voided */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.3"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsCreateInventoryAdjustment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInventoryAdjustment"];
            };
        };
        responses: {
            /** @description The first result (a replay) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryAdjustment"];
                };
            };
            /** @description Recorded */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryAdjustment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            /** @description Would take on_hand below zero or below what is allocated */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsConditionMovesInventory: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInventoryConditionMove"];
            };
        };
        responses: {
            /** @description The first result (a replay) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryConditionMove"];
                };
            };
            /** @description Moved */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryConditionMove"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            /** @description `from` holds fewer units, or only stock being picked could cover them */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsCreateInboundShipmentReceipt: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InboundReceipt"];
            };
        };
        responses: {
            /** @description The ASN with this receipt counted */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundShipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.4"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsCloseInboundShipment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Closed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundShipment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.4"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsCreateReturn: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordReturn"];
            };
        };
        responses: {
            /** @description The first result (a replay) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Return"];
                };
            };
            /** @description Recorded */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Return"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409.4"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsReceiveReturn: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiveReturn"];
            };
        };
        responses: {
            /** @description Received */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Return"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.7"];
            409: components["responses"]["Error409.4"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    opsProcessReturn: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Processed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Return"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.7"];
            409: components["responses"]["Error409.4"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listBillingCharges: {
        parameters: {
            query?: {
                fee?: "order" | "additional_unit" | "packaging" | "freight" | "receiving" | "return" | "storage";
                source_type?: "shipment" | "receipt" | "return" | "storage_day";
                source_id?: string;
                /** @description Every charge that refers to the order: its shipments' fees, credits and returns. */
                order_id?: string;
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Charges */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChargeList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listBillingRateCards: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rate cards */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateCardList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Invoices */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.8"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    listInvoiceLines: {
        parameters: {
            query?: {
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Lines */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceLineList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.8"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    "listInvoiceLines.csv": {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lines */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404.8"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    adminListTenants: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tenants */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantList"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminCreateTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTenant"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedTenant"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413.2"];
            415: components["responses"]["Error415.2"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminGetTenant: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tenant */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404.5"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminListTenantApiKeys: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Keys */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404.5"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminCreateTenantApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKey"];
            };
        };
        responses: {
            /** @description Issued */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKey"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404.5"];
            413: components["responses"]["Error413.2"];
            415: components["responses"]["Error415.2"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminListApiKeys: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Keys */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminCreateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKey"];
            };
        };
        responses: {
            /** @description Issued */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKey"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413.2"];
            415: components["responses"]["Error415.2"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminDeleteApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            /** @description Unknown key */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminListWarehouses: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Warehouses */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarehouseList"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminCreateWarehouse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWarehouse"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Warehouse"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            409: components["responses"]["Error409.6"];
            413: components["responses"]["Error413.2"];
            415: components["responses"]["Error415.2"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminListShippingMethods: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen. */
                updated_since?: string;
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Shipping methods */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippingMethodList"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminCreateShippingMethod: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateShippingMethod"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippingMethod"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            409: components["responses"]["Error409.6"];
            413: components["responses"]["Error413.2"];
            415: components["responses"]["Error415.2"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminUpdateShippingMethod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateShippingMethod"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippingMethod"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            /** @description Unknown shipping method */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["Error413.2"];
            415: components["responses"]["Error415.2"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminListStuckOperations: {
        parameters: {
            query?: {
                status?: "parked" | "retried" | "discarded";
                /** @description Opaque cursor from `pagination.next_cursor` of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Operations */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StuckOperationList"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminGetStuckOperation: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operation */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StuckOperation"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404.9"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminRetryStuckOperation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retried */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StuckOperationRetried"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404.9"];
            /** @description Not parked any more, or it failed again */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["Error413.2"];
            415: components["responses"]["Error415.2"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminDiscardStuckOperation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Discarded */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StuckOperation"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404.9"];
            /** @description Not parked any more */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["Error413.2"];
            415: components["responses"]["Error415.2"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminListTenantRateCards: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`. */
                "x-consistency-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rate cards */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["RateCard"][];
                    };
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404.5"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
    adminRateCardsTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRateCard"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Server-Timing": components["headers"]["Server-Timing"];
                    "X-Consistency-Token": components["headers"]["X-Consistency-Token"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateCard"];
                };
            };
            400: components["responses"]["Error400.2"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404.5"];
            413: components["responses"]["Error413.2"];
            415: components["responses"]["Error415.2"];
            422: components["responses"]["Error422.2"];
            429: components["responses"]["Error429.2"];
            500: components["responses"]["Error500.2"];
            503: components["responses"]["Error503.2"];
        };
    };
}
