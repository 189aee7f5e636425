import type { Context, ExecutionContext } from "hono";
import { type ClientResponse, hc } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import type { AppType } from "../app";
import { ErrorEnvelope } from "../domain/shapes";
import type { Session } from "./session";

/*
 * The console reads and writes only through the API, in this isolate, with the signed-in
 * key as its bearer: it shows exactly what the API answers that key, scopes and rate limit
 * included, and never a query of its own.
 */

/** The Worker's own fetch: the console's way in to the API. */
export type ApiFetch = (
  request: Request,
  env: Env,
  ctx: ExecutionContext,
) => Response | Promise<Response>;

const typedClient = (origin: string, options: Parameters<typeof hc>[1]) =>
  hc<AppType>(origin, options);
export type Api = ReturnType<typeof typedClient>;

export interface ConsoleEnv {
  Bindings: Env;
  Variables: {
    /** Set by the app's request middleware before the console runs: what a refusal quotes. */
    requestId: string;
    secret: string;
    session: Session | null;
    /** The API as the signed-in key; set for every page behind sign-in. */
    api: Api;
  };
}

export type ConsoleContext = Context<ConsoleEnv>;

/** The API as `key`, from the caller's address, so failed keys count against the caller. */
export function apiAs(c: ConsoleContext, fetchApi: ApiFetch, key: string): Api {
  const address = c.req.header("cf-connecting-ip");
  return typedClient(new URL(c.req.url).origin, {
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      fetchApi(new Request(input, init), c.env, c.executionCtx),
    headers: {
      authorization: `Bearer ${key}`,
      ...(address ? { "cf-connecting-ip": address } : {}),
    },
  });
}

/** What the API refused, as its error envelope says it. */
export interface ApiFailure {
  status: number;
  code: string;
  message: string;
  field?: string;
  requestId?: string;
  requiredScope?: string;
}

export type Outcome<T> = { ok: true; status: number; body: T } | ({ ok: false } & ApiFailure);

type SuccessBody<R> =
  R extends ClientResponse<infer Body, infer Status, infer _Format>
    ? Status extends SuccessStatusCode
      ? Body
      : never
    : never;

/** An API call's success body, typed by its route, or its error envelope. */
export async function outcome<R extends ClientResponse<unknown, number, string>>(
  pending: Promise<R>,
): Promise<Outcome<SuccessBody<R>>> {
  const res = await pending;
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: reported below as an unexpected answer
  }
  if (res.status >= 200 && res.status < 300) {
    return { ok: true, status: res.status, body: body as SuccessBody<R> };
  }
  const envelope = ErrorEnvelope.safeParse(body);
  if (!envelope.success) {
    return {
      ok: false,
      status: res.status,
      code: "unexpected_response",
      message: `The API answered ${res.status} without an error envelope.`,
    };
  }
  const { error } = envelope.data;
  return {
    ok: false,
    status: res.status,
    code: error.code,
    message: error.message,
    field: error.field,
    requestId: error.request_id,
    requiredScope: typeof error.required_scope === "string" ? error.required_scope : undefined,
  };
}
