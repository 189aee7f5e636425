import { CsrfField, Field, type FormState, unplaced } from "../../components/fields";
import { Problem } from "../../components/messages";
import type { OrderView } from "../../views";

export function CancelForm(props: { order: OrderView; csrf: string; state?: FormState }) {
  const failure = props.state?.failure;
  const rest = unplaced(failure, ["reason"]);
  return (
    <form
      method="post"
      action={`/console/orders/${encodeURIComponent(props.order.id)}/cancel`}
      class="panel"
      aria-labelledby="cancel-title"
    >
      <h2 id="cancel-title">Cancel</h2>
      {rest ? <Problem failure={rest} title="The API refused the cancellation" /> : null}
      <CsrfField token={props.csrf} />
      <Field
        name="reason"
        label="Reason (optional)"
        value={props.state?.values.reason}
        failure={failure}
      />
      <button type="submit" class="danger">
        Cancel order
      </button>
    </form>
  );
}
