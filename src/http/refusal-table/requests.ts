import type { RefusalCode } from "../../domain/refusals";
import { archived, quoted, type Rendering } from "./rendering";

/** The request itself, and who is asking. */
export const REQUEST_REFUSALS = {
  invalid_json: {
    status: 400,
    about: "The body is not valid JSON.",
    message: (d) => `Request body is not valid JSON: ${d.reason}.`,
    messageOnly: ["reason"],
  },
  invalid_parameter: {
    status: 400,
    about: "A query parameter, path parameter or header is invalid; `field` names it.",
    message: (d) =>
      d.unknown_event !== undefined
        ? `after: no event ${quoted(d.unknown_event)} in your feed. ${archived(d.retention_days)}: a reader away that long restarts with updated_since.`
        : d.field === "x-consistency-token"
          ? "x-consistency-token: is not a token this API issued; send back an X-Consistency-Token response header unchanged."
          : `${d.field}: ${d.reason}`.replace(/\.?$/, "."),
    messageOnly: ["reason", "unknown_event", "retention_days"],
  },
  invalid_cursor: {
    status: 400,
    about:
      "`cursor` is not one this API issued, or names an event since archived: pass `pagination.next_cursor` unchanged.",
    message: (d) =>
      d.walk === "events"
        ? `cursor names no event in your feed. ${archived(d.retention_days)}: a reader away that long restarts with updated_since.`
        : d.walk === "recover"
          ? `cursor names no event in your feed: ${archived(d.retention_days).toLowerCase()}, so a recovery left that long cannot resume; start again with since.`
          : "cursor is not a cursor this API issued; pass pagination.next_cursor unchanged.",
    messageOnly: ["walk", "retention_days"],
  },
  bad_request: {
    status: 400,
    about: "A malformed request that none of the codes above describes.",
    message: (d) => `Malformed request: ${d.reason}.`,
    messageOnly: ["reason"],
  },
  payload_too_large: {
    status: 413,
    about: "The body is over 1 MiB.",
    message: () => "Request body exceeds the 1 MiB limit.",
  },
  unsupported_media_type: {
    status: 415,
    about: "A body was sent without `Content-Type: application/json`.",
    message: (d) =>
      `Request bodies must be JSON; send Content-Type: application/json${d.content_type ? ` (got ${quoted(d.content_type)})` : ""}.`,
    messageOnly: ["content_type"],
  },
  route_not_found: {
    status: 404,
    about: "No endpoint has this method and path.",
    message: (d) => `No route for ${d.method} ${d.path}.`,
    messageOnly: ["method", "path"],
  },
  method_not_allowed: {
    status: 405,
    about:
      "The path exists but not with this method; the `Allow` header and `allow` list the methods it answers.",
    message: (d) => `${d.method} is not allowed on ${d.path}; it answers ${d.allow}.`,
    messageOnly: ["method", "path"],
  },
  validation_error: {
    status: 422,
    about: "The body is well-formed JSON but not acceptable; `field` names the path into it.",
    message: (d) => (d.field ? `${d.field}: ${d.reason}`.replace(/\.?$/, ".") : "Invalid request."),
    messageOnly: ["reason"],
  },
  idempotency_key_reused: {
    status: 422,
    about:
      "The `Idempotency-Key` was already used for a different request (`resource_id` names what it made); send a new key.",
    message: (d) =>
      `This Idempotency-Key was already used for a different request (${d.operation} of ${d.resource_id}); use a new key for a new request.`,
    messageOnly: ["operation"],
  },
  missing_api_key: {
    status: 401,
    about: "No `Authorization: Bearer <key>` header.",
    message: () => "No API key: send it as 'Authorization: Bearer <key>'.",
  },
  invalid_api_key: {
    status: 401,
    about: "The key is malformed or unknown.",
    message: (d) =>
      d.malformed
        ? "Malformed Authorization header: expected 'Bearer <key>'."
        : "The API key is not valid.",
    messageOnly: ["malformed"],
  },
  revoked_api_key: {
    status: 401,
    about: "The key was revoked.",
    message: () => "This API key has been revoked.",
  },
  expired_api_key: {
    status: 401,
    about:
      "The key is past its `expires_at`: set by its owner, or the end of a rotation's overlap.",
    message: () => "This API key has expired.",
  },
  wrong_environment: {
    status: 401,
    about: "A `wms_test_…` key in production, or a `wms_live_…` key in development or sandbox.",
    message: (d) =>
      `This is the ${d.environment} environment, which accepts ${d.accepts}… keys; a ${d.presented}… key belongs to ${
        d.presented === "wms_live_" ? "production" : "development and sandbox"
      }.`,
    messageOnly: ["environment", "accepts", "presented"],
  },
  invalid_admin_token: {
    status: 401,
    about: "An admin endpoint without the right `ADMIN_TOKEN`.",
    message: () => "Admin endpoints need 'Authorization: Bearer <ADMIN_TOKEN>'.",
  },
  admin_disabled: {
    status: 503,
    about: "This deploy has no `ADMIN_TOKEN` configured.",
    message: () => "ADMIN_TOKEN is not configured for this deploy.",
  },
  insufficient_scope: {
    status: 403,
    about:
      "The key lacks `required_scope`; for events, reading `event_type` needs its resource's read scope.",
    message: (d) =>
      d.event_type
        ? `Events of type ${quoted(d.event_type)} carry data that needs the ${quoted(d.required_scope)} scope, which this API key lacks.`
        : `This API key lacks the ${quoted(d.required_scope)} scope.`,
  },
  tenant_key_required: {
    status: 403,
    about: "A partner endpoint called with a platform key: it acts for one merchant.",
    message: () => "This endpoint acts for one merchant; use a tenant API key, not a platform key.",
  },
  rate_limited: {
    status: 429,
    about:
      "Over the key's requests per minute, the admin ceiling per address, or a webhook's replays per minute; wait `Retry-After` seconds.",
    message: (d) =>
      d.webhook_id
        ? `Webhook ${d.webhook_id} may be sent ${d.limit} recover or redeliver calls per minute; retry after ${d.retry_after} s.`
        : d.limit === undefined
          ? `Too many admin requests from this address; retry after ${d.retry_after} s.`
          : `Rate limit of ${d.limit} requests per minute exceeded; retry after ${d.retry_after} s.`,
    messageOnly: ["limit"],
  },
  too_many_failed_attempts: {
    status: 429,
    about:
      "Too many refused keys or admin tokens from this address: until `Retry-After`, a request from it without a valid credential is refused unchecked. A request with a valid key is still answered, within its own key's rate limit.",
    message: (d) =>
      `Too many failed authentication attempts from this address; retry after ${d.retry_after} s.`,
  },
} as const satisfies Partial<Record<RefusalCode, Rendering>>;
