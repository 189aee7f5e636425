import { readScopeOf, unreadable } from "../domain/events";
import { refused } from "../domain/refusals";
import type { Scope } from "../domain/scopes";

/** 403 unless `scopes` may read every one of `types` (`"*"` standing for all of them). */
export function assertReadable(types: readonly string[], scopes: readonly Scope[]) {
  const type = unreadable(types, scopes);
  if (type) {
    const scope = readScopeOf(type);
    throw refused("insufficient_scope", { event_type: type, required_scope: scope });
  }
}
