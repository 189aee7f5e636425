/*
 * Every operation's `operationId`, which generated clients name their methods after, derived
 * from its method and path so that no route goes without one and all follow one grammar:
 * `listOrders`, `getOrder`, `createOrder`, `updateOrder`, `cancelOrder`,
 * `listWebhookDeliveries`. Floor, sandbox and operator routes carry their namespace
 * (`opsCreateShipment`, `sandboxFulfillOrder`, `adminListTenants`). A route may name its own
 * where the grammar reads badly.
 */

const NAMESPACES = new Set(["ops", "sandbox"]);

/** Sub-collections a POST adds to, where the last segment is a noun and not an action. */
const COLLECTIONS = new Set(["receipts", "api-keys"]);

/** Actions whose verb reads better around the resource than before it. */
const ACTIONS: Record<string, (resource: string) => string> = {
  status: (r) => `set${r}Status`,
  "rotate-secret": (r) => `rotate${r}Secret`,
};

const VERBS: Record<string, string> = {
  get: "get",
  put: "replace",
  patch: "update",
  delete: "delete",
};

const pascal = (segment: string) =>
  segment
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");

const camel = (segment: string) => {
  const p = pascal(segment);
  return p.charAt(0).toLowerCase() + p.slice(1);
};

const singular = (segment: string) =>
  segment.endsWith("ies")
    ? `${segment.slice(0, -3)}y`
    : segment.endsWith("s") && !segment.endsWith("ss")
      ? segment.slice(0, -1)
      : segment;

const isParam = (segment: string) => segment.startsWith("{") || segment.startsWith(":");

/** `method` and `path` (as its router mounts it: `/orders/{id}/cancel`) as an operationId. */
export function operationIdOf(method: string, path: string, namespace = ""): string {
  let segments = path.split("/").filter((s) => s.length > 0);
  let prefix = namespace;
  if (NAMESPACES.has(segments[0] ?? "")) {
    prefix = segments[0] as string;
    segments = segments.slice(1);
  }
  const verb = method.toLowerCase();
  const last = segments[segments.length - 1] ?? "";
  const previous = segments[segments.length - 2];
  // The resources the path walks through, each named in the singular: /tenants/{id}/api-keys.
  const nouns = segments.filter((s) => !isParam(s));
  const owners = (n: number) =>
    nouns
      .slice(0, n)
      .map((s) => pascal(singular(s)))
      .join("");
  let name: string;
  if (isParam(last)) {
    name = `${VERBS[verb] ?? verb}${owners(nouns.length)}`;
  } else if (verb === "post" && previous !== undefined && !COLLECTIONS.has(last)) {
    // An action: on one resource (/orders/{id}/cancel) or a whole collection (/inventory/replenish).
    const target = isParam(previous)
      ? owners(nouns.length - 1)
      : `${owners(nouns.length - 2)}${pascal(previous)}`;
    name = ACTIONS[last]?.(target) ?? `${camel(last)}${target}`;
  } else if (verb === "post") {
    name = `create${owners(nouns.length)}`;
  } else {
    const whole = verb === "get" ? "list" : (VERBS[verb] ?? verb);
    name = `${whole}${owners(nouns.length - 1)}${pascal(last)}`;
  }
  return prefix ? `${prefix}${pascal(name)}` : name;
}
