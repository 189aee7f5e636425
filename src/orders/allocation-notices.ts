import { type Notice, tellOrder } from "../inventory/inventory.notices";

/**
 * Tells the orders whose waiting lines a change filled, before the response goes out, so
 * the caller reads a settled world. Only a Worker calls this, never an object holding its
 * queue. A failure here is only logged: each stock object keeps its notices until they
 * are delivered, and its alarm tells those orders again.
 */
export async function tellOrders(env: Env, tenantId: string, notices: Notice[]) {
  const results = await Promise.allSettled(notices.map((n) => tellOrder(env, tenantId, n)));
  for (const r of results) {
    if (r.status === "rejected" || !r.value) {
      console.error(
        JSON.stringify({
          level: "warn",
          msg: "allocation notice deferred to the stock alarm",
          err: r.status === "rejected" ? String(r.reason) : "order busy",
        }),
      );
    }
  }
}
