import type { ApiFailure } from "../api";
import { unplaced } from "./fields";

/*
 * What the console says back: the API's refusals as it gave them, and the notice a redirect
 * after a successful action carries.
 */

/** The API's refusal, plainly: status, code, message and the request id to quote. */
export function Problem(props: { failure: ApiFailure; title?: string }) {
  const { failure } = props;
  return (
    <div class="problem" role="alert">
      {props.title ? (
        <p>
          <strong>{props.title}</strong>
        </p>
      ) : null}
      <p>
        <strong>
          {failure.status} {failure.code}
        </strong>
        : {failure.message}
      </p>
      {failure.requestId ? <p class="meta">Request {failure.requestId}</p> : null}
    </div>
  );
}

/** A section the API would not show this key: a missing scope says so, anything else as is. */
export function Refused(props: { failure: ApiFailure; what: string }) {
  const { failure } = props;
  if (failure.status === 403 && failure.requiredScope) {
    return (
      <div class="problem" role="alert">
        <p>
          This API key lacks the <code>{failure.requiredScope}</code> scope, so {props.what} cannot
          be shown.
        </p>
      </div>
    );
  }
  return <Problem failure={failure} />;
}

/** A refusal naming one of the filters shows beside it; anything else above the list. */
export function RefusedUnlessPlaced(props: {
  failure: ApiFailure;
  names: readonly string[];
  what: string;
}) {
  const rest = unplaced(props.failure, props.names);
  return rest ? <Refused failure={rest} what={props.what} /> : null;
}

export function Notice(props: { text: string | undefined }) {
  return props.text ? (
    <div class="notice" role="status">
      <p>{props.text}</p>
    </div>
  ) : null;
}
