import { CsrfField, Field, type FormState, unplaced } from "../../components/fields";
import { Problem } from "../../components/messages";
import { webhookPath } from "./path";

/** What the form shows again: the refusal, or how many events the last call queued. */
export type RecoverState = FormState & { queued?: { events: number; nextCursor: string | null } };

export function RecoverForm(props: { id: string; csrf: string; state?: RecoverState }) {
  const failure = props.state?.failure;
  const queued = props.state?.queued;
  const rest = unplaced(failure, ["since"]);
  return (
    <form
      method="post"
      action={`${webhookPath(props.id)}/recover`}
      class="inline-form"
      aria-label="Recover"
    >
      <CsrfField token={props.csrf} />
      <Field
        name="since"
        label="Recover events since"
        value={props.state?.values.since}
        placeholder="2026-07-02T09:15:00Z"
        failure={failure}
      />
      {queued?.nextCursor ? <input type="hidden" name="cursor" value={queued.nextCursor} /> : null}
      <button type="submit" class="secondary">
        {queued?.nextCursor ? "Recover the next page" : "Recover"}
      </button>
      {rest ? <Problem failure={rest} title="The API refused the recovery" /> : null}
      {queued ? (
        <p role="status">
          Queued {queued.events} {queued.events === 1 ? "event" : "events"} for delivery
          {queued.nextCursor ? "; more match: recover the next page once these have gone." : "."}
        </p>
      ) : null}
    </form>
  );
}
