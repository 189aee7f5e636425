import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { type ClientRequestOptions, type ClientResponse, hc } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import { expect } from "vitest";
import type { AppType } from "../../src/app";
import { ErrorEnvelope } from "../../src/domain/shapes";
import worker from "../../src/index";

export const ADMIN_TOKEN = "test-admin-token";
export const BASE = "https://api.test";

/** What a test reads of a response: the body is already parsed (JSON, else text). */
export interface Reply<Body = unknown, Status extends number = number> {
  status: Status;
  headers: Headers;
  body: Body;
}

/**
 * A route's declared success bodies are typed; anything else is an error envelope or a
 * bare status, read through `expectError`.
 */
type ReplyOf<R> =
  R extends ClientResponse<infer Body, infer Status, infer Format>
    ? Reply<
        Status extends SuccessStatusCode ? (Format extends "json" ? Body : string) : unknown,
        Status
      >
    : never;

type Empty = Record<never, never>;

/** hc demands `header: {}` and `query: {}` even when every field in them is optional. */
type Relaxed<A> = { [K in keyof A as Empty extends A[K] ? K : never]?: A[K] } & {
  [K in keyof A as Empty extends A[K] ? never : K]: A[K];
};

type Send<A, R> =
  Empty extends Relaxed<A>
    ? (args?: Relaxed<A>, options?: ClientRequestOptions) => Promise<ReplyOf<R>>
    : (args: Relaxed<A>, options?: ClientRequestOptions) => Promise<ReplyOf<R>>;

type Method = "$get" | "$post" | "$put" | "$patch" | "$delete";

/** The hc client with every `$method` answering a `Reply` instead of a raw Response. */
type Client<C> = {
  [K in keyof C as K extends "$url" | "$path" | "$ws" ? never : K]: K extends Method
    ? C[K] extends (args: infer A, options?: ClientRequestOptions) => Promise<infer R>
      ? Send<NonNullable<A>, R>
      : never
    : Client<C[K]>;
};

interface Deploy {
  /**
   * The Worker's ENVIRONMENT var for these calls, `null` for a deploy that forgot it: how
   * sandbox and production rules run without a second deploy.
   */
  ENVIRONMENT?: string | null;
  /** The control database for these calls: `controlOutage()`'s, to fail it for them alone. */
  DB?: D1Database;
  /** The shards bound for these calls: a deploy with more of the databases the pool binds. */
  SHARDS?: string;
  /** The console's session secret for these calls: a deploy that rotated it. */
  CONSOLE_SESSION_SECRET?: string;
}

interface ClientOptions extends Deploy {
  /** Sent with every request, e.g. the client address (`cf-connecting-ip`). */
  headers?: Record<string, string>;
}

/**
 * Requests go to the Worker's fetch handler directly, with its real bindings. (The pool's
 * SELF adds a hop that slows with every call made, cloudflare/workers-sdk#15446.)
 */
export async function handle(request: Request, deploy: Deploy = {}): Promise<Response> {
  const { ENVIRONMENT: _, ...rest } = env;
  const configured =
    deploy.ENVIRONMENT === undefined
      ? env
      : deploy.ENVIRONMENT === null
        ? rest
        : { ...rest, ENVIRONMENT: deploy.ENVIRONMENT };
  const bindings = {
    ...configured,
    ...(deploy.DB ? { DB: deploy.DB } : {}),
    ...(deploy.SHARDS ? { SHARDS: deploy.SHARDS } : {}),
    ...(deploy.CONSOLE_SESSION_SECRET
      ? { CONSOLE_SESSION_SECRET: deploy.CONSOLE_SESSION_SECRET }
      : {}),
  };
  const ctx = createExecutionContext();
  const res = await worker.fetch(request, bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // non-JSON bodies (the docs page) stay as text
  }
  return { status: res.status, headers: res.headers, body };
}

const METHODS = new Set<PropertyKey>(["$get", "$post", "$put", "$patch", "$delete"]);

function replying<C extends object>(target: C): Client<C> {
  return new Proxy(target, {
    get(on, key) {
      const next: unknown = Reflect.get(on, key);
      if (typeof next !== "function") return next;
      if (!METHODS.has(key)) return replying(next);
      return async (...args: unknown[]) => reply(await next(...args));
    },
  }) as Client<C>;
}

/**
 * The API as a partner calls it, typed from the app's routes:
 * `await client(key).v1.orders[":id"].$get({ param: { id } })`.
 */
export function client(key?: string | null, options: ClientOptions = {}) {
  return replying(
    hc<AppType>(BASE, {
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        handle(new Request(input, init), options),
      headers: { ...options.headers, ...(key ? { authorization: `Bearer ${key}` } : {}) },
    }),
  );
}

export type Api = ReturnType<typeof client>;

/** The query of a route, for helpers that pass one on: `QueryOf<Api["v1"]["events"]["$get"]>`. */
export type QueryOf<M> = M extends (...args: infer P) => unknown
  ? NonNullable<NonNullable<P[0]> extends { query?: infer Q } ? Q : never>
  : never;

/** The operator's API under /admin/v1, with the suite's ADMIN_TOKEN. */
export const admin = client(ADMIN_TOKEN).admin.v1;

interface RawOptions extends Deploy {
  key?: string | null;
  /** Sent as JSON, whatever the route's schema says. */
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

/**
 * A request the typed client cannot express: bad JSON, another content type, a huge
 * body, fields the schema refuses, a path no route has. The body is `unknown`: narrow it.
 */
export function raw(method: string, path: string, options: RawOptions = {}): Promise<Reply> {
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(`${BASE}${path}`, { method, headers, body });
  return handle(request, options).then(reply);
}

/** What a failed assertion shows of a body: enough to see why, not a 500-line order. */
const shown = (body: unknown) => JSON.stringify(body).slice(0, 1000);

/** Asserts the status (showing the body if not) and narrows the reply to it. */
export function expectStatus<R extends Reply, S extends R["status"]>(
  res: R,
  status: S,
): asserts res is R & { status: S } {
  expect(res.status, shown(res.body)).toBe(status);
}

/** Asserts a 2xx and returns its body: for the steps a test stands on rather than checks. */
export async function ok<R extends Reply>(
  pending: Promise<R>,
): Promise<Extract<R, { status: SuccessStatusCode }>["body"]> {
  const res = await pending;
  expect(res.status >= 200 && res.status < 300, `${res.status} ${shown(res.body)}`).toBe(true);
  return res.body;
}

/** Narrows to success replies, for checks over many replies at once. */
export const succeeded = <R extends Reply>(res: R): res is R & { status: SuccessStatusCode } =>
  res.status >= 200 && res.status < 300;

/** Asserts the shared error envelope and returns its `error` object. */
export function expectError(res: Reply, status: number, code: string, field?: string) {
  expect(res.status, shown(res.body)).toBe(status);
  const { error } = ErrorEnvelope.parse(res.body);
  expect(error.code).toBe(code);
  expect(error.request_id).toMatch(/^req_/);
  expect(res.headers.get("x-request-id")).toBe(error.request_id);
  if (field !== undefined) expect(error.field).toBe(field);
  return error;
}
