import { type OrderAction, orderAllows } from "../../domain/actions";
import { environmentOf } from "../../lib/environment";
import { type ApiFailure, type ConsoleContext, outcome } from "../api";
import { ActionButton } from "../components/action-button";
import { ChargesTable } from "../components/charges-table";
import type { FormState } from "../components/fields";
import { Problem, Refused } from "../components/messages";
import { ShipmentsTable } from "../components/shipments-table";
import { Badge, Empty } from "../components/values";
import { noticeOf, optional, readForm, text } from "../forms";
import { checkChain } from "../history-check";
import { hasSandbox, render } from "../layout";
import { factsOfView } from "../views";
import { AmendForm, amendBody, submittedValues } from "./order/amend-form";
import { CancelForm } from "./order/cancel-form";
import { CancellationRequestPanel } from "./order/cancellation-request";
import { History, walkHistory } from "./order/history";
import { Facts, LinesTable } from "./order/summary";

interface PageState {
  amend?: FormState;
  cancel?: FormState;
  cancellationRequest?: FormState;
  fulfil?: ApiFailure;
}

/** The whole order page; after a refused action, with that refusal and the API's status. */
export async function renderOrder(
  c: ConsoleContext,
  id: string,
  state: PageState = {},
  status?: number,
) {
  const [found, history, charged] = await Promise.all([
    outcome(c.var.api.v1.orders[":id"].$get({ param: { id } })),
    walkHistory(c, id),
    outcome(c.var.api.v1.billing.charges.$get({ query: { order_id: id, limit: "100" } })),
  ]);
  if (!found.ok) {
    return render(
      c,
      { title: "Order", section: "orders", status: found.status },
      <>
        <h1>Order</h1>
        <Refused failure={found} what="this order" />
        <p>
          <a href="/console/orders">All orders</a>
        </p>
      </>,
    );
  }
  const order = found.body;
  const verdict = history.ok ? await checkChain(history.body) : null;
  const csrf = c.var.session?.csrf ?? "";
  const sandbox = hasSandbox(environmentOf(c.env));
  // Only what the API would take: the same rules that answer its 409s decide each button.
  const facts = factsOfView(order);
  const can = (action: OrderAction) => orderAllows(action, facts);
  // Once picking started a cancel is refused and the partner asks the floor instead.
  const canRequest = can("request_cancellation") && !can("cancel");
  return render(
    c,
    {
      title: `Order ${order.order_number}`,
      section: "orders",
      notice: noticeOf(c),
      status,
    },
    <>
      <p>
        <a href="/console/orders">← Orders</a>
      </p>
      <h1>
        Order {order.order_number} <Badge value={order.status} />
      </h1>
      <Facts order={order} />
      <h2>Lines</h2>
      <LinesTable order={order} />
      <h2>Shipments</h2>
      <ShipmentsTable
        shipments={order.shipments}
        advance={sandbox ? { csrf, returnTo: "order" } : undefined}
      />
      <h2>Charges</h2>
      {charged.ok ? (
        <ChargesTable label={`Charges for order ${order.order_number}`} lines={charged.body.data} />
      ) : (
        <Refused failure={charged} what="the order's charges" />
      )}
      {sandbox && (can("fulfil") || state.fulfil) ? (
        <section class="panel" aria-labelledby="sandbox-title">
          <h2 id="sandbox-title">Sandbox warehouse</h2>
          {state.fulfil ? <Problem failure={state.fulfil} title="The sandbox refused" /> : null}
          {can("fulfil") ? (
            <>
              <p class="meta">
                Picks and ships every allocated unit not yet shipped, in tracked parcels.
              </p>
              <ActionButton
                action="/console/sandbox/fulfill"
                csrf={csrf}
                label="Fulfil now"
                hidden={{ order_id: order.id, return_to: "order" }}
              />
            </>
          ) : null}
        </section>
      ) : null}
      {canRequest || order.cancellation_request || state.cancellationRequest ? (
        <CancellationRequestPanel
          order={order}
          csrf={csrf}
          canRequest={canRequest}
          canAnswer={sandbox && can("answer_cancellation")}
          state={state.cancellationRequest}
        />
      ) : null}
      {can("amend") || can("cancel") || state.amend || state.cancel ? (
        <div class="grid">
          {can("amend") || state.amend ? (
            <AmendForm order={order} csrf={csrf} state={state.amend} />
          ) : null}
          {can("cancel") || state.cancel ? (
            <CancelForm order={order} csrf={csrf} state={state.cancel} />
          ) : null}
        </div>
      ) : (
        <p class="meta" id="closed-actions">
          A {order.status.replace("_", " ")} order can no longer be amended or cancelled.
        </p>
      )}
      <h2>History</h2>
      {history.ok && history.body.length === 0 ? <Empty text="No history yet." /> : null}
      <History history={history} verdict={verdict} />
    </>,
  );
}

