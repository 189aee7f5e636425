import {
  CANCELLATION_ANSWERS,
  type CancellationAnswer,
  TRACKING_STATUSES,
  type TrackingStatus,
} from "../../domain/statuses";
import { type ConsoleContext, outcome } from "../api";
import {
  CheckboxField,
  CsrfField,
  Field,
  type FormState,
  SelectField,
  unplaced,
} from "../components/fields";
import { Problem, Refused } from "../components/messages";
import type { ReturnTo } from "../components/shipments-table";
import { type Form, noticeOf, readForm, text, whole } from "../forms";
import { render } from "../layout";
import type { SettingsView } from "../views";
import { renderOrder } from "./order";

const SECONDS = [
  ["pick_after_seconds", "Pick after (seconds)"],
  ["ship_after_seconds", "Ship after (seconds)"],
  ["deliver_after_seconds", "Deliver after (seconds)"],
] as const;
const SETTINGS_FIELDS = [
  "auto_fulfill",
  ...SECONDS.map(([n]) => n),
  "parcels_per_order",
  "cancellation_requests",
  "cancellation_rejection_reason",
];

const settingsValues = (s: SettingsView): Record<string, string> => ({
  auto_fulfill: s.auto_fulfill ? "on" : "",
  pick_after_seconds: String(s.pick_after_seconds),
  ship_after_seconds: String(s.ship_after_seconds),
  deliver_after_seconds: String(s.deliver_after_seconds),
  parcels_per_order: String(s.parcels_per_order),
  cancellation_requests: s.cancellation_requests,
  cancellation_rejection_reason: s.cancellation_rejection_reason,
});

interface SandboxState {
  settings?: FormState;
  fulfil?: FormState;
  advance?: FormState;
}

function SettingsForm(props: {
  csrf: string;
  values: Record<string, string>;
  failure?: FormState["failure"];
}) {
  const { values, failure } = props;
  const rest = unplaced(failure, SETTINGS_FIELDS);
  return (
    <form
      method="post"
      action="/console/sandbox/settings"
      class="panel"
      aria-labelledby="auto-title"
    >
      <h2 id="auto-title">Auto-fulfil</h2>
      <p class="meta">
        The sandbox warehouse picks, ships and delivers every fully allocated order by itself,
        through the same commands, events and webhooks as the floor.
      </p>
      {rest ? <Problem failure={rest} title="The API refused the settings" /> : null}
      <CsrfField token={props.csrf} />
      <CheckboxField
        name="auto_fulfill"
        label="Fulfil orders automatically"
        checked={values.auto_fulfill === "on"}
        failure={failure}
      />
      <div class="grid">
        {SECONDS.map(([name, label]) => (
          <Field
            name={name}
            label={label}
            value={values[name]}
            inputmode="numeric"
            failure={failure}
          />
        ))}
        <Field
          name="parcels_per_order"
          label="Parcels per order"
          value={values.parcels_per_order}
          inputmode="numeric"
          failure={failure}
        />
        <SelectField
          name="cancellation_requests"
          label="Cancellation requests after picking"
          value={values.cancellation_requests}
          options={CANCELLATION_ANSWERS}
          failure={failure}
        />
        <Field
          name="cancellation_rejection_reason"
          label="Rejection reason"
          value={values.cancellation_rejection_reason}
          failure={failure}
        />
      </div>
      <button type="submit">Save settings</button>
    </form>
  );
}

function FulfilForm(props: { csrf: string; state?: FormState }) {
  const failure = props.state?.failure;
  const rest = unplaced(failure, ["order_id", "parcels"]);
  return (
    <form
      method="post"
      action="/console/sandbox/fulfill"
      class="panel"
      aria-labelledby="fulfil-title"
    >
      <h2 id="fulfil-title">Fulfil an order</h2>
      {rest ? <Problem failure={rest} title="The sandbox refused" /> : null}
      <CsrfField token={props.csrf} />
      <input type="hidden" name="return_to" value="sandbox" />
      <Field
        name="order_id"
        label="Order id"
        value={props.state?.values.order_id}
        placeholder="ord_…"
        failure={failure}
      />
      <Field
        name="parcels"
        label="Parcels (optional)"
        value={props.state?.values.parcels}
        inputmode="numeric"
        failure={failure}
      />
      <button type="submit">Pick and ship now</button>
    </form>
  );
}

function AdvanceForm(props: { csrf: string; state?: FormState }) {
  const failure = props.state?.failure;
  const rest = unplaced(failure, ["shipment_id", "status"]);
  return (
    <form
      method="post"
      action="/console/sandbox/advance"
      class="panel"
      aria-labelledby="advance-title"
    >
      <h2 id="advance-title">Advance a shipment</h2>
      {rest ? <Problem failure={rest} title="The sandbox refused" /> : null}
      <CsrfField token={props.csrf} />
      <input type="hidden" name="return_to" value="sandbox" />
      <Field
        name="shipment_id"
        label="Shipment id"
        value={props.state?.values.shipment_id}
        placeholder="shp_…"
        failure={failure}
      />
      <SelectField
        name="status"
        label="Status"
        value={props.state?.values.status}
        options={TRACKING_STATUSES}
        blank="The carrier's next status"
        failure={failure}
      />
      <button type="submit">Advance</button>
    </form>
  );
}

