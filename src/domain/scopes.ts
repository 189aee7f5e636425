/** What an API key may do (DESIGN.md, "Authentication, tenants, scopes"). */
export const SCOPES = [
  "orders:read",
  "orders:write",
  "shipments:read",
  "inventory:read",
  "products:read",
  "products:write",
  "inbound:read",
  "inbound:write",
  "returns:read",
  "returns:write",
  "webhooks:manage",
  "events:read",
  "keys:manage",
  "warehouse:operate",
  "billing:read",
] as const;

export type Scope = (typeof SCOPES)[number];
