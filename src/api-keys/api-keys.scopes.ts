import { z } from "@hono/zod-openapi";
import { SCOPES, type Scope } from "../domain/scopes";
import type { Environment } from "../lib/environment";
export const ScopeSchema = z.enum(SCOPES).openapi("Scope");

/** In production the warehouse floor is the 3PL's alone: only platform keys may operate it. */
export const tenantMayHold = (scope: Scope, environment: Environment) =>
  scope !== "warehouse:operate" || environment !== "production";

export const defaultTenantScopes = (environment: Environment): Scope[] =>
  SCOPES.filter((s) => tenantMayHold(s, environment));
