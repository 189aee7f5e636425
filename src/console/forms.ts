import type { Context } from "hono";

/*
 * Reading what a console form sent. Values go to the API as typed, never pre-judged here:
 * the API's 4xx, with the field it names, is what the page shows.
 */

export type Form = Record<string, string | File | (string | File)[]>;

export const readForm = (c: Context): Promise<Form> => c.req.parseBody({ all: true });

/** The field's value (the first, when sent more than once); "" when absent. */
export function text(form: Form, name: string): string {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
}

export function texts(form: Form, name: string): string[] {
  const value = form[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === "string",
  );
}

/** An optional text field: blank clears it (null), as the API's optional fields take. */
export const optional = (value: string) => (value.trim() === "" ? null : value);

/**
 * A whole number as typed; anything else goes to the API as null, whose 422 then names
 * the field. "" is null too, never a silent 0.
 */
export function whole(value: string): number {
  const trimmed = value.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The query's non-empty values among `names`: what a list page passes on to the API. */
export function filtersOf<N extends string>(c: Context, names: readonly N[]) {
  const picked: Partial<Record<N, string>> = {};
  for (const name of names) {
    const value = c.req.query(name)?.trim();
    if (value) picked[name] = value;
  }
  return picked;
}

/** Fixed texts for the `?notice=` a redirect after a successful action carries. */
const NOTICES: Record<string, string> = {
  signed_out: "You are signed out.",
  amended: "The order was amended.",
  cancelled: "The order was cancelled.",
  cancellation_requested: "The warehouse was asked to stop the order; it will accept or reject.",
  cancellation_accepted: "The request was accepted: the order is cancelled.",
  cancellation_rejected: "The request was rejected: the order goes on.",
  nothing_changed: "Nothing changed, so nothing was sent.",
  fulfilled: "The sandbox warehouse shipped the order.",
  advanced: "The shipment moved to its next carrier status.",
  settings_saved: "The sandbox settings were saved.",
  test_sent: "A webhook.test event is on its way.",
  redelivered: "The event is queued for delivery again.",
  enabled: "The endpoint is enabled again.",
  key_updated: "The key was saved.",
  key_revoked: "The key is revoked: its next request is refused.",
};

export const noticeOf = (c: Context) => NOTICES[c.req.query("notice") ?? ""];
