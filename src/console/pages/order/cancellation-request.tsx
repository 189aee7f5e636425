import { ActionButton } from "../../components/action-button";
import { CsrfField, Field, type FormState, unplaced } from "../../components/fields";
import { Problem } from "../../components/messages";
import { Badge, Time } from "../../components/values";
import type { OrderView } from "../../views";

/**
 * Once picking started a cancel is refused: the partner asks the floor instead. The panel
 * shows the request and its answer, the request form while one can be made, and where the
 * console plays the floor (the sandbox) the floor's accept and reject while one waits.
 */
export function CancellationRequestPanel(props: {
  order: OrderView;
  csrf: string;
  canRequest: boolean;
  canAnswer: boolean;
  state?: FormState;
}) {
  const { order, csrf, canRequest, canAnswer } = props;
  const request = order.cancellation_request;
  const failure = props.state?.failure;
  const rest = unplaced(failure, ["reason"]);
  const path = `/console/orders/${encodeURIComponent(order.id)}/cancellation-request`;
  return (
    <section class="panel" aria-labelledby="cancellation-request-title">
      <h2 id="cancellation-request-title">Cancellation request</h2>
      {rest ? <Problem failure={rest} title="The API refused" /> : null}
      {request ? (
        <dl class="facts">
          <dt>Status</dt>
          <dd>
            <Badge value={request.status} />
          </dd>
          <dt>Reason</dt>
          <dd>{request.reason ?? "—"}</dd>
          <dt>Requested</dt>
          <dd>
            <Time at={request.requested_at} />
          </dd>
          <dt>Decided</dt>
          <dd>
            <Time at={request.decided_at} />
          </dd>
          <dt>Rejection reason</dt>
          <dd>{request.rejection_reason ?? "—"}</dd>
        </dl>
      ) : null}
      {canRequest ? (
        <form method="post" action={path}>
          <p class="meta">
            Picking has started, so the warehouse decides: it accepts (the order is cancelled and
            its stock released) or rejects with a reason.
          </p>
          <CsrfField token={csrf} />
          <Field
            name="reason"
            label="Reason (optional)"
            value={props.state?.values.reason}
            failure={failure}
          />
          <button type="submit" class="danger">
            Request cancellation
          </button>
        </form>
      ) : null}
      {canAnswer ? (
        <>
          <p class="meta">As the sandbox warehouse:</p>
          <ActionButton
            action={`${path}/accept`}
            csrf={csrf}
            label="Accept: cancel the order"
            tone="danger"
          />
          <form method="post" action={`${path}/reject`}>
            <CsrfField token={csrf} />
            <Field name="rejection_reason" label="Rejection reason" failure={failure} />
            <button type="submit" class="secondary">
              Reject
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