export const orderPage = (c: ConsoleContext) => renderOrder(c, c.req.param("id") ?? "");

export async function amendOrder(c: ConsoleContext) {
  const id = c.req.param("id") ?? "";
  const form = await readForm(c);
  const found = await outcome(c.var.api.v1.orders[":id"].$get({ param: { id } }));
  if (!found.ok) return renderOrder(c, id, {}, found.status);
  const sent = submittedValues(form);
  const body = amendBody(found.body, sent);
  if (Object.keys(body).length === 0) {
    return c.redirect(`/console/orders/${encodeURIComponent(id)}?notice=nothing_changed`, 303);
  }
  const amended = await outcome(
    c.var.api.v1.orders[":id"].$patch({
      param: { id },
      header: { "if-match": `"${sent.version}"` },
      json: body,
    }),
  );
  if (amended.ok) {
    return c.redirect(`/console/orders/${encodeURIComponent(id)}?notice=amended`, 303);
  }
  return renderOrder(c, id, { amend: { values: sent, failure: amended } }, amended.status);
}

export async function cancelOrder(c: ConsoleContext) {
  const id = c.req.param("id") ?? "";
  const reason = text(await readForm(c), "reason");
  const cancelled = await outcome(
    c.var.api.v1.orders[":id"].cancel.$post({ param: { id }, json: { reason: optional(reason) } }),
  );
  if (cancelled.ok) {
    return c.redirect(`/console/orders/${encodeURIComponent(id)}?notice=cancelled`, 303);
  }
  return renderOrder(
    c,
    id,
    { cancel: { values: { reason }, failure: cancelled } },
    cancelled.status,
  );
}

const backTo = (c: ConsoleContext, id: string, notice: string) =>
  c.redirect(`/console/orders/${encodeURIComponent(id)}?notice=${notice}`, 303);

export async function requestCancellation(c: ConsoleContext) {
  const id = c.req.param("id") ?? "";
  const reason = text(await readForm(c), "reason");
  const requested = await outcome(
    c.var.api.v1.orders[":id"]["cancellation-request"].$post({
      param: { id },
      header: {},
      json: { reason: optional(reason) },
    }),
  );
  if (requested.ok) {
    const cancelled = requested.body.status === "cancelled";
    return backTo(c, id, cancelled ? "cancelled" : "cancellation_requested");
  }
  const state = { values: { reason }, failure: requested };
  return renderOrder(c, id, { cancellationRequest: state }, requested.status);
}

/** The sandbox's floor accepts the pending request: the order is cancelled. */
export async function acceptCancellation(c: ConsoleContext) {
  const id = c.req.param("id") ?? "";
  const accepted = await outcome(
    c.var.api.v1.ops.orders[":id"]["cancellation-request"].accept.$post({
      param: { id },
      header: {},
    }),
  );
  if (accepted.ok) return backTo(c, id, "cancellation_accepted");
  const state = { values: {}, failure: accepted };
  return renderOrder(c, id, { cancellationRequest: state }, accepted.status);
}

/** The sandbox's floor rejects the pending request, with the reason typed. */
export async function rejectCancellation(c: ConsoleContext) {
  const id = c.req.param("id") ?? "";
  const reason = text(await readForm(c), "rejection_reason");
  const rejected = await outcome(
    c.var.api.v1.ops.orders[":id"]["cancellation-request"].reject.$post({
      param: { id },
      header: {},
      json: { reason },
    }),
  );
  if (rejected.ok) return backTo(c, id, "cancellation_rejected");
  // The API names its own field; the form calls it rejection_reason.
  const failure =
    rejected.field === "reason" ? { ...rejected, field: "rejection_reason" } : rejected;
  const state = { values: { rejection_reason: reason }, failure };
  return renderOrder(c, id, { cancellationRequest: state }, rejected.status);
}
