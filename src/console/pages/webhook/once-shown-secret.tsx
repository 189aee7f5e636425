import { Time } from "../../components/values";

/** The signing secret, the one time the API returns it. */
export function OnceShownSecret(props: { secret: string; previousExpiresAt?: string }) {
  return (
    <div class="secret" role="status">
      <p>
        <strong>Signing secret — copy it now; it is not shown again:</strong>
      </p>
      <p>
        <code>{props.secret}</code>
      </p>
      {props.previousExpiresAt ? (
        <p class="meta">
          The previous secret keeps signing alongside it until <Time at={props.previousExpiresAt} />
          .
        </p>
      ) : null}
    </div>
  );
}