async function renderSandbox(c: ConsoleContext, state: SandboxState = {}, status?: number) {
  const settings = await outcome(c.var.api.v1.sandbox.settings.$get());
  const csrf = c.var.session?.csrf ?? "";
  return render(
    c,
    {
      title: "Sandbox",
      section: "sandbox",
      notice: noticeOf(c),
      status: status ?? settings.status,
    },
    <>
      <h1>Sandbox controls</h1>
      <p class="lead">
        The warehouse played by the API itself, in development and sandbox only. Everything here
        goes through /v1/sandbox.
      </p>
      {settings.ok ? (
        <>
          <SettingsForm
            csrf={csrf}
            values={state.settings?.values ?? settingsValues(settings.body)}
            failure={state.settings?.failure}
          />
          <div class="grid">
            <FulfilForm csrf={csrf} state={state.fulfil} />
            <AdvanceForm csrf={csrf} state={state.advance} />
          </div>
        </>
      ) : (
        <Refused failure={settings} what="the sandbox controls" />
      )}
    </>,
  );
}

export const sandboxPage = (c: ConsoleContext) => renderSandbox(c);

/** Blank keeps the API's default; anything else goes as typed for the API to judge. */
const optionalWhole = (form: Form, name: string) => {
  const value = text(form, name);
  return value.trim() === "" ? undefined : whole(value);
};

/** Blank keeps the API's default; anything else goes as typed. */
const optionalText = (form: Form, name: string) => {
  const value = text(form, name);
  return value.trim() === "" ? undefined : value;
};

export async function saveSettings(c: ConsoleContext) {
  const form = await readForm(c);
  const values: Record<string, string> = { auto_fulfill: text(form, "auto_fulfill") };
  for (const name of SETTINGS_FIELDS.slice(1)) values[name] = text(form, name);
  const saved = await outcome(
    c.var.api.v1.sandbox.settings.$put({
      json: {
        auto_fulfill: values.auto_fulfill === "on",
        pick_after_seconds: optionalWhole(form, "pick_after_seconds"),
        ship_after_seconds: optionalWhole(form, "ship_after_seconds"),
        deliver_after_seconds: optionalWhole(form, "deliver_after_seconds"),
        parcels_per_order: optionalWhole(form, "parcels_per_order"),
        // As typed: the API's 422 names a value it does not know.
        cancellation_requests: optionalText(form, "cancellation_requests") as
          | CancellationAnswer
          | undefined,
        cancellation_rejection_reason: optionalText(form, "cancellation_rejection_reason"),
      },
    }),
  );
  if (saved.ok) return c.redirect("/console/sandbox?notice=settings_saved", 303);
  return renderSandbox(c, { settings: { values, failure: saved } }, saved.status);
}

const returnTo = (form: Form): ReturnTo => {
  const value = text(form, "return_to");
  return value === "order" || value === "shipments" ? value : "sandbox";
};

export async function fulfilOrder(c: ConsoleContext) {
  const form = await readForm(c);
  const values = { order_id: text(form, "order_id").trim(), parcels: text(form, "parcels") };
  const shipped = await outcome(
    c.var.api.v1.sandbox.orders[":id"].fulfill.$post({
      param: { id: values.order_id },
      header: {},
      json: { parcels: optionalWhole(form, "parcels") },
    }),
  );
  if (shipped.ok) {
    return c.redirect(
      `/console/orders/${encodeURIComponent(shipped.body.order_id)}?notice=fulfilled`,
      303,
    );
  }
  if (returnTo(form) === "order" && values.order_id) {
    return renderOrder(c, values.order_id, { fulfil: shipped }, shipped.status);
  }
  // A 404 names no field, but it can only be about the order id typed.
  const failure = shipped.status === 404 ? { ...shipped, field: "order_id" } : shipped;
  return renderSandbox(c, { fulfil: { values, failure } }, shipped.status);
}

export async function advanceShipment(c: ConsoleContext) {
  const form = await readForm(c);
  const values = { shipment_id: text(form, "shipment_id").trim(), status: text(form, "status") };
  const advanced = await outcome(
    c.var.api.v1.sandbox.shipments[":id"].advance.$post({
      param: { id: values.shipment_id },
      header: {},
      json: values.status ? { status: values.status as TrackingStatus } : {},
    }),
  );
  if (advanced.ok) {
    const back = returnTo(form);
    const target =
      back === "order"
        ? `/console/orders/${encodeURIComponent(advanced.body.order_id)}`
        : `/console/${back}`;
    return c.redirect(`${target}?notice=advanced`, 303);
  }
  const failure = advanced.status === 404 ? { ...advanced, field: "shipment_id" } : advanced;
  return renderSandbox(c, { advance: { values, failure } }, advanced.status);
}
