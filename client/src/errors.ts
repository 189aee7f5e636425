import type { components } from "./schema.js";

/** The `error` object of the API's one error envelope: code, message, field, request_id, … */
export type ErrorBody = components["schemas"]["Error"]["error"];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function envelopeOf(status: number, body: unknown, requestId: string): ErrorBody {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === "string" && typeof error.message === "string") {
    const id = typeof error.request_id === "string" ? error.request_id : requestId;
    return { ...error, code: error.code, message: error.message, request_id: id };
  }
  // Not the API speaking (a proxy's 502 page, say): keep what it said, under a code of our own.
  const text = typeof body === "string" ? body : JSON.stringify(body ?? null);
  return { code: `http_${status}`, message: text.slice(0, 500), request_id: requestId };
}

/** A non-2xx answer, after any retries: the envelope's fields, typed. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly code: string;
  readonly field: string | undefined;
  readonly requestId: string;
  /** The whole `error` object, including fields particular to the code (`current_version`, …). */
  readonly error: ErrorBody;

  /** The final answer (its body already read), for headers such as Retry-After. */
  declare readonly response: Response;

  constructor(
    readonly status: number,
    body: unknown,
    response: Response,
  ) {
    const requestId = response.headers.get("x-request-id") ?? "";
    const error = envelopeOf(status, body, requestId);
    super(error.message);
    // Not enumerable: a logged or uncaught error then shows the envelope, not a Response dump.
    Object.defineProperty(this, "response", { value: response, enumerable: false });
    this.error = error;
    this.code = error.code;
    this.field = typeof error.field === "string" ? error.field : undefined;
    this.requestId = error.request_id;
  }

  /** The fields beyond code, message, field and request_id (e.g. `order_status`). */
  get details(): Record<string, unknown> {
    const { code: _c, message: _m, field: _f, request_id: _r, ...rest } = this.error;
    return rest;
  }
}
