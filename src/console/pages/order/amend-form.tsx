import { MAX_LINES } from "../../../domain/shapes";
import { CheckboxField, CsrfField, Field, type FormState, unplaced } from "../../components/fields";
import { Problem } from "../../components/messages";
import { type Form, optional, text, whole } from "../../forms";
import type { AmendBody, OrderView } from "../../views";

const SHIP_TO_FIELDS = [
  ["name", "Name", true],
  ["company", "Company", false],
  ["email", "Email", false],
  ["phone", "Phone", false],
  ["address1", "Address line 1", true],
  ["address2", "Address line 2", false],
  ["city", "City", true],
  ["state", "State", false],
  ["postcode", "Postcode", false],
  ["country", "Country (ISO 3166 alpha-2)", true],
] as const;
type ShipToField = (typeof SHIP_TO_FIELDS)[number][0];

const HANDLING_TEXT = ["packing_note", "gift_message", "shipping_method_id"] as const;
const HANDLING_FLAGS = ["signature_required", "insurance"] as const;

/** The amend form's values for an order: each named by its path in the API's body. */
function formValues(order: OrderView): Record<string, string> {
  const values: Record<string, string> = { version: order.version };
  for (const name of HANDLING_TEXT) values[name] = order[name] ?? "";
  for (const name of HANDLING_FLAGS) values[name] = order[name] ? "on" : "";
  for (const [name] of SHIP_TO_FIELDS) values[`ship_to.${name}`] = order.ship_to[name] ?? "";
  order.items.forEach((item, i) => {
    // Each line goes back named, so two lines of one SKU stay apart.
    values[`items[${i}].line_id`] = item.line_id ?? item.id;
    values[`items[${i}].sku`] = item.sku;
    values[`items[${i}].quantity`] = String(item.quantity);
  });
  return values;
}

export function submittedValues(form: Form): Record<string, string> {
  const values: Record<string, string> = { version: text(form, "version") };
  for (const name of [...HANDLING_TEXT, ...HANDLING_FLAGS]) values[name] = text(form, name);
  for (const [name] of SHIP_TO_FIELDS) values[`ship_to.${name}`] = text(form, `ship_to.${name}`);
  // Lines come from the form the order was shown with: items[0] up to the first gap.
  for (let i = 0; text(form, `items[${i}].sku`) !== "" && i < MAX_LINES; i++) {
    values[`items[${i}].line_id`] = text(form, `items[${i}].line_id`);
    values[`items[${i}].sku`] = text(form, `items[${i}].sku`);
    values[`items[${i}].quantity`] = text(form, `items[${i}].quantity`);
  }
  return values;
}

/**
 * The PATCH body: only what differs from the order as it is now, as the API's amend
 * expects. `items` is the full set of lines whenever any quantity changed.
 */
export function amendBody(order: OrderView, sent: Record<string, string>): AmendBody {
  const now = formValues(order);
  const body: AmendBody = {};
  for (const name of HANDLING_TEXT) {
    if (sent[name] !== now[name]) body[name] = optional(sent[name] ?? "");
  }
  for (const name of HANDLING_FLAGS) {
    if (sent[name] !== now[name]) body[name] = sent[name] === "on";
  }
  const shipTo: Partial<Record<ShipToField, string | null>> = {};
  for (const [name, , required] of SHIP_TO_FIELDS) {
    const value = sent[`ship_to.${name}`] ?? "";
    if (value !== now[`ship_to.${name}`]) shipTo[name] = required ? value : optional(value);
  }
  if (Object.keys(shipTo).length > 0) body.ship_to = shipTo as AmendBody["ship_to"];
  const lines = Object.keys(sent).filter((k) => /^items\[\d+\]\.sku$/.test(k)).length;
  const items = Array.from({ length: lines }, (_, i) => ({
    ...(sent[`items[${i}].line_id`] ? { line_id: sent[`items[${i}].line_id`] } : {}),
    sku: sent[`items[${i}].sku`] ?? "",
    quantity: whole(sent[`items[${i}].quantity`] ?? ""),
  }));
  const changed =
    items.length !== order.items.length ||
    items.some(
      (item, i) => item.sku !== order.items[i]?.sku || item.quantity !== order.items[i]?.quantity,
    );
  if (changed) body.items = items;
  return body;
}

export function AmendForm(props: { order: OrderView; csrf: string; state?: FormState }) {
  const { order, csrf } = props;
  const values = props.state?.values ?? formValues(order);
  const failure = props.state?.failure;
  const names = Object.keys(values);
  const rest = unplaced(failure, names);
  return (
    <form
      method="post"
      action={`/console/orders/${encodeURIComponent(order.id)}/amend`}
      class="panel"
      aria-labelledby="amend-title"
    >
      <h2 id="amend-title">Amend</h2>
      <p class="meta">
        Sends only what you change, with If-Match on version {values.version}. The API decides
        whether the order can still change.
      </p>
      {rest ? <Problem failure={rest} title="The API refused the amendment" /> : null}
      <CsrfField token={csrf} />
      <input type="hidden" name="version" value={values.version} />
      <fieldset>
        <legend>Handling</legend>
        <Field
          name="packing_note"
          label="Packing note"
          value={values.packing_note}
          failure={failure}
        />
        <Field
          name="gift_message"
          label="Gift message"
          value={values.gift_message}
          failure={failure}
        />
        <Field
          name="shipping_method_id"
          label="Shipping method id"
          value={values.shipping_method_id}
          failure={failure}
        />
        <CheckboxField
          name="signature_required"
          label="Signature required"
          checked={values.signature_required === "on"}
          failure={failure}
        />
        <CheckboxField
          name="insurance"
          label="Insurance"
          checked={values.insurance === "on"}
          failure={failure}
        />
      </fieldset>
      <fieldset>
        <legend>Ship to</legend>
        <div class="grid">
          {SHIP_TO_FIELDS.map(([name, label]) => (
            <Field
              name={`ship_to.${name}`}
              label={label}
              value={values[`ship_to.${name}`]}
              failure={failure}
            />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Quantities</legend>
        <div class="grid">
          {names
            .filter((n) => /^items\[\d+\]\.sku$/.test(n))
            .map((skuName) => {
              const base = skuName.slice(0, -".sku".length);
              const lineId = values[`${base}.line_id`] ?? "";
              return (
                <>
                  <input type="hidden" name={`${base}.line_id`} value={lineId} />
                  <input type="hidden" name={skuName} value={values[skuName]} />
                  <Field
                    name={`${base}.quantity`}
                    label={
                      lineId.startsWith("li_")
                        ? `Quantity of ${values[skuName]}`
                        : `Quantity of ${values[skuName]} (line ${lineId})`
                    }
                    value={values[`${base}.quantity`]}
                    inputmode="numeric"
                    failure={failure}
                  />
                </>
              );
            })}
        </div>
      </fieldset>
      <button type="submit">Amend order</button>
    </form>
  );
}
