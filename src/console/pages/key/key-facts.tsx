import { Badge, Time } from "../../components/values";
import { type Form, text } from "../../forms";
import type { ApiKeyView } from "../../views";

const IDEMPOTENCY_FIELD = "idempotency_key";

/**
 * A form that issues a key carries its own Idempotency-Key, new with each page: sent twice
 * (a double click, a resubmit after a lost answer), it issues one key and shows its secret
 * again, rather than issuing a second.
 */
export function IdempotencyField() {
  return <input type="hidden" name={IDEMPOTENCY_FIELD} value={crypto.randomUUID()} />;
}

export function idempotencyOf(form: Form) {
  const key = text(form, IDEMPOTENCY_FIELD);
  return key ? { "idempotency-key": key } : {};
}

export const keyPath = (id: string) => `/console/keys/${encodeURIComponent(id)}`;

/** Where a key stands now: the API gives the times, the console reads them against the clock. */
export function KeyStatus(props: { apiKey: ApiKeyView }) {
  const k = props.apiKey;
  if (k.revoked_at) return <Badge value="revoked" tone="bad" />;
  if (k.expires_at && Date.parse(k.expires_at) <= Date.now()) {
    return <Badge value="expired" tone="bad" />;
  }
  if (k.replaced_by) return <Badge value="rotated" />;
  return <Badge value="active" tone="good" />;
}

/** A new key's secret, the one time the API returns it. */
export function OnceShownKey(props: { id: string; secret: string; previousExpiresAt?: string }) {
  return (
    <div class="secret" role="status">
      <p>
        <strong>API key — copy it now; it is not shown again:</strong>
      </p>
      <p>
        <code>{props.secret}</code>
      </p>
      {props.previousExpiresAt ? (
        <p class="meta">
          The key it replaces keeps working until <Time at={props.previousExpiresAt} />.
        </p>
      ) : null}
      <p>
        <a href={keyPath(props.id)}>Open the new key</a>
      </p>
    </div>
  );
}
