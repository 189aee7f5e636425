import type { Context } from "hono";
import type { Refusal, RefusalCode } from "../domain/refusals";
import { CHANGE_REFUSALS } from "./refusal-table/changes";
import type { Rendering } from "./refusal-table/rendering";
import { REQUEST_REFUSALS } from "./refusal-table/requests";
import { RESOURCE_REFUSALS } from "./refusal-table/resources";

/**
 * The one table from a refusal to what the client sees: status, message, and every code the
 * API can answer. Its entries are grouped in refusal-table/ by what the request got wrong;
 * the type below makes sure every code has exactly one. Every other member of a refusal goes
 * into the error envelope beside `code` and `message`, unless its entry names it `messageOnly`.
 */
const REFUSALS = {
  ...REQUEST_REFUSALS,
  ...RESOURCE_REFUSALS,
  ...CHANGE_REFUSALS,
} as const satisfies Record<RefusalCode, Rendering>;

const CHALLENGE = 'Bearer realm="fulfillment-api"';

/** The error envelope and headers for a refusal: the one way any error reaches a client. */
export function refusalResponse(c: Context, refusal: Refusal): Response {
  const { code, ...details } = refusal;
  const rendering: Rendering = REFUSALS[code];
  const shown = Object.fromEntries(
    Object.entries(details).filter(
      ([k, v]) => v !== undefined && !rendering.messageOnly?.includes(k),
    ),
  );
  if (rendering.status === 401) c.header("WWW-Authenticate", CHALLENGE);
  if (details.retry_after !== undefined) c.header("Retry-After", String(details.retry_after));
  if (code === "method_not_allowed") c.header("Allow", String(details.allow));
  return c.json(
    {
      error: {
        code: rendering.wire ?? code,
        message: rendering.message(details),
        ...shown,
        request_id: c.get("requestId"),
      },
    },
    rendering.status,
  );
}

/** The message a refusal is answered with. */
export const messageOf = (refusal: Refusal) => {
  const { code, ...details } = refusal;
  return (REFUSALS[code] as Rendering).message(details);
};

/** The status a code answers with. */
export const statusOf = (code: RefusalCode) => REFUSALS[code].status;

/** Every code the API can answer, as docs/errors.md lists it. */
export const errorCatalogue = () =>
  Object.entries(REFUSALS).map(([code, r]: [string, Rendering]) => ({
    code: r.wire ?? code,
    domain: code,
    status: r.status,
    about: r.about,
  }));
