import { refused } from "../domain/refusals";
import { tenantOf } from "../http/auth";
import type { AppRouteHandler } from "../http/context";
import { renderSerial } from "./serials.render";
import type * as routes from "./serials.routes";
import { movementsOf } from "./serials.store";

export const get: AppRouteHandler<typeof routes.get> = async (c) => {
  const { sku, serial } = c.req.valid("param");
  const movements = await movementsOf(c.var.db, tenantOf(c), { sku, serial });
  const view = renderSerial({ sku, serial }, movements);
  if (!view) throw refused("not_found", { resource: "serial", id: `${sku}/${serial}` });
  return c.json(view, 200);
};
