import { z } from "@hono/zod-openapi";
import type { Environment } from "../env";

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
  "warehouse:operate",
] as const;

export type Scope = (typeof SCOPES)[number];
export const ScopeSchema = z.enum(SCOPES).openapi("Scope");

/** In production the warehouse floor is the 3PL's alone: only platform keys may operate it. */
export const tenantMayHold = (scope: Scope, environment: Environment) =>
  scope !== "warehouse:operate" || environment !== "production";

export const defaultTenantScopes = (environment: Environment): Scope[] =>
  SCOPES.filter((s) => tenantMayHold(s, environment));
